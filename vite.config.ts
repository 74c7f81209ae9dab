import { defineConfig } from 'vitest/config';

// The browser app. `base: './'` keeps the built site working from any sub-path.
export default defineConfig({
  base: './',
  build: { outDir: 'dist', target: 'es2022' },
  worker: { format: 'es' },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
