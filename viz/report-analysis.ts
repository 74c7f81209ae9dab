/**
 * The two reports of analyses, run in the browser like the rest of `convene report`: a
 * sensitivity analysis's indices as bars with their 95% intervals, one chart per output, with the
 * sentence on what matters; and a regime map as a phase diagram, each cell coloured by its
 * dominant outcome with its share as intensity, the boundaries between regimes drawn, and each
 * cell's words on hover. Text from the data goes in with `.text()`, never as markup.
 */
import { axisBottom, axisLeft, scaleBand, scaleLinear, select } from 'd3';
import { OUTCOME_WORDS } from '../sim/index.ts';
import { cellWords, type MapReportData, type SensitivityReportData } from '../analysis/index.ts';
import { axisTitle, drawBoundaries, provenanceList, section, styleOf, svgIn } from './report-parts.ts';

const fmt = (x: number) => (Math.abs(x) >= 1 ? x.toFixed(2) : x.toFixed(3));

export function renderSensitivity(data: SensitivityReportData): void {
  document.title = `Convene report: ${data.title}`;
  const body = select(document.body).append<HTMLElement>('main');
  const header = body.append('header');
  header.append('h1').text('Convene report: which conditions matter');
  header.append('p').attr('class', 'file').attr('data-testid', 'file').text(data.title);
  const design = data.points === null ? '' : ` over ${data.points} points${data.seeds === null ? '' : ` × ${data.seeds} seeds`}`;
  header
    .append('p')
    .attr('class', 'lede')
    .attr('data-testid', 'summary')
    .text(data.method === 'morris' ? `Morris elementary effects of ${data.parameters.length} conditions${design}.` : `Sobol indices of ${data.parameters.length} conditions${design}.`);
  header
    .append('p')
    .attr('class', 'note')
    .text(
      data.method === 'morris'
        ? 'Each bar is μ*, the mean absolute change in the output when one condition moves across a fixed share of its range with the others held, in output units per whole range; the line is its bootstrap 95% interval; σ (in the label) is large when the condition’s effect depends on the others.'
        : 'Dark bars are total indices: the share of the output’s variance a condition explains with all its interactions; light bars inside them are first-order indices, what it explains alone. Lines are bootstrap 95% intervals. A condition whose total index is near 0 can be fixed anywhere in its range.',
    );
  for (const o of data.outputs) {
    const s = section(body, `output-${o.output}`, o.label, o.sentence);
    s.attr('data-output', o.output);
    s.select('p.caption').attr('data-testid', 'sentence');
    indexBars(s, o.bars, data.method, o.label);
  }
  if (data.provenance?.length) provenanceList(section(body, 'provenance', 'Where these indices come from', 'The manifest beside the file. convene reproduce FILE runs it again and says whether the bytes are the same.'), data.provenance);
}

function indexBars(parent: ReturnType<typeof section>, bars: SensitivityReportData['outputs'][number]['bars'], method: 'morris' | 'sobol', label: string): void {
  const margin = { top: 8, right: 190, bottom: 40, left: 230 };
  const width = 860;
  const height = margin.top + margin.bottom + bars.length * 30;
  const svg = svgIn(parent, width, height, 'indices', `${label}: ${method === 'morris' ? 'mean absolute effects' : 'Sobol indices'} with 95% intervals`);
  // Every interval inside the axis: estimates from few samples may pass 1 or go below 0.
  const top = Math.max(...bars.map((b) => b.main.high), method === 'sobol' ? 0.1 : 1e-9);
  const bottom = Math.min(0, ...bars.map((b) => Math.min(b.main.low, b.first?.value ?? 0)));
  const x = scaleLinear().domain([bottom, top]).nice().range([margin.left, width - margin.right]);
  const y = scaleBand<string>().domain(bars.map((b) => b.parameter)).range([margin.top, height - margin.bottom]).padding(0.22);
  svg.append('g').attr('class', 'grid').attr('transform', `translate(0,${height - margin.bottom})`).call(axisBottom(x).ticks(5).tickSize(-(height - margin.top - margin.bottom))).call((g) => g.select('.domain').remove());
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${margin.left},0)`).call(axisLeft(y).tickSizeOuter(0));
  axisTitle(svg, (margin.left + width - margin.right) / 2, height - 6, method === 'morris' ? 'μ*: mean absolute effect' : 'index (share of variance)');
  const row = svg.append('g').selectAll('g').data(bars).join('g').attr('class', 'index').attr('data-parameter', (b) => b.parameter);
  const x0 = x(0);
  row
    .append('rect')
    .attr('class', 'bar')
    .attr('data-value', (b) => b.main.value)
    .attr('x', (b) => Math.min(x0, x(b.main.value)))
    .attr('y', (b) => y(b.parameter)!)
    .attr('width', (b) => Math.abs(x(b.main.value) - x0))
    .attr('height', y.bandwidth())
    .attr('fill', '#0072B2')
    .append('title')
    .text((b) => `${b.parameter}: ${fmt(b.main.value)} (95% interval ${fmt(b.main.low)} to ${fmt(b.main.high)})`);
  row
    .filter((b) => b.first !== undefined)
    .append('rect')
    .attr('class', 'first')
    .attr('x', (b) => Math.min(x0, x(b.first!.value)))
    .attr('y', (b) => y(b.parameter)! + y.bandwidth() * 0.3)
    .attr('width', (b) => Math.abs(x(b.first!.value) - x0))
    .attr('height', y.bandwidth() * 0.4)
    .attr('fill', '#9ecae1');
  const mid = (b: (typeof bars)[number]) => y(b.parameter)! + y.bandwidth() / 2;
  const g = row.append('g').attr('class', 'interval');
  g.append('line').attr('x1', (b) => x(b.main.low)).attr('x2', (b) => x(b.main.high)).attr('y1', mid).attr('y2', mid);
  for (const end of ['low', 'high'] as const) g.append('line').attr('x1', (b) => x(b.main[end])).attr('x2', (b) => x(b.main[end])).attr('y1', (b) => mid(b) - 5).attr('y2', (b) => mid(b) + 5);
  row
    .append('text')
    .attr('class', 'share-label')
    .attr('x', width - margin.right + 10)
    .attr('y', mid)
    .attr('dy', '0.35em')
    .text((b) => (b.first ? `total ${fmt(b.main.value)} · alone ${fmt(b.first.value)}` : `μ* ${fmt(b.main.value)} · σ ${fmt(b.sigma ?? 0)}`));
}

export function renderMap(data: MapReportData): void {
  document.title = `Convene report: ${data.title}`;
  const body = select(document.body).append<HTMLElement>('main');
  const header = body.append('header');
  header.append('h1').text('Convene report: the regime map');
  header.append('p').attr('class', 'file').attr('data-testid', 'file').text(data.title);
  const runs = data.cells.reduce((a, c) => a + c.runs, 0);
  header.append('p').attr('class', 'lede').attr('data-testid', 'summary').text(`${data.xs.length} × ${data.ys.length} cells of ${data.x} (across) and ${data.y} (up), ${runs} runs.`);
  header
    .append('p')
    .attr('class', 'note')
    .text('Each cell is coloured by the outcome most of its runs ended in; the paler the cell, the smaller that majority. Dark lines are the boundaries between regimes. Hover over a cell to read what happens there and how sure it is.');
  const s = section(body, 'map', 'Where each outcome dominates', 'The outcome that dominates each combination of the two conditions.');
  const present = [...new Set(data.cells.map((c) => c.dominant))];
  const legend = s.append('ul').attr('class', 'legend');
  for (const o of present) {
    const li = legend.append('li');
    li.append('svg').attr('width', 14).attr('height', 14).attr('aria-hidden', 'true').append('rect').attr('width', 14).attr('height', 14).attr('fill', styleOf(o).colour);
    li.append('span').text(OUTCOME_WORDS[o].label);
  }
  const margin = { top: 10, right: 20, bottom: 56, left: 80 };
  const size = Math.max(320, Math.min(640, 40 * Math.max(data.xs.length, data.ys.length)));
  const width = margin.left + size + margin.right;
  const height = margin.top + size + margin.bottom;
  const svg = svgIn(s, width, height, 'map', `Regime map of ${data.x} and ${data.y}`);
  const x = scaleBand<number>().domain(data.xs).range([margin.left, margin.left + size]);
  const y = scaleBand<number>().domain(data.ys).range([margin.top + size, margin.top]);
  const every = (n: number) => Math.max(1, Math.ceil(n / 10));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${margin.top + size})`).call(axisBottom(x).tickValues(data.xs.filter((_, i) => i % every(data.xs.length) === 0)).tickFormat((v) => String(Number(v.toPrecision(4)))));
  svg.append('g').attr('class', 'axis').attr('transform', `translate(${margin.left},0)`).call(axisLeft(y).tickValues(data.ys.filter((_, i) => i % every(data.ys.length) === 0)).tickFormat((v) => String(Number(v.toPrecision(4)))));
  axisTitle(svg, margin.left + size / 2, height - 10, data.x);
  axisTitle(svg, 0, 0, data.y).attr('transform', `translate(16,${margin.top + size / 2}) rotate(-90)`);
  const readout = s.append('p').attr('class', 'small').attr('data-testid', 'cell-words').text('Hover over a cell.');
  svg
    .append('g')
    .selectAll('rect')
    .data(data.cells)
    .join('rect')
    .attr('class', 'cell')
    .attr('data-outcome', (c) => c.dominant)
    .attr('x', (c) => x(c.x)!)
    .attr('y', (c) => y(c.y)!)
    .attr('width', x.bandwidth())
    .attr('height', y.bandwidth())
    .attr('fill', (c) => styleOf(c.dominant).colour)
    .attr('fill-opacity', (c) => 0.25 + 0.75 * c.share)
    .on('mouseenter focus', (_, c) => readout.text(cellWords(c, data.x, data.y)))
    .attr('tabindex', 0)
    .append('title')
    .text((c) => cellWords(c, data.x, data.y));
  // Boundaries: an edge between two neighbouring cells whose dominant outcomes differ.
  drawBoundaries(svg.append('g').attr('class', 'boundary').attr('stroke', '#1d2230').attr('stroke-width', 2), data.cells, x, y);
  if (data.provenance?.length) provenanceList(section(body, 'provenance', 'Where this map comes from', 'The manifest beside the file. convene reproduce FILE runs it again and says whether the bytes are the same.'), data.provenance);
}
