/**
 * The one random stream of a run (MODEL.md section 9). seedrandom's `xor4096` gives the same
 * sequence in Node, a browser page and a worker, and is fast enough for the hot loops
 * (about 270 million numbers per second here). Everything random in a run is drawn from the
 * stream returned here, in a fixed order; nothing calls Math.random.
 */
import seedrandom from 'seedrandom';

export const RNG_ALGORITHM = 'xor4096';

export interface Rng {
  /** A uniform draw in [0, 1). */
  uniform(): number;
  /** A standard normal draw (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number;
}

export function createRng(seed: number): Rng {
  const next = seedrandom.xor4096(String(seed));
  let spare = 0;
  let hasSpare = false;
  return {
    uniform: () => next(),
    normal() {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      // 1 - u keeps the logarithm finite: u is in [0, 1).
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      const angle = 2 * Math.PI * next();
      spare = radius * Math.sin(angle);
      hasSpare = true;
      return radius * Math.cos(angle);
    },
  };
}
