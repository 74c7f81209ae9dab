/**
 * "Run 200 seeds": the same scenario and conditions over seeds S … S+199 in a
 * pool of workers, and the share of each outcome class with its 95% Wilson interval, so a
 * student sees that an outcome is likely, not certain; and beside the classes, how often each flag
 * was raised, since a class and a flag answer different questions (a rough consensus can be
 * captured). Seed S+k is the run `--seed S+k`.
 */
import { releaseProxy, wrap } from 'comlink';
import { countOutcomes, outcomeShares, wilsonInterval } from '../analysis/index.ts';
import { FLAGS, type Flag, type Outcome } from '../sim/index.ts';
import { el, pct } from './dom.ts';
import { m } from './messages/index.ts';
import type { SimulationApi } from './worker.ts';

export const SEEDS = 200;

export interface ManySeedsRequest {
  text: string;
  filename: string;
  overrides: string[];
  seedStart: number;
}

export interface SeedRun {
  outcome: Outcome;
  flags: Flag[];
}

/** Runs the seeds in up to four workers; resolves with each seed's outcome and flags, in seed order. */
export async function runManySeeds(request: ManySeedsRequest, onProgress: (done: number) => void): Promise<SeedRun[]> {
  const workers = Math.max(1, Math.min(4, (navigator.hardwareConcurrency || 2) - 1 || 1));
  const chunk = 10;
  const results: SeedRun[] = new Array(SEEDS);
  let next = 0;
  let done = 0;
  const pool = Array.from({ length: workers }, () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }));
  try {
    await Promise.all(
      pool.map(async (worker) => {
        const api = wrap<SimulationApi>(worker);
        try {
          while (next < SEEDS) {
            const from = next;
            const count = Math.min(chunk, SEEDS - from);
            next += count;
            const outcomes = await api.outcomes(request.text, { filename: request.filename, overrides: request.overrides }, request.seedStart + from, count);
            outcomes.forEach((o, k) => (results[from + k] = o));
            done += count;
            onProgress(done);
          }
        } finally {
          api[releaseProxy]();
        }
      }),
    );
  } finally {
    for (const w of pool) w.terminate();
  }
  return results;
}

function shareBar(share: number, lo: number, hi: number): HTMLElement {
  const bar = el('div', { class: 'share-bar', 'aria-hidden': 'true' }, el('span', { class: 'share-fill' }), el('span', { class: 'share-ci' }));
  (bar.children[0] as HTMLElement).style.width = `${share * 100}%`;
  const ci = bar.children[1] as HTMLElement;
  ci.style.left = `${lo * 100}%`;
  ci.style.width = `${(hi - lo) * 100}%`;
  return bar;
}

/**
 * The tables of shares: one row per class, then one per flag, each with a bar for the share and a
 * line for its interval.
 */
export function renderShares(host: HTMLElement, runs: SeedRun[], seedStart: number): void {
  const total = runs.length;
  const outcomes = runs.map((r) => r.outcome);
  const table = el('table', { class: 'shares', 'data-testid': 'seed-shares' });
  table.append(
    el('caption', {}, m.seeds.caption(total, seedStart, seedStart + total - 1)),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, m.seeds.outcome), el('th', { scope: 'col' }, m.seeds.runs), el('th', { scope: 'col' }, m.seeds.share), el('th', { scope: 'col' }, ''))),
  );
  const body = el('tbody');
  for (const { outcome, count, share, low: lo, high: hi } of outcomeShares(countOutcomes(outcomes))) {
    const bar = shareBar(share, lo, hi);
    const row = el(
      'tr',
      { 'data-outcome': outcome, 'data-count': String(count) },
      el('th', { scope: 'row' }, m.outcomes[outcome].title),
      el('td', {}, String(count)),
      el('td', {}, `${pct(share)} (${m.seeds.interval(pct(lo), pct(hi))})`),
      el('td', {}, bar),
    );
    if (count === 0) row.classList.add('muted');
    body.append(row);
  }
  table.append(body);
  const flags = el('table', { class: 'shares', 'data-testid': 'seed-flags' });
  flags.append(
    el('caption', {}, m.seeds.flagsCaption(total)),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, m.seeds.flag), el('th', { scope: 'col' }, m.seeds.runs), el('th', { scope: 'col' }, m.seeds.share), el('th', { scope: 'col' }, ''))),
  );
  const flagBody = el('tbody');
  for (const flag of FLAGS) {
    const count = runs.filter((r) => r.flags.includes(flag)).length;
    const [lo, hi] = wilsonInterval(count, total);
    const share = total === 0 ? 0 : count / total;
    const row = el(
      'tr',
      { 'data-flag': flag, 'data-count': String(count) },
      el('th', { scope: 'row' }, m.flags[flag].label.charAt(0).toUpperCase() + m.flags[flag].label.slice(1)),
      el('td', {}, String(count)),
      el('td', {}, `${pct(share)} (${m.seeds.interval(pct(lo), pct(hi))})`),
      el('td', {}, shareBar(share, lo, hi)),
    );
    if (count === 0) row.classList.add('muted');
    flagBody.append(row);
  }
  flags.append(flagBody);
  host.replaceChildren(table, flags);
}
