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
  // One boolean column per flag, as tidy data wants (and `flags` is also pandas' DataFrame.flags).
  'capture',
  'exclusion',
  'collateral_attack',
  // How many stakeholders declined the invitation, and how many walked out (model 2).
  'declined',
  'walked_out',
] as const;

/** The columns before the flags had their own (engine 0.1.0's first files), still read by `report`. */
export const CSV_COLUMNS_WITHOUT_FLAG_COLUMNS = CSV_COLUMNS.slice(0, CSV_COLUMNS.indexOf('flags') + 1);
/** The columns of engine 0.1.0 (model 1), before the leaving counts, still read by `report`. */
export const CSV_COLUMNS_OF_MODEL_ONE = CSV_COLUMNS.slice(0, CSV_COLUMNS.indexOf('declined'));
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
    capture: flagCell(r.flags.includes('capture')),
    exclusion: flagCell(r.flags.includes('exclusion')),
    collateral_attack: flagCell(r.flags.includes('collateral-attack')),
    declined: r.declined,
    walked_out: r.walkedOut,
  };
}

/**
 * A flag's boolean cell: TRUE or FALSE, which R's read.csv reads as logical (it keeps `true` as
 * text), pandas as bool and spreadsheets as booleans.
 */
function flagCell(on: boolean): 'TRUE' | 'FALSE' {
  return on ? 'TRUE' : 'FALSE';
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
 * A cell of text from a scenario or an experiment (a sweep's parameter value or name), made safe
 * for spreadsheets as OWASP's "CSV Injection" advises: text beginning with `=`, `+`, `-`, `@`, a
 * tab or a carriage return would be read as a formula, so it gets a leading `'`, which
 * spreadsheets show as text. Numbers are written as numbers (a negative number stays one).
 */
export function csvTextCell(value: Cell): string {
  return typeof value === 'string' && /^[=+\-@\t\r]/.test(value) ? csvCell(`'${value}`) : csvCell(value);
}

/**
 * What the summary needs of a row already written (outcome, rounds, legitimacy), read back when a
 * batch or sweep resumes. A CSV row is read from its end: a sweep's leading parameter cells may
 * be quoted and hold commas, the result's own cells never do.
 */
export function resultOfRow(line: string, format: 'csv' | 'jsonl'): Pick<RunResult, 'outcome' | 'rounds' | 'legitimacy' | 'declined' | 'walkedOut'> {
  if (format === 'jsonl') return JSON.parse(line) as RunResult;
  const cells = line.split(',');
  const at = (c: CsvColumn) => cells[cells.length - CSV_COLUMNS.length + CSV_COLUMNS.indexOf(c)];
  const legitimacy = at('legitimacy');
  return {
    outcome: at('outcome') as RunResult['outcome'],
    rounds: Number(at('rounds')),
    legitimacy: legitimacy === '' ? null : Number(legitimacy),
    declined: Number(at('declined')),
    walkedOut: Number(at('walked_out')),
  };
}
