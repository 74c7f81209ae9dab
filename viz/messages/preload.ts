/**
 * The page's words load as soon as the page does: a few lines in the built index.html's head
 * choose the language exactly as the page will (language.ts, the same functions
 * written out) and ask for that language's catalogue chunk with `<link rel="modulepreload">`.
 * Without it the catalogue's request waits for the page's script to run (index.ts imports it):
 * in a trace on a 2-core machine it left 80 ms after the page's other scripts instead of with
 * them. The other languages are never fetched. A build plugin (vite.config.ts), kept beside the
 * rule it writes out; build only, as the dev server serves modules unbundled.
 */
import type { Plugin } from 'vite';
import { chooseLanguage, isLanguage, LANGUAGES } from './language.ts';

export function preloadLanguage(): Plugin {
  return {
    name: 'convene-preload-language',
    apply: 'build',
    transformIndexHtml(html, ctx) {
      if (!ctx.bundle) return;
      const chunks: Record<string, string> = {};
      for (const file of Object.values(ctx.bundle)) {
        const id = file.type === 'chunk' ? file.facadeModuleId : null;
        const lang = id ? /[\\/]viz[\\/]messages[\\/](\w+)\.ts$/.exec(id)?.[1] : undefined;
        if (lang && (LANGUAGES as readonly string[]).includes(lang)) chunks[lang] = `./${file.fileName}`;
      }
      const missing = LANGUAGES.filter((l) => !chunks[l]);
      if (missing.length > 0) throw new Error(`no catalogue chunk for ${missing.join(', ')}: is it still imported on demand?`);
      const code = `(() => {
  const LANGUAGES = ${JSON.stringify(LANGUAGES)};
  const isLanguage = ${isLanguage.toString()};
  const chooseLanguage = ${chooseLanguage.toString()};
  const chunks = ${JSON.stringify(chunks)};
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.crossOrigin = '';
  link.href = chunks[chooseLanguage(new URLSearchParams(location.search).get('lang'), navigator.languages ?? [navigator.language])];
  document.head.append(link);
})();`;
      // Right after the charset, before the style sheet: a script after a style sheet waits for it.
      const charset = /<meta charset="utf-8" \/>\n/i;
      if (!charset.test(html)) throw new Error('index.html: expected <meta charset="utf-8" /> to put the language preload after');
      return html.replace(charset, (tag) => `${tag}    <script>${code}</script>\n`);
    },
  };
}
