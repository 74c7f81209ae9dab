/**
 * The golden results: a fixed set of runs (golden-cases.ts) must give exactly the committed
 * results, every field, bit for bit. A change that alters both the TypeScript and the WebAssembly
 * copy of a pass alike passes the kernel tests but fails here. When the model changes on purpose,
 * `npm run golden` writes the file anew, in the commit that says why.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GOLDEN_FILE, goldenCases } from './golden-cases.ts';

const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as Record<string, unknown>;
const cases = goldenCases();

describe('golden results', () => {
  it('covers the same cases as the committed file', () => {
    expect(cases.map((c) => c.name)).toEqual(Object.keys(golden));
  });

  it.each(cases.map((c) => [c.name, c] as const))('%s gives the committed result', (name, c) => {
    // Through JSON, as the file holds it: doubles round-trip exactly.
    expect(JSON.parse(JSON.stringify(c.result))).toEqual(golden[name]);
  });

  it('kernel on and off agree on every population', () => {
    for (const issues of [1, 3, 8, 16]) {
      expect(golden[`population N=1200 D=${issues} kernel on`]).toEqual(golden[`population N=1200 D=${issues} kernel off`]);
    }
  });
});
