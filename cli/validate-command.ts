/**
 * `convene validate FILE`: on success one line on standard output (name, issues, constituencies,
 * stakeholders after expansion, warnings) and the warnings on standard error; on failure every
 * error as `file:line:col: path: message` on standard error and exit status 2.
 */
import { countStakeholders } from '../sim/scenario/index.ts';
import { plainText, writeText, type CliIO } from './io.ts';
import { formatWarning, readScenario } from '../batch/index.ts';

const plural = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

export async function validateCommand(file: string, options: { set?: string[] }, io: CliIO): Promise<number> {
  const { scenario, warnings, filename } = await readScenario(file, { cwd: io.cwd, overrides: options.set, stdin: io.stdin });
  for (const w of warnings) await writeText(io.stderr, formatWarning(filename, w));
  const parts = [
    plural(scenario.issues.length, 'issue'),
    plural(scenario.constituencies.length, 'constituency', 'constituencies'),
    plural(countStakeholders(scenario.stakeholders), 'stakeholder'),
    plural(warnings.length, 'warning'),
  ];
  await writeText(io.stdout, `${filename}: valid: ${JSON.stringify(plainText(scenario.name))}, ${parts.join(', ')}\n`);
  return 0;
}
