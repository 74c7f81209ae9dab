import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { useTempFolder, cli, INVALID, PRIVACY, ROOT, SMALL, SMALL_JSON } from './harness.ts';

const folder = useTempFolder('validate');

describe('convene validate', () => {
  it('prints one line: name, issues, constituencies, stakeholders after expansion, warnings', async () => {
    const r = await cli(['validate', PRIVACY]);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')).toHaveLength(2);
    expect(r.stdout).toContain('"Privacy code of conduct (stylised)"');
    expect(r.stdout).toContain('2 issues');
    expect(r.stdout).toContain('3 constituencies');
    // One named stakeholder and a generated group of 25.
    expect(r.stdout).toContain('26 stakeholders');
    expect(r.stdout).toMatch(/\d+ warnings?/);
  });

  it('prints each warning on standard error, and counts them', async () => {
    const r = await cli(['validate', PRIVACY]);
    const warnings = r.stderr.split('\n').filter((line) => line.includes(': warning: '));
    expect(r.stdout).toContain(`${warnings.length} warning${warnings.length === 1 ? '' : 's'}`);
  });

  it('validates JSON files', async () => {
    const r = await cli(['validate', SMALL_JSON]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('5 stakeholders');
  });

  it('lists every error as file:line:col: path: message on standard error, and exits 2', async () => {
    const r = await cli(['validate', INVALID]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^\S*invalid\.yaml:\d+:\d+: \S+: .+/);
    expect(r.stderr).toMatch(/invalid\.yaml:10:\d+: stakeholders\[0\]\.ideal\[0\]: must be a number in \[0, 1\], got 1\.4/);
    expect(r.stderr).toMatch(/invalid\.yaml:12:\d+: convenor\.dedline: unknown field; did you mean deadline\?/);
  });

  it('names the file as it was given', async () => {
    const r = await cli(['validate', 'test/fixtures/cli/invalid.yaml']);
    expect(r.stderr).toMatch(/^test\/fixtures\/cli\/invalid\.yaml:10:/);
  });

  it('refuses syntax errors, an empty file and a file that is not a scenario', async () => {
    const cases = { 'syntax.yaml': 'convene: 1\nname: [unclosed\n', 'empty.yaml': '', 'list.json': '[1, 2]' };
    for (const [name, text] of Object.entries(cases)) {
      const file = folder.path(name);
      await writeFile(file, text);
      const r = await cli(['validate', file]);
      expect(r.code, name).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(file);
    }
  });

  it('checks overrides too, naming the bad one', async () => {
    const good = await cli(['validate', SMALL, '--set', 'stakeholders[2].generate=10']);
    expect(good.code).toBe(0);
    expect(good.stdout).toContain('12 stakeholders');
    const bad = await cli(['validate', SMALL, '--set', 'horizon=0']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('--set horizon=0');
  });

  it('accepts a small valid file', async () => {
    expect((await cli(['validate', SMALL])).code).toBe(0);
  });

  it('warns, with the field path, of what the scenario cannot do, exit 0; --strict refuses it, exit 2', async () => {
    // The convenor's dilemma: the box [0.5, 1] gives each cloud provider (ideal 0.1) at best 0.6,
    // below its reservation 0.65, so they will decline.
    const file = `${ROOT}scenarios/convenors-dilemma.yaml`;
    const r = await cli(['validate', file]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('convenors-dilemma.yaml: warning: stakeholders[0]: all 3 of this group (provider-1 among them)');
    expect(r.stderr).toContain('will decline the invitation: the best text inside convenor.acceptable gives provider-1 0.600, below its bottom line 0.650');
    expect(r.stdout).toContain('1 warning');
    const strict = await cli(['validate', file, '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain('refused: 1 warning, and --strict makes warnings errors');
    // Widened, the box brings them in: nothing to warn of, and --strict accepts it.
    const wide = await cli(['validate', file, '--strict', '--set', 'convenor.acceptable.min=[0.2]']);
    expect(wide.code, wide.stderr).toBe(0);
    expect(wide.stdout).toContain('0 warnings');
  });
});
