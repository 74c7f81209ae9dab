/// <reference path="./comlink-node.d.ts" />
/** Entry of a batch worker thread: the chunk runner, exposed over comlink. */
import { parentPort } from 'node:worker_threads';
import { expose } from 'comlink';
import nodeEndpoint from 'comlink/dist/esm/node-adapter.mjs';
import { batchWorkerApi } from './run-chunk.ts';

if (!parentPort) throw new Error('batch/batch-worker.ts runs as a worker thread');
expose(batchWorkerApi, nodeEndpoint(parentPort));
