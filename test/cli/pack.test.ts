/**
 * The package as another project gets it: `npm pack` the clone (as built by `pretest`), install
 * the tarball into a fresh project, run the command it puts on the path and import the library,
 * typed. The README's library example is checked as written under strict TypeScript, then run.
 *
 * The command and library are bundled, so the install fetches only what their types name (zod and
 * yaml), from npm's cache where it can (`--prefer-offline`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, useTempFolder } from './harness.ts';

const folder = useTempFolder('pack');
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const NPM_ENV = { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };

/** The ```ts block of the README's "Library use" section. */
function readmeExample(): string {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Library use'));
  const block = /```ts\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error('the README\'s "Library use" section has no ```ts example');
  return block[1];
}

let project = '';
let tarball = '';

beforeAll(() => {
  // --ignore-scripts: `prepare` would rebuild dist-cli/ under the other tests' feet; pretest built it.
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', folder.dir], { cwd: ROOT, encoding: 'utf8', env: NPM_ENV });
  tarball = join(folder.dir, (JSON.parse(packed) as { filename: string }[])[0].filename);
  project = folder.path('analyst');
  execFileSync('mkdir', ['-p', join(project, 'scenarios')]);
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'analyst', private: true, type: 'module' }));
  cpSync(join(ROOT, 'scenarios/reference.yaml'), join(project, 'scenarios/reference.yaml'));
  const install = spawnSync('npm', ['install', '--prefer-offline', '--no-save', '--ignore-scripts', tarball], { cwd: project, encoding: 'utf8', env: NPM_ENV });
  if (install.status !== 0) throw new Error(`npm install of the tarball failed:\n${install.stderr}`);
}, 120_000);

describe('the packed package', () => {
  it('holds the built command and library, the bundled scenarios, and no sources or tests', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n');
    for (const file of ['package/bin/convene.js', 'package/dist-cli/convene.js', 'package/dist-cli/lib.js', 'package/dist-cli/batch-worker.js', 'package/dist-cli/types/lib/index.d.ts', 'package/scenarios/reference.yaml']) {
      expect(listing, file).toContain(file);
    }
    expect(listing.filter((f) => /^package\/(test|sim|cli|viz|bench)\//.test(f))).toEqual([]);
  });

  it('puts a working `convene` on the path', () => {
    const bin = join(project, 'node_modules/.bin/convene');
    expect(existsSync(bin)).toBe(true);
    expect(spawnSync(bin, ['--version'], { encoding: 'utf8' }).stdout.trim()).toContain(VERSION);
    const run = spawnSync(bin, ['run', 'scenarios/reference.yaml', '--seed', '3', '--json'], { cwd: project, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).seed).toBe(3);
  });

  it("typechecks the README's library example under strict TypeScript, as written, and runs it", () => {
    const example = readmeExample();
    writeFileSync(join(project, 'example.ts'), example);
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', skipLibCheck: false, types: ['node'], typeRoots: [join(ROOT, 'node_modules/@types')], outDir: 'out' }, files: ['example.ts'] }),
    );
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const checked = spawnSync(process.execPath, [tsc, '-p', '.'], { cwd: project, encoding: 'utf8' });
    expect(checked.status, checked.stdout + checked.stderr).toBe(0);

    // A wrong use of the types must fail the same check, or the check proves nothing.
    writeFileSync(join(project, 'wrong.ts'), "import { runScenario } from 'convene';\nrunScenario('not a scenario', { seed: 1 });\n");
    const wrong = spawnSync(process.execPath, [tsc, '--strict', '--noEmit', '--module', 'NodeNext', '--moduleResolution', 'NodeNext', '--types', 'node', '--typeRoots', join(ROOT, 'node_modules/@types'), 'wrong.ts'], { cwd: project, encoding: 'utf8' });
    expect(wrong.stdout).toMatch(/wrong\.ts\(2,13\): error TS2345/);

    // Run the compiled example with fewer runs, so the test stays short.
    const compiled = readFileSync(join(project, 'out/example.js'), 'utf8').replace('runs: 10_000', 'runs: 50');
    expect(compiled).toContain('runs: 50');
    writeFileSync(join(project, 'out/example.js'), compiled);
    const ran = spawnSync(process.execPath, ['out/example.js'], { cwd: project, encoding: 'utf8' });
    expect(ran.status, ran.stderr).toBe(0);
    // The last line is the counts object: its values add up to the 50 runs.
    const counts = Function(`return (${ran.stdout.slice(ran.stdout.lastIndexOf('{'))})`)() as Record<string, number>;
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(50);
  }, 60_000);
});
