/**
 * One buffer for all of a run's typed arrays. A run of 30 stakeholders needs about forty small
 * arrays; allocating each on its own made garbage collection a third of a short run's set-up.
 * Views into one ArrayBuffer cost one allocation; an arena that runs out falls back to fresh arrays.
 */
import { createShelf } from './shelf.ts';

export interface Arena {
  f64(length: number): Float64Array;
  i32(length: number): Int32Array;
  u8(length: number): Uint8Array;
  /** Some array did not fit and was allocated on its own. */
  readonly overflowed: boolean;
}

/** An arena of `bytes`, in `buffer` when given (a WebAssembly memory's, for the kernel). */
export function createArena(bytes: number, buffer: ArrayBuffer = new ArrayBuffer(bytes)): Arena {
  return new BufferArena(bytes, buffer);
}

/**
 * A class, not an object literal with a getter: V8 allocates such a literal's functions in the
 * old generation, and they would keep each run's buffer and views alive past the run.
 */
class BufferArena implements Arena {
  private offset = 0;
  overflowed = false;

  constructor(
    private readonly bytes: number,
    private readonly buffer: ArrayBuffer,
  ) {}

  f64(length: number): Float64Array {
    const at = this.take(length * 8, 8);
    return at < 0 ? new Float64Array(length) : new Float64Array(this.buffer, at, length);
  }

  i32(length: number): Int32Array {
    const at = this.take(length * 4, 4);
    return at < 0 ? new Int32Array(length) : new Int32Array(this.buffer, at, length);
  }

  u8(length: number): Uint8Array {
    const at = this.take(length, 1);
    return at < 0 ? new Uint8Array(length) : new Uint8Array(this.buffer, at, length);
  }

  /** The offset of `size` bytes aligned to `align`, or -1 when the arena is full. */
  private take(size: number, align: number): number {
    const at = Math.ceil(this.offset / align) * align;
    if (at + size > this.bytes) {
      this.overflowed = true;
      return -1;
    }
    this.offset = at + size;
    return at;
  }
}

/** Room for a run of n stakeholders over d issues and c constituencies (see run-state.ts). */
export function runArenaBytes(n: number, d: number, c: number): number {
  const vectors = 4 * n * d * 8; // ideal, salience, position, next position
  const scalars = 19 * n * 8 + 3 * n * 4 + 9 * n; // per-stakeholder numbers, counters and flags
  const small = 4 * c * 4 + c + 3 * d * 8 + 8 * 8; // proposal, drafting's sums and totals, and the passes' eight sums
  return vectors + scalars + small + 64 * 48; // alignment
}

/**
 * Buffers of runs that have ended and been let go (`releaseArenaBuffer`), for the next runs of a
 * batch. A fresh ArrayBuffer per run is memory outside V8's heap, and twenty thousand of them
 * made V8 collect the whole heap a dozen times in a batch (each time on a second thread, which a
 * batch on every core does not have to spare).
 */
const released = createShelf<ArrayBuffer>(2);

/** A zeroed buffer of exactly `bytes`: one let go by an earlier run when there is one. */
export function takeArenaBuffer(bytes: number): ArrayBuffer {
  const buffer = released.take((b) => b.byteLength === bytes);
  if (!buffer) return new ArrayBuffer(bytes);
  new Uint8Array(buffer).fill(0);
  return buffer;
}

/** Lets a finished run's buffer go to the next run. Only for a run nothing will read again. */
export function releaseArenaBuffer(buffer: ArrayBuffer): void {
  released.put(buffer);
}
