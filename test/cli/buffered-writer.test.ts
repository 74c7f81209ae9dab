/**
 * The buffered writer takes what `write` says it wrote: a short write is continued until all is
 * written, a write that takes nothing is an error (a full disk), and the digest covers the bytes.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createBufferedWriter, ShortWriteError, type WritableHandle } from '../../cli/buffered-writer.ts';

/** A file that takes at most `per` bytes a write, and nothing once it holds `capacity`. */
function disk(per: number, capacity = Infinity) {
  const held: Buffer[] = [];
  let size = 0;
  const handle = {
    async write(buffer: Buffer, offset = 0, length = buffer.length - offset) {
      const n = Math.max(0, Math.min(per, length, capacity - size));
      held.push(Buffer.from(buffer.subarray(offset, offset + n)));
      size += n;
      return { bytesWritten: n, buffer };
    },
  } as unknown as WritableHandle;
  return { handle, text: () => Buffer.concat(held).toString('utf8') };
}

describe('the buffered writer', () => {
  it('continues a short write until every byte is written', async () => {
    const d = disk(7);
    const w = createBufferedWriter(d.handle);
    const text = 'seed,outcome\n' + 'é'.repeat(40) + '\n';
    await w.write(text);
    await w.flush();
    expect(d.text()).toBe(text);
    expect(w.digest()).toEqual({ bytes: Buffer.byteLength(text), sha256: createHash('sha256').update(text).digest('hex') });
  });

  it('fails when the disk takes no more, saying how much of the write was taken', async () => {
    const d = disk(1000, 50);
    const w = createBufferedWriter(d.handle);
    await w.write('x'.repeat(80));
    const error = await w.flush().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ShortWriteError);
    expect(String(error)).toContain('no space left on device (50 of 80 bytes written)');
  });
});
