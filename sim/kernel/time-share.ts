/**
 * The time share r^(1/β) of the aspiration (MODEL.md 5.4), and a memo of it for the evaluation
 * pass. A round asks for it once per present stakeholder, but a population has few distinct
 * (r, β) pairs: felt time is a sum of the same few steps, so a hundred thousand stakeholders
 * share a hundred or so values of r, and concession shapes are usually shared by a constituency.
 * The general case costs a logarithm and an exponential (about 20 ns); a hit in the memo costs a
 * hash and two comparisons. The memo stores what `timeShare` returned for exactly these arguments,
 * so results are bit for bit the same with or without it.
 */
import { exp, log } from '../elementary.ts';

/**
 * r^(1/β), with exact shortcuts for the common shapes (linear, quadratic, square root). The general
 * case is exp(ln r / β), with the core's own exp and log (elementary.ts), the same in every
 * engine. A caller that has ln r already (stakeholders with the same felt time but their own β)
 * passes it in.
 */
export function timeShare(r: number, concession: number, logR?: number): number {
  if (r === 0 || r === 1 || concession === 1) return r;
  if (concession === 0.5) return r * r;
  if (concession === 2) return Math.sqrt(r);
  return exp((logR ?? log(r)) / concession);
}

/**
 * Slots of the direct-mapped memo, each [r, β, share] side by side. 4,096 slots hold a few hundred
 * pairs with few collisions; only the slots in use are ever brought into the cache. Each run that
 * uses it has its own (run-state.ts), in the kernel's memory when the kernel runs.
 */
const SLOT_BITS = 12;

/**
 * Populations from this size on look shares up in the memo. A small run computes a few shares a
 * round, each for the first time (felt time has moved on), and the memo would only add its own
 * cost: the reference scenario draws a concession shape for each of its ten firms.
 */
export const MEMO_FROM = 1000;
export const MEMO_LENGTH = 3 << SLOT_BITS;

/** An empty memo: NaN never equals a key. */
export function createMemo(): Float64Array {
  return new Float64Array(MEMO_LENGTH).fill(NaN);
}

/** The bits of r, for the hash (a conversion buffer only: it holds nothing between calls). */
const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);

/**
 * The memo's slot for (r, β): a multiplicative hash of r's bits and β. Two pairs in one slot only
 * cost a recomputation, since the slot keeps its exact key. Callers look the slot up themselves,
 * `memo[slot] === r && memo[slot + 1] === β ? memo[slot + 2] : rememberTimeShare(memo, slot, r, β)`,
 * so a hit costs no call in the hot loop.
 */
export function memoSlot(r: number, concession: number): number {
  bits[0] = r;
  return 3 * (Math.imul(words[0] ^ words[1] ^ ((concession * 1e6) | 0), 0x9e3779b1) >>> (32 - SLOT_BITS));
}

/** timeShare(r, β), kept in its slot of the memo. */
export function rememberTimeShare(memo: Float64Array, slot: number, r: number, concession: number, logR?: number): number {
  const share = timeShare(r, concession, logR);
  memo[slot] = r;
  memo[slot + 1] = concession;
  memo[slot + 2] = share;
  return share;
}
