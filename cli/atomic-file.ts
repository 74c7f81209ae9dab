/**
 * A file that appears complete or not at all: written to a temporary file next to the target and
 * renamed over it at the end, so a failed or interrupted batch leaves no half file and never
 * clobbers an existing good one (rename is atomic within one file system, hence "next to").
 */
import { randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { createBufferedWriter } from './buffered-writer.ts';

export interface AtomicFile {
  readonly path: string;
  readonly tempPath: string;
  write(text: string): Promise<void>;
  /** Flushes, closes and renames the temporary file over the target. */
  commit(): Promise<void>;
  /** Closes and removes the temporary file; the target is untouched. */
  abort(): Promise<void>;
}

export async function createAtomicFile(path: string): Promise<AtomicFile> {
  const tempPath = join(dirname(path), `.${basename(path)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  const handle: FileHandle = await open(tempPath, 'wx');
  const buffer = createBufferedWriter(handle);
  let closed = false;

  // Interrupted (Ctrl-C, kill): remove the temporary file on the way out. Exit synchronously,
  // as the default handler would have, with the conventional status.
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      unlinkSync(tempPath);
    } catch {
      // Already gone.
    }
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const release = () => {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };

  const file: AtomicFile = {
    path,
    tempPath,
    write: buffer.write,
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
