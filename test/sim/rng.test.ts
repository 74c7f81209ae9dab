/**
 * The run's stream is seedrandom's xor4096, stepped in rng.ts on state it can hand to the kernel:
 * it must give seedrandom's own numbers, number for number, before and after the state moves.
 */
import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import { createRng, STATE_WORDS } from '../../sim/rng.ts';

describe('the random stream', () => {
  it("is seedrandom's xor4096, number for number", () => {
    for (const seed of [0, 1, 7, 42, 123456789, -3, 2 ** 31]) {
      const ours = createRng(seed);
      const theirs = seedrandom.xor4096(String(seed));
      for (let k = 0; k < 20_000; k++) expect(ours.uniform()).toBe(theirs());
    }
  });

  it('goes on from the same state after moving it, and steps it where it was moved', () => {
    const ours = createRng(99);
    const theirs = seedrandom.xor4096('99');
    for (let k = 0; k < 1000; k++) ours.uniform(), theirs();
    const moved = new Int32Array(STATE_WORDS);
    ours.moveTo(moved);
    const before = moved.slice();
    for (let k = 0; k < 1000; k++) expect(ours.uniform()).toBe(theirs());
    expect(moved).not.toEqual(before);
  });

  it('draws normals by Box–Muller from pairs of uniforms, keeping the second for the next call', () => {
    const ours = createRng(5);
    const u = seedrandom.xor4096('5');
    const radius = Math.sqrt(-2 * Math.log(1 - u()));
    const angle = 2 * Math.PI * u();
    expect(ours.normal()).toBe(radius * Math.cos(angle));
    expect(ours.normal()).toBe(radius * Math.sin(angle));
  });
});
