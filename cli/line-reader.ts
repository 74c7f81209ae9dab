/**
 * A file read line by line as a stream, in constant memory whatever its size (a partial file or a
 * shard may be larger than a string can hold), with the SHA-256 of its bytes. The lines are handed
 * over in batches; a last line without its newline (a write torn by a kill or a full disk) is
 * returned apart, never handed over as a line.
 */
import { createHash, type Hash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';

export interface LinesRead {
  /** Complete lines handed over. */
  lines: number;
  /** Bytes of the complete lines, newlines included: where a torn last line begins. */
  completeBytes: number;
  /** The text after the last newline ('' when the file ends with one). */
  torn: string;
  /** SHA-256 (hex) of the complete lines' bytes. */
  sha256: string;
  /** The hash, still open: what a writer appending to the file goes on with. */
  hash: Hash;
}

const CHUNK = 1 << 20;

/**
 * Calls `onLines` with each batch of complete lines (without their newlines), in order, awaiting
 * it; `onLines` may throw to stop reading. `end`: read only the first `end` bytes.
 */
export async function readLines(path: string, onLines: (lines: string[], firstLine: number) => void | Promise<void>, options: { end?: number } = {}): Promise<LinesRead> {
  const hash = createHash('sha256');
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let restBytes: Buffer[] = [];
  let lines = 0;
  let completeBytes = 0;
  const stream = createReadStream(path, { highWaterMark: CHUNK, end: options.end === undefined ? undefined : options.end - 1 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const lastNewline = chunk.lastIndexOf(0x0a);
      if (lastNewline < 0) {
        restBytes.push(chunk);
        rest += decoder.write(chunk);
        continue;
      }
      const head = chunk.subarray(0, lastNewline + 1);
      for (const b of restBytes) hash.update(b);
      hash.update(head);
      completeBytes += restBytes.reduce((n, b) => n + b.length, 0) + head.length;
      const text = rest + decoder.write(head);
      const tail = chunk.subarray(lastNewline + 1);
      restBytes = tail.length ? [tail] : [];
      rest = decoder.write(tail);
      const batch = text.slice(0, -1).split('\n');
      await onLines(batch, lines);
      lines += batch.length;
    }
  } finally {
    stream.destroy();
  }
  rest += decoder.end();
  return { lines, completeBytes, torn: rest, sha256: hash.copy().digest('hex'), hash };
}
