/// <reference path="./comlink-node.d.ts" />
/**
 * A pool of Node worker threads, each running the chunk runner of `run-chunk.ts` behind comlink.
 * A worker may be given a chunk before it has finished the last one: it runs them in the order
 * given, and has the next at hand instead of waiting a message's round trip between chunks.
 *
 * A worker that dies (an uncaught error, `process.exit`, out of memory) rejects every chunk it
 * had. The pool replaces it and sends them to the new worker in the same order. The chunk it was
 * running is reported and run once more; the ones waiting behind it had not started.
 *
 * Each call listens for its worker's death only while it waits, and stops listening when its
 * chunk comes back: a race against one long-lived "died" promise would leave a reaction on it per
 * call, each holding that call's finished chunk (its rows' text included) for the worker's life.
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
  /** Set when the worker has died. */
  crash?: WorkerCrash;
  /** The calls waiting on this worker, told if it dies. */
  mourners: Set<(crash: WorkerCrash) => void>;
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
          return await untilDeath(slot, slot.remote.runChunk(scenario, firstSeed, count, rows));
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

/** The work's result, or a WorkerCrash if the slot's worker dies first; nothing kept after. */
function untilDeath<T>(slot: Slot, work: Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    if (slot.crash) return reject(slot.crash);
    slot.mourners.add(reject);
    work.then(resolve, reject).finally(() => slot.mourners.delete(reject));
  });
}

/**
 * Each worker's young generation, MB. V8 grows an isolate's young generation with the bytes that
 * survived its scavenges since it last grew, so over a long batch every worker's would creep up
 * to V8's default largest (three 16 MB semi-spaces' worth) and the batch's peak memory with it.
 * A batch worker's survivors are one chunk's rows, a few kB: 6 MB costs no measurable speed
 * (BENCHMARKS.md, "Memory against a batch's length").
 */
export const WORKER_YOUNG_GENERATION_MB = 6;

function spawn(url: URL): Slot {
  const worker = new Worker(url, { resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
  const slot: Slot = { worker, remote: wrap<BatchWorkerApi>(nodeEndpoint(worker)), given: [], mourners: new Set() };
  const die = (message: string) => {
    if (slot.crash) return;
    slot.diedRunning ??= slot.given[0];
    slot.crash = new WorkerCrash(message);
    for (const mourner of slot.mourners) mourner(slot.crash);
    slot.mourners.clear();
  };
  worker.once('error', (error) => die(error.message));
  worker.once('exit', (code) => die(`exit code ${code}`));
  return slot;
}
