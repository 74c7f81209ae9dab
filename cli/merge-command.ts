/**
 * `convene merge SHARD... --out FILE`: the files of `batch --shard I/N` (or `sweep --shard I/N`,
 * its rows or its summaries) joined into exactly the file one machine would have written, and its
 * manifest. Shards are contiguous blocks, so joining is putting them in order and keeping one CSV
 * header.
 *
 * Nothing is joined unless the set is whole: every shard's manifest (manifest.ts) must say it is
 * a part of the same command (scenario, experiment, overrides, seeds, shard count, format), every
 * part from 0 to N-1 must be there once, and every file must hold what its manifest says, row by
 * row (the seeds its range gives, in order) and byte for byte (its SHA-256). Otherwise the
 * command exits 2 naming the file and what is wrong, and writes nothing.
 */
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { InvalidInput, csvHeader } from '../analysis/index.ts';
import { createAtomicFile } from './atomic-file.ts';
import { writeText, type CliIO } from './io.ts';
import { readLines } from './line-reader.ts';
import { manifestPath, readManifest, writeManifest, type Manifest } from './manifest.ts';
import { outputFormat } from './parse-options.ts';
import { STDOUT } from './output-path.ts';
import { partialPath } from './partial-file.ts';
import { rowKey, type RowKey } from './row-key.ts';
import { shardRange } from './shard.ts';

interface ShardFile {
  name: string;
  path: string;
  manifest: Manifest;
}

export async function mergeCommand(files: string[], options: { out: string }, io: CliIO): Promise<number> {
  const toStdout = options.out === STDOUT;
  const format = outputFormat(toStdout ? files[0] : options.out);
  if (!format) throw new InvalidInput(`${files[0]}: expected a shard ending in .csv or .jsonl`);
  const like = toStdout ? `the first shard, ${files[0]}` : '--out';
  const shards: ShardFile[] = [];
  const seen = new Map<string, string>();
  for (const name of files) {
    if (outputFormat(name) !== format) throw new InvalidInput(`${name}: expected a .${format} file like ${like}`);
    const path = resolve(io.cwd, name);
    if (seen.has(path)) throw new InvalidInput(`${name}: given twice (also as ${seen.get(path)})`);
    seen.set(path, name);
    shards.push({ name, path, manifest: await shardManifest(name, path) });
  }

  const first = shards[0];
  for (const other of shards.slice(1)) {
    const why = difference(first.manifest, other.manifest);
    if (why) throw new InvalidInput(`${first.name} and ${other.name} ${why}: merge joins the shards of one command`);
  }
  const count = first.manifest.shard!.count;
  const byIndex = new Map<number, ShardFile>();
  for (const s of shards) {
    const twin = byIndex.get(s.manifest.shard!.index);
    if (twin) throw new InvalidInput(`${twin.name} and ${s.name} are both shard ${s.manifest.shard!.index}/${count}: the same shard given twice`);
    byIndex.set(s.manifest.shard!.index, s);
  }
  const missing = Array.from({ length: count }, (_, i) => i).filter((i) => !byIndex.has(i));
  if (missing.length > 0) {
    const list = missing.length === 1 ? `shard ${missing[0]}/${count} is missing` : `shards ${missing.join(', ')} of ${count} are missing`;
    throw new InvalidInput(`${list} (given: ${[...byIndex.keys()].sort((a, b) => a - b).join(', ')}): a task that did not finish leaves only its .partial file; run it again with --resume, then merge`);
  }
  const ordered = [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, s]) => s);
  const total = first.manifest.kind === 'batch' ? first.manifest.seeds.count : first.manifest.points!;
  let header: string | undefined;
  for (const s of ordered) {
    const [from, to] = shardRange(total, s.manifest.shard!);
    if (s.manifest.range[0] !== from || s.manifest.range[1] !== to) {
      throw new InvalidInput(`${manifestPath(s.name)}: shard ${s.manifest.shard!.index}/${count} of ${total} holds ${from} to ${to - 1}, but the manifest says ${s.manifest.range[0]} to ${s.manifest.range[1] - 1}`);
    }
    const fileHeader = await checkShard(s);
    if (header !== undefined && fileHeader !== header) throw new InvalidInput(`${s.name}: its CSV header differs from ${ordered[0].name}'s`);
    header = fileHeader;
  }

  // Whole and consistent: join them.
  const out = toStdout ? undefined : await createAtomicFile(resolve(io.cwd, options.out));
  const write = out ? out.write : (text: string) => writeText(io.stdout, text);
  let rows = 0;
  try {
    if (header !== undefined) await write(header + '\n');
    for (const s of ordered) {
      const read = await readLines(s.path, async (lines, at) => {
        const body = at === 0 && header !== undefined ? lines.slice(1) : lines;
        if (body.length) await write(body.join('\n') + '\n');
      });
      rows += read.lines - (header === undefined ? 0 : 1);
    }
    if (out) {
      const merged: Manifest = { ...first.manifest, command: io.command, node: process.version, shard: null, range: [0, total], rows, output: out.digest() };
      await writeManifest(out.path, merged);
      await out.commit();
    }
  } catch (error) {
    await out?.abort();
    throw error;
  }
  io.stderr.write(`${files.length} shards, ${rows} rows, written to ${toStdout ? 'standard output' : options.out}\n`);
  return 0;
}

/** A shard's manifest, or the reason it has none usable. */
async function shardManifest(name: string, path: string): Promise<Manifest> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile()) {
    const partial = await stat(partialPath(path)).catch(() => undefined);
    if (partial) throw new InvalidInput(`${name}: not finished: only ${name}.partial exists; run its command again with --resume, then merge`);
    throw new InvalidInput(`${name}: no such file`);
  }
  const manifest = await readManifest(path);
  if (manifest === undefined) {
    throw new InvalidInput(`${name}: no manifest beside it (${manifestPath(name)}), so what it holds is unknown: merge joins the files that batch or sweep --shard wrote`);
  }
  if (typeof manifest === 'string') throw new InvalidInput(`${manifestPath(name)}: ${manifest}`);
  if (manifest.shard === null) throw new InvalidInput(`${name}: is not a shard (written without --shard): it is already whole`);
  return manifest;
}

/** Why two shards' manifests are not parts of one command, in words; '' when they are. */
function difference(a: Manifest, b: Manifest): string {
  if (a.kind !== b.kind) return `hold different things (${KIND_WORDS[a.kind]} and ${KIND_WORDS[b.kind]})`;
  if (a.format !== b.format) return `are in different formats (${a.format} and ${b.format})`;
  if (a.engine !== b.engine) return `were written by different engines (${a.engine} and ${b.engine})`;
  if (a.model !== b.model) return `were written under different versions of the model (${a.model} and ${b.model})`;
  if (a.experiment?.sha256 !== b.experiment?.sha256) return `are shards of different experiments (the files ${a.experiment?.file} and ${b.experiment?.file} differ)`;
  if (a.scenario.sha256 !== b.scenario.sha256) return `are shards of different scenarios (the files ${a.scenario.file} and ${b.scenario.file} differ)`;
  if (JSON.stringify(a.overrides) !== JSON.stringify(b.overrides)) return `have different overrides (${setWords(a.overrides)} and ${setWords(b.overrides)})`;
  if (a.kind === 'batch' && a.seeds.count !== b.seeds.count) return `are shards of batches of different run counts (--runs ${a.seeds.count} and ${b.seeds.count})`;
  if (a.seeds.count !== b.seeds.count || a.seeds.start !== b.seeds.start) {
    const seeds = (m: Manifest) => `${m.seeds.count} from seed ${m.seeds.start}`;
    return a.kind === 'batch' ? `start at different seeds (${a.seeds.start} and ${b.seeds.start})` : `come from experiments with different seeds (${seeds(a)} and ${seeds(b)})`;
  }
  if (a.points !== b.points) return `come from designs with different numbers of points (${a.points} and ${b.points})`;
  if (a.shard!.count !== b.shard!.count) return `are parts of different splits (shards of ${a.shard!.count} and of ${b.shard!.count})`;
  return '';
}

const KIND_WORDS: Record<Manifest['kind'], string> = { batch: "a batch's rows", sweep: "a sweep's rows", 'sweep-summary': "a sweep's summary", sensitivity: "a sensitivity analysis's indices", map: 'a regime map' };

function setWords(overrides: string[]): string {
  return overrides.length ? overrides.map((o) => `--set ${o}`).join(' ') : 'none';
}

/**
 * Reads a shard through: every row the one its place says, as many as its manifest says, its
 * bytes those its manifest hashed. Returns its CSV header line (undefined for JSONL).
 */
async function checkShard(s: ShardFile): Promise<string | undefined> {
  const m = s.manifest;
  const info = await stat(s.path);
  if (info.size === 0 && (m.rows > 0 || m.format === 'csv')) throw new InvalidInput(`${s.name}: is empty, but its manifest says ${m.rows} rows${m.format === 'csv' ? ' after a header' : ''}`);
  const csv = m.format === 'csv';
  let header: string | undefined;
  let keyOf: ((line: string) => RowKey) | undefined = csv ? undefined : rowKey('jsonl', m.kind);
  const expected = (k: number): RowKey => {
    if (m.kind === 'batch') return { point: 0, seed: m.seeds.start + m.range[0] + k };
    if (m.kind === 'sweep') return { point: m.range[0] + Math.floor(k / m.seeds.count), seed: m.seeds.start + (k % m.seeds.count) };
    return { point: m.range[0] + k, seed: 0 };
  };
  const read = await readLines(s.path, (lines, at) => {
    for (const [i, line] of lines.entries()) {
      const lineNo = at + i + 1;
      if (csv && lineNo === 1) {
        header = line;
        if (m.kind === 'batch' && line + '\n' !== csvHeader()) throw new InvalidInput(`${s.name}: line 1 is not a batch's CSV header`);
        keyOf = rowKey('csv', m.kind, line);
        continue;
      }
      const k = lineNo - 1 - (csv ? 1 : 0);
      if (k >= m.rows) throw new InvalidInput(`${s.name}: has more rows than its manifest says (${m.rows})`);
      let found: RowKey;
      try {
        found = keyOf!(line);
      } catch (error) {
        throw new InvalidInput(`${s.name}: line ${lineNo} is not a row (${(error as Error).message}): the file was changed or mixed with another`);
      }
      const want = expected(k);
      if (found.point !== want.point || found.seed !== want.seed) {
        const where = (r: RowKey) => (m.kind === 'batch' ? `seed ${r.seed}` : m.kind === 'sweep' ? `point ${r.point} seed ${r.seed}` : `point ${r.point}`);
        const what = found.point > want.point || (found.point === want.point && found.seed > want.seed) ? 'a gap in the seeds' : 'rows repeated or out of order';
        throw new InvalidInput(`${s.name}: line ${lineNo} holds ${where(found)} where ${where(want)} was expected: ${what}`);
      }
    }
  });
  const rows = read.lines - (csv && read.lines > 0 ? 1 : 0);
  if (read.torn !== '') {
    throw new InvalidInput(`${s.name}: its last line is cut mid-line after ${rows} complete rows (its manifest says ${m.rows}): was the file truncated or the disk full?`);
  }
  if (rows < m.rows) throw new InvalidInput(`${s.name}: has ${rows} rows, its manifest says ${m.rows}: the file was cut short`);
  if (read.sha256 !== m.output.sha256) throw new InvalidInput(`${s.name}: its bytes differ from the SHA-256 in its manifest: the file was changed after it was written`);
  return header;
}
