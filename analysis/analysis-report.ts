/**
 * The data of `convene report` for a sensitivity analysis's indices and for a regime map: what the
 * page (viz/report-page.ts) draws as bars with intervals and as a phase diagram.
 */
import { OUTCOMES, OUTCOME_WORDS, type Outcome } from '../sim/index.ts';
import { InvalidInput } from './invalid-input.ts';
import type { Interval } from './bootstrap.ts';
import type { Provenance } from './report-data.ts';
import { SENSITIVITY_OUTPUTS, sensitivitySentence, type SensitivityMethod, type SensitivityResult } from './sensitivity-result.ts';

export interface SensitivityReportData {
  kind: 'sensitivity';
  title: string;
  method: SensitivityMethod;
  parameters: string[];
  points: number | null;
  seeds: number | null;
  /** One chart per output that varies, its conditions largest first. */
  outputs: {
    output: string;
    label: string;
    sentence: string;
    /** μ* (Morris) or the total index (Sobol), and for Sobol the first-order index beside it. */
    bars: { parameter: string; main: Interval; first?: Interval; sigma?: number }[];
  }[];
  provenance?: Provenance[];
}

const OUTPUT_LABELS: Record<string, string> = { rounds: 'Rounds', support: 'Support for the final text', legitimacy: 'Legitimacy of what was adopted' };

export function buildSensitivityReport(result: SensitivityResult, title: string): SensitivityReportData {
  const outputs: SensitivityReportData['outputs'] = [];
  for (const output of SENSITIVITY_OUTPUTS) {
    const rows = result.indices.filter((i) => i.output === output);
    const bars = rows
      .map((i) => (i.morris ? { parameter: i.parameter, main: i.morris.muStar, sigma: i.morris.sigma } : { parameter: i.parameter, main: i.sobol!.total, first: i.sobol!.first }))
      .sort((a, b) => b.main.value - a.main.value);
    if (bars.every((b) => b.main.value === 0)) continue;
    const label = OUTPUT_LABELS[output] ?? `Odds of ${OUTCOME_WORDS[output as Outcome].label}`;
    const sentence = sensitivitySentence(result, output) ?? '';
    outputs.push({ output, label, sentence, bars });
  }
  return { kind: 'sensitivity', title, method: result.method, parameters: result.parameters, points: result.points, seeds: result.seeds, outputs };
}

export interface MapCell {
  x: number;
  y: number;
  runs: number;
  dominant: Outcome;
  share: number;
  /** Each outcome's share with its 95% Wilson interval. */
  shares: Record<Outcome, Interval>;
  medianRounds: number | null;
}

export interface MapReportData {
  kind: 'map';
  title: string;
  x: string;
  y: string;
  xs: number[];
  ys: number[];
  cells: MapCell[];
  provenance?: Provenance[];
}

/** A map `convene map` wrote as CSV, read back; `names`: the conditions' paths when known (its manifest). */
export function parseMapCsv(text: string, file: string, names?: [string, string]): MapReportData {
  const lines = text.trim().split('\n');
  const head = lines[0].split(',');
  const at = (c: string) => head.indexOf(c);
  if (head[2] !== 'runs' || at('dominant_share') < 0) throw new InvalidInput(`${file}: not a map written by \`convene map\``);
  const cells: MapCell[] = lines.slice(1).map((line, k) => {
    const c = line.split(',');
    const num = (name: string) => Number(c[at(name)]);
    const dominant = c[at('dominant')] as Outcome;
    if (!(OUTCOMES as readonly string[]).includes(dominant) || !Number.isFinite(Number(c[0])) || !Number.isFinite(Number(c[1]))) throw new InvalidInput(`${file}: line ${k + 2}: not a map's row`);
    const shares = Object.fromEntries(
      OUTCOMES.map((o) => {
        const n = o.replace(/-/g, '_');
        return [o, { value: num(n), low: num(`${n}_low`), high: num(`${n}_high`) }];
      }),
    ) as Record<Outcome, Interval>;
    const rounds = c[at('median_rounds')];
    return { x: Number(c[0]), y: Number(c[1]), runs: num('runs'), dominant, share: num('dominant_share'), shares, medianRounds: rounds === '' ? null : Number(rounds) };
  });
  const sorted = (vs: number[]) => [...new Set(vs)].sort((a, b) => a - b);
  return { kind: 'map', title: file, x: names?.[0] ?? head[0], y: names?.[1] ?? head[1], xs: sorted(cells.map((c) => c.x)), ys: sorted(cells.map((c) => c.y)), cells };
}

/** A cell in words: what happens there and how sure that is. */
export function cellWords(cell: MapCell, x: string, y: string): string {
  const d = cell.shares[cell.dominant];
  const pct = (v: number) => `${Math.round(v * 100)}%`;
  const second = OUTCOMES.filter((o) => o !== cell.dominant).sort((a, b) => cell.shares[b].value - cell.shares[a].value)[0];
  const also = cell.shares[second].value > 0 ? `; next, ${OUTCOME_WORDS[second].label} in ${pct(cell.shares[second].value)}` : '';
  const sure = d.low > 0.5 ? 'a clear majority' : d.high < 0.5 ? 'a plurality, not a majority' : 'possibly not a majority';
  return `With ${x} at ${cell.x} and ${y} at ${cell.y}: ${OUTCOME_WORDS[cell.dominant].label} in ${pct(d.value)} of ${cell.runs} runs (95% interval ${pct(d.low)}–${pct(d.high)}, ${sure})${also}.`;
}

/** Whatever `convene report` draws: a batch's or a sweep's runs, indices, or a map. */
export type AnyReportData = import('./report-data.ts').ReportData | SensitivityReportData | MapReportData;
