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

  it('takes text and UTF-8 bytes alike, in the order given, however its calls overlap', async () => {
    // 64 KB buffer: the writes below fill it several times, one is larger than it (written as
    // it is), and none waits for the one before it, so a flush to the disk is under way while
    // later ones arrive. The file must hold each part once, in order, whole.
    const d = disk(5_000);
    const w = createBufferedWriter(d.handle);
    const encoder = new TextEncoder();
    const parts: string[] = ['seed,outcome\n'];
    for (let k = 0; k < 40; k++) parts.push(`${k},${'é'.repeat(k * 97)}\n`);
    parts.push('z'.repeat(70_000) + '\n');
    parts.push('last\n');
    const bytes = parts.map((p, k) => (k % 2 === 1 ? encoder.encode(p) : p));
    await Promise.all(bytes.map((p) => w.write(p)));
    await w.flush();
    const whole = parts.join('');
    expect(d.text()).toBe(whole);
    expect(w.digest()).toEqual({ bytes: Buffer.byteLength(whole), sha256: createHash('sha256').update(whole).digest('hex') });
  });

  it('copies bytes it is given before its write settles, so the caller may reuse them', async () => {
    const d = disk(1000);
    const w = createBufferedWriter(d.handle);
    const reused = new TextEncoder().encode('first\n');
    await w.write(reused);
    reused.set(new TextEncoder().encode('XXXXX\n'));
    await w.write('second\n');
    await w.flush();
    expect(d.text()).toBe('first\nsecond\n');
  });
});
