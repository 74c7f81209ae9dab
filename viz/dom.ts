/**
 * Making elements. Text from a scenario is only ever set as text (textContent), never parsed as
 * HTML, so a name like `<img onerror=...>` shows as those characters and runs nothing.
 */
import { m } from './messages/index.ts';

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const child of children) node.append(child);
  return node;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
}

/** A whole percentage and a decimal number, as the page's language writes them. */
export const pct = (share: number): string => m.pct(share);
export const num = (v: number, digits = 2): string => m.num(v, digits);

/**
 * A scenario's text for the page: without the sentences that tell a command-line user what to
 * type (`Try --set ...`), which the page's own controls do instead.
 */
export function forStudents(text: string): string {
  const sentences = text.split(/(?<=[.!?]["”’)]?)\s+(?=["“‘(]?[A-Z])/);
  return sentences.filter((s) => !s.includes('--set')).join(' ');
}
