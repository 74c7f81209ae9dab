/**
 * deploy/slurm-array.sh under a real Slurm: submitted as its header says, from the project's
 * folder, as a 3-task job array; Slurm runs the shards, `convene merge` joins them, and the
 * merged file must equal the one-machine batch byte for byte. The cluster is the one
 * deploy/slurm-one-node.sh starts (CI runs it, as root, before the tests). Without sbatch, or
 * without a cluster that answers, the test is skipped, loudly, except in CI
 * (CONVENE_REQUIRE_SLURM=1), where that is a failure.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT, spawnCli, useTempFolder } from '../cli/harness.ts';

const SCENARIO = 'test/fixtures/cli/small.yaml';
const RUNS = 300;
const SHARDS = 3;

/** Why there is no cluster to submit to, or undefined if there is one. */
function noCluster(): string | undefined {
  if (spawnSync('sbatch', ['--version'], { stdio: 'ignore' }).status !== 0) return 'sbatch is not installed (run deploy/slurm-one-node.sh as root)';
  // An unreachable controller makes sinfo retry; do not wait for it longer than this.
  const sinfo = spawnSync('sinfo', ['-h', '-N', '-o', '%N %T'], { encoding: 'utf8', timeout: 20_000 });
  if (sinfo.status !== 0) return `sbatch is installed but no cluster answers sinfo (${(sinfo.stderr || sinfo.error?.message || '').trim()}); start one with deploy/slurm-one-node.sh as root`;
  if (!/ (idle|mixed|allocated|completing)/m.test(sinfo.stdout)) return `sinfo answers but lists no node ready for jobs:\n${sinfo.stdout.trim()}`;
  return undefined;
}

const why = noCluster();
const required = process.env.CONVENE_REQUIRE_SLURM === '1';
if (why) console.warn(`\n*** slurm.test.ts: ${why}: the Slurm job array test is ${required ? 'REQUIRED (CONVENE_REQUIRE_SLURM=1) and will fail' : 'SKIPPED'} ***\n`);

const folder = useTempFolder('slurm');
let job = '';
// A job left behind by a failed or timed-out test would write into a folder that is gone.
afterAll(() => {
  if (job) spawnSync('scancel', [job], { stdio: 'ignore' });
});

/** `sbatch --wait ...` from the project's folder: its exit status (the highest of the array's tasks) and output. */
function sbatch(args: string[], timeout: number): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('sbatch', ['--wait', ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1', CONVENE_DEBUG: '' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      job ||= /^Submitted batch job (\d+)$/m.exec(stdout)?.[1] ?? '';
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`the job array did not finish in ${timeout / 1000} s; squeue says:\n${spawnSync('squeue', { encoding: 'utf8' }).stdout}\nsbatch said: ${stdout}${stderr}`));
    }, timeout);
    child.once('error', reject);
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

describe('deploy/slurm-array.sh under Slurm', () => {
  it.skipIf(why !== undefined && !required)(`runs ${SHARDS} shards as a job array, and they merge into the one-machine file`, async () => {
    if (why) throw new Error(`CONVENE_REQUIRE_SLURM=1, yet ${why}`);
    const out = folder.path('results', 'out.csv');
    // As the header says, but one CPU a task (all three fit on a 2-CPU node), and Slurm's
    // output files in the temporary folder rather than the project's.
    const submitted = await sbatch(
      ['--array=0-' + (SHARDS - 1), '--cpus-per-task=1', '--output', folder.path('slurm-%A_%a.out'), 'deploy/slurm-array.sh', SCENARIO, String(RUNS), String(SHARDS), out],
      100_000,
    );
    expect(submitted.stdout, submitted.stderr).toMatch(/^Submitted batch job \d+$/m);
    expect(submitted.code, `sbatch --wait: ${submitted.stderr}`).toBe(0);

    // Slurm ran each task: its output file holds the shard's summary.
    for (let task = 0; task < SHARDS; task++) {
      const log = folder.path(`slurm-${job}_${task}.out`);
      expect(existsSync(log), `${log} (Slurm's output for task ${task})`).toBe(true);
      expect(await readFile(log, 'utf8')).toContain(`[shard ${task}/${SHARDS}], written to ${out}.shard${task}.csv`);
    }
    const results = await readdir(folder.path('results'));
    expect(results.filter((f) => f.endsWith('.csv')).sort()).toEqual(['out.csv.shard0.csv', 'out.csv.shard1.csv', 'out.csv.shard2.csv']);

    // The header's merge, its glob as the shell expands it.
    const merged = spawnSync('bash', ['-c', 'node bin/convene.js merge "$1".shard*.csv --out "$1"', 'merge', out], { cwd: ROOT, encoding: 'utf8' });
    expect(merged.status, merged.stderr).toBe(0);
    expect(merged.stderr).toContain(`${SHARDS} shards, ${RUNS} rows, written to ${out}`);

    const one = folder.path('one.csv');
    const batch = spawnCli(['batch', SCENARIO, '--runs', String(RUNS), '--out', one]);
    expect(batch.code, batch.stderr).toBe(0);
    const [a, b] = await Promise.all([readFile(out), readFile(one)]);
    expect(a.toString('utf8')).toBe(b.toString('utf8'));
    expect(a.equals(b)).toBe(true);
  }, 120_000);
});
