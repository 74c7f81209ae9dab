/**
 * A sweep's rows read back point by point (for `convene sensitivity` and `convene map`, which sum
 * each point's runs up after running them, or from merged shards): each row's point and what the
 * summaries need of its run, every point checked to hold exactly the experiment's seeds.
 */
import { csvParseRows } from 'd3';
import { OUTCOMES, type Outcome } from '../sim/index.ts';
import { CSV_COLUMNS, InvalidInput } from '../analysis/index.ts';
import { readLines } from './line-reader.ts';
import { outputFormat } from './parse-options.ts';

export interface PointRow {
  point: number;
  outcome: Outcome;
  rounds: number;
  support: number;
  /** null when nothing was adopted. */
  legitimacy: number | null;
  declined: number;
  walkedOut: number;
}

export async function readPointRows(path: string, shown: string, points: number, seeds: number, onRow: (row: PointRow) => void): Promise<void> {
  const format = outputFormat(shown);
  if (!format) throw new InvalidInput(`${shown}: expected rows ending .csv or .jsonl`);
  const counts = new Float64Array(points);
  const outcomes = new Set<string>(OUTCOMES);
  const tail = CSV_COLUMNS.length;
  const index = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, i])) as Record<(typeof CSV_COLUMNS)[number], number>;
  let header = format === 'csv';
  let line = 0;
  const read = await readLines(path, (lines) => {
    for (const text of lines) {
      line++;
      if (header) {
        header = false;
        continue;
      }
      let row: PointRow;
      if (format === 'csv') {
        const cells = text.includes('"') ? (csvParseRows(text)[0] ?? []) : text.split(',');
        const at = (name: (typeof CSV_COLUMNS)[number]) => cells[cells.length - tail + index[name]];
        row = {
          point: Number(cells[0]),
          outcome: at('outcome') as Outcome,
          rounds: Number(at('rounds')),
          support: Number(at('support')),
          legitimacy: at('legitimacy') === '' ? null : Number(at('legitimacy')),
          declined: Number(at('declined')),
          walkedOut: Number(at('walked_out')),
        };
      } else {
        try {
          row = JSON.parse(text) as PointRow;
        } catch {
          throw new InvalidInput(`${shown}: line ${line}: not JSON`);
        }
      }
      if (!Number.isSafeInteger(row.point) || row.point < 0 || row.point >= points || !outcomes.has(row.outcome)) {
        throw new InvalidInput(`${shown}: line ${line}: not a row of this design's ${points} points`);
      }
      counts[row.point]++;
      onRow(row);
    }
  }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') throw new InvalidInput(`${shown}: no such file`);
    throw error;
  });
  if (read.torn !== '') throw new InvalidInput(`${shown}: its last line is cut off: an unfinished run? (use --resume to finish it)`);
  const missing = counts.findIndex((c) => c !== seeds);
  if (missing >= 0) throw new InvalidInput(`${shown}: point ${missing} has ${counts[missing]} runs, expected ${seeds} (the rows of another design, or an unmerged shard?)`);
}
