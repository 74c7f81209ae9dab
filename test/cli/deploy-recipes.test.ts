/**
 * The recipes in deploy/ run for real, as far as this machine allows: GNU parallel over ssh (with a
 * stand-in ssh that runs each host's command here), every task of the Slurm job array (the script
 * with SLURM_ARRAY_TASK_ID set, as sbatch would run it), and every pod of the Kubernetes Indexed
 * Job (the container's command with JOB_COMPLETION_INDEX set). Each time the merged shards must
 * equal the one-machine batch byte for byte.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'yaml';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTempFolder, cli, PRIVACY, ROOT } from './harness.ts';

const FAKE_SSH = join(ROOT, 'test/fixtures/deploy/fake-ssh');
const RUNS = 30;

const folder = useTempFolder('deploy');
let whole = '';
beforeAll(async () => {
  whole = await readFile(await oneMachine(), 'utf8');
});

async function oneMachine(): Promise<string> {
  const out = folder.path('one-machine.csv');
  const r = await cli(['batch', PRIVACY, '--runs', String(RUNS), '--workers', '1', '--out', out]);
  expect(r.code, r.stderr).toBe(0);
  return out;
}

async function mergeShards(prefix: string, out: string): Promise<void> {
  const shards = (await readdir(folder.dir)).filter((f) => f.startsWith(prefix)).map((f) => folder.path(f));
  expect(shards.length).toBeGreaterThan(1);
  const r = await cli(['merge', ...shards, '--out', out]);
  expect(r.code, r.stderr).toBe(0);
}

describe('deploy/gnu-parallel.sh over ssh', () => {
  const hasParallel = existsSync('/usr/bin/parallel');
  it.skipIf(!hasParallel && !process.env.CONVENE_REQUIRE_PARALLEL)('spreads the shards over two hosts and merges them into the one-machine file', async () => {
    const out = folder.path('ssh.csv');
    const log = folder.path('ssh-hosts.log');
    // Without SHELL, as on a CI runner: the stand-in gives the login environment sshd would.
    const { SHELL: _shell, ...env } = process.env;
    execFileSync('bash', [join(ROOT, 'deploy/gnu-parallel.sh'), PRIVACY, String(RUNS), '4', out, '--sshlogin', '1/hostA,1/hostB', '--ssh', FAKE_SSH], {
      cwd: ROOT,
      stdio: 'pipe',
      env: { ...env, FAKE_SSH_LOG: log },
    });
    expect(await readFile(out, 'utf8')).toBe(whole);
    const hosts = (await readFile(log, 'utf8')).trim().split('\n');
    expect(hosts).toHaveLength(4);
    expect(new Set(hosts)).toEqual(new Set(['hostA', 'hostB']));
    expect((await readdir(folder.dir)).filter((f) => f.includes('.shard'))).toEqual([]);
  }, 60_000);

  it.skipIf(!hasParallel && !process.env.CONVENE_REQUIRE_PARALLEL)('fails, naming each shard, when a host reports success but never ran its shard', () => {
    const out = folder.path('lost.csv');
    const run = spawnSync('bash', [join(ROOT, 'deploy/gnu-parallel.sh'), PRIVACY, String(RUNS), '2', out, '--sshlogin', '1/hostA', '--ssh', join(ROOT, 'test/fixtures/deploy/ssh-runs-nothing')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('shard 0 of 2 never started');
    expect(run.stderr).toContain('shard 1 of 2 never started');
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});

describe('deploy/slurm-array.sh', () => {
  it('run as each task of a 4-task array, its shards merge into the one-machine file', async () => {
    const out = folder.path('slurm.csv');
    for (let task = 0; task < 4; task++) {
      execFileSync('bash', [join(ROOT, 'deploy/slurm-array.sh'), PRIVACY, String(RUNS), '4', out], {
        cwd: ROOT,
        stdio: 'pipe',
        env: { ...process.env, SLURM_ARRAY_TASK_ID: String(task), SLURM_CPUS_PER_TASK: '2' },
      });
    }
    const merged = folder.path('slurm-merged.csv');
    await mergeShards('slurm.csv.shard', merged);
    expect(await readFile(merged, 'utf8')).toBe(whole);
  }, 60_000);
});

describe('deploy/kubernetes-indexed-job.yaml', () => {
  it('is an Indexed Job whose pods, run with each JOB_COMPLETION_INDEX, give shards that merge into the one-machine file', async () => {
    const job = parse(await readFile(join(ROOT, 'deploy/kubernetes-indexed-job.yaml'), 'utf8'));
    expect(job.kind).toBe('Job');
    expect(job.spec.completionMode).toBe('Indexed');
    const container = job.spec.template.spec.containers[0];
    const script: string = container.args[0];
    const shards = Number(/--shard "\$JOB_COMPLETION_INDEX\/(\d+)"/.exec(script)?.[1]);
    expect(shards).toBe(job.spec.completions);
    expect(script).toContain('--resume');
    // The pod's command, on this machine: fewer runs, and the results volume in a temporary folder.
    const local = script.replace(/--runs \d+/, `--runs ${RUNS}`).replace('scenarios/reference.yaml', PRIVACY).replaceAll('/results/', `${folder.dir}/k8s-`);
    expect(local).not.toBe(script);
    for (let index = 0; index < shards; index++) {
      execFileSync(container.command[0], [...container.command.slice(1), local], {
        cwd: ROOT,
        stdio: 'pipe',
        env: { ...process.env, JOB_COMPLETION_INDEX: String(index) },
      });
    }
    const merged = folder.path('k8s-merged.csv');
    await mergeShards('k8s-out.csv.shard', merged);
    expect(await readFile(merged, 'utf8')).toBe(whole);
  }, 60_000);
});
