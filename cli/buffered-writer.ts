/**
 * Appends to an open file through a buffer: batch rows are small and many, so they are gathered
 * and written 64 KB at a time, or when `flush` is called (a checkpoint, a commit).
 */
import type { FileHandle } from 'node:fs/promises';

const FLUSH_BYTES = 1 << 16;

export interface BufferedWriter {
  write(text: string): Promise<void>;
  flush(): Promise<void>;
}

export function createBufferedWriter(handle: FileHandle): BufferedWriter {
  let pending: string[] = [];
  let pendingLength = 0;
  const flush = async () => {
    if (pendingLength === 0) return;
    const text = pending.join('');
    pending = [];
    pendingLength = 0;
    await handle.write(text);
  };
  return {
    async write(text) {
      pending.push(text);
      pendingLength += text.length;
      if (pendingLength >= FLUSH_BYTES) await flush();
    },
    flush,
  };
}
