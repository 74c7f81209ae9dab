/**
 * The batch engine (Node): many seeds of a scenario on a pool of worker threads, results handed
 * over in seed order, and a scenario read from disk with `--set` overrides. Used by `convene
 * batch`, `convene sweep` and the library's `runBatch`.
 */
export * from './run-batch.ts';
export { runChunk, type BatchWorkerApi } from './run-chunk.ts';
export * from './read-scenario.ts';
export { createWorkerPool, defaultWorkerUrl, type WorkerPool, type WorkerPoolOptions } from './worker-pool.ts';
