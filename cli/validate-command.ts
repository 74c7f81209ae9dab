/**
 * `convene validate FILE [--strict]`: on success one line on standard output (name, issues,
 * constituencies, stakeholders after expansion, warnings) and the warnings on standard error; on
 * failure every error as `file:line:col: path: message` on standard error and exit status 2.
 * Warnings are of two kinds: the file's (legal but probably not meant) and what the scenario
 * cannot do that it seems meant to (sim/foreseen.ts: a major power that will decline, a caucus
 * that organizes after the deadline, ...). They exit 0; with --strict they are errors, exit 2.
 */
import { countStakeholders } from '../sim/scenario/index.ts';
import { foreseeProblems } from '../sim/index.ts';
import { plainText, writeText, type CliIO } from './io.ts';
import { formatWarning, readScenario } from '../batch/index.ts';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export async function validateCommand(file: string, options: { set?: string[]; strict?: boolean }, io: CliIO): Promise<number> {
  const read = await readScenario(file, { cwd: io.cwd, overrides: options.set, stdin: io.stdin });
  const { scenario, filename } = read;
  const warnings = [...read.warnings, ...foreseeProblems(scenario).map((f) => `${f.path}: ${f.message}`)];
  for (const w of warnings) await writeText(io.stderr, formatWarning(filename, w));
  if (options.strict && warnings.length > 0) {
    await writeText(io.stderr, `${filename}: refused: ${plural(warnings.length, 'warning')}, and --strict makes warnings errors\n`);
    return 2;
  }
  const parts = [
    plural(scenario.issues.length, 'issue'),
    plural(scenario.constituencies.length, 'constituency', 'constituencies'),
    plural(countStakeholders(scenario.stakeholders), 'stakeholder'),
    plural(warnings.length, 'warning'),
  ];
  await writeText(io.stdout, `${filename}: valid: ${JSON.stringify(plainText(scenario.name))}, ${parts.join(', ')}\n`);
  return 0;
}
