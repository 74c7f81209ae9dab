/** French's small rules, shared by the page's catalogue (fr.ts) and the worker's explanation (fr-explanation.ts). */

/** A share as a whole percentage, French style: 0.125 → "13 %" (narrow no-break space). */
export const pct = (share: number): string => `${Math.round(share * 100)}\u202f%`;
/** "1 tour", "3 tours"; in French 0 and 1 take the singular. */
export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${Math.abs(n) < 2 ? one : many}`;
/** The verb's number for a count: "a" or "ont", and so on. */
export const agree = (n: number, one: string, many: string) => (Math.abs(n) < 2 ? one : many);
export const lower = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
export const capitalize = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
/** "a, b et c". */
export const listWords = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
