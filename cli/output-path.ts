/**
 * An output file named on the command line, checked before any work starts: its folder must exist
 * and it must not be a folder itself. Bad arguments are found up front, with the option's name.
 */
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InvalidInput } from '../analysis/index.ts';
import { writeFileAtomically } from './atomic-file.ts';
import { writeText, type CliIO } from './io.ts';

/** `--out -`: standard output, as Unix tools take it. */
export const STDOUT = '-';

/** A whole output: to standard output for `-`, else to a file that appears complete or not at all. */
export async function writeOutput(given: string, path: string, parts: Iterable<string>, io: CliIO): Promise<void> {
  if (given !== STDOUT) return writeFileAtomically(path, parts);
  for (const part of parts) await writeText(io.stdout, part);
}

/** `given` as the user wrote it (for messages), `path` resolved; `option` names the flag. */
export async function checkOutputPath(given: string, path: string, option = '--out'): Promise<void> {
  if (given === STDOUT) return;
  const folder = await stat(dirname(path)).catch(() => undefined);
  if (!folder?.isDirectory()) throw new InvalidInput(`${option} ${given}: the folder ${dirname(given)} does not exist`);
  const target = await stat(path).catch(() => undefined);
  if (target?.isDirectory()) throw new InvalidInput(`${option} ${given}: is a folder; expected a file name`);
}
