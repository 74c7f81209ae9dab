import { defineConfig } from 'vite';

// The `convene` command: a Node build with its dependencies bundled, so it starts fast and
// `npx convene` works right after `npm install` (the `prepare` script runs this build). The batch
// worker thread is its own entry: `cli/worker-pool.ts` finds `batch-worker.js` next to the bundle.
export default defineConfig({
  build: {
    ssr: true,
    outDir: 'dist-cli',
    target: 'node20',
    emptyOutDir: true,
    minify: false,
    rollupOptions: {
      input: { convene: 'cli/main.ts', 'batch-worker': 'cli/batch-worker.ts' },
      output: { entryFileNames: '[name].js', format: 'es' },
    },
  },
  ssr: { noExternal: true },
});
