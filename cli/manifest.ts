/**
 * A manifest beside every file `batch` and `sweep` write, and `merge` joins: `FILE.manifest.json`
 * says what the file is (which command, scenario and experiment by SHA-256, overrides, seeds,
 * shard, format, engine, Node) and what it holds (rows, bytes, SHA-256). It is how a shard says
 * which part of which run it is, so `merge` can refuse an incomplete or mixed set of shards, and
 * how a result is traced to what made it.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { writeFileAtomically } from './atomic-file.ts';
import type { Shard } from './shard.ts';

export const MANIFEST_VERSION = 1;

/** A batch's rows, a sweep's rows, a sweep's summary, a sensitivity analysis's indices, a regime map. */
export type ManifestKind = 'batch' | 'sweep' | 'sweep-summary' | 'sensitivity' | 'map';

export interface FileDigest {
  /** As it was named on the command line. */
  file: string;
  sha256: string;
}

export interface Manifest {
  convene: 'manifest';
  version: typeof MANIFEST_VERSION;
  kind: ManifestKind;
  format: 'csv' | 'jsonl' | 'json';
  /** The command's arguments, `convene` first. */
  command: string[];
  engine: string;
  /** The version of MODEL.md the engine implements. */
  model: number;
  node: string;
  scenario: FileDigest;
  /** A sweep's experiment file. */
  experiment: FileDigest | null;
  /** `--set` overrides, in order. */
  overrides: string[];
  /** Run k uses seed `start + k`; `count`: a batch's runs, or a sweep's seeds at every point. */
  seeds: { start: number; count: number };
  /** A sweep's number of points; null for a batch. */
  points: number | null;
  shard: Shard | null;
  /**
   * The block of the whole list this file holds, [from, to): run indices for a batch, points for
   * a sweep (the whole list without a shard).
   */
  range: [number, number];
  /** Data rows, a CSV header not counted. */
  rows: number;
  output: { bytes: number; sha256: string };
}

export function manifestPath(path: string): string {
  return `${path}.manifest.json`;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export async function writeManifest(path: string, manifest: Manifest): Promise<void> {
  await writeFileAtomically(manifestPath(path), [JSON.stringify(manifest, null, 2) + '\n']);
}

/**
 * The manifest beside `path`, or a reason there is none usable: missing (undefined) or not a
 * manifest (a string saying why).
 */
export async function readManifest(path: string): Promise<Manifest | undefined | string> {
  const text = await readFile(manifestPath(path), 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return 'it is not JSON';
  }
  const m = value as Partial<Manifest>;
  if (m === null || typeof m !== 'object' || m.convene !== 'manifest') return 'it is not a Convene manifest';
  if (m.version !== MANIFEST_VERSION) return `it has version ${String(m.version)}; this Convene reads version ${MANIFEST_VERSION}`;
  const wellFormed =
    (m.kind === 'batch' || m.kind === 'sweep' || m.kind === 'sweep-summary' || m.kind === 'sensitivity' || m.kind === 'map') &&
    (m.format === 'csv' || m.format === 'jsonl' || m.format === 'json') &&
    Array.isArray(m.range) && m.range.length === 2 && m.range.every(Number.isSafeInteger) &&
    Number.isSafeInteger(m.rows) &&
    typeof m.seeds?.start === 'number' && typeof m.seeds?.count === 'number' &&
    typeof m.output?.sha256 === 'string' &&
    typeof m.scenario?.sha256 === 'string' &&
    Array.isArray(m.overrides) &&
    (m.shard === null || (Number.isSafeInteger(m.shard?.index) && Number.isSafeInteger(m.shard?.count)));
  return wellFormed ? (m as Manifest) : 'a field is missing or of the wrong type';
}
