/**
 * A pool of Node worker threads, each running the chunk runner of `run-chunk.ts` behind comlink.
 * A worker that dies (an uncaught error, `process.exit`, out of memory) rejects the chunk it was
 * running; the pool replaces it, reports it, and runs that chunk once more on the new worker.
 */
import { Worker } from 'node:worker_threads';
import { wrap, releaseProxy, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { Scenario } from '../sim/index.ts';
import type { RowFormat } from './batch-row.ts';
import type { BatchWorkerApi, ChunkOutput } from './run-chunk.ts';

/**
 * Next to the bundle (`dist-cli/batch-worker.js`) when running built; the tsx bootstrap when
 * running from source (tests, `tsx`).
 */
export function defaultWorkerUrl(): URL {
  const here = import.meta.url;
  return /\.ts$/.test(here) ? new URL('./batch-worker-bootstrap.mjs', here) : new URL('./batch-worker.js', here);
}

export interface WorkerPoolOptions {
  size: number;
  workerUrl?: URL;
  /** Told when a worker crashed and its chunk is being run again. */
  onWarning?(message: string): void;
}

interface Slot {
  worker: Worker;
  remote: Remote<BatchWorkerApi>;
  /** Rejects when the worker dies. */
  dead: Promise<never>;
}

export interface WorkerPool {
  readonly size: number;
  /** Runs seeds `firstSeed .. firstSeed + count - 1` on worker `slot` (0 ≤ slot < size). */
  runChunk(slot: number, scenario: Scenario, firstSeed: number, count: number, rows?: RowFormat): Promise<ChunkOutput>;
  close(): Promise<void>;
}

export function createWorkerPool(options: WorkerPoolOptions): WorkerPool {
  const url = options.workerUrl ?? defaultWorkerUrl();
  const slots: Slot[] = Array.from({ length: options.size }, () => spawn(url));
  let closed = false;

  async function retire(slot: Slot): Promise<void> {
    slot.remote[releaseProxy]();
    await slot.worker.terminate();
  }

  async function attempt(index: number, scenario: Scenario, firstSeed: number, count: number, rows?: RowFormat) {
    const slot = slots[index];
    return await Promise.race([slot.remote.runChunk(scenario, firstSeed, count, rows), slot.dead]);
  }

  return {
    size: options.size,
    async runChunk(index, scenario, firstSeed, count, rows) {
      try {
        return await attempt(index, scenario, firstSeed, count, rows);
      } catch (error) {
        if (!(error instanceof WorkerCrash) || closed) throw error;
        const seeds = `seeds ${firstSeed} to ${firstSeed + count - 1}`;
        options.onWarning?.(`a worker crashed (${error.message}) running ${seeds}; running them again`);
        await retire(slots[index]).catch(() => undefined);
        slots[index] = spawn(url);
        try {
          return await attempt(index, scenario, firstSeed, count, rows);
        } catch (again) {
          if (!(again instanceof WorkerCrash)) throw again;
          throw new Error(`a worker crashed twice running ${seeds} (${again.message})`);
        }
      }
    },
    async close() {
      closed = true;
      await Promise.all(slots.map((slot) => retire(slot).catch(() => undefined)));
    },
  };
}

class WorkerCrash extends Error {}

function spawn(url: URL): Slot {
  const worker = new Worker(url);
  const remote = wrap<BatchWorkerApi>(nodeEndpoint(worker));
  const dead = new Promise<never>((_, reject) => {
    worker.once('error', (error) => reject(new WorkerCrash(error.message)));
    worker.once('exit', (code) => reject(new WorkerCrash(`exit code ${code}`)));
  });
  dead.catch(() => undefined);
  return { worker, remote, dead };
}
