import { defineConfig } from 'vite';
import { iifeImport } from './scripts/iife-import.ts';

// The `convene` command and library: a Node build with its dependencies bundled, so it starts
// fast and `npx convene` works right after `npm install` (the `prepare` script runs this build).
// `lib.js` is the library (`import ... from 'convene'`, lib/index.ts). The batch worker thread is
// its own entry: `batch/worker-pool.ts` finds `batch-worker.js` next to itself, so every file,
// shared chunks included, sits flat in dist-cli/.
export default defineConfig({
  // `convene report` imports its page's script bundled (`viz/report-page.ts?iife`).
  plugins: [iifeImport()],
  build: {
    ssr: true,
    outDir: 'dist-cli',
    target: 'node20',
    emptyOutDir: true,
    minify: false,
    rollupOptions: {
      input: { convene: 'cli/main.ts', lib: 'lib/index.ts', 'batch-worker': 'batch/batch-worker.ts' },
      output: { entryFileNames: '[name].js', chunkFileNames: '[name]-[hash].js', format: 'es' },
    },
  },
  ssr: { noExternal: true },
});
