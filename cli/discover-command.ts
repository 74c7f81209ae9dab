/**
 * `convene discover RESULTS --outcome OUTCOME [--out BOX.json]`: scenario discovery over a sweep's
 * (or a sensitivity analysis's) rows. PRIM (analysis/prim.ts) looks for the box of conditions in
 * which the outcome is most concentrated; the command prints the peeling trajectory (coverage
 * against density) and the chosen box in words, e.g. "Tyranny of the minority happens in 87% of
 * runs when convenor.rule.threshold is at least 0.85; these runs are 71% of all tyranny of the
 * minority runs."
 *
 * The conditions are the rows' parameter columns (a CSV's between `point` and the run's own
 * columns; a JSONL row's `parameters`); a parameter that is not a number everywhere is left out,
 * and said so.
 */
import { csvParseRows } from 'd3';
import { resolve } from 'node:path';
import { OUTCOMES, type Outcome } from '../sim/index.ts';
import { CSV_COLUMNS, InvalidInput, boxConditions, chooseBox, primPeel, type PrimBox } from '../analysis/index.ts';
import { readLines } from './line-reader.ts';
import { outputFormat } from './parse-options.ts';
import { writeFileAtomically } from './atomic-file.ts';
import { checkOutputPath } from './output-path.ts';
import { writeText, type CliIO } from './io.ts';

export interface DiscoverCommandOptions {
  outcome: string;
  out?: string;
  /** The smallest share of the outcome's runs the reported box must hold (default 0.5). */
  minCoverage?: string;
  /** The share of the box's rows each peel removes (default 0.05). */
  alpha?: string;
}

interface Rows {
  names: string[];
  x: number[][];
  y: number[];
  /** Parameters left out: not numbers in every row. */
  skipped: string[];
}

export async function discoverCommand(file: string, options: DiscoverCommandOptions, io: CliIO): Promise<number> {
  const outcome = options.outcome as Outcome;
  if (!(OUTCOMES as readonly string[]).includes(outcome)) throw new InvalidInput(`--outcome ${options.outcome}: expected one of ${OUTCOMES.join(', ')}`);
  const minCoverage = share('--min-coverage', options.minCoverage, 0.5);
  const alpha = share('--alpha', options.alpha, 0.05);
  if (options.out !== undefined) {
    if (!options.out.toLowerCase().endsWith('.json')) throw new InvalidInput(`--out ${options.out}: expected a name ending .json`);
    await checkOutputPath(options.out, resolve(io.cwd, options.out));
  }
  const rows = await readRows(resolve(io.cwd, file), file, outcome);
  if (rows.names.length === 0) throw new InvalidInput(`${file}: no parameter columns with numbers: discover reads the rows of \`convene sweep\` or \`convene sensitivity\``);
  const hits = rows.y.reduce((a, b) => a + b, 0);
  if (hits === 0) throw new InvalidInput(`${file}: no run ended in ${outcome}: there is nothing to find a box for`);
  const trajectory = primPeel(rows, { alpha });
  const box = chooseBox(trajectory, minCoverage);
  const sentence = boxSentence(outcome, box, trajectory[0], rows.names);

  const lines = [`${rows.x.length} runs, ${hits} of them ${words(outcome)} (${pct(hits / rows.x.length)}); conditions: ${rows.names.join(', ')}`];
  if (rows.skipped.length) lines.push(`left out (not numbers): ${rows.skipped.join(', ')}`);
  lines.push('', 'peeling trajectory', 'step  coverage  density    mass  box');
  trajectory.forEach((b, i) => {
    const mark = b === box ? ' <- chosen' : '';
    const where = boxConditions(b, trajectory[0], rows.names, num).join('; ') || 'all runs';
    lines.push(`${String(i).padStart(4)}  ${pct(b.coverage).padStart(8)}  ${pct(b.density).padStart(7)}  ${pct(b.mass).padStart(6)}  ${where}${mark}`);
  });
  lines.push('', sentence);
  await writeText(io.stdout, lines.join('\n') + '\n');
  if (options.out !== undefined) {
    const data = { outcome, runs: rows.x.length, hits, conditions: rows.names, skipped: rows.skipped, minCoverage, alpha, chosen: trajectory.indexOf(box), sentence, trajectory };
    await writeFileAtomically(resolve(io.cwd, options.out), [JSON.stringify(data, null, 2) + '\n']);
  }
  return 0;
}

/** The chosen box in words: where the outcome happens, how often there, and what share of it. */
export function boxSentence(outcome: Outcome, box: PrimBox, whole: PrimBox, names: string[]): string {
  const name = words(outcome);
  const where = boxConditions(box, whole, names, num);
  const capital = name[0].toUpperCase() + name.slice(1);
  if (where.length === 0) return `${capital} happens in ${pct(box.density)} of all runs, and no box of these conditions holds it more densely while covering at least half of it.`;
  return `${capital} happens in ${pct(box.density)} of runs when ${joinAnd(where)} (against ${pct(whole.density)} overall); these runs are ${pct(box.coverage)} of all ${name} runs.`;
}

async function readRows(path: string, shown: string, outcome: Outcome): Promise<Rows> {
  const format = outputFormat(shown);
  if (!format) throw new InvalidInput(`${shown}: expected rows ending .csv or .jsonl`);
  let names: string[] | undefined;
  const x: number[][] = [];
  const y: number[] = [];
  let header = format === 'csv';
  let line = 0;
  const outcomeAt = CSV_COLUMNS.length - CSV_COLUMNS.indexOf('outcome');
  const read = await readLines(path, (lines) => {
    for (const text of lines) {
      line++;
      if (header) {
        const columns = csvParseRows(text)[0] ?? [];
        if (columns[0] !== 'point') throw new InvalidInput(`${shown}: not a sweep's rows (its first column is not point)`);
        names = columns.slice(1, columns.length - CSV_COLUMNS.length);
        header = false;
        continue;
      }
      let values: unknown[];
      let ended: unknown;
      if (format === 'csv') {
        const cells = text.includes('"') ? (csvParseRows(text)[0] ?? []) : text.split(',');
        values = cells.slice(1, 1 + names!.length).map((c) => (c.trim() !== '' && Number.isFinite(Number(c)) ? Number(c) : c));
        ended = cells[cells.length - outcomeAt];
      } else {
        let row: { parameters?: Record<string, unknown>; outcome?: unknown };
        try {
          row = JSON.parse(text);
        } catch {
          throw new InvalidInput(`${shown}: line ${line}: not JSON`);
        }
        if (!row || typeof row.parameters !== 'object' || row.parameters === null) throw new InvalidInput(`${shown}: line ${line}: no parameters: not a sweep's row`);
        names ??= Object.keys(row.parameters);
        values = names.map((n) => row.parameters![n]);
        ended = row.outcome;
      }
      if (!(OUTCOMES as readonly unknown[]).includes(ended)) throw new InvalidInput(`${shown}: line ${line}: no outcome`);
      x.push(values as number[]);
      y.push(ended === outcome ? 1 : 0);
    }
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new InvalidInput(`${shown}: no such file`);
    throw error;
  });
  if (read.torn !== '') throw new InvalidInput(`${shown}: its last line is cut off`);
  const all = names ?? [];
  const keep = all.map((_, j) => x.every((row) => typeof row[j] === 'number' && Number.isFinite(row[j])));
  return {
    names: all.filter((_, j) => keep[j]),
    skipped: all.filter((_, j) => !keep[j]),
    x: x.map((row) => row.filter((_, j) => keep[j])),
    y,
  };
}

function share(option: string, text: string | undefined, fallback: number): number {
  if (text === undefined) return fallback;
  const v = Number(text);
  if (!Number.isFinite(v) || v <= 0 || v >= 1) throw new InvalidInput(`${option} ${text}: expected a number between 0 and 1`);
  return v;
}

function words(outcome: Outcome): string {
  return outcome.replace(/-/g, ' ');
}

function pct(x: number): string {
  return `${Math.round(x * 100)}%`;
}

function num(v: number): string {
  return String(Number(v.toPrecision(4)));
}

function joinAnd(parts: string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
