/**
 * A batch's rows as tidy data: a boolean column per flag agreeing with `flags`, and the reading
 * examples of docs/experiments.md ("Reading the rows in pandas and R") run as written, reading
 * every number back exactly (17 significant digits printed by Python and R, parsed here).
 * pandas and R come from Debian (python3-pandas, r-base-core); without them these tests are
 * skipped, loudly, except in CI (CONVENE_REQUIRE_DATA_TOOLS=1), which installs them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFile, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { csvParse } from 'd3';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli, ROOT, useTempFolder } from './harness.ts';

const folder = useTempFolder('tidy');
const CAPTURE = join(ROOT, 'scenarios/capture-convenor-in-the-room.yaml');
const has = (command: string, args: string[]) => spawnSync(command, args, { stdio: 'ignore' }).status === 0;
// Debian's pandas is for Debian's Python, which may not be the first python3 on the PATH.
const python = ['python3', '/usr/bin/python3'].find((p) => has(p, ['-c', 'import pandas']));
const pandas = python !== undefined;
const r = has('Rscript', ['--version']);
const required = process.env.CONVENE_REQUIRE_DATA_TOOLS === '1';
if (!pandas || !r) {
  const missing = [!pandas && 'pandas (python3-pandas)', !r && 'R (r-base-core)'].filter(Boolean).join(' and ');
  console.warn(`\n*** tidy-data.test.ts: ${missing} not installed: the docs' reading examples are ${required ? 'REQUIRED (CONVENE_REQUIRE_DATA_TOOLS=1) and will fail' : 'SKIPPED'} ***\n`);
}

/** The fenced block of `language` in the docs' section on reading the rows. */
async function example(language: string): Promise<string> {
  const docs = await readFile(join(ROOT, 'docs/experiments.md'), 'utf8');
  const section = docs.slice(docs.indexOf('## Reading the rows in pandas and R'));
  const m = new RegExp('```' + language + '\\n([\\s\\S]*?)```').exec(section);
  if (!m) throw new Error(`no ${language} example in the section`);
  return m[1];
}

let rows: Record<string, string>[] = [];
beforeAll(async () => {
  const out = folder.path('batch.csv');
  const b = await cli(['batch', CAPTURE, '--runs', '60', '--workers', '1', '--out', out]);
  expect(b.code, b.stderr).toBe(0);
  await copyFile(out, folder.path('results.csv'));
  rows = csvParse(await readFile(out, 'utf8'));
});

describe('the rows of a batch', () => {
  it('have a boolean column per flag that says what flags says', () => {
    const flagged = { capture: 0, exclusion: 0, collateral_attack: 0 };
    for (const row of rows) {
      const flags = row.flags ? row.flags.split(';') : [];
      for (const [column, flag] of [['capture', 'capture'], ['exclusion', 'exclusion'], ['collateral_attack', 'collateral-attack']] as const) {
        expect(row[column]).toBe(flags.includes(flag) ? 'TRUE' : 'FALSE');
        if (row[column] === 'TRUE') flagged[column]++;
      }
    }
    // The scenario is about capture: some runs carry the flag, so the column is not all false.
    expect(flagged.capture).toBeGreaterThan(0);
  });
});

describe("the docs' reading examples", () => {
  const share = (column: string) => rows.filter((row) => row[column] === 'TRUE').length / rows.length;

  it.skipIf(!pandas && !required)('pandas: runs as written, reads the booleans as booleans and every float exactly', async () => {
    const check = `
${await example('python')}
assert runs["capture"].dtype == bool, runs["capture"].dtype
for column in ["support", "bestSupport", "participation", "inclusion", "legitimacy"]:
    print(column, ";".join("" if pd.isna(v) else repr(float(v)) for v in runs[column]))
print("capture_mean", repr(float(runs["capture"].mean())))
`;
    const output = execFileSync(python ?? 'python3', ['-c', check], { cwd: folder.dir, encoding: 'utf8' });
    compareFloats(output);
    expect(Number(/^capture_mean (.*)$/m.exec(output)![1])).toBe(share('capture'));
  });

  it.skipIf(!r && !required)('R: runs as written, reads the booleans as logicals and every float exactly', async () => {
    const check = `
${await example('r')}
stopifnot(is.logical(runs$capture))
for (column in c("support", "bestSupport", "participation", "inclusion", "legitimacy")) {
  cat(column, paste(ifelse(is.na(runs[[column]]), "", sprintf("%.17g", runs[[column]])), collapse = ";"), "\\n")
}
cat("capture_mean", sprintf("%.17g", mean(runs$capture)), "\\n")
`;
    const output = execFileSync('Rscript', ['-e', check], { cwd: folder.dir, encoding: 'utf8' });
    compareFloats(output);
    expect(Number(/^capture_mean (\S*)/m.exec(output)![1])).toBe(share('capture'));
  });

  /** Each printed column's values, parsed, are the doubles the CSV cells hold. */
  function compareFloats(output: string): void {
    for (const column of ['support', 'bestSupport', 'participation', 'inclusion', 'legitimacy']) {
      const line = new RegExp(`^${column} (.*?)\\s*$`, 'm').exec(output);
      expect(line, column).not.toBeNull();
      const read = line![1].split(';').map((v) => (v === '' ? null : Number(v)));
      expect(read, column).toEqual(rows.map((row) => (row[column] === '' ? null : Number(row[column]))));
    }
  }
});
