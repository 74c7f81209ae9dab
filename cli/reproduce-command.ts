/**
 * `convene reproduce MANIFEST`: runs again the command a manifest records (cli/manifest.ts) and
 * says whether its output is byte-identical. It checks first that the file is still the one the
 * manifest describes (a file changed after it was written is named, with both digests) and that
 * the input the command names is the one it read; then it re-runs the command into a temporary
 * folder, from the current folder (where the command was run: its paths are as it was given
 * them), and compares SHA-256. Exit 0 when reproduced, 1 when not, 2 for invalid input.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { InvalidInput } from '../analysis/index.ts';
import { ENGINE_VERSION, MODEL_VERSION } from '../sim/index.ts';
import { readManifest, type Manifest } from './manifest.ts';
import { defaultSummaryPath } from './sweep-command.ts';
import { utf8, writeText, type CliIO, type OutputStream } from './io.ts';

const SUFFIX = '.manifest.json';

/** Runs a command's arguments (without `convene`) as the command line would. */
export type RunCommandLine = (argv: string[], io: Partial<CliIO>) => Promise<number>;

export async function reproduceCommand(file: string, io: CliIO, runCommandLine: RunCommandLine): Promise<number> {
  const shown = file.endsWith(SUFFIX) ? file.slice(0, -SUFFIX.length) : file;
  const output = resolve(io.cwd, shown);
  const manifest = await readManifest(output);
  if (manifest === undefined) throw new InvalidInput(`${file}: no manifest: expected ${shown}${SUFFIX}, written beside every file batch, sweep, sensitivity, map and merge write`);
  if (typeof manifest === 'string') throw new InvalidInput(`${shown}${SUFFIX}: not a usable manifest: ${manifest}`);
  const say = (line: string) => writeText(io.stderr, `${line}\n`);

  // The file as it is now, against what the manifest says was written.
  const now = await digestOf(output).catch(() => null);
  if (now === null) {
    await say(`${shown}: not reproduced: the file is missing (its manifest is there)`);
    return 1;
  }
  if (now !== manifest.output.sha256) {
    await say(`${shown}: not reproduced: the file has changed since it was written (SHA-256 ${now}; the manifest says ${manifest.output.sha256})`);
    return 1;
  }
  // The input the command names, against what it read (a map's "experiment" is its axes, in the command).
  const input = manifest.experiment && manifest.command[1] !== 'map' ? manifest.experiment : manifest.scenario;
  if (!isMerge(manifest)) {
    const text = await readFile(resolve(io.cwd, input.file), 'utf8').catch(() => null);
    if (text === null) {
      await say(`${shown}: not reproduced: ${input.file}, which the command read, is not there (run reproduce from the folder the command ran in)`);
      return 1;
    }
    const sha = createHash('sha256').update(text, 'utf8').digest('hex');
    if (sha !== input.sha256) {
      await say(`${shown}: not reproduced: ${input.file} has changed since (SHA-256 ${sha}; the manifest says ${input.sha256})`);
      return 1;
    }
  }
  if (manifest.engine !== ENGINE_VERSION || manifest.model !== MODEL_VERSION) {
    await say(`${shown}: written by engine ${manifest.engine} (model ${manifest.model}); this is engine ${ENGINE_VERSION} (model ${MODEL_VERSION}), so the output may differ`);
  }

  const folder = await mkdtemp(join(tmpdir(), 'convene-reproduce-'));
  try {
    const { argv, again } = redirect(manifest, folder);
    const sink = collecting();
    const code = await runCommandLine(argv, { cwd: io.cwd, env: io.env, stdout: sink, stderr: sink, command: ['convene', ...argv] });
    const command = ['convene', ...manifest.command.slice(1)].join(' ');
    if (code !== 0) {
      await say(`${shown}: not reproduced: \`${command}\` failed again with exit ${code}: ${sink.text().trim().split('\n').slice(-1)[0] ?? ''}`);
      return 1;
    }
    const sha = await digestOf(again);
    if (sha !== manifest.output.sha256) {
      await say(`${shown}: not reproduced: \`${command}\` wrote different bytes (SHA-256 ${sha}; the manifest says ${manifest.output.sha256})`);
      return 1;
    }
    await writeText(io.stdout, `${shown}: reproduced: \`${command}\` wrote the same ${manifest.output.bytes} bytes (SHA-256 ${sha})\n`);
    return 0;
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

function isMerge(m: Manifest): boolean {
  return m.command[1] === 'merge';
}

/**
 * The command's arguments with its output (and a sweep's summary) sent into `folder`, `--resume`
 * dropped; `again` is where the file this manifest describes is written now.
 */
function redirect(m: Manifest, folder: string): { argv: string[]; again: string } {
  const argv = m.command.slice(1).filter((a) => a !== '--resume');
  const valueOf = (name: string): number => {
    const at = argv.findIndex((a) => a === name || a.startsWith(`${name}=`));
    if (at >= 0 && argv[at].startsWith(`${name}=`)) {
      argv.splice(at, 1, name, argv[at].slice(name.length + 1));
    }
    return at;
  };
  // `sensitivity` and `map` write their runs' rows beside their own file (--rows, or next to
  // --out), and a shard of theirs writes only the rows: those rows are what a 'sweep' manifest of
  // theirs describes.
  const analysis = m.command[1] === 'sensitivity' || m.command[1] === 'map';
  const out = valueOf('--out');
  const rowsAt = analysis ? valueOf('--rows') : -1;
  if (analysis && valueOf('--from-rows') >= 0 && m.kind === 'sweep') throw new InvalidInput('the manifest\'s command read its rows (--from-rows): reproduce the rows\' own file instead');
  const noOut = out < 0 || argv[out + 1] === undefined || argv[out + 1] === '-';
  if (noOut && !(analysis && rowsAt >= 0)) throw new InvalidInput('the manifest\'s command wrote to standard output: there is no file to reproduce');
  let again = '';
  let given = '';
  if (!noOut) {
    given = argv[out + 1];
    argv[out + 1] = join(folder, basename(given));
    again = argv[out + 1];
  }
  if (m.command[1] === 'sweep') {
    const summary = valueOf('--summary');
    const summaryName = summary >= 0 ? argv[summary + 1] : defaultSummaryPath(given);
    const moved = join(folder, `summary-${basename(summaryName)}`);
    if (summary >= 0) argv[summary + 1] = moved;
    else argv.push('--summary', moved);
    if (m.kind === 'sweep-summary') again = moved;
  }
  if (analysis && valueOf('--from-rows') < 0) {
    // Its runs' rows (and their summary) are written too: into the folder, not over the originals.
    const rowsName = rowsAt >= 0 ? argv[rowsAt + 1] : given.slice(0, given.length - extname(given).length) + '.runs.csv';
    const moved = join(folder, `runs-${basename(rowsName)}`);
    if (rowsAt >= 0) argv[rowsAt + 1] = moved;
    else argv.push('--rows', moved);
    if (m.kind === 'sweep') again = moved;
    if (m.kind === 'sweep-summary') again = defaultSummaryPath(moved);
  }
  return { argv, again };
}

async function digestOf(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

function collecting(): OutputStream & { text(): string } {
  const parts: string[] = [];
  return {
    write: (chunk) => parts.push(typeof chunk === 'string' ? chunk : utf8(chunk)),
    text: () => parts.join(''),
  };
}
