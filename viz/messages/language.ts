/**
 * The page's languages and how one is chosen: `?lang=` first, then the browser's preferred
 * languages in order, then English. Pure, so the page, the worker and the tests share it.
 */
export const LANGUAGES = ['en', 'fr'] as const;
export type Language = (typeof LANGUAGES)[number];

export const isLanguage = (tag: string): tag is Language => (LANGUAGES as readonly string[]).includes(tag);

/** `asked`: the address's `lang` (e.g. "fr"); `preferred`: `navigator.languages` (e.g. ["fr-CA", "en"]). */
export function chooseLanguage(asked: string | null, preferred: readonly string[]): Language {
  const primary = (tag: string) => tag.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  if (asked !== null && isLanguage(primary(asked))) return primary(asked) as Language;
  for (const tag of preferred) if (isLanguage(primary(tag))) return primary(tag) as Language;
  return 'en';
}
