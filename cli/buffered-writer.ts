/**
 * Appends to an open file through a buffer: batch rows are small and many, so they are gathered
 * and written 64 KB at a time, or when `flush` is called (a checkpoint, a commit). Text and bytes
 * (a batch worker's rows, already UTF-8) are both taken.
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
  /** Text is written as UTF-8; bytes are copied before the returned promise settles. */
  write(data: string | Uint8Array): Promise<void>;
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
  // One buffer for the writer's life: a batch's rows pass through it without a new one per chunk.
  const pending = Buffer.allocUnsafeSlow(FLUSH_BYTES);
  let used = 0;
  const hash = start.hash;
  let bytes = start.bytes;
  /** Writes all of `data` (hashed first), or throws. */
  const writeAll = async (data: Uint8Array) => {
    hash.update(data);
    bytes += data.length;
    let offset = 0;
    while (offset < data.length) {
      const { bytesWritten } = await handle.write(data, offset, data.length - offset);
      if (bytesWritten <= 0) throw new ShortWriteError(offset, data.length);
      offset += bytesWritten;
    }
  };
  const flushNow = async () => {
    if (used === 0) return;
    const data = pending.subarray(0, used);
    used = 0;
    await writeAll(data);
  };
  // The buffer is written from while a write waits for the disk: calls take turns, each starting
  // when the one before it has settled (a failed one fails those queued behind it).
  let last: Promise<void> = Promise.resolve();
  const inTurn = (work: () => Promise<void>): Promise<void> => (last = last.then(work));
  const flush = () => inTurn(flushNow);
  return {
    write: (data) => inTurn(async () => {
      const length = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.length;
      if (used + length > FLUSH_BYTES) await flushNow();
      if (length >= FLUSH_BYTES) {
        // Larger than the buffer: written as it is (text encoded once).
        await writeAll(typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
        return;
      }
      used += typeof data === 'string' ? pending.write(data, used, 'utf8') : (pending.set(data, used), length);
      if (used === FLUSH_BYTES) await flushNow();
    }),
    flush,
    digest() {
      const copy = hash.copy();
      copy.update(pending.subarray(0, used));
      return { bytes: bytes + used, sha256: copy.digest('hex') };
    },
  };
}
