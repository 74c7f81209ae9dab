/**
 * `convene merge SHARD... --out FILE`: the files of `batch --shard I/N` (or `sweep --shard I/N`,
 * its rows or its summaries) joined into exactly the file one machine would have written. Shards are contiguous blocks, so
 * joining is putting them in order (by the point and seed of their first row, whatever order
 * they are named in) and keeping one CSV header. Headers must agree, and the rows must follow
 * each other without overlap.
 */
import { csvParseRows } from 'd3';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InvalidInput } from '../analysis/index.ts';
import type { CliIO } from './io.ts';
import { outputFormat } from './parse-options.ts';
import { STDOUT, writeOutput } from './output-path.ts';

interface ShardFile {
  name: string;
  header: string | undefined;
  body: string;
  first: [number, number] | undefined;
  last: [number, number] | undefined;
}

export async function mergeCommand(files: string[], options: { out: string }, io: CliIO): Promise<number> {
  const toStdout = options.out === STDOUT;
  const format = outputFormat(toStdout ? files[0] : options.out);
  if (!format) throw new InvalidInput(`${files[0]}: expected a shard ending in .csv or .jsonl`);
  const like = toStdout ? `the first shard, ${files[0]}` : '--out';
  const shards: ShardFile[] = [];
  for (const name of files) {
    if (outputFormat(name) !== format) throw new InvalidInput(`${name}: expected a .${format} file like ${like}`);
    const text = await readFile(resolve(io.cwd, name), 'utf8').catch(() => {
      throw new InvalidInput(`${name}: no such file`);
    });
    if (text !== '' && !text.endsWith('\n')) throw new InvalidInput(`${name}: the last line is incomplete; was this shard interrupted? (run it again with --resume)`);
    let lines = text === '' ? [] : text.slice(0, -1).split('\n');
    let header: string | undefined;
    if (format === 'csv') [header, lines] = [lines[0], lines.slice(1)];
    const key = keyOf(format, header);
    shards.push({
      name,
      header,
      body: lines.map((l) => l + '\n').join(''),
      first: lines.length ? key(lines[0]) : undefined,
      last: lines.length ? key(lines[lines.length - 1]) : undefined,
    });
  }
  if (format === 'csv') {
    const headers = new Set(shards.map((s) => s.header));
    if (headers.size > 1) throw new InvalidInput(`the shards' CSV headers differ: they come from different commands`);
  }
  const filled = shards.filter((s) => s.first !== undefined).sort((a, b) => compare(a.first!, b.first!));
  for (let i = 1; i < filled.length; i++) {
    if (compare(filled[i - 1].last!, filled[i].first!) >= 0) {
      throw new InvalidInput(`${filled[i - 1].name} and ${filled[i].name} overlap: the same shard given twice, or shards of different commands?`);
    }
  }
  const header = format === 'csv' && shards[0].header !== undefined ? [shards[0].header + '\n'] : [];
  await writeOutput(options.out, resolve(io.cwd, options.out), [...header, ...filled.map((s) => s.body)], io);
  const rows = filled.reduce((n, s) => n + (s.body.match(/\n/g)?.length ?? 0), 0);
  io.stderr.write(`${files.length} shards, ${rows} rows, written to ${toStdout ? 'standard output' : options.out}\n`);
  return 0;
}

/** (point, seed) of a row; point 0 for a batch. */
function keyOf(format: 'csv' | 'jsonl', header: string | undefined): (line: string) => [number, number] {
  if (format === 'jsonl') {
    return (line) => {
      const row = JSON.parse(line) as { point?: number; seed: number };
      return [row.point ?? 0, row.seed];
    };
  }
  // RFC 4180: a sweep's parameter cells may be quoted and hold commas.
  const columns = csvParseRows(header ?? '')[0] ?? [];
  const point = columns.indexOf('point');
  const seed = columns.indexOf('seed');
  return (line) => {
    const cells = csvParseRows(line)[0];
    return [point < 0 ? 0 : Number(cells[point]), seed < 0 ? 0 : Number(cells[seed])];
  };
}

function compare(a: [number, number], b: [number, number]): number {
  return a[0] - b[0] || a[1] - b[1];
}
