/**
 * Values that would break the arithmetic or whoever reads the output are refused or made inert:
 * amounts whose sums could overflow, ids that are the names of JavaScript's own object machinery,
 * spreadsheet formulas in a sweep's text cells (OWASP, "CSV Injection"), terminal escape
 * sequences in a results file's header.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, PRIVACY, ROOT, useTempFolder } from './harness.ts';

const folder = useTempFolder('hostile');

describe('amounts that could overflow a sum', () => {
  it('are refused with the field, the bound and the value', async () => {
    for (const [set, bound] of [
      ['stakeholders[0].power=2e307', '1000000000'],
      ['stakeholders[0].resources=1e300', '1000000000000'],
      ['stakeholders[0].salience=[1e300, 1]', '1000000'],
      ['convenor.attendanceCost=1e13', '1000000000000'],
      ['convenor.subsidies.civil=1e200', '1000000000000'],
    ]) {
      const r = await cli(['run', PRIVACY, '--set', set]);
      expect(r.code, set).toBe(2);
      expect(r.stderr, set).toContain(`must be a number ≤ ${bound} (a bound that keeps the model's sums finite)`);
      expect(r.stdout).toBe('');
    }
  });
});

describe('ids that name JavaScript object machinery', () => {
  for (const id of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    it(`refuses a constituency named ${id}, which would lose its subsidy`, async () => {
      const text = (await readFile(PRIVACY, 'utf8')).replace(/\bcivil\b/g, id);
      const file = folder.path(`${id}.yaml`);
      await writeFile(file, text);
      const r = await cli(['validate', file]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(new RegExp(`constituencies\\[2\\]\\.id: must not be "${id}": JavaScript objects already have that name`));
    });
  }
});

describe("a sweep's text cells", () => {
  it('begin with a quote when a spreadsheet would read them as a formula, in the rows and the summary', async () => {
    const values = ['=HYPERLINK("http://example.invalid","x")', '+1+1', '-2+3', '@SUM(A1:A9)', '\tTab', 'plain'];
    const experiment = folder.path('formulas.yaml');
    await writeFile(
      experiment,
      `experiment: 1\nscenario: ${join(ROOT, 'scenarios/reference.yaml')}\nseeds: 1\nparameters:\n  name: ${JSON.stringify(values)}\n  convenor.attendanceCost: [1]\n`,
    );
    const out = folder.path('formulas.csv');
    const r = await cli(['sweep', experiment, '--workers', '1', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    for (const file of [out, folder.path('formulas.summary.csv')]) {
      const cells = (await readFile(file, 'utf8')).trimEnd().split('\n').slice(1).map((line) => line.slice(line.indexOf(',') + 1));
      expect(cells[0]).toMatch(/^"'=HYPERLINK\(""http:\/\/example.invalid"",""x""\)",1,/);
      expect(cells[1]).toMatch(/^'\+1\+1,1,/);
      expect(cells[2]).toMatch(/^'-2\+3,1,/);
      expect(cells[3]).toMatch(/^'@SUM\(A1:A9\),1,/);
      expect(cells[4]).toMatch(/^'\tTab,1,/);
      // Plain text and numbers as they are.
      expect(cells[5]).toMatch(/^plain,1,/);
    }
  });
});

describe('a results file whose header holds terminal escape sequences', () => {
  it('is refused without sending them to the terminal', async () => {
    const file = folder.path('escapes.csv');
    await writeFile(file, 'seed,\u001b]0;owned\u0007\u001b[2J\u001b[31mred\n1,x\n');
    const r = await cli(['report', file, '--out', folder.path('escapes.html')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('not a results file');
    expect(r.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.stderr).toContain('\ufffd]0;owned');
  });
});
