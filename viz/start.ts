/**
 * What the page starts before anything else it evaluates: the Web Worker that runs the core, and
 * the first bundled scenario's text. Both load while the page's words (a top-level await,
 * viz/messages/index.ts) and the rest of its script are still on their way.
 */
import { firstBundled, loadBundled } from './bundled.ts';

export const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });

const first = firstBundled(location.search);
if (first !== null) void loadBundled(first);
