/**
 * The regime map in the page: two of the convenor's conditions, each over a range, and in every
 * cell of the grid the same seeds run in a pool of Web Workers, cell by cell as results arrive,
 * the page never blocked. Each cell is coloured by the outcome most of its runs ended in, paler
 * the smaller that majority; the boundaries between regimes are drawn; hovering or focusing a
 * cell says in words what happens there and how sure it is; clicking it opens that cell's
 * conditions and first seed in the room. The cells are those `convene map` writes for the same
 * axes and seeds: the same values (analysis/grid-values.ts), the same shares and intervals.
 */
import { releaseProxy, wrap } from 'comlink';
import * as d3 from 'd3';
import { countOutcomes, gridValues, outcomeShares, wilsonInterval, type MapCell } from '../analysis/index.ts';
import { OUTCOMES, type Flag, type Outcome } from '../sim/index.ts';
import { el } from './dom.ts';
import { m as words } from './messages/index.ts';
import type { Meta } from './frame.ts';
import { drawBoundaries, styleOf } from './report-parts.ts';
import type { SimulationApi } from './worker.ts';

/** A condition a map can vary, in words, with a range a student can start from. */
export interface MapCondition {
  path: string;
  label: string;
  from: number;
  to: number;
}

export interface MapAxis {
  path: string;
  from: number;
  to: number;
  steps: number;
}

/** The conditions of this scenario a map can put on an axis. */
export function mapConditions(m: Meta): MapCondition[] {
  const c = m.convenor;
  const w = words.map.conditions;
  const out: MapCondition[] = [
    { path: 'convenor.rule.threshold', label: w.threshold, from: 0.55, to: 1 },
    { path: 'convenor.goodEnough', label: w.goodEnough, from: 0, to: 0.1 },
    { path: 'convenor.attendanceCost', label: w.attendanceCost, from: 0, to: 3 },
    { path: 'convenor.deadline', label: w.deadline, from: 20, to: 200 },
    { path: 'convenor.agenda.growth', label: w.agendaGrowth, from: 0, to: 0.3 },
    { path: 'convenor.exitRounds', label: w.exitRounds, from: 1, to: 30 },
  ];
  if (c.inRoom !== null) out.push({ path: 'convenor.inRoom.pull', label: w.pull, from: 0, to: 1 });
  for (const k of m.constituencies) out.push({ path: `convenor.subsidies.${k.id}`, label: w.subsidy(k.label), from: 0, to: 3 });
  if (m.d === 1) {
    out.push({ path: 'convenor.acceptable.min[0]', label: w.least, from: 0, to: 0.9 });
    out.push({ path: 'convenor.acceptable.max[0]', label: w.most, from: 0.1, to: 1 });
  }
  return out;
}

export interface MapRequest {
  text: string;
  filename: string;
  /** The run's own conditions; each cell adds its two values after them. */
  overrides: string[];
  x: MapAxis;
  y: MapAxis;
  seeds: number;
  seedStart: number;
  /** What colours the cells: how the meetings end (null), or how often a flag is raised. */
  by: Flag | null;
}

/** A cell's two values as overrides, after the run's own. */
export const cellOverrides = (r: Pick<MapRequest, 'overrides' | 'x' | 'y'>, xv: number, yv: number) => [...r.overrides, `${r.x.path}=${xv}`, `${r.y.path}=${yv}`];

/** A cell from its runs' outcomes: each outcome's share with its 95% interval, the dominant one first in OUTCOMES' order on a tie. */
export function mapCell(x: number, y: number, outcomes: Outcome[]): MapCell {
  const shares = outcomeShares(countOutcomes(outcomes));
  const top = shares.reduce((a, b) => (b.share > a.share ? b : a));
  return {
    x,
    y,
    runs: outcomes.length,
    dominant: top.outcome,
    share: top.share,
    shares: Object.fromEntries(shares.map((s) => [s.outcome, { value: s.share, low: s.low, high: s.high }])) as MapCell['shares'],
    medianRounds: null,
  };
}

/** A cell's runs as a map of one flag: how many raised it, with the share's 95% interval. */
export interface FlagCell {
  x: number;
  y: number;
  runs: number;
  flagged: number;
  share: number;
  low: number;
  high: number;
}

export function flagCell(x: number, y: number, flags: Flag[][], flag: Flag): FlagCell {
  const flagged = flags.filter((f) => f.includes(flag)).length;
  const [low, high] = wilsonInterval(flagged, flags.length);
  return { x, y, runs: flags.length, flagged, share: flags.length === 0 ? 0 : flagged / flags.length, low, high };
}

/** A flag's cell in words: "With … at … and … at …: exclusion in 70% of 10 runs (95% interval 40%–89%)". */
export function flagCellWords(c: FlagCell, flag: Flag, x: string, y: string): string {
  const pct = words.pct;
  const sure = c.low > 0.5 ? words.map.surelyMost : c.high < 0.5 ? words.map.surelyFew : words.map.unsure;
  return words.map.flagCell(x, String(c.x), y, String(c.y), words.flags[flag].label, pct(c.share), c.runs, pct(c.low), pct(c.high), sure);
}

/**
 * Runs every cell in up to four workers (as many as the machine has cores), calling `onCell` as
 * each is done with its outcome cell and its runs' flags; resolves when all are, or rejects with
 * the first error. `signal` stops it.
 */
export async function computeMap(r: MapRequest, onCell: (cell: MapCell, flags: Flag[][], done: number, total: number) => void, signal: AbortSignal): Promise<void> {
  const xs = gridValues(r.x.from, r.x.to, r.x.steps);
  const ys = gridValues(r.y.from, r.y.to, r.y.steps);
  const cells = ys.flatMap((yv) => xs.map((xv) => [xv, yv] as const));
  const workers = Math.max(1, Math.min(4, navigator.hardwareConcurrency || 2));
  const pool = Array.from({ length: workers }, () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' }));
  let next = 0;
  let done = 0;
  try {
    await Promise.all(
      pool.map(async (worker) => {
        const api = wrap<SimulationApi>(worker);
        try {
          while (next < cells.length && !signal.aborted) {
            const [xv, yv] = cells[next++];
            const runs = await api.outcomes(r.text, { filename: r.filename, overrides: cellOverrides(r, xv, yv) }, r.seedStart, r.seeds);
            if (signal.aborted) return;
            onCell(mapCell(xv, yv, runs.map((o) => o.outcome)), runs.map((o) => o.flags), ++done, cells.length);
          }
        } finally {
          api[releaseProxy]();
        }
      }),
    );
  } finally {
    for (const w of pool) w.terminate();
  }
}

export interface MapView {
  /** A new, empty grid for these axes. */
  start(r: MapRequest, words: { x: string; y: string }): void;
  /** One cell's result, drawn where it belongs; the boundaries drawn again. */
  add(cell: MapCell, flags: Flag[][]): void;
}

/** The colour of a flag's map: flagged cells dark, unflagged ones pale. */
const FLAG_COLOUR = '#8a3a00';

/** The grid, drawn as cells arrive; `pick` is told the cell a reader clicks or presses Enter on. */
export function createMapView(host: HTMLElement, readout: HTMLElement, pick: (cell: MapCell) => void): MapView {
  let x = d3.scaleBand<number>();
  let y = d3.scaleBand<number>();
  let svg: d3.Selection<SVGSVGElement, undefined, null, undefined> | null = null;
  let cellsG: d3.Selection<SVGGElement, undefined, null, undefined> | null = null;
  let edgesG: d3.Selection<SVGGElement, undefined, null, undefined> | null = null;
  let legend: HTMLElement | null = null;
  let cells: { x: number; y: number; dominant: string }[] = [];
  let names = { x: '', y: '' };
  let by: Flag | null = null;

  function drawLegend() {
    if (by !== null) {
      const swatch = el('span', { class: 'swatch square' });
      swatch.style.background = FLAG_COLOUR;
      legend!.replaceChildren(el('span', { class: 'key' }, swatch, words.map.flagLegend(words.flags[by].label)));
      return;
    }
    const present = OUTCOMES.filter((o) => cells.some((c) => c.dominant === o));
    legend!.replaceChildren(
      ...present.map((o) => {
        const swatch = el('span', { class: 'swatch square' });
        swatch.style.background = styleOf(o).colour;
        return el('span', { class: 'key' }, swatch, words.outcomes[o].title);
      }),
    );
  }

  return {
    start(r, axes) {
      names = axes;
      by = r.by;
      cells = [];
      const xs = gridValues(r.x.from, r.x.to, r.x.steps);
      const ys = gridValues(r.y.from, r.y.to, r.y.steps);
      const margin = { top: 8, right: 8, bottom: 52, left: 64 };
      const size = 440;
      const width = margin.left + size + margin.right;
      const height = margin.top + size + margin.bottom;
      x = d3.scaleBand<number>().domain(xs).range([margin.left, margin.left + size]);
      y = d3.scaleBand<number>().domain(ys).range([margin.top + size, margin.top]);
      const what = r.by === null ? words.map.byOutcome : words.map.flagged(words.flags[r.by].label);
      svg = d3.create('svg').attr('viewBox', `0 0 ${width} ${height}`).attr('class', 'regime-map').attr('role', 'group').attr('aria-label', words.map.label(what, axes.x, axes.y));
      const every = (n: number) => Math.max(1, Math.ceil(n / 8));
      // Three significant digits, trailing zeros dropped, in the page's language (d3's default locale).
      const fmt = d3.format('.3~r');
      svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${margin.top + size})`).call(d3.axisBottom(x).tickValues(xs.filter((_, i) => i % every(xs.length) === 0)).tickFormat(fmt));
      svg.append('g').attr('class', 'axis').attr('transform', `translate(${margin.left},0)`).call(d3.axisLeft(y).tickValues(ys.filter((_, i) => i % every(ys.length) === 0)).tickFormat(fmt));
      svg.append('text').attr('class', 'axis-label').attr('x', margin.left + size / 2).attr('y', height - 12).attr('text-anchor', 'middle').text(axes.x);
      svg.append('text').attr('class', 'axis-label').attr('text-anchor', 'middle').attr('transform', `translate(16,${margin.top + size / 2}) rotate(-90)`).text(axes.y);
      cellsG = svg.append('g').attr('class', 'map-cells');
      edgesG = svg.append('g').attr('class', 'boundary');
      legend = el('div', { class: 'legend map-legend' });
      host.replaceChildren(svg.node()!, legend);
      readout.textContent = words.map.readout;
    },
    add(cell, flags) {
      if (!cellsG) return;
      // A flag's map: its share colours the cell, and a boundary runs where most runs start or stop raising it.
      const flag = by === null ? null : flagCell(cell.x, cell.y, flags, by);
      const dominant = flag ? (flag.share > 0.5 ? 'flagged' : 'not flagged') : cell.dominant;
      const share = flag ? flag.share : cell.share;
      cells.push({ x: cell.x, y: cell.y, dominant });
      const said = flag ? flagCellWords(flag, by!, names.x, names.y) : words.map.outcomeCell(cell, names.x, names.y);
      const rect = cellsG
        .append('rect')
        .attr('class', 'cell')
        .attr('data-x', cell.x)
        .attr('data-y', cell.y)
        .attr('data-outcome', cell.dominant)
        .attr('data-share', share)
        .attr('x', x(cell.x)!)
        .attr('y', y(cell.y)!)
        .attr('width', x.bandwidth())
        .attr('height', y.bandwidth())
        .attr('fill', flag ? FLAG_COLOUR : styleOf(cell.dominant).colour)
        .attr('fill-opacity', flag ? 0.08 + 0.92 * flag.share : 0.25 + 0.75 * cell.share)
        .attr('tabindex', 0)
        .attr('role', 'button')
        .attr('aria-label', said);
      if (flag) rect.attr('data-flagged', flag.flagged);
      rect.append('title').text(said);
      rect.on('mouseenter focus', () => (readout.textContent = said));
      rect.on('click', () => pick(cell));
      rect.on('keydown', (event: KeyboardEvent) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          pick(cell);
        }
      });
      drawBoundaries(edgesG!, cells, x, y);
      drawLegend();
    },
  };
}
