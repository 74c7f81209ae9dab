/**
 * The one random stream of a run (MODEL.md section 9): Brent's xor4096 as seedrandom has it, which
 * gives the same sequence in Node, a browser page and a worker. seedrandom seeds the generator;
 * its 4,096 bits of state are then kept here in an Int32Array and stepped by the same arithmetic,
 * so that the WebAssembly kernel can take its draws from the same state in place (kernel.wat's
 * attendance, via `moveTo`). test/sim/rng.test.ts holds the sequence to seedrandom's own, number
 * for number. Everything random in a run is drawn from this stream, in a fixed order; nothing
 * calls Math.random.
 */
import seedrandom from 'seedrandom';
import { cos, log, sin } from './elementary.ts';

export const RNG_ALGORITHM = 'xor4096';

export interface Rng {
  /** A uniform draw in [0, 1). */
  uniform(): number;
  /** A standard normal draw (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number;
  /**
   * Moves the generator's state into `to` (STATE_WORDS words: the 128 words of X, then i, then
   * w) and goes on from there; whoever else steps that state in between is part of the stream.
   */
  moveTo(to: Int32Array): void;
  /** An independent generator at the same place of the stream (a fork of a run, sim/fork.ts). */
  fork(): Rng;
}

/** Words of xor4096's state: X[0..127], i, w. */
export const STATE_WORDS = 130;
const I = 128;
const W = 129;

export function createRng(seed: number): Rng {
  const seeded = seedrandom.xor4096(String(seed), { state: true }).state() as { X: number[]; i: number; w: number };
  const state = new Int32Array(STATE_WORDS);
  state.set(seeded.X);
  state[I] = seeded.i;
  state[W] = seeded.w;
  return new Xor4096(state);
}

/**
 * A class, so that every run's generator has the same methods: optimized code then inlines a draw
 * where it is made instead of calling a closure of this run's and boxing the number it returns.
 */
class Xor4096 implements Rng {
  private spare = 0;
  private hasSpare = false;

  constructor(private state: Int32Array) {}

  /** xor4096's step, as seedrandom writes it, then its (v >>> 0) / 2^32. */
  uniform(): number {
    const X = this.state;
    const w = (X[W] + 0x61c88647) | 0;
    X[W] = w;
    let i = X[I];
    let v = X[(i + 34) & 127];
    i = (i + 1) & 127;
    let t = X[i];
    v ^= v << 13;
    t ^= t << 17;
    v ^= v >>> 15;
    t ^= t >>> 12;
    v = X[i] = v ^ t;
    X[I] = i;
    return ((v + (w ^ (w >>> 16))) >>> 0) / 0x100000000;
  }

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    // 1 - u keeps the logarithm finite: u is in [0, 1).
    // The core's own log, sin and cos (elementary.ts): a draw is the same in every engine.
    const radius = Math.sqrt(-2 * log(1 - this.uniform()));
    const angle = 2 * Math.PI * this.uniform();
    this.spare = radius * sin(angle);
    this.hasSpare = true;
    return radius * cos(angle);
  }

  moveTo(to: Int32Array): void {
    to.set(this.state);
    this.state = to;
  }

  fork(): Rng {
    const copy = new Xor4096(this.state.slice());
    copy.spare = this.spare;
    copy.hasSpare = this.hasSpare;
    return copy;
  }
}
