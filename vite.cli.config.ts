import { build, defineConfig, type Plugin } from 'vite';
import { bundleReportPage } from './cli/report-html.ts';

/**
 * `convene report` inlines its charts' code in the HTML file: bundle viz/report-page.ts (with the
 * D3 modules it uses) into one IIFE and write it as `dist-cli/report-page.js`, which
 * `cli/report-html.ts` reads next to the bundle.
 */
function reportPage(): Plugin {
  return {
    name: 'convene-report-page',
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: 'report-page.js', source: await bundleReportPage(build) });
    },
  };
}

// The `convene` command and library: a Node build with its dependencies bundled, so it starts
// fast and `npx convene` works right after `npm install` (the `prepare` script runs this build).
// `lib.js` is the library (`import ... from 'convene'`, lib/index.ts). The batch worker thread is
// its own entry: `batch/worker-pool.ts` finds `batch-worker.js` next to itself, so every file,
// shared chunks included, sits flat in dist-cli/.
export default defineConfig({
  plugins: [reportPage()],
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
