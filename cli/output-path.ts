/**
 * An output file named on the command line, checked before any work starts: its folder must exist
 * and it must not be a folder itself. Bad arguments are found up front, with the option's name.
 */
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InvalidInput } from '../analysis/index.ts';

/** `given` as the user wrote it (for messages), `path` resolved; `option` names the flag. */
export async function checkOutputPath(given: string, path: string, option = '--out'): Promise<void> {
  const folder = await stat(dirname(path)).catch(() => undefined);
  if (!folder?.isDirectory()) throw new InvalidInput(`${option} ${given}: the folder ${dirname(given)} does not exist`);
  const target = await stat(path).catch(() => undefined);
  if (target?.isDirectory()) throw new InvalidInput(`${option} ${given}: is a folder; expected a file name`);
}
