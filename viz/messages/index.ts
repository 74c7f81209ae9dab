/**
 * The page's words: every string the page shows comes from the catalogue of the language the
 * address or the browser asks for (viz/messages/en.ts, fr.ts). A module that shows text imports
 * `m`; the catalogue is loaded before any of them runs (a top-level await), so a page is in one
 * language from its first frame.
 */
import { chooseLanguage, type Language } from './language.ts';
import { loadMessages } from './load.ts';
export type { Messages } from './en.ts';
export type { Language } from './language.ts';

export const language: Language = chooseLanguage(new URLSearchParams(location.search).get('lang'), navigator.languages ?? [navigator.language]);
export const m = await loadMessages(language);
