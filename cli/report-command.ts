/**
 * `convene report RESULTS... --out report.html`: one self-contained HTML file with charts of a
 * batch's or a sweep's results (docs/experiments.md, "Report"): outcome shares with 95% Wilson
 * intervals, per parameter value for a sweep, histograms of rounds and legitimacy, the flags.
 * Several files are read as one (the same kind and parameters), e.g. the shards of one batch.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { InvalidInput, buildReport, buildSensitivityReport, joinTables, parseIndicesCsv, parseMapCsv, parseResults, type Provenance, type ResultsTable, type SensitivityResult } from '../analysis/index.ts';
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
  for (const file of files) {
    if (options.out !== STDOUT && resolve(io.cwd, file) === outPath) throw new InvalidInput(`--out ${options.out}: is one of the results files`);
  }
  // A sensitivity analysis's indices, or a regime map: one file, drawn on its own.
  const analysis = await readAnalysis(files[0], io.cwd);
  if (analysis) {
    if (files.length > 1) throw new InvalidInput(`${files[1]}: a report of ${analysis.kind === 'map' ? 'a regime map' : "a sensitivity analysis's indices"} draws one file`);
    analysis.provenance = [await provenanceOf(files[0], io.cwd)];
    await writeOutput(options.out, outPath, [reportHtml(analysis)], io);
    const what = analysis.kind === 'map' ? `a regime map of ${analysis.cells.length} cells over ${analysis.x} and ${analysis.y}` : `${analysis.method} indices over ${analysis.parameters.join(', ')}`;
    await writeText(io.stderr, `${what} from ${files[0]}: report written to ${options.out === STDOUT ? 'standard output' : options.out}\n`);
    return 0;
  }
  const tables: ResultsTable[] = [];
  for (const file of files) tables.push(await readResults(file, io.cwd));
  const table = joinTables(tables, files);
  const data = buildReport(table, files.map((f) => basename(f)));
  data.provenance = await Promise.all(files.map((f) => provenanceOf(f, io.cwd)));
  const html = reportHtml(data);

  await writeOutput(options.out, outPath, [html], io);
  const what = table.kind === 'sweep' ? `a sweep of ${data.points} points over ${table.parameters.join(', ')}` : 'a batch';
  await writeText(io.stderr, `${data.runs} runs (${what}) from ${files.join(', ')}: report written to ${options.out === STDOUT ? 'standard output' : options.out}\n`);
  return 0;
}

/**
 * The data of a sensitivity analysis's indices (FILE.json, or a CSV whose header starts
 * `output,parameter`) or of a regime map (a CSV with a `dominant_share` column); undefined for a
 * batch's or a sweep's rows.
 */
async function readAnalysis(file: string, cwd: string) {
  const path = resolve(cwd, file);
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) return undefined;
  const json = /\.json$/i.test(file);
  const csv = /\.csv$/i.test(file);
  if (!json && !csv) return undefined;
  if (info.size > MAX_RESULTS_BYTES) throw new InvalidInput(`${file}: the file is too large (${info.size} bytes; at most ${MAX_RESULTS_BYTES})`);
  if (csv) {
    const fd = await readFile(path, 'utf8');
    const head = fd.slice(0, fd.indexOf('\n'));
    if (head.startsWith('output,parameter,')) {
      const result = parseIndicesCsv(fd);
      if (!result) throw new InvalidInput(`${file}: not a table of indices written by \`convene sensitivity\``);
      // The table does not say how many runs it came from; its manifest does.
      const m = await readManifest(path);
      if (m && typeof m !== 'string') [result.points, result.seeds] = [m.points, m.seeds.count];
      return buildSensitivityReport(result, basename(file));
    }
    if (!head.split(',').includes('dominant_share')) return undefined;
    const m = await readManifest(path);
    const axis = (name: string) => (m && typeof m !== 'string' ? m.command.find((a, i) => m.command[i - 1] === name || a.startsWith(`${name}=`)) : undefined)?.replace(new RegExp(`^${name}=`), '').replace(/=[^=]*$/, '');
    const [x, y] = [axis('--x'), axis('--y')];
    return parseMapCsv(fd, basename(file), x && y ? [x, y] : undefined);
  }
  let value: Partial<SensitivityResult>;
  try {
    value = JSON.parse(await readFile(path, 'utf8'));
  } catch {
    throw new InvalidInput(`${file}: not JSON`);
  }
  if (!value || (value.method !== 'morris' && value.method !== 'sobol') || !Array.isArray(value.indices) || !Array.isArray(value.parameters)) {
    throw new InvalidInput(`${file}: not the indices of \`convene sensitivity\` (expected method, parameters and indices)`);
  }
  return buildSensitivityReport(value as SensitivityResult, basename(file));
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
