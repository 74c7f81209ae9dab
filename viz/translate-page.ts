/**
 * The page's own texts in its language: index.html is written in English, and each element whose
 * text comes from the catalogue carries its key (`data-i18n` for its text, `data-i18n-label` for
 * its aria-label, `data-i18n-href` for a link to a help page, which has a page per language). A
 * test keeps index.html's English alike to the catalogue's.
 */
import type { Messages } from './messages/index.ts';

export function translatePage(root: Document, m: Messages): void {
  root.documentElement.lang = m.tag;
  root.title = m.static.title;
  const text = m.static as Record<string, string>;
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const value = text[node.dataset.i18n!];
    if (value !== undefined) node.textContent = value;
  }
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const value = text[node.dataset.i18nLabel!];
    if (value !== undefined) node.setAttribute('aria-label', value);
  }
  for (const node of root.querySelectorAll<HTMLElement>('[data-i18n-href]')) {
    const value = text[node.dataset.i18nHref!];
    if (value !== undefined) node.setAttribute('href', value);
  }
}
