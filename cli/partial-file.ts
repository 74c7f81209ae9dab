/**
 * An output that survives interruption: rows are appended to `FILE.partial` next to the target,
 * flushed and fsynced at chunk boundaries, and renamed over the target at the end. Beside it,
 * `FILE.partial.json` holds what produced the rows (scenario, overrides, seeds, format); with
 * `--resume`, a partial file made by the same command is kept: a torn last line (the process died
 * mid-write) is cut off, and the command continues after the last complete row. Anything that
 * does not match is refused rather than mixed.
 */
import { open, readFile, rename, truncate, unlink, writeFile, type FileHandle } from 'node:fs/promises';
import { createBufferedWriter } from './buffered-writer.ts';
import { InvalidInput } from '../analysis/index.ts';

export interface PartialFile {
  /** The complete lines already written by an earlier, interrupted run (header included). */
  readonly resumedLines: string[];
  write(text: string): Promise<void>;
  /** Everything written so far reaches the disk. */
  checkpoint(): Promise<void>;
  commit(): Promise<void>;
  /** Removes the partial file and its description; the target is untouched. */
  abort(): Promise<void>;
}

/** Rows streamed as they come (`--out -`): nothing to resume, nothing to rename. */
export function streamedOutput(write: (text: string) => Promise<void>): PartialFile {
  const none = async () => {};
  return { resumedLines: [], write, checkpoint: none, commit: none, abort: none };
}

export function partialPath(path: string): string {
  return `${path}.partial`;
}

export async function createPartialFile(path: string, options: { key: unknown; resume: boolean; shown: string }): Promise<PartialFile> {
  const dataPath = partialPath(path);
  const metaPath = `${dataPath}.json`;
  const key = JSON.stringify(options.key);
  let resumedLines: string[] = [];
  if (options.resume) {
    const meta = await readFile(metaPath, 'utf8').catch(() => undefined);
    const text = await readFile(dataPath, 'utf8').catch(() => undefined);
    if (meta !== undefined && text !== undefined) {
      if (meta !== key) {
        throw new InvalidInput(
          `--resume: ${options.shown}.partial was written by a different command (scenario, overrides, seeds, shard or format differ); remove it or drop --resume`,
        );
      }
      const complete = text.slice(0, text.lastIndexOf('\n') + 1);
      if (complete.length < text.length) await truncate(dataPath, Buffer.byteLength(complete));
      resumedLines = complete === '' ? [] : complete.slice(0, -1).split('\n');
    }
  }
  if (resumedLines.length === 0) await writeFile(dataPath, '');
  await writeFile(metaPath, key);
  const handle: FileHandle = await open(dataPath, 'a');
  const buffer = createBufferedWriter(handle);
  let closed = false;
  const close = async () => {
    if (!closed) {
      closed = true;
      await handle.close().catch(() => undefined);
    }
  };
  return {
    resumedLines,
    write: buffer.write,
    async checkpoint() {
      await buffer.flush();
      await handle.sync();
    },
    async commit() {
      await buffer.flush();
      await handle.sync();
      await close();
      await rename(dataPath, path);
      await unlink(metaPath).catch(() => undefined);
    },
    async abort() {
      await close();
      await unlink(dataPath).catch(() => undefined);
      await unlink(metaPath).catch(() => undefined);
    },
  };
}
