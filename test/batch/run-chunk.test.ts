/**
 * The chunk runner keeps its buffers from chunk to chunk (rows encoded to UTF-8 as they are
 * formatted, the summary's numbers in typed arrays): what it hands back must be exactly each run's
 * row and numbers, and must stay so after later chunks have reused those buffers.
 */
import { describe, expect, it } from 'vitest';
import { OUTCOMES, runScenario } from '../../sim/index.ts';
import { formatRow, type RowFormat } from '../../analysis/index.ts';
import { readScenario, runChunk } from '../../batch/index.ts';
import { ROOT, SMALL } from '../cli/harness.ts';

const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe('a chunk of runs', () => {
  it('hands back each run’s row as UTF-8 and its numbers, in seed order', async () => {
    const { scenario } = await readScenario(SMALL, { cwd: ROOT });
    // A sweep's CSV prefix with text outside ASCII: two and three bytes a character in UTF-8.
    const rows: RowFormat = { format: 'csv', prefix: '4,"Légitimité ≥ ½",' };
    const output = runChunk(scenario, 40, 25, rows);
    const results = Array.from({ length: 25 }, (_, k) => runScenario(scenario, { seed: 40 + k, record: false }));
    expect(decode(output.bytes)).toBe(results.map((r) => formatRow(rows, r)).join(''));
    expect(Array.from(output.outcome, (o) => OUTCOMES[o])).toEqual(results.map((r) => r.outcome));
    expect(Array.from(output.rounds)).toEqual(results.map((r) => r.rounds));
    expect(Array.from(output.legitimacy)).toEqual(results.map((r) => r.legitimacy ?? NaN));
    expect(Array.from(output.declined)).toEqual(results.map((r) => r.declined));
    expect(Array.from(output.walkedOut)).toEqual(results.map((r) => r.walkedOut));
    expect(output.results).toEqual([]);
  });

  it('keeps what it handed back intact while later chunks reuse and grow its buffers', async () => {
    const { scenario } = await readScenario(SMALL, { cwd: ROOT });
    const first = runChunk(scenario, 1, 10, { format: 'csv' });
    const text = decode(first.bytes);
    const rounds = Array.from(first.rounds);
    // A smaller chunk writes over the same buffers; then JSONL rows of 2,000 runs, several times
    // the byte buffer's first 64 KB and a larger count, grow them.
    runChunk(scenario, 9_000, 5, { format: 'csv' });
    const big = runChunk(scenario, 500, 2_000, { format: 'jsonl' });
    expect(decode(first.bytes)).toBe(text);
    expect(Array.from(first.rounds)).toEqual(rounds);
    expect(big.bytes.length).toBeGreaterThan(1 << 16);
    const lines = decode(big.bytes).trimEnd().split('\n');
    expect(lines).toHaveLength(2_000);
    expect(JSON.parse(lines[1999])).toEqual(JSON.parse(JSON.stringify(runScenario(scenario, { seed: 2_499, record: false }))));
  });
});
