/** A language's catalogue: English is in every bundle; the others load on demand, each its own file. */
import { en, type Messages } from './en.ts';
import type { Language } from './language.ts';

export async function loadMessages(language: Language): Promise<Messages> {
  if (language === 'fr') return (await import('./fr.ts')).fr;
  return en;
}
