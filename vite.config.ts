import { readFileSync } from 'node:fs';
import { defineConfig, type Plugin } from 'vitest/config';
import { iifeImport } from './scripts/iife-import.ts';
import { docsPages, docsPagesServed } from './scripts/docs-pages.ts';
import { bundledFiles } from './scripts/bundled-files.ts';
import { preloadLanguage } from './viz/messages/preload.ts';

/** The model's Markdown ships with the site too, for readers who want the source. */
function shipModelDocs(): Plugin {
  return {
    name: 'convene-model-docs',
    apply: 'build',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'docs/model.md', source: readFileSync(new URL('./docs/model.md', import.meta.url), 'utf8') });
    },
  };
}

// The browser app. `base: './'` keeps the built site working from any sub-path.
export default defineConfig({
  base: './',
  // The tests import `convene report` from source, and with it its page's bundled script.
  plugins: [shipModelDocs(), docsPages(new URL('./', import.meta.url)), docsPagesServed(new URL('./', import.meta.url)), iifeImport(), bundledFiles(), preloadLanguage()],
  build: { outDir: 'dist', target: 'es2022' },
  worker: { format: 'es' },
  test: {
    testTimeout: 30_000,
    // The browser tests share one built and served site, built only when they run.
    projects: [
      { extends: true, test: { name: 'node', include: ['test/**/*.test.ts'], exclude: ['test/viz/**'] } },
      { extends: true, test: { name: 'browser', include: ['test/viz/**/*.test.ts'], globalSetup: ['test/viz/site-setup.ts'] } },
    ],
  },
});
