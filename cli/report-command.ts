/**
 * `convene report RESULTS... --out report.html`: one self-contained HTML file with charts of a
 * batch's or a sweep's results (docs/experiments.md, "Report"): outcome shares with 95% Wilson
 * intervals, per parameter value for a sweep, histograms of rounds and legitimacy, the flags.
 * Several files are read as one (the same kind and parameters), e.g. the shards of one batch.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { InvalidInput, buildReport, joinTables, parseResults, type Provenance, type ResultsTable } from '../analysis/index.ts';
import { checkOutputPath, STDOUT, writeOutput } from './output-path.ts';
import { writeText, type CliIO } from './io.ts';
import { outputFormat } from './parse-options.ts';
import { reportHtml } from './report-html.ts';
import { readManifest } from './manifest.ts';
import { createHash } from 'node:crypto';

export interface ReportCommandOptions {
  out: string;
}

/** Results files are read whole: far above any batch this machine writes in a day, below Node's string limit. */
export const MAX_RESULTS_BYTES = 400_000_000;

export function parseHtmlPath(text: string): string {
  if (text !== STDOUT && !/\.html?$/i.test(text)) throw new InvalidInput(`--out ${text}: expected a file name ending in .html, or - for standard output`);
  return text;
}

export async function readResults(file: string, cwd: string): Promise<ResultsTable> {
  const format = outputFormat(file);
  if (!format) throw new InvalidInput(`${file}: expected a results file ending in .csv or .jsonl (the output of \`convene batch\` or \`convene sweep\`)`);
  const path = resolve(cwd, file);
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new InvalidInput(`${file}: no such file`);
  if (!info.isFile()) throw new InvalidInput(`${file}: not a file`);
  if (info.size > MAX_RESULTS_BYTES) throw new InvalidInput(`${file}: the file is too large (${info.size} bytes; at most ${MAX_RESULTS_BYTES})`);
  return parseResults(await readFile(path, 'utf8'), format, file);
}

export async function reportCommand(files: string[], options: ReportCommandOptions, io: CliIO): Promise<number> {
  parseHtmlPath(options.out);
  const outPath = resolve(io.cwd, options.out);
  await checkOutputPath(options.out, outPath);
  const tables: ResultsTable[] = [];
  for (const file of files) {
    if (options.out !== STDOUT && resolve(io.cwd, file) === outPath) throw new InvalidInput(`--out ${options.out}: is one of the results files`);
    tables.push(await readResults(file, io.cwd));
  }
  const table = joinTables(tables, files);
  const data = buildReport(table, files.map((f) => basename(f)));
  data.provenance = await Promise.all(files.map((f) => provenanceOf(f, io.cwd)));
  const html = reportHtml(data);

  await writeOutput(options.out, outPath, [html], io);
  const what = table.kind === 'sweep' ? `a sweep of ${data.points} points over ${table.parameters.join(', ')}` : 'a batch';
  await writeText(io.stderr, `${data.runs} runs (${what}) from ${files.join(', ')}: report written to ${options.out === STDOUT ? 'standard output' : options.out}\n`);
  return 0;
}

/** A results file's manifest as the report shows it (cli/manifest.ts). */
async function provenanceOf(file: string, cwd: string): Promise<Provenance> {
  const path = resolve(cwd, file);
  const sha256 = createHash('sha256').update(await readFile(path)).digest('hex');
  const m = await readManifest(path);
  if (m === undefined || typeof m === 'string') return { file: basename(file), command: [], engine: null, model: null, node: null, input: null, sha256, intact: null };
  const input = m.experiment ?? m.scenario;
  return { file: basename(file), command: m.command, engine: m.engine, model: m.model, node: m.node, input: { file: input.file, sha256: input.sha256 }, sha256, intact: sha256 === m.output.sha256 };
}
