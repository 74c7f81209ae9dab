/**
 * The kernel's boundary (sim/kernel/boundary.ts) against kernel.wat: each exported function takes
 * exactly the table's parameters, by the same names, in the same order, with the same WebAssembly
 * types. Together with the named, typed arguments of the callers, a pair swapped on either side
 * fails to compile or fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KERNEL_FUNCTIONS, positional, wasmType, type ArgumentsOf, type Signature } from '../../sim/kernel/boundary.ts';

const WAT = readFileSync(join(import.meta.dirname, '../../sim/kernel/kernel.wat'), 'utf8');

/** The `(param $name type)` list of an exported function, in order. */
function watParams(wat: string, name: string): Array<[string, string]> {
  const start = wat.indexOf(`(func (export "${name}")`);
  if (start < 0) throw new Error(`kernel.wat exports no ${name}`);
  // The parameters come before the first local or instruction.
  const head = wat.slice(start, wat.indexOf('(local', start));
  return [...head.matchAll(/\(param \$(\w+) (i32|f64)\)/g)].map((m) => [m[1], m[2]]);
}

function tableParams(signature: Signature): Array<[string, string]> {
  return Object.entries(signature).map(([name, slot]) => [name, wasmType(slot)]);
}

describe("the kernel's boundary", () => {
  for (const [name, signature] of Object.entries(KERNEL_FUNCTIONS)) {
    it(`kernel.wat's ${name} takes the table's parameters in its order`, () => {
      expect(watParams(WAT, name)).toEqual(tableParams(signature));
    });
  }

  it('sees a swapped pair in the text', () => {
    const swapped = WAT.replace('(param $felt i32) (param $horizon i32)', '(param $horizon i32) (param $felt i32)');
    expect(swapped).not.toBe(WAT);
    expect(watParams(swapped, 'evaluate')).not.toEqual(tableParams(KERNEL_FUNCTIONS.evaluate));
  });

  it('passes arrays as their offsets in the table order, and refuses an array outside the memory', () => {
    const memory = new ArrayBuffer(64);
    const signature = { n: 'i32', x: 'f64[]', flags: 'u8[]', g: 'f64' } as const;
    const args: ArgumentsOf<typeof signature> = { g: 0.5, flags: new Uint8Array(memory, 40, 4), n: 7, x: new Float64Array(memory, 8, 2) };
    expect(positional(signature, args, memory)).toEqual([7, 8, 40, 0.5]);
    expect(() => positional(signature, { ...args, x: new Float64Array(2) }, memory)).toThrow(/x: not a view of the kernel's memory/);
    // An array of the wrong element type does not compile:
    // @ts-expect-error a Uint8Array where the table says f64[]
    const wrong: ArgumentsOf<typeof signature> = { ...args, x: new Uint8Array(memory, 0, 8) };
    expect(wrong).toBeDefined();
  });
});
