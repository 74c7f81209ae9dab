/**
 * A scenario file from disk, validated, with `--set` overrides applied: every way it can be
 * wrong (missing, a directory, too large, unreadable, invalid) becomes InvalidInput (exit 2), with
 * each error on its own line as `file:line:col: path: message`.
 */
import { createHash } from 'node:crypto';
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
  /** SHA-256 (hex) of the file's text, as read. */
  sha256: string;
}

/** The name that means standard input, as Unix tools take it. */
export const STDIN = '-';
/** How standard input is named in messages. */
const STDIN_NAME = '<stdin>';

export interface ReadScenarioOptions {
  /** Where a relative `file` is found (default: the process's working directory). */
  cwd?: string;
  overrides?: string[];
  /** Read when `file` is `-` (default: the process's standard input). */
  stdin?: AsyncIterable<string | Uint8Array>;
}

/**
 * `file` `-` is standard input, YAML or JSON (JSON when its first character is `{`), under the
 * same 5 MB limit, counted as it arrives.
 */
export async function readScenario(file: string, options: ReadScenarioOptions = {}): Promise<ScenarioRead> {
  const fromStdin = file === STDIN;
  const filename = fromStdin ? STDIN_NAME : file;
  const text = fromStdin ? await readStdin(options.stdin ?? process.stdin) : await readScenarioText(file, options.cwd ?? process.cwd());
  const ext = extname(file).toLowerCase();
  const format = fromStdin ? (/^\s*\{/.test(text) ? 'json' : 'yaml') : ext === '.json' ? 'json' : ext === '.yaml' || ext === '.yml' ? 'yaml' : undefined;
  const loaded = loadScenario(text, { filename, format, overrides: options.overrides ?? [] });
  if (!loaded.ok) throw new InvalidInput(loaded.errors.map((e) => formatScenarioError(e, filename)));
  const sha256 = createHash('sha256').update(text, 'utf8').digest('hex');
  return { scenario: loaded.scenario, warnings: loaded.warnings, filename, sha256 };
}

async function readStdin(stdin: AsyncIterable<string | Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stdin) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    bytes += buffer.length;
    if (bytes > MAX_FILE_BYTES) {
      throw new InvalidInput(`${STDIN_NAME}: the input is too large: over ${MAX_FILE_BYTES} bytes; a scenario may be at most 5 MB`);
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
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
