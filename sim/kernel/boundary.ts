/**
 * The kernel's boundary, typed once. Each exported function of kernel.wat takes its arguments by
 * position: numbers, and typed arrays of the run as byte offsets into the kernel's memory. This
 * table names each parameter in kernel.wat's order with what it is, and both sides come from it:
 * the TypeScript callers pass an object keyed by these names, whose arrays must have the stated
 * element type (a Uint8Array where a Float64Array belongs does not compile), and a test reads
 * kernel.wat's `(param ...)` lists and fails unless they are these names, in this order, with
 * these WebAssembly types (test/sim/kernel-boundary.test.ts). A pair swapped on either side fails.
 */

/** A parameter: an i32 or f64 number, or a typed array (`f64[]`, `i32[]`, `u8[]`) by its offset. */
export type Slot = 'i32' | 'f64' | 'f64[]' | 'i32[]' | 'u8[]';
export type Signature = Readonly<Record<string, Slot>>;

interface ArrayOfSlot {
  'f64[]': Float64Array;
  'i32[]': Int32Array;
  'u8[]': Uint8Array;
}

/** The arguments a signature takes, by name. */
export type ArgumentsOf<S extends Signature> = {
  readonly [K in keyof S]: S[K] extends keyof ArrayOfSlot ? ArrayOfSlot[S[K]] : number;
};

/** The WebAssembly type a slot is passed as: an array as its i32 byte offset. */
export function wasmType(slot: Slot): 'i32' | 'f64' {
  return slot === 'f64' ? 'f64' : 'i32';
}

/**
 * Phase 4 with the decision's tally and concession's next positions (evaluation-pass.ts): writes
 * stance, distance, aspiration and next; leaves eight sums at `sums` (EVALUATION_SUMS).
 */
export const EVALUATE = {
  n: 'i32',
  d: 'i32',
  /** Ideals, n × d. */
  x: 'f64[]',
  sal: 'f64[]',
  /** Stated positions, n × d. */
  y: 'f64[]',
  /** Where each stands after conceding, n × d (written). */
  next: 'f64[]',
  /** The proposal, d. */
  p: 'f64[]',
  present: 'u8[]',
  stance: 'u8[]',
  distance: 'f64[]',
  felt: 'f64[]',
  horizon: 'f64[]',
  beta: 'f64[]',
  floor: 'f64[]',
  /** Power over the involved stakeholders' power-weighted mean power (model 2, run-state.ts leverageOf). */
  leverage: 'f64[]',
  openness: 'f64[]',
  aspiration: 'f64[]',
  power: 'f64[]',
  weight: 'f64[]',
  decides: 'u8[]',
  implementer: 'u8[]',
  goodEnough: 'f64',
  memo: 'f64[]',
  sums: 'f64[]',
} as const satisfies Signature;

/**
 * Phase 1 with drafting's sums (attendance-pass.ts): presence, resources, chairs, and when
 * `summing` is 1 the voice × salience-weighted stated positions into `sum` and the weights into
 * `total`, issue by issue, over those who engaged with the last proposal; three totals at
 * `totals` (ATTENDANCE_TOTALS) and a note per stakeholder for the minutes.
 */
export const ATTEND = {
  n: 'i32',
  d: 'i32',
  involved: 'u8[]',
  dropped: 'u8[]',
  constituency: 'i32[]',
  resources: 'f64[]',
  subsidy: 'f64[]',
  cost: 'f64[]',
  absence: 'f64[]',
  /** The random stream's state, moved into the kernel's memory (rng.ts). */
  rng: 'i32[]',
  broke: 'i32[]',
  present: 'u8[]',
  joined: 'u8[]',
  presentCount: 'i32[]',
  weight: 'f64[]',
  affected: 'u8[]',
  organized: 'u8[]',
  chair: 'i32[]',
  power: 'f64[]',
  /** 1 to add up drafting's sums (every round but the opening one). */
  summing: 'i32',
  y: 'f64[]',
  sum: 'f64[]',
  sal: 'f64[]',
  /** Last round's stances: one that did not engage has no voice (model 2). */
  stance: 'u8[]',
  total: 'f64[]',
  fragmented: 'f64',
  roundsInARow: 'i32',
  note: 'u8[]',
  totals: 'f64[]',
} as const satisfies Signature;

/** The kernel's functions and their signatures, for the callers and the test alike. */
export const KERNEL_FUNCTIONS = { evaluate: EVALUATE, attend: ATTEND } as const;

/** The eight sums the evaluation pass leaves, by slot. */
export const EVALUATION_SUMS = {
  spread: 0,
  spreadWeight: 1,
  deciding: 2,
  yes: 3,
  heads: 4,
  headsYes: 5,
  objections: 6,
  implementerObjections: 7,
} as const;

/** The three totals the attendance pass leaves, by slot. */
export const ATTENDANCE_TOTALS = { presentWeight: 0, presentAffected: 1, voices: 2 } as const;

/**
 * The positional arguments of a call, in the signature's order: numbers as they are, arrays as
 * their byte offsets. Every array must be a view of the kernel's memory, or the kernel would read
 * another array's bytes: that is checked here, once a call.
 */
export function positional<S extends Signature>(signature: S, args: ArgumentsOf<S>, memory: ArrayBufferLike): number[] {
  const out: number[] = [];
  for (const name in signature) {
    const value = args[name] as number | Float64Array | Int32Array | Uint8Array;
    if (typeof value === 'number') out.push(value);
    else {
      if (value.buffer !== memory) throw new Error(`kernel argument ${name}: not a view of the kernel's memory`);
      out.push(value.byteOffset);
    }
  }
  return out;
}
