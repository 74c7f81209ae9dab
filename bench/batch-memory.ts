/**
 * A batch's memory against its length: the built command's peak resident memory (the process and
 * its worker threads, `process.resourceUsage().maxRSS`) for 1,000,000 and for 10,000 runs of the
 * small committee, CSV rows written to /dev/null. Bounded memory keeps the ratio
 * near 1 (target: under 1.2; see BENCHMARKS.md for what the rest is).
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const MAIN = new URL('../dist-cli/convene.js', import.meta.url).href;
const SMALL = new URL('../test/fixtures/cli/small.yaml', import.meta.url).pathname;

/** Peak resident memory in MB of `convene batch SMALL --runs N --workers 2`, rows to /dev/null. */
export function batchPeakMegabytes(runs: number): number {
  // In the child: run the command's main(), then report the process's peak on fd 3.
  const script = `const { main } = await import(${JSON.stringify(MAIN)});
const code = await main(${JSON.stringify(['batch', SMALL, '--runs', String(runs), '--workers', '2'])});
(await import('node:fs')).writeSync(3, String(process.resourceUsage().maxRSS));
process.exitCode = code;`;
  // A file, not --eval: the worker threads inherit the process's flags.
  const dir = mkdtempSync(join(tmpdir(), 'convene-bench-'));
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
