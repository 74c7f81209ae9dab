/**
 * An output that survives interruption: rows are appended to `FILE.partial` next to the target,
 * flushed and fsynced at chunk boundaries, and renamed over the target at the end. Beside it,
 * `FILE.partial.json` describes what produced the rows (scenario, overrides, seeds, shard,
 * format) and `FILE.partial.lock` says which process is writing them, so a second command writing
 * the same file is refused rather than mixed into it.
 *
 * With `--resume`, a partial file made by the same command is read back as a stream (it may be
 * larger than a string can hold), each row checked by the command: a torn last line (the process
 * died mid-write) or a garbled last row is cut off, and the command continues after the last good
 * row. Anything else that does not match (no description, another command's description, a bad
 * row before the last) is refused, saying what differs, and the partial file is left as it was.
 */
import { createHash } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { open, readFile, rename, stat, truncate, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { createBufferedWriter } from './buffered-writer.ts';
import { readLines } from './line-reader.ts';
import { isRunning, onSignalExit } from './processes.ts';
import { InvalidInput } from '../analysis/index.ts';

export interface PartialFile {
  /** The rows (header not counted) kept from an earlier, interrupted run. */
  readonly resumedRows: number;
  /** Text, or UTF-8 bytes (copied before the promise settles). */
  write(data: string | Uint8Array): Promise<void>;
  /** Everything written so far reaches the disk. */
  checkpoint(): Promise<void>;
  /**
   * Flushes and renames the partial file over the target; `beforeRename` gets the whole file's
   * size and SHA-256 first (to write its manifest).
   */
  commit(beforeRename?: (output: { bytes: number; sha256: string }) => Promise<void>): Promise<void>;
  /** Removes the partial file and its description; the target is untouched. */
  abort(): Promise<void>;
  /** Keeps what was written for `--resume` (an interruption, a crash, a full disk). */
  keep(): Promise<void>;
}

/** What produced a partial file's rows: field name → value, compared field by field on resume. */
export type ResumeKey = Record<string, unknown>;

export interface PartialFileOptions {
  key: ResumeKey;
  resume: boolean;
  /** The target as the user named it, for messages. */
  shown: string;
  /** The CSV header line the file begins with (newline included); none for JSONL. */
  header?: string;
  /**
   * Called with each row read back on resume (header excluded) and its index from 0, in order;
   * throws when the line is not the row expected there.
   */
  readRow?(line: string, index: number): void;
}

/** Rows streamed as they come (`--out -`): nothing to resume, nothing to rename. */
export function streamedOutput(write: (data: string | Uint8Array) => Promise<void>): PartialFile {
  const none = async () => {};
  return { resumedRows: 0, write, checkpoint: none, commit: none, abort: none, keep: none };
}

export function partialPath(path: string): string {
  return `${path}.partial`;
}

/** How each field of a resume key is named when a resume is refused. */
const FIELD_NAMES: Record<string, string> = {
  command: 'command',
  engine: 'engine version',
  scenario: 'scenario',
  overrides: 'overrides (--set)',
  runs: 'runs (--runs)',
  seedStart: 'seed start (--seed-start)',
  shard: 'shard (--shard)',
  format: 'format',
  experiment: 'experiment',
  scenarios: 'base scenario',
};

export async function createPartialFile(path: string, options: PartialFileOptions): Promise<PartialFile> {
  const dataPath = partialPath(path);
  const metaPath = `${dataPath}.json`;
  const shownPartial = `${options.shown}.partial`;
  const key = JSON.stringify(options.key);
  const lock = await takeLock(`${dataPath}.lock`, options.shown);
  let resumedRows = 0;
  let start: { hash: ReturnType<typeof createHash>; bytes: number } | undefined;
  try {
    if (options.resume) {
      const resumed = await resume(dataPath, metaPath, shownPartial, key, options);
      resumedRows = resumed.rows;
      start = resumed.start;
    }
    if (!start) await writeFile(dataPath, '');
    await writeFile(metaPath, key);
  } catch (error) {
    await lock.release();
    throw error;
  }
  const handle: FileHandle = await open(dataPath, 'a');
  const buffer = createBufferedWriter(handle, start);
  if (!start && options.header) await buffer.write(options.header);
  let closed = false;
  const close = async () => {
    if (!closed) {
      closed = true;
      await handle.close().catch(() => undefined);
    }
  };
  return {
    resumedRows,
    write: buffer.write,
    async checkpoint() {
      await buffer.flush();
      await handle.sync();
    },
    async commit(beforeRename) {
      await buffer.flush();
      await handle.sync();
      await close();
      await beforeRename?.(buffer.digest());
      await rename(dataPath, path);
      await unlink(metaPath).catch(() => undefined);
      await lock.release();
    },
    async abort() {
      await close();
      await unlink(dataPath).catch(() => undefined);
      await unlink(metaPath).catch(() => undefined);
      await lock.release();
    },
    async keep() {
      // What fits is kept; a torn last row is cut off by --resume.
      await buffer.flush().catch(() => undefined);
      await handle.sync().catch(() => undefined);
      await close();
      await lock.release();
    },
  };
}

/** Reads a partial file back for `--resume`; `start` undefined: there is none, start afresh. */
async function resume(
  dataPath: string,
  metaPath: string,
  shown: string,
  key: string,
  options: PartialFileOptions,
): Promise<{ rows: number; start?: { hash: ReturnType<typeof createHash>; bytes: number } }> {
  const info = await stat(dataPath).catch(() => undefined);
  if (!info) return { rows: 0 };
  const meta = await readFile(metaPath, 'utf8').catch(() => undefined);
  if (meta === undefined) {
    throw new InvalidInput(`--resume: ${shown} has no description beside it (${shown}.json), so what made its rows is unknown; remove it or drop --resume`);
  }
  if (meta !== key) throw new InvalidInput(`--resume: ${shown} was written by a different command: ${differences(meta, options.key)}; remove it or drop --resume`);

  const headerLine = options.header?.replace(/\n$/, '');
  // The last line read is held back until the next one arrives: a garbled last row is cut off
  // like a torn one, a garbled row anywhere before it is refused.
  let held: { line: string; index: number } | undefined;
  let rows = 0;
  const take = (line: string, index: number) => {
    if (index === 0 && headerLine !== undefined) {
      if (line !== headerLine) throw new InvalidInput(`--resume: ${shown} does not begin with this command's CSV header; remove it or drop --resume`);
      return;
    }
    const row = index - (headerLine === undefined ? 0 : 1);
    try {
      options.readRow?.(line, row);
    } catch (error) {
      throw new InvalidInput(`--resume: ${shown}: line ${index + 1} is not the row expected there (${(error as Error).message}); remove it or drop --resume`);
    }
    rows = row + 1;
  };
  const read = await readLines(dataPath, (lines, first) => {
    for (const [k, line] of lines.entries()) {
      if (held) take(held.line, held.index);
      held = { line, index: first + k };
    }
  });
  let keepBytes = read.completeBytes;
  let cut = false;
  if (held) {
    try {
      take(held.line, held.index);
    } catch (error) {
      // A header that differs is refused; a bad last row is cut off.
      if (held.index === 0 && headerLine !== undefined) throw error;
      keepBytes -= Buffer.byteLength(held.line) + 1;
      cut = true;
    }
  }
  if (keepBytes < info.size) await truncate(dataPath, keepBytes);
  if (keepBytes === 0) return { rows: 0 };
  // The hash must cover only what is kept: after a cut, read the kept bytes again.
  const hash = cut ? (await readLines(dataPath, () => {})).hash : read.hash;
  return { rows, start: { hash, bytes: keepBytes } };
}

/** Which fields of two resume keys differ, in words: "runs (--runs) (30 there, 40 here)". */
function differences(metaText: string, key: ResumeKey): string {
  let meta: ResumeKey;
  try {
    meta = JSON.parse(metaText) as ResumeKey;
  } catch {
    return 'its description is unreadable';
  }
  const fields = [...new Set([...Object.keys(key), ...Object.keys(meta)])];
  let differing = fields.filter((f) => JSON.stringify(meta[f]) !== JSON.stringify(key[f]));
  // Overrides change the scenario they are applied to; an experiment its points' scenarios.
  if (differing.includes('overrides')) differing = differing.filter((f) => f !== 'scenario');
  if (differing.includes('experiment')) differing = differing.filter((f) => f !== 'scenarios');
  return differing
    .map((f) => {
      const there = meta[f];
      const here = key[f];
      const simple = (v: unknown) => v === null || v === undefined || typeof v !== 'object' || Array.isArray(v);
      const shown = (v: unknown) => (v === undefined || v === null ? 'none' : Array.isArray(v) ? (v.length ? v.join(' ') : 'none') : typeof v === 'object' ? JSON.stringify(v) : String(v));
      const name = FIELD_NAMES[f] ?? f;
      const isShard = f === 'shard';
      const describe = (v: unknown) => (isShard && v && typeof v === 'object' ? `${(v as { index: number }).index}/${(v as { count: number }).count}` : shown(v));
      return simple(there) && simple(here) || isShard ? `${name} differs (${describe(there)} there, ${describe(here)} here)` : `${name} differs`;
    })
    .join(', ');
}

interface Lock {
  release(): Promise<void>;
}

/**
 * `FILE.partial.lock`, created exclusively, holds the writer's process id and host. A lock left by
 * a process of this host that no longer runs (killed with -9) is taken over; any other is refused.
 */
async function takeLock(lockPath: string, shown: string): Promise<Lock> {
  const me = JSON.stringify({ pid: process.pid, host: hostname() });
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(lockPath, me, { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 0) throw error;
      const holder = await readFile(lockPath, 'utf8').then((t) => JSON.parse(t) as { pid: number; host: string }).catch(() => undefined);
      if (holder && (holder.host !== hostname() || isRunning(holder.pid))) {
        throw new InvalidInput(
          `--out ${shown}: another convene (process ${holder.pid} on ${holder.host}) is writing it; wait for it to finish, or if it no longer runs, remove ${shown}.partial.lock`,
        );
      }
      await unlink(lockPath).catch(() => undefined);
    }
  }
  const forget = onSignalExit(() => unlinkQuietly(lockPath));
  let released = false;
  return {
    async release() {
      if (released) return;
      released = true;
      forget();
      await unlink(lockPath).catch(() => undefined);
    },
  };
}

function unlinkQuietly(path: string): void {
  try {
    // Synchronous: the process is about to exit.
    unlinkSync(path);
  } catch {
    // Already gone.
  }
}


/** `error`, saying where the rows written before it are kept and how to go on. */
export function keptAfter(error: unknown, shown: string, rows: number): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`${message}; the ${rows} rows written before it are kept in ${shown}.partial: run the same command with --resume to go on`);
}
