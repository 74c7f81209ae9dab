/** The page's catalogue of a language, loaded on demand: each language is its own chunk. */
import type { Messages } from './en.ts';
import type { Language } from './language.ts';

export async function loadMessages(language: Language): Promise<Messages> {
  if (language === 'fr') return (await import('./fr.ts')).fr;
  return (await import('./en.ts')).en;
}
