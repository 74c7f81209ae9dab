/**
 * What a run costs the garbage collector: the memory it allocates, and how much of that outlives
 * a scavenge (a young-generation collection) and so must wait for a full collection. A batch's
 * runs should leave almost nothing behind them; what does is copied by every scavenge and marked
 * by every full collection, on the cores the runs need.
 *
 * Run on its own (`tsx bench/run-memory.ts FILE`, as the benchmark does): in a process that has
 * already run other scenarios, the compiled code is not what a batch's would be.
 */
import { Session } from 'node:inspector/promises';
import { setFlagsFromString, getHeapSpaceStatistics } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { readFileSync } from 'node:fs';
import { loadScenario } from '../sim/scenario/load.ts';
import { runScenario } from '../sim/run.ts';
import type { Scenario } from '../sim/scenario/schema.ts';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options?: { type: 'major' | 'minor' }) => void;

const oldSpaceUsed = () => getHeapSpaceStatistics().find((s) => s.space_name === 'old_space')!.space_used_size;

/** Kilobytes allocated and kilobytes promoted to the old generation, per run with the record off. */
async function runMemory(scenario: Scenario, runs = 2000): Promise<{ allocated: number; promoted: number }> {
  const run = (seed: number) => runScenario(scenario, { seed, record: false });
  for (let seed = 1; seed <= 500; seed++) run(seed);

  // Promoted: the old generation's growth over runs each followed, a hundred at a time, by two
  // scavenges (an object is promoted when it survives its second). Measured before the heap
  // profiler has run: after it, V8 promoted several times as much.
  gc({ type: 'major' });
  const before = oldSpaceUsed();
  for (let k = 0; k < runs / 100; k++) {
    for (let seed = 1; seed <= 100; seed++) run(k * 100 + seed);
    gc({ type: 'minor' });
    gc({ type: 'minor' });
  }
  const promoted = Math.max(0, oldSpaceUsed() - before);

  // Allocated: the heap profiler's samples of every allocation, collected or not.
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
  for (let seed = 1; seed <= runs; seed++) run(seed);
  const { profile } = await session.post('HeapProfiler.stopSampling');
  session.disconnect();
  let sampled = 0;
  const add = (node: typeof profile.head): void => {
    sampled += node.selfSize;
    node.children.forEach(add);
  };
  add(profile.head);
  return { allocated: sampled / runs / 1024, promoted: promoted / runs / 1024 };
}

const file = process.argv[2];
const loaded = loadScenario(readFileSync(file, 'utf8'), { filename: file });
if (!loaded.ok) throw new Error(`${file} does not validate`);
console.log(JSON.stringify(await runMemory(loaded.scenario)));
