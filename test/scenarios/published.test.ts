/**
 * The published data sets in scenarios/published/ (README there gives each source and figure),
 * each run over seeds 1 to 100. Under rough consensus the median adopted point must lie within
 * 0.05 of the compromise model's forecast on every issue: Σ w·s·x / Σ w·s over the actors, with
 * each actor's saliences normalised to sum 1 as the model reads them. The forecast is worked out
 * here from the file itself; the published figures it should match are in the comments.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatScenarioError, loadScenario } from '../../sim/scenario/index.ts';
import { runScenario } from '../../sim/index.ts';

const DIR = fileURLToPath(new URL('../../scenarios/published/', import.meta.url));
const SEEDS = 100;

interface Actor { ideal: number[]; salience?: number[]; power: number }

function load(file: string) {
  const loaded = loadScenario(readFileSync(DIR + file, 'utf8'), { filename: file });
  if (!loaded.ok) throw new Error(loaded.errors.map((e) => formatScenarioError(e, file)).join('\n'));
  return loaded.scenario;
}

/** Σ w·s·x / Σ w·s on issue k, saliences normalised per actor (one issue: s = 1). */
function compromise(actors: Actor[], k: number): number {
  let num = 0;
  let den = 0;
  for (const a of actors) {
    const s = a.salience ? a.salience[k] / a.salience.reduce((x, y) => x + y, 0) : 1;
    num += a.power * s * a.ideal[k];
    den += a.power * s;
  }
  return num / den;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const DATA_SETS = [
  // KTAB's own run ends with nearly every actor at 0.42 to 0.44 (SOE-Policy.csv_posLog.csv); the
  // forecast from the influence × salience weights is 0.350, the weighted median 0.30.
  { file: 'ktab-soe-policy.yaml', forecast: [0.350] },
  // The forecasts from the data: 0.363 (policy) and 0.389 (competition).
  { file: 'ktab-soe-policy-competition.yaml', forecast: [0.363, 0.389] },
  // Scholz, Calbert & Smith's compromise forecast: 0.57 on the 4-to-10 scale mapped to [0, 1]
  // (4.565 + … ; worked out: Σ c·s·x / Σ c·s = 7.39, (7.39 − 4) / 6 = 0.565).
  { file: 'bdm-ec-emissions.yaml', forecast: [0.565] },
];

describe.each(DATA_SETS)('published data: $file', ({ file, forecast }) => {
  const scenario = load(file);
  const actors = scenario.stakeholders as unknown as Actor[];
  const d = scenario.issues.length;
  const results = Array.from({ length: SEEDS }, (_, i) => runScenario(scenario, { seed: i + 1 }));
  const consensus = results.filter((r) => r.outcome === 'rough-consensus');
  const medians = Array.from({ length: d }, (_, k) => median(consensus.map((r) => r.adopted!.position[k])));

  it('the compromise forecast worked out from the file is the published one', () => {
    for (let k = 0; k < d; k++) expect(compromise(actors, k)).toBeCloseTo(forecast[k], 3);
  });

  it(`under rough consensus the median adopted point lies within 0.05 of the compromise forecast (${medians.map((m) => m.toFixed(3)).join(', ')} against ${forecast.join(', ')})`, () => {
    expect(consensus.length).toBeGreaterThanOrEqual(SEEDS / 2);
    for (let k = 0; k < d; k++) expect(Math.abs(medians[k] - compromise(actors, k)), `issue ${k}`).toBeLessThanOrEqual(0.05);
  });

  it('gives the stronger actors more: raising the strongest actor\'s power moves the text toward it', () => {
    const strongest = actors.reduce((best, a, i) => (a.power > actors[best].power ? i : best), 0);
    const stronger = load(file);
    (stronger.stakeholders[strongest] as unknown as Actor).power *= 2;
    const k = 0;
    const before = median(consensus.map((r) => r.adopted!.position[k]));
    const after = median(
      Array.from({ length: 20 }, (_, i) => runScenario(stronger, { seed: i + 1 }))
        .filter((r) => r.adopted)
        .map((r) => r.adopted!.position[k]),
    );
    const toward = Math.sign(actors[strongest].ideal[k] - before);
    expect(toward * (after - before)).toBeGreaterThan(0);
  });
});
