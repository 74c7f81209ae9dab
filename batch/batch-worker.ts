/// <reference path="./comlink-node.d.ts" />
/** Entry of a batch worker thread: the chunk runner, exposed over comlink. */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { batchWorkerApi } from './run-chunk.ts';

// A chunk's row bytes are copied to the writing thread, not transferred: transferring them made a
// 20,000-run batch of the reference scenario 20% slower (BENCHMARKS.md, "Memory against a
// batch's length").
if (!parentPort) throw new Error('batch/batch-worker.ts runs as a worker thread');
expose(batchWorkerApi, nodeEndpoint(parentPort));
