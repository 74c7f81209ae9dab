/**
 * A batch's memory against its length: the command's peak resident memory (the process and its
 * worker threads, `process.resourceUsage().maxRSS`) for 1,000,000 and for 10,000 runs of the
 * small committee, `convene batch SMALL --runs N --workers 2`, run as a user runs it
 * (`bin/convene.js`, with the V8 setting it makes), its CSV rows to /dev/null or to a file through
 * `--out` (checkpointed and hashed as they go). Bounded memory keeps the ratio near 1 (target:
 * under 1.2; see BENCHMARKS.md for what the rest is).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = new URL('../bin/convene.js', import.meta.url).href;
const SMALL = new URL('../test/fixtures/cli/small.yaml', import.meta.url).pathname;

export type RowsTo = 'stdout' | 'file';

/** Peak resident memory in MB of `convene batch SMALL --runs N --workers 2`. */
export function batchPeakMegabytes(runs: number, to: RowsTo = 'stdout'): number {
  const dir = mkdtempSync(join(tmpdir(), 'convene-bench-'));
  const args = ['batch', SMALL, '--runs', String(runs), '--workers', '2', ...(to === 'file' ? ['--out', join(dir, 'runs.csv')] : [])];
  // In the child: the command's own entry point, then the process's peak on fd 3 as it exits.
  const script = `import { writeSync } from 'node:fs';
process.argv = [process.argv[0], 'convene', ...${JSON.stringify(args)}];
process.on('exit', () => writeSync(3, String(process.resourceUsage().maxRSS)));
await import(${JSON.stringify(BIN)});`;
  // A file, not --eval: the worker threads inherit the process's flags.
  writeFileSync(join(dir, 'peak.mjs'), script);
  const devNull = openSync('/dev/null', 'w');
  try {
    const r = spawnSync(process.execPath, [join(dir, 'peak.mjs')], { stdio: ['ignore', devNull, 'pipe', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`convene batch --runs ${runs} exited with ${r.status}: ${r.stderr?.slice(-500)}`);
    return Number(r.output[3]) / 1024;
  } finally {
    closeSync(devNull);
    rmSync(dir, { recursive: true, force: true });
  }
}
