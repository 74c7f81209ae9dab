/**
 * The two panels that look beyond one run: "Compare" (the run as set beside the same seed with
 * one condition changed) and "Many seeds" (200 seeds in a pool of workers).
 */
import type { RunResult } from '../sim/index.ts';
import { changesFor, renderComparison, type Change } from './compare.ts';
import { byId, el } from './dom.ts';
import type { Meta } from './frame.ts';
import { m as words } from './messages/index.ts';
import { renderShares, runManySeeds, SEEDS } from './many-seeds.ts';

export type Finished = RunResult | { errors: string[] };

export interface CurrentRun {
  text: string;
  filename: string;
  /** A bundled scenario's id: its words in the page's language. */
  bundled?: string;
  overrides: string[];
  seed: number;
  meta: Meta;
}

export interface AnalysisDeps {
  /** The run as the page now sets it, or null before one is open. */
  current(): CurrentRun | null;
  /** One whole run in the page's worker. */
  finished(text: string, options: { filename: string; bundled?: string; overrides: string[]; seed: number }): Promise<Finished>;
}

export interface AnalysisPanels {
  /** The conditions now set changed: Compare offers the changes that differ from them. */
  refresh(meta: Meta): void;
}

export function wireAnalysisPanels(deps: AnalysisDeps): AnalysisPanels {
  const change = byId<HTMLSelectElement>('compare-change');
  const compareRun = byId<HTMLButtonElement>('compare-run');
  const compare = byId('compare');
  const seedsRun = byId<HTMLButtonElement>('seeds-run');
  const progress = byId<HTMLProgressElement>('seeds-progress');
  const seeds = byId('seeds');

  let offered: Change[] = [];

  compareRun.addEventListener('click', async () => {
    const run = deps.current();
    if (!run) return;
    const picked = offered.find((c) => c.id === change.value);
    if (!picked) return;
    const changed = picked.overrides;
    compareRun.disabled = true;
    compare.replaceChildren(el('p', { class: 'muted' }, words.compare.running));
    try {
      const [a, b] = await Promise.all([
        deps.finished(run.text, { filename: run.filename, bundled: run.bundled, overrides: run.overrides, seed: run.seed }),
        deps.finished(run.text, { filename: run.filename, bundled: run.bundled, overrides: [...run.overrides, ...changed], seed: run.seed }),
      ]);
      renderComparison(
        compare,
        [
          { title: words.compare.asSet(run.seed), result: a },
          { title: words.compare.changed(picked.label, run.seed), result: b },
        ],
        run.meta.threshold,
        { meta: run.meta },
      );
    } finally {
      compareRun.disabled = false;
    }
  });

  seedsRun.addEventListener('click', async () => {
    const run = deps.current();
    if (!run) return;
    seedsRun.disabled = true;
    progress.hidden = false;
    progress.max = SEEDS;
    progress.value = 0;
    try {
      const outcomes = await runManySeeds(
        { text: run.text, filename: run.filename, overrides: run.overrides, seedStart: run.seed },
        (done) => (progress.value = done),
      );
      renderShares(seeds, outcomes, run.seed);
    } catch (e) {
      seeds.replaceChildren(el('p', { class: 'errors' }, e instanceof Error ? e.message : String(e)));
    } finally {
      seedsRun.disabled = false;
      progress.hidden = true;
    }
  });

  return {
    refresh(meta) {
      const kept = change.value;
      offered = changesFor(meta);
      change.replaceChildren(...offered.map((c) => el('option', { value: c.id }, c.label)));
      if (offered.some((c) => c.id === kept)) change.value = kept;
    },
  };
}
