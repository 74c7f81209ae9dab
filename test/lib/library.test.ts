/**
 * Library use (README, "Library use"): another Node project imports `convene` through the
 * package's `exports` (the built `dist-cli/lib.js` and its declarations, made by `pretest`), runs
 * scenarios and batches on worker threads, and gets the core's types.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScenario } from '../../sim/index.ts';
import { loadScenario } from '../../sim/scenario/index.ts';
import { ROOT } from '../cli/harness.ts';

const TSC = join(ROOT, 'node_modules/typescript/bin/tsc');
const REFERENCE = join(ROOT, 'scenarios/reference.yaml');

let project = '';
beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'convene-consumer-'));
  await writeFile(join(project, 'package.json'), JSON.stringify({ name: 'consumer', type: 'module', private: true }));
  await mkdir(join(project, 'node_modules'));
  // What `npm install ../convene` makes: a link to the package folder.
  await symlink(ROOT, join(project, 'node_modules/convene'), 'dir');
});
afterAll(async () => {
  await rm(project, { recursive: true, force: true });
});

describe("import ... from 'convene'", () => {
  it('runs a scenario and a batch on 2 worker threads, bit-identical to the core', async () => {
    await writeFile(
      join(project, 'script.mjs'),
      `import { readFileSync } from 'node:fs';
import { loadScenario, readScenarioFile, runBatch, runScenario, InvalidInput } from 'convene';
const loaded = loadScenario(readFileSync(${JSON.stringify(REFERENCE)}, 'utf8'), { filename: 'reference.yaml' });
const one = runScenario(loaded.scenario, { seed: 7 });
const batch = [];
await runBatch(loaded.scenario, { runs: 12, seedStart: 100, workers: 2, onResult: (r, k) => batch.push([k, r]) });
const read = await readScenarioFile(${JSON.stringify(REFERENCE)}, { overrides: ['convenor.deadline=30'] });
let invalid = '';
await readScenarioFile(${JSON.stringify(REFERENCE)}, { overrides: ['convenor.deadlin=30'] }).catch((e) => (invalid = e instanceof InvalidInput ? e.message : 'other'));
process.stdout.write(JSON.stringify({ one, batch, deadline: read.scenario.convenor.deadline, invalid }));
`,
    );
    const out = JSON.parse(execFileSync(process.execPath, ['script.mjs'], { cwd: project, encoding: 'utf8' }));
    const loaded = loadScenario(await readFile(REFERENCE, 'utf8'), { filename: 'reference.yaml' });
    if (!loaded.ok) throw new Error('reference.yaml does not load');
    expect(out.one).toEqual(runScenario(loaded.scenario, { seed: 7 }));
    expect(out.batch).toEqual(Array.from({ length: 12 }, (_, k) => [k, runScenario(loaded.scenario, { seed: 100 + k, record: false })]));
    expect(out.deadline).toBe(30);
    expect(out.invalid).toContain('convenor.deadlin');
    expect(out.invalid).toContain('did you mean deadline');
  }, 30_000);

  for (const resolution of ['nodenext', 'bundler']) {
    it(`is typed for a strict TypeScript project (moduleResolution ${resolution})`, async () => {
      await writeFile(
        join(project, 'typed.ts'),
        `import { loadScenario, runBatch, runScenario, type RunResult, type Scenario } from 'convene';
const loaded = loadScenario('seed: 1', { filename: 'x.yaml' });
if (loaded.ok) {
  const scenario: Scenario = loaded.scenario;
  const result: RunResult = runScenario(scenario, { seed: 1 });
  // @ts-expect-error: rounds is a number (an error here proves the types are real, not any)
  const rounds: string = result.rounds;
  void runBatch(scenario, { runs: 3, seedStart: 1, workers: 2, onResult: (r) => void r.legitimacy?.toFixed(2) });
  void rounds;
} else {
  for (const e of loaded.errors) console.log(e.path, e.message);
}
`,
      );
      const module = resolution === 'bundler' ? 'esnext' : 'nodenext';
      await writeFile(
        join(project, 'tsconfig.json'),
        JSON.stringify({ compilerOptions: { strict: true, module, moduleResolution: resolution, target: 'es2022', noEmit: true, skipLibCheck: false, types: [] }, files: ['typed.ts'] }),
      );
      let output = '';
      try {
        execFileSync(process.execPath, [TSC, '-p', '.'], { cwd: project, encoding: 'utf8' });
      } catch (error) {
        output = String((error as { stdout?: string }).stdout);
      }
      expect(output).toBe('');
    }, 60_000);
  }
});
