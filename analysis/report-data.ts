/**
 * What `convene report` shows, computed from the rows of a results file (`convene batch` or
 * `convene sweep` output, CSV or JSONL): each outcome's share with its 95% Wilson interval, the
 * same per value of each varied parameter, histograms of rounds and of legitimacy, and the flags.
 * Pure functions over text: reading files and writing HTML live elsewhere.
 */
import { csvParse, extent } from 'd3';
import { FLAGS, OUTCOMES, type Outcome } from '../sim/index.ts';
import { wilsonInterval } from './wilson.ts';
import { countOutcomes, outcomeShares, type OutcomeShare } from './outcome-shares.ts';
import { CSV_COLUMNS, CSV_COLUMNS_OF_MODEL_ONE, CSV_COLUMNS_WITHOUT_FLAG_COLUMNS } from './batch-row.ts';
import { InvalidInput } from './invalid-input.ts';
import { median } from './summary.ts';

/** One run, as much of it as the report needs. Parameter values are as written (text in CSV). */
export interface ReportRun {
  outcome: Outcome;
  rounds: number;
  legitimacy: number | null;
  flags: string[];
  parameters: Record<string, string | number | boolean>;
}

export interface ResultsTable {
  kind: 'batch' | 'sweep';
  /** The varied parameters of a sweep, in column order; none for a batch. */
  parameters: string[];
  runs: ReportRun[];
}

/** The runs at one value (or one bin of values) of a parameter. */
export interface ParameterGroup {
  /** What the axis says: the value, or the bin's range. */
  label: string;
  /** Where it sits on a numeric axis (a bin's middle); null for text values. */
  x: number | null;
  runs: number;
  shares: OutcomeShare[];
}

export interface ParameterPanel {
  name: string;
  numeric: boolean;
  /** The values were many and were put into about BINS equal bins. */
  binned: boolean;
  groups: ParameterGroup[];
}

export interface HistogramBin {
  x0: number;
  x1: number;
  count: number;
}

export interface FlagRow {
  flag: string;
  count: number;
  share: number;
  low: number;
  high: number;
}

export interface ReportData {
  title: string;
  files: string[];
  kind: 'batch' | 'sweep';
  runs: number;
  /** Distinct parameter combinations of a sweep (0 for a batch). */
  points: number;
  parameters: string[];
  outcomes: OutcomeShare[];
  panels: ParameterPanel[];
  rounds: { bins: HistogramBin[]; median: number | null; integer: true };
  legitimacy: { bins: HistogramBin[]; median: number | null; none: number };
  flags: { rows: FlagRow[]; none: number };
  /** Where each results file came from: its manifest, when one is beside it (added by `convene report`). */
  provenance?: Provenance[];
}

/** A results file's manifest as a report shows it. */
export interface Provenance {
  file: string;
  /** The command that wrote it, `convene` first; empty when the file has no manifest. */
  command: string[];
  engine: string | null;
  model: number | null;
  node: string | null;
  input: { file: string; sha256: string } | null;
  /** The file's SHA-256 now, and whether it is the one its manifest records. */
  sha256: string;
  intact: boolean | null;
}

/** Past this many distinct numeric values a parameter's values are binned. */
export const MAX_DISTINCT = 12;
/** About this many bins, for binned parameters and for legitimacy. */
export const BINS = 8;

/** Reads a results file's text; `file` names it in errors. Throws InvalidInput when it is not one. */
export function parseResults(text: string, format: 'csv' | 'jsonl', file: string): ResultsTable {
  if (text.trim() === '') throw new InvalidInput(`${file}: the file is empty; expected the output of \`convene batch\` or \`convene sweep\``);
  return format === 'csv' ? parseCsv(text, file) : parseJsonl(text, file);
}

function parseCsv(text: string, file: string): ResultsTable {
  const rows = csvParse(text.replace(/^\ufeff/, ''));
  const columns = rows.columns;
  const sweep = columns[0] === 'point';
  // The result's columns end the header: today's, those of model 1's files (before the leaving
  // counts), or those of files written before the flags had a column each.
  const layout = [CSV_COLUMNS, CSV_COLUMNS_OF_MODEL_ONE, CSV_COLUMNS_WITHOUT_FLAG_COLUMNS].find((l) => {
    const tail = columns.slice(columns.length - l.length);
    return tail.length === l.length && tail.every((c, i) => c === l[i]);
  });
  const resultColumns = layout !== undefined;
  if (sweep && columns.includes('runs') && (columns.includes('median_rounds') || columns.includes('medianRounds'))) {
    throw new InvalidInput(`${file}: a sweep's summary, one row per point; \`convene report\` reads the rows file, one row per run (the sweep's --out)`);
  }
  if (!resultColumns || (!sweep && columns.length !== layout.length)) {
    throw new InvalidInput(
      `${file}: not a results file: expected the header of \`convene batch\` (${CSV_COLUMNS.join(',')}) ` +
        `or of \`convene sweep\` (point, the parameters, then the same columns); got ${shorten(columns.join(','))}`,
    );
  }
  const parameters = sweep ? columns.slice(1, columns.length - layout.length) : [];
  if (rows.length === 0) throw new InvalidInput(`${file}: the file has a header but no runs`);
  const runs = rows.map((row, i) => {
    const where = `${file}: line ${i + 2}`;
    const legitimacy = row.legitimacy ?? '';
    return checkRun(
      {
        outcome: row.outcome as Outcome,
        rounds: row.rounds === '' ? NaN : Number(row.rounds),
        legitimacy: legitimacy === '' ? null : Number(legitimacy),
        flags: row.flags ? row.flags.split(';') : [],
        parameters: Object.fromEntries(parameters.map((p) => [p, row[p] ?? ''])),
      },
      where,
    );
  });
  return { kind: sweep ? 'sweep' : 'batch', parameters, runs };
}

function parseJsonl(text: string, file: string): ResultsTable {
  const runs: ReportRun[] = [];
  let kind: 'batch' | 'sweep' | undefined;
  let parameters: string[] = [];
  for (const [i, line] of text.split('\n').entries()) {
    if (line.trim() === '') continue;
    const where = `${file}: line ${i + 1}`;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      throw new InvalidInput(`${where}: not valid JSON; expected one result object per line (\`convene batch\` or \`convene sweep\` output)`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !('outcome' in value)) {
      throw new InvalidInput(`${where}: not a run result: expected an object with outcome, rounds, legitimacy and flags`);
    }
    const r = value as Record<string, unknown>;
    const isSweep = 'point' in r;
    const params = isSweep && typeof r.parameters === 'object' && r.parameters !== null && !Array.isArray(r.parameters) ? (r.parameters as Record<string, unknown>) : {};
    if (isSweep && params !== r.parameters) throw new InvalidInput(`${where}: parameters: expected an object {name: value}`);
    const names = Object.keys(params);
    if (kind === undefined) {
      kind = isSweep ? 'sweep' : 'batch';
      parameters = names;
    } else if ((kind === 'sweep') !== isSweep || names.join('\n') !== parameters.join('\n')) {
      throw new InvalidInput(`${where}: does not match the first line: a results file holds one batch or one sweep`);
    }
    for (const n of names) {
      const v = params[n];
      if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
        throw new InvalidInput(`${where}: parameters.${n}: expected a number, text or true/false`);
      }
    }
    const legitimacy = r.legitimacy;
    runs.push(
      checkRun(
        {
          outcome: r.outcome as Outcome,
          rounds: typeof r.rounds === 'number' ? r.rounds : NaN,
          legitimacy: legitimacy === null || legitimacy === undefined ? null : typeof legitimacy === 'number' ? legitimacy : NaN,
          flags: Array.isArray(r.flags) ? r.flags.map(String) : [],
          parameters: params as ReportRun['parameters'],
        },
        where,
      ),
    );
  }
  return { kind: kind!, parameters, runs };
}

function checkRun(run: ReportRun, where: string): ReportRun {
  if (!(OUTCOMES as readonly string[]).includes(run.outcome)) {
    throw new InvalidInput(`${where}: outcome: expected one of ${OUTCOMES.join(', ')}; got ${shorten(JSON.stringify(run.outcome ?? null))}`);
  }
  if (!(Number.isInteger(run.rounds) && run.rounds >= 0)) throw new InvalidInput(`${where}: rounds: expected a whole number ≥ 0`);
  if (run.legitimacy !== null && !Number.isFinite(run.legitimacy)) throw new InvalidInput(`${where}: legitimacy: expected a number or nothing`);
  return run;
}

function shorten(text: string): string {
  return text.length > 120 ? text.slice(0, 117) + '...' : text;
}

/** Tables of the same kind and parameters, one after the other (several files of one sweep). */
export function joinTables(tables: ResultsTable[], files: string[]): ResultsTable {
  const [first] = tables;
  for (const [i, t] of tables.entries()) {
    if (t.kind !== first.kind || t.parameters.join('\n') !== first.parameters.join('\n')) {
      throw new InvalidInput(`${files[i]}: a ${t.kind}${t.parameters.length ? ` of ${t.parameters.join(', ')}` : ''}, unlike ${files[0]}: report files of one kind together`);
    }
  }
  return { kind: first.kind, parameters: first.parameters, runs: tables.flatMap((t) => t.runs) };
}

/** Each outcome's count, share and 95% Wilson interval, in the order of OUTCOMES. */
export function sharesOfRuns(runs: readonly Pick<ReportRun, 'outcome'>[]): OutcomeShare[] {
  return outcomeShares(countOutcomes(runs.map((r) => r.outcome)));
}

/** A value read as a number where the text is one ("2", "0.7"); null otherwise. */
function asNumber(v: string | number | boolean): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v !== 'string' || v.trim() === '') return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : null;
}

/**
 * The outcome shares at each value of one parameter, pooled over the other parameters. Numeric
 * values sort by number; with more than MAX_DISTINCT of them (a Latin hypercube) they go into
 * about BINS equal bins. Text values keep the order they first appear in.
 */
export function parameterPanel(runs: readonly ReportRun[], name: string): ParameterPanel {
  const values = runs.map((r) => r.parameters[name]);
  const numbers = values.map(asNumber);
  const numeric = numbers.every((n) => n !== null);
  if (!numeric) {
    const groups = new Map<string, ReportRun[]>();
    for (const r of runs) {
      const key = String(r.parameters[name]);
      if (!groups.has(key)) groups.set(key, []);
      groups.get(key)!.push(r);
    }
    return { name, numeric, binned: false, groups: [...groups].map(([label, g]) => group(label, null, g)) };
  }
  const byValue = new Map<number, ReportRun[]>();
  runs.forEach((r, i) => {
    const v = numbers[i]!;
    if (!byValue.has(v)) byValue.set(v, []);
    byValue.get(v)!.push(r);
  });
  const distinct = [...byValue.keys()].sort((a, b) => a - b);
  if (distinct.length <= MAX_DISTINCT) {
    return { name, numeric, binned: false, groups: distinct.map((v) => group(String(v), v, byValue.get(v)!)) };
  }
  const [lo, hi] = [distinct[0], distinct[distinct.length - 1]];
  const width = (hi - lo) / BINS;
  const bins = Array.from({ length: BINS }, (_, k) => ({ x0: lo + k * width, x1: k === BINS - 1 ? hi : lo + (k + 1) * width, runs: [] as ReportRun[] }));
  runs.forEach((r, i) => {
    const k = Math.min(BINS - 1, Math.floor((numbers[i]! - lo) / width));
    bins[k].runs.push(r);
  });
  const groups = bins.filter((b) => b.runs.length > 0).map((b) => group(`${round3(b.x0)}–${round3(b.x1)}`, (b.x0 + b.x1) / 2, b.runs));
  return { name, numeric, binned: true, groups };
}

function group(label: string, x: number | null, runs: ReportRun[]): ParameterGroup {
  return { label, x, runs: runs.length, shares: sharesOfRuns(runs) };
}

function round3(x: number): string {
  return String(Number(x.toPrecision(3)));
}

/**
 * Rounds are whole numbers: bins of a nice width (1, 2, 5, 10, 20, 50, ...) aligned on its
 * multiples, at most 25 of them, so a bar of width 1 is one number of rounds.
 */
export function roundsHistogram(rounds: readonly number[]): HistogramBin[] {
  if (rounds.length === 0) return [];
  const [lo, hi] = extent(rounds) as [number, number];
  let step = 1;
  for (let k = 0; (hi - lo + 1) / step > 25; k++) step = [2, 5, 10][k % 3] * 10 ** Math.floor(k / 3);
  const first = Math.floor(lo / step);
  const counts = new Array<number>(Math.floor(hi / step) - first + 1).fill(0);
  for (const r of rounds) counts[Math.floor(r / step) - first]++;
  return counts.map((count, k) => ({ x0: (first + k) * step, x1: (first + k + 1) * step, count }));
}

/** Legitimacy lies in [0, 1]: ten bins of 0.1. */
export function legitimacyHistogram(values: readonly number[]): HistogramBin[] {
  const counts = new Array<number>(10).fill(0);
  for (const v of values) counts[Math.min(9, Math.max(0, Math.floor(v * 10)))]++;
  return values.length === 0 ? [] : counts.map((count, k) => ({ x0: k / 10, x1: (k + 1) / 10, count }));
}

/** Each flag's count and share of all runs, known flags first in RESULT.md's order. */
export function flagRows(runs: readonly ReportRun[]): { rows: FlagRow[]; none: number } {
  const counts = new Map<string, number>(FLAGS.map((f) => [f, 0]));
  let none = 0;
  for (const r of runs) {
    if (r.flags.length === 0) none++;
    for (const f of new Set(r.flags)) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const rows = [...counts].map(([flag, count]) => {
    const [low, high] = wilsonInterval(count, runs.length);
    return { flag, count, share: runs.length ? count / runs.length : 0, low, high };
  });
  return { rows, none };
}

/** Everything the page draws. `files` are the names as given (shown as text, never as markup). */
export function buildReport(table: ResultsTable, files: string[]): ReportData {
  const { runs, parameters } = table;
  const rounds = runs.map((r) => r.rounds);
  const legitimacy = runs.flatMap((r) => (r.legitimacy === null ? [] : [r.legitimacy]));
  const points = new Set(runs.map((r) => JSON.stringify(parameters.map((p) => String(r.parameters[p]))))).size;
  return {
    title: files.join(', '),
    files,
    kind: table.kind,
    runs: runs.length,
    points: table.kind === 'sweep' ? points : 0,
    parameters,
    outcomes: sharesOfRuns(runs),
    panels: parameters.map((p) => parameterPanel(runs, p)),
    rounds: { bins: roundsHistogram(rounds), median: median(rounds), integer: true },
    legitimacy: { bins: legitimacyHistogram(legitimacy), median: median(legitimacy), none: runs.length - legitimacy.length },
    flags: flagRows(runs),
  };
}
