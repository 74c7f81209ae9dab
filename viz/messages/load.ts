/** A language's catalogue: English is in every bundle; the others load on demand, each its own file. */
import { en, type Messages } from './en.ts';
import type { Language } from './language.ts';
import { ENGLISH_EXPLANATION, type ExplainWords } from '../../sim/index.ts';

export async function loadMessages(language: Language): Promise<Messages> {
  if (language === 'fr') return (await import('./fr.ts')).fr;
  return en;
}

/** The explanation's sentences, for the worker that makes it: kept out of the page's catalogue. */
export async function loadExplanation(language: Language): Promise<ExplainWords> {
  if (language === 'fr') return (await import('./fr-explanation.ts')).explanation;
  return ENGLISH_EXPLANATION;
}
