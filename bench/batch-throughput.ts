/**
 * Batch throughput: runs per second of `runBatch` for the reference scenario with 1 worker (the
 * calling thread) and 2 worker threads, each row formatted as CSV by the workers and handed over
 * in seed order, as `convene batch` does. The worker threads run the built worker of the command
 * (`dist-cli/batch-worker.js`, made by `prebench`), so their start-up, counted as the command's
 * is, is not a TypeScript loader's.
 */
import { readFileSync } from 'node:fs';
import { runBatch } from '../cli/run-batch.ts';
import { loadScenario } from '../sim/scenario-load.ts';

export async function batchRunsPerSecond(file: string, workers: number, runs: number): Promise<number> {
  const loaded = loadScenario(readFileSync(file, 'utf8'), { filename: file });
  if (!loaded.ok) throw new Error(`${file} does not validate`);
  let bytes = 0;
  const onRows = (chunk: { text: string }) => void (bytes += chunk.text.length);
  const rows = { format: 'csv' } as const;
  // Warm up (and start the workers' loaders) on other seeds.
  const workerUrl = new URL('../dist-cli/batch-worker.js', import.meta.url);
  await runBatch(loaded.scenario, { runs: 500, seedStart: 100_000, workers, rows, onRows, workerUrl });
  const start = process.hrtime.bigint();
  await runBatch(loaded.scenario, { runs, seedStart: 1, workers, rows, onRows, workerUrl });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (bytes === 0) throw new Error('no rows');
  return runs / seconds;
}
