/**
 * One batch row (RESULT.md, "Many runs"): the CSV header and row of a result, and the JSONL line,
 * which is exactly what `run --json` prints for the same seed.
 */
import type { RunResult } from '../sim/index.ts';

export const CSV_COLUMNS = [
  'seed',
  'outcome',
  'end',
  'rounds',
  'support',
  'bestSupport',
  'blockedRounds',
  'participation',
  'inclusion',
  'legitimacy',
  'openItems',
  'flags',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

type Cell = string | number | boolean | null;

/** The value of each column; `null` is written as an empty cell. */
export function rowValues(r: RunResult): Record<CsvColumn, Cell> {
  return {
    seed: r.seed,
    outcome: r.outcome,
    end: r.end,
    rounds: r.rounds,
    support: r.support,
    bestSupport: r.bestSupport.support,
    blockedRounds: r.blockedRounds,
    participation: r.participation,
    inclusion: r.inclusion,
    legitimacy: r.legitimacy,
    openItems: r.openItems,
    flags: r.flags.join(';'),
  };
}

export function csvHeader(): string {
  return CSV_COLUMNS.join(',') + '\n';
}

export function csvRow(r: RunResult): string {
  const values = rowValues(r);
  return CSV_COLUMNS.map((c) => csvCell(values[c])).join(',') + '\n';
}

export function jsonlRow(r: RunResult): string {
  return JSON.stringify(r) + '\n';
}

/**
 * How a batch or sweep writes each run: CSV after a fixed prefix of cells (a sweep's point and
 * parameter values, already quoted and each followed by a comma), or JSONL with fixed fields
 * first (a sweep's `point` and `parameters`). Plain data, so it crosses to worker threads.
 */
export type RowFormat = { format: 'csv'; prefix?: string } | { format: 'jsonl'; fields?: Record<string, unknown> };

export function formatRow(rows: RowFormat, r: RunResult): string {
  if (rows.format === 'csv') return (rows.prefix ?? '') + csvRow(r);
  return rows.fields ? JSON.stringify({ ...rows.fields, ...r }) + '\n' : jsonlRow(r);
}

/**
 * RFC 4180 quoting: a cell with a comma, a quote or a line break is quoted, quotes doubled.
 * Numbers are written by `String`, JavaScript's shortest text that reads back to the same double.
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * What the summary needs of a row already written (outcome, rounds, legitimacy), read back when a
 * batch or sweep resumes. A CSV row is read from its end: a sweep's leading parameter cells may
 * be quoted and hold commas, the result's own cells never do.
 */
export function resultOfRow(line: string, format: 'csv' | 'jsonl'): Pick<RunResult, 'outcome' | 'rounds' | 'legitimacy'> {
  if (format === 'jsonl') return JSON.parse(line) as RunResult;
  const cells = line.split(',');
  const at = (c: CsvColumn) => cells[cells.length - CSV_COLUMNS.length + CSV_COLUMNS.indexOf(c)];
  const legitimacy = at('legitimacy');
  return { outcome: at('outcome') as RunResult['outcome'], rounds: Number(at('rounds')), legitimacy: legitimacy === '' ? null : Number(legitimacy) };
}
