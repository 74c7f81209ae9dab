/** Lines read as a stream: batches across the 1 MB reads, multi-byte characters, a torn last line. */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { readLines } from '../../cli/line-reader.ts';
import { useTempFolder } from './harness.ts';

const folder = useTempFolder('lines');

describe('readLines', () => {
  it('hands over every complete line in order, across reads, and returns the torn tail', async () => {
    // 300,000 lines of 1 to 9 characters, some of two bytes each: about 2.6 MB, three reads.
    const lines = Array.from({ length: 300_000 }, (_, k) => (k % 3 === 0 ? 'é' : 'a').repeat(1 + (k % 9)));
    const complete = lines.join('\n') + '\n';
    const path = folder.path('lines.txt');
    await writeFile(path, complete + 'torn ta');
    const seen: string[] = [];
    const firsts: number[] = [];
    const read = await readLines(path, (batch, first) => {
      firsts.push(first);
      for (const line of batch) seen.push(line);
    });
    expect(seen).toEqual(lines);
    expect(firsts.length).toBeGreaterThan(1);
    expect(read).toMatchObject({ lines: 300_000, completeBytes: Buffer.byteLength(complete), torn: 'torn ta' });
    expect(read.sha256).toBe(createHash('sha256').update(complete).digest('hex'));
  });

  it('reads an empty file as no lines', async () => {
    const path = folder.path('empty.txt');
    await writeFile(path, '');
    expect(await readLines(path, () => {})).toMatchObject({ lines: 0, completeBytes: 0, torn: '' });
  });
});
