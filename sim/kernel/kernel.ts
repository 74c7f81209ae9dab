/**
 * The round's two passes over the stakeholders in WebAssembly, for large populations. TypeScript
 * pays for every typed-array access with a bounds check and every index with an overflow check; at
 * a hundred thousand stakeholders those are most of a round. The kernel (kernel.wat) does the same
 * arithmetic in the same order, so a run gives the same numbers bit for bit with or without it
 * (test/sim/kernel.test.ts); where WebAssembly is missing the TypeScript passes run instead.
 *
 * The kernel reads the run's typed arrays where they are: a run that uses it keeps its arena in a
 * WebAssembly memory of fixed size (never grown, so no array is ever detached).
 */
import { ATTEND, EVALUATE, positional, type ArgumentsOf } from './boundary.ts';
import { MEMO_LENGTH } from './time-share.ts';
import { STATE_WORDS } from '../rng.ts';
import { createShelf } from '../shelf.ts';
import { KERNEL_BYTES } from './kernel-bytes.ts';

/**
 * Populations from this size on use the kernel. At 30 stakeholders it is no faster than the
 * TypeScript passes (BENCHMARKS.md), and a run's own memory costs a little more to set up.
 */
export const KERNEL_FROM = 1000;

/**
 * Room the kernel needs in the arena beyond the run's arrays, for n stakeholders and c
 * constituencies: the memo it reads in place, the subsidies, the random stream's state and the
 * minutes' notes.
 */
export function kernelArenaBytes(n: number, c: number): number {
  return (MEMO_LENGTH + c) * 8 + STATE_WORDS * 4 + n + 64;
}

/** The kernel's own arrays, in the run's arena. */
export interface KernelArrays {
  /** A memo of time shares: 4,096 slots of [r, β, share], NaN when empty. */
  memo: Float64Array;
  /** Where the passes leave their sums (boundary.ts names the slots). */
  sums: Float64Array;
  /** The convenor's subsidy per constituency. */
  subsidy: Float64Array;
  /** The run's random stream, moved here so that attendance draws from it in place (rng.ts). */
  rng: Int32Array;
  /** What attendance leaves for the minutes, per stakeholder (see kernel.wat). */
  note: Uint8Array;
}

export interface Kernel extends KernelArrays {
  /** kernel.wat's evaluate: the evaluation pass (evaluation-pass.ts), arguments by name. */
  evaluate(args: ArgumentsOf<typeof EVALUATE>): void;
  /** kernel.wat's attend: the attendance pass (attendance-pass.ts), arguments by name. */
  attend(args: ArgumentsOf<typeof ATTEND>): void;
  /** The memory and its instance, for `releaseKernel`. */
  readonly bound: Bound;
}

/** A memory with the kernel instantiated on it. */
interface Bound {
  memory: { buffer: ArrayBuffer };
  exports: Record<string, unknown>;
  bytes: number;
}

/** The little of the WebAssembly API the core uses (the ECMAScript library does not declare it). */
interface WebAssemblyApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (descriptor: { initial: number; maximum: number }) => { buffer: ArrayBuffer };
}

let compiled: object | null | undefined;

function compiledKernel(): object | null {
  if (compiled !== undefined) return compiled;
  const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  try {
    compiled = api ? new api.Module(KERNEL_BYTES) : null;
  } catch {
    compiled = null; // e.g. a page's main thread, which may not compile synchronously
  }
  return compiled;
}

/**
 * Memories of runs that have ended and been let go (`releaseKernel`), for the next runs of a batch:
 * a new memory and instance cost about 0.16 ms, more than a thousand-stakeholder round.
 */
const released = createShelf<Bound>(2);

/**
 * A WebAssembly memory of at least `bytes` for a run's arena, zeroed as a new one is, and a way to
 * bind the kernel to it once the arrays are in place; null when WebAssembly is unavailable or the
 * memory cannot be had. A released memory of the right size is taken again when there is one.
 */
export function kernelMemory(bytes: number): { buffer: ArrayBuffer; bind(arrays: KernelArrays): Kernel } | null {
  const module = compiledKernel();
  const api = (globalThis as { WebAssembly?: WebAssemblyApi }).WebAssembly;
  if (!module || !api) return null;
  const pages = Math.ceil(bytes / 65536);
  const reused = released.take((b) => b.memory.buffer.byteLength === pages * 65536);
  if (reused) new Uint8Array(reused.memory.buffer, 0, reused.bytes).fill(0);
  let memory: { buffer: ArrayBuffer };
  try {
    memory = reused?.memory ?? new api.Memory({ initial: pages, maximum: pages });
  } catch {
    return null;
  }
  return {
    buffer: memory.buffer,
    bind(arrays) {
      arrays.memo.fill(NaN);
      const exports = reused?.exports ?? new api.Instance(module, { env: { memory } }).exports;
      const evaluate = exports.evaluate as (...args: number[]) => void;
      const attend = exports.attend as (...args: number[]) => void;
      return {
        ...arrays,
        evaluate: (args) => evaluate(...positional(EVALUATE, args, memory.buffer)),
        attend: (args) => attend(...positional(ATTEND, args, memory.buffer)),
        bound: { memory, exports, bytes },
      };
    },
  };
}

/**
 * Lets a finished run's memory go to the next run. Only for a run nothing will read again: its
 * typed arrays are views of that memory (runScenario releases its own run after the result).
 */
export function releaseKernel(kernel: Kernel): void {
  released.put(kernel.bound);
}
