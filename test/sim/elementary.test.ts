/**
 * The core's own exp, log, sin and cos (sim/elementary.ts, a port of fdlibm) and the kernel's exp
 * and log (kernel.wat): correctly specified, the same bit for bit in TypeScript and WebAssembly,
 * and the only ones the core uses.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cos, exp, log, sin } from '../../sim/elementary.ts';
import { KERNEL_BYTES } from '../../sim/kernel/kernel-bytes.ts';
import seedrandom from 'seedrandom';

const bits = new Float64Array(1);
const word = new BigInt64Array(bits.buffer);
/** Doubles between a and b, as integers in order (the distance in ulps). */
function ulps(a: number, b: number): number {
  const ordered = (x: number) => {
    bits[0] = x;
    return word[0] < 0n ? -(word[0] & 0x7fffffffffffffffn) : word[0];
  };
  return Math.abs(Number(ordered(a) - ordered(b)));
}

const random = seedrandom('elementary');

describe('exp and log', () => {
  it('give the correctly rounded values of the literature at familiar points', () => {
    // The doubles nearest e, e^-1, e^0.5, ln 2, ln 10 (to 17 significant digits, as any table
    // of constants gives them): fdlibm is within 1 ulp and here exactly right.
    expect(exp(1)).toBe(2.718281828459045);
    expect(exp(-1)).toBe(0.36787944117144233);
    expect(exp(0.5)).toBe(1.6487212707001282);
    expect(log(2)).toBe(0.6931471805599453);
    expect(log(10)).toBe(2.302585092994046);
    expect(log(Math.E)).toBe(1);
    expect([exp(0), exp(-0), log(1)]).toEqual([1, 1, 0]);
  });

  it('follow IEEE 754 and C99 at the edges: infinities, NaN, zeros, overflow, underflow, subnormals', () => {
    expect([exp(Infinity), exp(-Infinity), exp(NaN)]).toEqual([Infinity, 0, NaN]);
    // ln(DBL_MAX) ≈ 709.78271 and ln(the least subnormal) ≈ -745.13321 are where exp leaves the doubles.
    expect(exp(709.78)).toBeLessThan(Infinity);
    expect(exp(709.79)).toBe(Infinity);
    expect(exp(-745.13)).toBe(5e-324);
    expect(exp(-745.14)).toBe(0);
    expect([log(0), log(-0), log(-1), log(Infinity), log(NaN)]).toEqual([-Infinity, -Infinity, NaN, Infinity, NaN]);
    // The least subnormal is 2^-1074: ln = -1074·ln 2 = -744.44007192138126...
    expect(log(5e-324)).toBe(-744.4400719213812);
  });

  it('agree with the engine to within 1 ulp over a million arguments across their ranges', () => {
    let worst = 0;
    for (let i = 0; i < 250_000; i++) {
      const x = (random() - 0.5) * 1400;
      const y = Math.exp((random() - 0.5) * 1400);
      const z = random() * 2;
      worst = Math.max(worst, ulps(exp(x), Math.exp(x)), ulps(exp(z - 1), Math.exp(z - 1)), ulps(log(y), Math.log(y)), ulps(log(z), Math.log(z)));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('are the kernel\'s exp and log, bit for bit', () => {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(KERNEL_BYTES), { env: { memory: new WebAssembly.Memory({ initial: 1 }) } });
    const kernelExp = instance.exports.exp as (x: number) => number;
    const kernelLog = instance.exports.log as (x: number) => number;
    const edges = [0, -0, 1, -1, Infinity, -Infinity, NaN, 709.78, 709.79, -745.13, -745.14, 5e-324, 1e-310, 2.2250738585072014e-308, 1.7976931348623157e308, 1 + 2 ** -30, 1 - 2 ** -30, 0.3465, 1.0397];
    const args = [...edges];
    for (let i = 0; i < 200_000; i++) args.push((random() - 0.5) * 1500, random() * 3, Math.exp((random() - 0.5) * 1400));
    const differing = args.filter((x) => !Object.is(kernelExp(x), exp(x)) || !Object.is(kernelLog(x), log(x)));
    expect(differing).toEqual([]);
  });
});

describe('sin and cos', () => {
  it('give the known values at π/6, π/2, π and 1', () => {
    // The doubles nearest π/6, π/2 and π are not those numbers: sin(π/6) is 1/2 less 5.6e-17, the
    // cosine of the double nearest π/2 is that double's distance to π/2, 6.123233995736766e-17.
    expect(sin(Math.PI / 6)).toBe(0.49999999999999994);
    expect(cos(Math.PI / 2)).toBe(6.123233995736766e-17);
    expect(sin(Math.PI)).toBe(1.2246467991473532e-16);
    expect(cos(Math.PI)).toBe(-1);
    expect(sin(1)).toBe(0.8414709848078965);
    expect(cos(1)).toBe(0.5403023058681398);
    expect([sin(0), sin(-0), cos(0), sin(NaN), sin(Infinity), cos(-Infinity)]).toEqual([0, -0, 1, NaN, NaN, NaN]);
  });

  it('agree with the engine to within 1 ulp on [0, 2π), where the core draws its angles, and far beyond', () => {
    let worst = 0;
    for (let i = 0; i < 250_000; i++) {
      const a = 2 * Math.PI * random();
      const b = (random() - 0.5) * 3e6;
      worst = Math.max(worst, ulps(sin(a), Math.sin(a)), ulps(cos(a), Math.cos(a)), ulps(sin(b), Math.sin(b)), ulps(cos(b), Math.cos(b)));
    }
    expect(worst).toBeLessThanOrEqual(1);
  });

  it('refuse an argument whose reduction this port leaves out, rather than answer differently', () => {
    expect(() => sin(2 ** 20 * Math.PI)).toThrow(RangeError);
    expect(() => cos(-1e300)).toThrow(/needs a reduction this port leaves out/);
  });
});

describe('the core', () => {
  it('computes with no elementary function of the engine but the correctly rounded sqrt', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (name.endsWith('.ts')) files.push(path);
      }
    };
    walk(join(import.meta.dirname, '../../sim'));
    const uses = files.flatMap((f) =>
      readFileSync(f, 'utf8')
        .split('\n')
        .filter((line) => !/^\s*(\/\/|\/?\*)/.test(line))
        .filter((line) => /Math\.(exp|expm1|log|log1p|log2|log10|pow|sin|cos|tan|asin|acos|atan|atan2|sinh|cosh|tanh|cbrt|hypot)\(|[\w)\]]\s*\*\*\s*[\w(]/.test(line))
        .map((line) => `${f}: ${line.trim()}`),
    );
    // 2 ** 32 - 1 (the largest seed) is exact, an integer power of two.
    expect(uses.filter((u) => !u.includes('2 ** 32'))).toEqual([]);
  });
});
