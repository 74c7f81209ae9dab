/**
 * Appends to an open file through a buffer: batch rows are small and many, so they are gathered
 * and written 64 KB at a time, or when `flush` is called (a checkpoint, a commit).
 *
 * A write may take fewer bytes than it was given (a disk nearly full): the rest is written again
 * until all of it is taken, and a write that takes nothing is an error, never a silent loss. The
 * bytes written are hashed (SHA-256) as they go, for the file's manifest.
 */
import { createHash, type Hash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';

const FLUSH_BYTES = 1 << 16;

/** What a file handle must do: write some bytes of a buffer and say how many. */
export type WritableHandle = Pick<FileHandle, 'write'>;

export interface BufferedWriter {
  write(text: string): Promise<void>;
  flush(): Promise<void>;
  /** Bytes written so far (flushed or not) and their SHA-256, hex. */
  digest(): { bytes: number; sha256: string };
}

export class ShortWriteError extends Error {
  readonly code = 'ENOSPC';
  constructor(written: number, wanted: number) {
    super(`no space left on device (${written} of ${wanted} bytes written)`);
  }
}

/**
 * `start`: the hash and byte count of what the file already holds (a resumed partial file), so the
 * digest covers the whole file.
 */
export function createBufferedWriter(handle: WritableHandle, start: { hash: Hash; bytes: number } = { hash: createHash('sha256'), bytes: 0 }): BufferedWriter {
  let pending: string[] = [];
  let pendingLength = 0;
  const hash = start.hash;
  let bytes = start.bytes;
  const flush = async () => {
    if (pendingLength === 0) return;
    const data = Buffer.from(pending.join(''), 'utf8');
    pending = [];
    pendingLength = 0;
    hash.update(data);
    bytes += data.length;
    let offset = 0;
    while (offset < data.length) {
      const { bytesWritten } = await handle.write(data, offset, data.length - offset);
      if (bytesWritten <= 0) throw new ShortWriteError(offset, data.length);
      offset += bytesWritten;
    }
  };
  return {
    async write(text) {
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength >= FLUSH_BYTES) await flush();
    },
    flush,
    digest() {
      const copy = hash.copy();
      const tail = Buffer.from(pending.join(''), 'utf8');
      copy.update(tail);
      return { bytes: bytes + tail.length, sha256: copy.digest('hex') };
    },
  };
}
