// Runs the batch worker from source (tests, `tsx`): tsx cannot load .ts in a worker thread on
// Node 20 by itself (tsx issue 354), so register its loader first.
import { register } from 'tsx/esm/api';

register();
await import('./batch-worker.ts');
