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

type Cell = string | number | null;

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
 * RFC 4180 quoting: a cell with a comma, a quote or a line break is quoted, quotes doubled.
 * Numbers are written by `String`, JavaScript's shortest text that reads back to the same double.
 */
export function csvCell(value: Cell): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
