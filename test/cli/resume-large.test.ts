/**
 * `--resume` reads the partial file as a stream: one larger than a JavaScript string can hold
 * (V8's limit, 2^29 - 24 characters, about 536.9 MB) is resumed, not refused or started over.
 * The partial file is made of 7,200,000 rows of about 80 bytes (about 576 MB) in the form and
 * order a batch writes them, then the batch's last 3 runs are run for real.
 */
import { createWriteStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { interruptWhenWritten, PRIVACY, spawnCli, useTempFolder } from './harness.ts';

const folder = useTempFolder('resume-large');
const ROWS = 7_200_000;
const SEED = 7; // the privacy scenario's
const STRING_LIMIT = 2 ** 29 - 24;

describe('convene batch --resume of a partial file larger than a string', () => {
  it('goes on after its last row', async () => {
    const out = folder.path('large.csv');
    const args = ['batch', PRIVACY, '--runs', String(ROWS + 3), '--workers', '1', '--out', out];
    await interruptWhenWritten(args, `${out}.partial`, 'SIGKILL');

    // A real row's cells after its seed, repeated with the seeds in order.
    const template = spawnCli(['batch', PRIVACY, '--runs', '1']).stdout.split('\n')[1].replace(/^\d+,/, ',');
    const header = spawnCli(['batch', PRIVACY, '--runs', '1']).stdout.split('\n')[0];
    const stream = createWriteStream(`${out}.partial`);
    stream.write(header + '\n');
    for (let k = 0; k < ROWS; k += 10_000) {
      let block = '';
      for (let j = k; j < Math.min(ROWS, k + 10_000); j++) block += `${SEED + j}${template}\n`;
      if (!stream.write(block)) await once(stream, 'drain');
    }
    stream.end();
    await once(stream, 'finish');
    const size = (await stat(`${out}.partial`)).size;
    expect(size).toBeGreaterThan(STRING_LIMIT);

    const r = spawnCli([...args, '--resume']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain(`resumed after ${ROWS} rows`);
    // The last 3 rows are the 3 runs that were left, as a batch of them alone writes them.
    const last = spawnCli(['batch', PRIVACY, '--runs', '3', '--seed-start', String(SEED + ROWS)]).stdout.split('\n').slice(1).join('\n');
    const file = await open(out);
    const tail = Buffer.alloc(Buffer.byteLength(last));
    await file.read(tail, 0, tail.length, size);
    await file.close();
    expect(tail.toString('utf8')).toBe(last);
    expect((await stat(out)).size).toBe(size + tail.length);
  }, 240_000);
});
