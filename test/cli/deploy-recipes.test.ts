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
import { parseAllDocuments } from 'yaml';
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

describe('deploy/gnu-parallel.sh with a missing output folder', () => {
  it.skipIf(!existsSync('/usr/bin/parallel') && !process.env.CONVENE_REQUIRE_PARALLEL)("says so as convene does, exit 2, before any shard starts", () => {
    const out = folder.path('no-such-folder', 'out.csv');
    const run = spawnSync('bash', [join(ROOT, 'deploy/gnu-parallel.sh'), PRIVACY, String(RUNS), '2', out], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`--out ${out}: the folder ${folder.path('no-such-folder')} does not exist\n`);
  });
});

describe('deploy/slurm-array.sh', () => {
  const script = () => readFile(join(ROOT, 'deploy/slurm-array.sh'), 'utf8');

  it('asks for CPUs any node has, uses what it was given, and becomes the task (exec)', async () => {
    const text = await script();
    const cpus = Number(/^#SBATCH --cpus-per-task=(\d+)$/m.exec(text)?.[1]);
    // A 2-CPU node must be able to run a task; more is asked for with sbatch --cpus-per-task.
    expect(cpus).toBeGreaterThanOrEqual(1);
    expect(cpus).toBeLessThanOrEqual(2);
    expect(text).toMatch(/--workers "\$\{SLURM_CPUS_PER_TASK:-\d\}"/);
    expect(text).toMatch(/^exec node bin\/convene\.js batch /m);
    expect(text).not.toMatch(/npx/);
  });

  it('run as each task of a 4-task array, into a folder that does not exist yet, its shards merge into the one-machine file', async () => {
    const out = folder.path('slurm', 'results', 'out.csv');
    for (let task = 0; task < 4; task++) {
      execFileSync('bash', [join(ROOT, 'deploy/slurm-array.sh'), PRIVACY, String(RUNS), '4', out], {
        cwd: folder.dir,
        stdio: 'pipe',
        // As sbatch runs it: a copy of the script, from the folder the job was submitted in.
        env: { ...process.env, SLURM_ARRAY_TASK_ID: String(task), SLURM_CPUS_PER_TASK: '2', SLURM_SUBMIT_DIR: ROOT },
      });
    }
    const merged = folder.path('slurm-merged.csv');
    // As the docs' glob takes them: the shards, not their manifests beside them.
    const shards = (await readdir(folder.path('slurm', 'results'))).filter((f) => f.endsWith('.csv')).map((f) => folder.path('slurm', 'results', f));
    expect(shards).toHaveLength(4);
    const r = await cli(['merge', ...shards, '--out', merged]);
    expect(r.code, r.stderr).toBe(0);
    expect(await readFile(merged, 'utf8')).toBe(whole);
  }, 60_000);
});

describe('deploy/kubernetes-indexed-job.yaml', () => {
  const documents = async () => parseAllDocuments(await readFile(join(ROOT, 'deploy/kubernetes-indexed-job.yaml'), 'utf8')).map((d) => d.toJS());

  it('is an Indexed Job whose pods, run with each JOB_COMPLETION_INDEX, give shards that the merge Job joins into the one-machine file', async () => {
    const docs = await documents();
    const job = docs.find((d) => d.kind === 'Job' && d.spec.completionMode === 'Indexed');
    const merge = docs.find((d) => d.kind === 'Job' && d.metadata.name === 'convene-merge');
    expect(job.spec.parallelism).toBe(job.spec.completions);
    const container = job.spec.template.spec.containers[0];
    const shards = Number(container.env.find((e: { name: string }) => e.name === 'SHARDS').value);
    expect(shards).toBe(job.spec.completions);
    const script: string = container.args[0];
    expect(script).toMatch(/^exec node bin\/convene\.js batch /);
    expect(script).toContain('--shard "$JOB_COMPLETION_INDEX/$SHARDS"');
    expect(script).toContain('--resume');
    // The pod's command, on this machine: fewer runs, and the results volume in a temporary folder.
    const local = (text: string) => text.replace(/--runs \d+/, `--runs ${RUNS}`).replace('scenarios/reference.yaml', PRIVACY).replaceAll('/results/', `${folder.dir}/k8s-`);
    expect(local(script)).not.toBe(script);
    for (let index = 0; index < shards; index++) {
      execFileSync(container.command[0], [...container.command.slice(1), local(script)], {
        cwd: ROOT,
        stdio: 'pipe',
        env: { ...process.env, JOB_COMPLETION_INDEX: String(index), SHARDS: String(shards) },
      });
    }
    // The merge Job waits for the batch Job, then runs its container's command.
    const wait = merge.spec.template.spec.initContainers[0].command.join(' ');
    expect(wait).toContain(`kubectl wait --for=condition=complete job/${job.metadata.name}`);
    const mergeContainer = merge.spec.template.spec.containers[0];
    execFileSync(mergeContainer.command[0], [...mergeContainer.command.slice(1), local(mergeContainer.args[0])], { cwd: ROOT, stdio: 'pipe' });
    expect(await readFile(`${folder.dir}/k8s-out.csv`, 'utf8')).toBe(whole);
  }, 60_000);

  it('shares its results on a ReadWriteMany volume, and lets the merge Job read Jobs', async () => {
    const docs = await documents();
    const claim = docs.find((d) => d.kind === 'PersistentVolumeClaim' && d.metadata.name === 'convene-results');
    expect(claim.spec.accessModes).toEqual(['ReadWriteMany']);
    const role = docs.find((d) => d.kind === 'Role');
    expect(role.rules[0]).toMatchObject({ apiGroups: ['batch'], resources: ['jobs'], verbs: expect.arrayContaining(['get', 'watch']) });
    const binding = docs.find((d) => d.kind === 'RoleBinding');
    const merge = docs.find((d) => d.kind === 'Job' && d.metadata.name === 'convene-merge');
    expect(binding.subjects[0].name).toBe(merge.spec.template.spec.serviceAccountName);
  });
});
