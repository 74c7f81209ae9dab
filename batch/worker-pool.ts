/// <reference path="./comlink-node.d.ts" />
/**
 * A pool of Node worker threads, each running the chunk runner of `run-chunk.ts` behind comlink.
 * A worker may be given a chunk before it has finished the last one: it runs them in the order
 * given, and has the next at hand instead of waiting a message's round trip between chunks.
 *
 * A worker that dies (an uncaught error, `process.exit`, out of memory) rejects every chunk it
 * had. The pool replaces it and sends them to the new worker in the same order. The chunk it was
 * running is reported and run once more; the ones waiting behind it had not started.
 */
import { Worker } from 'node:worker_threads';
import { wrap, releaseProxy, type Remote } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import type { Scenario } from '../sim/index.ts';
import type { RowFormat } from '../analysis/index.ts';
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
  /** The chunks given to the worker and not yet back, oldest (the one it is running) first. */
  given: object[];
  /** The chunk it was running when it died. */
  diedRunning?: object;
}

export interface WorkerPool {
  readonly size: number;
  /**
   * Runs seeds `firstSeed .. firstSeed + count - 1` on worker `slot` (0 ≤ slot < size), after the
   * chunks already given to that worker.
   */
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

  return {
    size: options.size,
    async runChunk(index, scenario, firstSeed, count, rows) {
      const seeds = `seeds ${firstSeed} to ${firstSeed + count - 1}`;
      const chunk = {};
      let crashes = 0;
      for (;;) {
        const slot = slots[index];
        slot.given.push(chunk);
        try {
          return await Promise.race([slot.remote.runChunk(scenario, firstSeed, count, rows), slot.dead]);
        } catch (error) {
          if (!(error instanceof WorkerCrash) || closed) throw error;
          if (slot.diedRunning === chunk) {
            if (++crashes > 1) throw new Error(`a worker crashed twice running ${seeds} (${error.message})`);
            options.onWarning?.(`a worker crashed (${error.message}) running ${seeds}; running them again`);
          }
          // The first of its chunks to get here replaces the worker; the others follow it there.
          if (slots[index] === slot) {
            slots[index] = spawn(url);
            void retire(slot).catch(() => undefined);
          }
        } finally {
          slot.given.splice(slot.given.indexOf(chunk), 1);
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
  const given: object[] = [];
  const slot: Slot = {
    worker,
    remote: wrap<BatchWorkerApi>(nodeEndpoint(worker)),
    given,
    dead: new Promise<never>((_, reject) => {
      const die = (message: string) => {
        slot.diedRunning ??= given[0];
        reject(new WorkerCrash(message));
      };
      worker.once('error', (error) => die(error.message));
      worker.once('exit', (code) => die(`exit code ${code}`));
    }),
  };
  slot.dead.catch(() => undefined);
  return slot;
}
