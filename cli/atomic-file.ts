/**
 * A file that appears complete or not at all: written to a temporary file next to the target and
 * renamed over it at the end, so a failed or interrupted batch leaves no half file and never
 * clobbers an existing good one (rename is atomic within one file system, hence "next to").
 */
import { randomBytes } from 'node:crypto';
import { open, readdir, rename, stat, unlink, type FileHandle } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createBufferedWriter } from './buffered-writer.ts';
import { isRunning, onSignalExit } from './processes.ts';

export interface AtomicFile {
  readonly path: string;
  readonly tempPath: string;
  write(text: string): Promise<void>;
  /** Flushes, closes and renames the temporary file over the target. */
  commit(): Promise<void>;
  /** Closes and removes the temporary file; the target is untouched. */
  abort(): Promise<void>;
  /** Size and SHA-256 of everything written so far. */
  digest(): { bytes: number; sha256: string };
}

/** `.NAME.PID-RANDOM.tmp`: the temporary file of NAME written by process PID. */
function tempName(name: string, pid: number): string {
  return `.${name}.${pid}-${randomBytes(4).toString('hex')}.tmp`;
}

/** An orphan is left when a process is killed (-9, or the machine stops) between write and rename. */
const ORPHAN_AGE_MS = 60_000;

/**
 * Removes the temporary files of `path` left by processes that no longer run, a minute old or
 * more (on a folder shared between machines, a live writer elsewhere has a pid unknown here but a
 * fresh file).
 */
async function removeOrphans(path: string): Promise<void> {
  const folder = dirname(path);
  const name = basename(path);
  const entries = await readdir(folder).catch(() => [] as string[]);
  for (const entry of entries) {
    if (!entry.startsWith(`.${name}.`) || !entry.endsWith('.tmp')) continue;
    const m = /^(\d+)-[0-9a-f]{8}\.tmp$/.exec(entry.slice(name.length + 2));
    if (!m || isRunning(Number(m[1]))) continue;
    const info = await stat(join(folder, entry)).catch(() => undefined);
    if (info && Date.now() - info.mtimeMs >= ORPHAN_AGE_MS) await unlink(join(folder, entry)).catch(() => undefined);
  }
}


export async function createAtomicFile(path: string): Promise<AtomicFile> {
  await removeOrphans(path);
  const tempPath = join(dirname(path), tempName(basename(path), process.pid));
  const handle: FileHandle = await open(tempPath, 'wx');
  const buffer = createBufferedWriter(handle);
  let closed = false;

  // Interrupted (Ctrl-C, kill): remove the temporary file on the way out.
  const release = onSignalExit(() => unlinkSync(tempPath));

  const file: AtomicFile = {
    path,
    tempPath,
    write: buffer.write,
    digest: buffer.digest,
    async commit() {
      try {
        await buffer.flush();
        await handle.sync();
        await handle.close();
        closed = true;
        await rename(tempPath, path);
      } catch (error) {
        await file.abort();
        throw error;
      } finally {
        release();
      }
    },
    async abort() {
      release();
      if (!closed) {
        closed = true;
        await handle.close().catch(() => {});
      }
      await unlink(tempPath).catch(() => {});
    },
  };
  return file;
}

/** Writes `parts` to `path` as one atomic file. */
export async function writeFileAtomically(path: string, parts: Iterable<string>): Promise<void> {
  const file = await createAtomicFile(path);
  try {
    for (const part of parts) await file.write(part);
    await file.commit();
  } catch (error) {
    await file.abort();
    throw error;
  }
}
