/**
 * A sensitivity analysis's result (`convene sensitivity`): per output and condition, Morris's
 * μ*, μ, σ or Sobol's first-order and total indices with their intervals, as a CSV table or in
 * words. Shared by the command and the report.
 */
import { OUTCOMES, type Outcome } from '../sim/index.ts';
import { csvTextCell } from './batch-row.ts';
import type { MorrisIndex } from './morris.ts';
import type { SobolIndex } from './sobol-indices.ts';

export type SensitivityMethod = 'morris' | 'sobol';

/** What each point's runs are summed up into: each outcome's share, then these means. */
export const SENSITIVITY_OUTPUTS = [...OUTCOMES, 'rounds', 'support', 'legitimacy'] as const;
export type SensitivityOutput = (typeof SENSITIVITY_OUTPUTS)[number];

export interface SensitivityResult {
  method: SensitivityMethod;
  /** The design the points came from, as the experiment file writes it. */
  design: unknown;
  parameters: string[];
  /** The design's points and the seeds at each (null when read back from a CSV table). */
  points: number | null;
  seeds: number | null;
  /** Each output's mean over the design's points (an outcome's: its share of all runs), when known. */
  means?: Partial<Record<SensitivityOutput, number>>;
  /** Per output, per parameter. */
  indices: { output: SensitivityOutput; parameter: string; morris?: MorrisIndex; sobol?: SobolIndex }[];
}

const round = (x: number) => Number(x.toPrecision(6));

export function indicesCsv(r: SensitivityResult): string {
  const head = r.method === 'morris'
    ? ['output', 'parameter', 'mu_star', 'mu_star_low', 'mu_star_high', 'mu', 'sigma']
    : ['output', 'parameter', 's1', 's1_low', 's1_high', 'st', 'st_low', 'st_high'];
  const lines = r.indices.map((i) => {
    const values = i.morris
      ? [i.morris.muStar.value, i.morris.muStar.low, i.morris.muStar.high, i.morris.mu, i.morris.sigma]
      : [i.sobol!.first.value, i.sobol!.first.low, i.sobol!.first.high, i.sobol!.total.value, i.sobol!.total.low, i.sobol!.total.high];
    return [i.output, i.parameter, ...values.map(round)].map(csvTextCell).join(',');
  });
  return [head.join(','), ...lines].join('\n') + '\n';
}

const OUTPUT_WORDS: Record<string, string> = {
  rounds: 'the number of rounds',
  support: 'the support for the final text',
  legitimacy: 'the legitimacy of what was adopted',
};

/** Below this share of all runs an outcome's indices are mostly the noise of a few runs. */
export const RARE = 0.01;

/** In words, for each output that varies: which conditions matter most, and how sure that is. */
export function sensitivitySentences(r: SensitivityResult): string[] {
  return SENSITIVITY_OUTPUTS.map((o) => sensitivitySentence(r, o)).filter((s): s is string => s !== null);
}

/** One output's sentence; null when it does not vary at all. */
export function sensitivitySentence(r: SensitivityResult, output: SensitivityOutput): string | null {
  const rows = r.indices.filter((i) => i.output === output);
  const size = (i: (typeof rows)[number]) => (i.morris ? i.morris.muStar : i.sobol!.total);
  if (rows.every((i) => size(i).value === 0)) return null;
  const mean = r.means?.[output];
  if (mean !== undefined && (OUTCOMES as readonly string[]).includes(output) && mean < RARE) {
    return `The odds of ${output.replace(/-/g, ' ')}: too rare in these runs (${(mean * 100).toPrecision(2)}% of them) for the indices to say what moves them.`;
  }
  const ranked = [...rows].sort((a, b) => size(b).value - size(a).value);
  const what = OUTPUT_WORDS[output] ?? `the odds of ${(output as Outcome).replace(/-/g, ' ')}`;
  const measure = r.method === 'morris' ? 'mean absolute effect' : 'total index';
  const say = (i: (typeof rows)[number]) => `${i.parameter} (${measure} ${fmt(size(i).value)}, 95% interval ${fmt(size(i).low)} to ${fmt(size(i).high)})`;
  const top = ranked[0];
  const second = ranked[1];
  let sentence = `What moves ${what} most: ${say(top)}`;
  if (second && size(second).value > 0) {
    const apart = size(second).high < size(top).low;
    sentence += `, then ${say(second)}${apart ? '' : ' — their intervals overlap, so which matters more is not settled'}`;
  }
  const negligible = ranked.filter((i) => size(i).high < 0.05 * size(top).value).map((i) => i.parameter);
  if (negligible.length > 0) sentence += `; ${negligible.join(', ')} hardly ${negligible.length === 1 ? 'matters' : 'matter'}`;
  return sentence + '.';
}

function fmt(x: number): string {
  return Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(3);
}

/** A table indicesCsv wrote, read back (for `convene report`); null when it is not one. */
export function parseIndicesCsv(text: string): SensitivityResult | null {
  const lines = text.trim().split('\n');
  const head = lines[0]?.split(',') ?? [];
  const method: SensitivityMethod | undefined = head[2] === 'mu_star' ? 'morris' : head[2] === 's1' ? 'sobol' : undefined;
  if (head[0] !== 'output' || head[1] !== 'parameter' || !method) return null;
  const indices: SensitivityResult['indices'] = [];
  const parameters: string[] = [];
  for (const line of lines.slice(1)) {
    const cells = parseCsvLine(line);
    const [output, parameter] = cells;
    const v = cells.slice(2).map(Number);
    if (!(SENSITIVITY_OUTPUTS as readonly string[]).includes(output) || v.some((x) => !Number.isFinite(x))) return null;
    if (!parameters.includes(parameter)) parameters.push(parameter);
    indices.push(
      method === 'morris'
        ? { output: output as SensitivityOutput, parameter, morris: { muStar: { value: v[0], low: v[1], high: v[2] }, mu: v[3], sigma: v[4] } }
        : { output: output as SensitivityOutput, parameter, sobol: { first: { value: v[0], low: v[1], high: v[2] }, total: { value: v[3], low: v[4], high: v[5] } } },
    );
  }
  return { method, design: null, parameters, points: null, seeds: null, indices };
}

/** One CSV line's cells, RFC 4180 quoting (a parameter path may hold a comma). */
function parseCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') cells.push(cell), (cell = '');
    else cell += c;
  }
  cells.push(cell);
  return cells;
}
