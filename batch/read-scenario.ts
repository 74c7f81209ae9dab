/**
 * A scenario file from disk, validated, with `--set` overrides applied: every way it can be
 * wrong (missing, a directory, too large, unreadable, invalid) becomes InvalidInput (exit 2), with
 * each error on its own line as `file:line:col: path: message`.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve } from 'node:path';
import { type Scenario } from '../sim/index.ts';
import { formatScenarioError, loadScenario } from '../sim/scenario/index.ts';
import { InvalidInput } from '../analysis/index.ts';

/**
 * SCENARIO.md, "Limits": a file of at most 5 MB. Checked before reading, so a huge file is never
 * read into memory; the loader checks the same limit again in characters.
 */
export const MAX_FILE_BYTES = 5_000_000;

export interface ScenarioRead {
  scenario: Scenario;
  warnings: string[];
  /** The file as the user named it, for messages. */
  filename: string;
}

/** `cwd`: where a relative `file` is found (default: the process's working directory). */
export async function readScenario(file: string, options: { cwd?: string; overrides?: string[] } = {}): Promise<ScenarioRead> {
  const text = await readScenarioText(file, options.cwd ?? process.cwd());
  const ext = extname(file).toLowerCase();
  const format = ext === '.json' ? 'json' : ext === '.yaml' || ext === '.yml' ? 'yaml' : undefined;
  const loaded = loadScenario(text, { filename: file, format, overrides: options.overrides ?? [] });
  if (!loaded.ok) throw new InvalidInput(loaded.errors.map((e) => formatScenarioError(e, file)));
  return { scenario: loaded.scenario, warnings: loaded.warnings, filename: file };
}

async function readScenarioText(file: string, cwd: string): Promise<string> {
  const path = resolve(cwd, file);
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InvalidInput(`${file}: is a directory; expected a scenario file (.yaml or .json)`);
    if (!info.isFile()) throw new InvalidInput(`${file}: not a regular file; expected a scenario file (.yaml or .json)`);
    if (info.size > MAX_FILE_BYTES) {
      throw new InvalidInput(`${file}: the file is too large: ${info.size} bytes; a scenario file may be at most 5 MB (${MAX_FILE_BYTES} bytes)`);
    }
    return await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof InvalidInput) throw error;
    throw new InvalidInput(`${file}: ${describeFsError(error)}`);
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENOTDIR') return 'no such file (a part of the path is not a directory)';
  return `cannot read: ${(error as Error)?.message ?? String(error)}`;
}

/** A warning on standard error: the scenario is valid, but something in it is probably unintended. */
export function formatWarning(filename: string, warning: string): string {
  return `${filename}: warning: ${warning}\n`;
}
