/**
 * `npx tsx bench/fingerprint.ts`: a SHA-256 of what the core computes, to check that a speed-up
 * changes nothing, bit for bit. It covers every bundled scenario (scenarios/*.yaml) for seeds 1 to
 * 20, record off, and on with series and events, and the benchmark population at N = 2,000
 * (D = 2 and 8, shared and individual concession shapes, record on and off), its state after every
 * third round up to 12. Print it before a change and after; the last line must not move.
 * 2026-11-28: ffa8af88207ef244619afdeec5799f5327a862cdb0af5ac2b9aaf9958ebcbb77.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { runScenario, createRun } from '../sim/index.ts';
import { loadScenario } from '../sim/scenario/index.ts';
import { populationScenario } from '../scenarios/population-scenario.ts';

const dir = new URL('../scenarios', import.meta.url).pathname;
const files = readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort();
const out: unknown[] = [];
const parts: Record<string, string> = {};
const h = (x: unknown) => createHash('sha256').update(JSON.stringify(x)).digest('hex');
for (const f of files) {
  const loaded = loadScenario(readFileSync(`${dir}/${f}`, 'utf8'), { filename: f });
  if (!loaded.ok) throw new Error(`${f} does not validate`);
  const res: unknown[] = [];
  for (let seed = 1; seed <= 20; seed++) {
    res.push(runScenario(loaded.scenario, { seed }));
    res.push(runScenario(loaded.scenario, { seed, record: true, series: true, events: true }));
    res.push(runScenario(loaded.scenario, { seed, record: false, series: true }));
  }
  parts[f] = h(res);
  out.push(res);
}
const arr = (a: ArrayLike<number>) => Array.from(a);
for (const shapes of ['shared', 'each'] as const)
  for (const d of [2, 8]) {
    const sc = populationScenario(2000, d, shapes);
    for (const record of [false, true]) {
      const run = createRun(sc, { seed: 3, record });
      const snaps: unknown[] = [];
      for (let r = 0; r < 4; r++) {
        run.step(3);
        const s = run.state;
        snaps.push({
          t: s.t, proposal: arr(s.proposal), position: arr(s.position), stance: arr(s.stance),
          aspiration: arr(s.aspiration), felt: arr(s.felt), resources: arr(s.resources), present: arr(s.present),
          distance: arr(s.distance), blocked: arr(s.blockedCount), support: s.support, head: s.headSupport,
          dispersion: s.dispersion, best: s.bestSupport, items: s.openItems, chair: arr(s.chair),
          series: s.series, events: record ? s.record.events.length : 0,
          lastEvents: record ? s.record.events.slice(-50) : null,
        });
      }
      const key = `pop-${shapes}-${d}-${record}`;
      parts[key] = h(snaps);
      out.push(snaps);
    }
  }
for (const [k, v] of Object.entries(parts)) console.log(k.padEnd(40), v.slice(0, 16));
console.log('TOTAL', h(out));
