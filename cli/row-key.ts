/**
 * Where a row written by `batch` or `sweep` belongs: its point (0 for a batch) and seed, read back
 * from the line, or an error saying why the line is not such a row (a wrong number of cells, a
 * line that is not JSON). `merge` and `--resume` use it to check that every row is the one its
 * place in the file says.
 */
import { csvParseRows } from 'd3';
import { OUTCOMES, type RunResult } from '../sim/index.ts';
import { resultOfRow } from '../analysis/index.ts';
import type { ManifestKind } from './manifest.ts';

export interface RowKey {
  point: number;
  seed: number;
}

/** A reader of rows of `kind` in `format`; `header`: the file's CSV header line. */
export function rowKey(format: 'csv' | 'jsonl', kind: ManifestKind, header?: string): (line: string) => RowKey {
  if (format === 'jsonl') {
    return (line) => {
      let row: { point?: unknown; seed?: unknown };
      try {
        row = JSON.parse(line) as typeof row;
      } catch {
        throw new Error('not JSON');
      }
      if (row === null || typeof row !== 'object' || !Number.isSafeInteger(row.seed)) throw new Error('no seed');
      if (kind === 'batch') return { point: 0, seed: row.seed as number };
      if (!Number.isSafeInteger(row.point)) throw new Error('no point');
      return { point: row.point as number, seed: row.seed as number };
    };
  }
  // RFC 4180: a sweep's parameter cells may be quoted and hold commas.
  const columns = csvParseRows((header ?? '').replace(/\n$/, ''))[0] ?? [];
  // The run's columns come after a sweep's parameters: a parameter may itself be named `seed`.
  const point = columns.indexOf('point');
  const seed = columns.lastIndexOf('seed');
  return (line) => {
    const cells = line.includes('"') ? (csvParseRows(line)[0] ?? []) : line.split(',');
    if (cells.length !== columns.length) throw new Error(`${cells.length} cells, the header has ${columns.length}`);
    const key = { point: point < 0 ? 0 : Number(cells[point]), seed: seed < 0 ? 0 : Number(cells[seed]) };
    if (!Number.isSafeInteger(key.point) || !Number.isSafeInteger(key.seed)) throw new Error('its point or seed is not a whole number');
    return key;
  };
}

/** What a summary needs of a row read back, refused (thrown) when it is not a result's. */
export function checkedResult(line: string, format: 'csv' | 'jsonl'): Pick<RunResult, 'outcome' | 'rounds' | 'legitimacy' | 'declined' | 'walkedOut'> {
  const r = resultOfRow(line, format);
  if (!(OUTCOMES as readonly string[]).includes(r.outcome)) throw new Error(`no outcome ${JSON.stringify(String(r.outcome))}`);
  if (!Number.isSafeInteger(r.rounds) || r.rounds < 0) throw new Error('its rounds are not a whole number');
  if (r.legitimacy !== null && !Number.isFinite(r.legitimacy)) throw new Error('its legitimacy is not a number');
  for (const [name, count] of [['declined', r.declined], ['walked out', r.walkedOut]] as const) {
    if (!Number.isSafeInteger(count) || count < 0) throw new Error(`its count of those who ${name} is not a whole number`);
  }
  return r;
}
