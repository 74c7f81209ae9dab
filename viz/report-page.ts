/**
 * The charts of `convene report`, run in the browser: bundled into one IIFE at build time and
 * inlined in the HTML file, so the report opens offline. It reads the report's data from
 * `<script type="application/json" id="report-data">` and builds every element with D3; text from
 * the data (file names, parameter names and values) goes in with `.text()`, never as markup.
 */
import { area, axisBottom, axisLeft, line, scaleBand, scaleLinear, scalePoint, select } from 'd3';
import { percentTenthsTrimmed, type Outcome } from '../sim/index.ts';
import type { AnyReportData, HistogramBin, OutcomeShare, ParameterPanel, ReportData } from '../analysis/index.ts';

import { axisTitle, provenanceList, section, styleOf, svgIn, type Div, type Svg } from './report-parts.ts';
import { renderMap, renderSensitivity } from './report-analysis.ts';

const percent = percentTenthsTrimmed;
const interval = (s: { low: number; high: number }) => `${percent(s.low)}–${percent(s.high)}`;

function render(data: ReportData): void {
  document.title = `Convene report: ${data.title}`;
  const body = select(document.body).append<HTMLElement>('main');
  const header = body.append('header');
  header.append('h1').text('Convene report');
  header.append('p').attr('class', 'file').attr('data-testid', 'file').text(data.title);
  header.append('p').attr('class', 'lede').attr('data-testid', 'summary').text(describe(data));
  if (data.kind === 'sweep') {
    const list = header.append('ul').attr('class', 'parameters');
    for (const p of data.panels) {
      const li = list.append('li');
      li.append('code').text(p.name);
      li.append('span').text(`: ${p.groups.length} ${p.binned ? 'bins of values' : p.groups.length === 1 ? 'value' : 'values'}`);
    }
  }
  header
    .append('p')
    .attr('class', 'note')
    .text(
      'Error bars and shaded bands are 95% Wilson intervals: the range of shares these runs are compatible with. ' +
        'More runs make them narrower. Where two intervals do not overlap, the difference is very unlikely to be the luck of the seeds; ' +
        'where they overlap, run more seeds before reading much into it.',
    );

  const outcomes = section(body, 'outcomes', 'Outcomes', data.kind === 'sweep' ? 'Each outcome class’s share of all runs, every point of the sweep pooled.' : 'Each outcome class’s share of the runs.');
  outcomeBars(outcomes, data.outcomes, data.runs);

  if (data.kind === 'sweep') {
    const sweep = section(
      body,
      'parameters',
      'Outcomes by parameter value',
      'For each varied parameter, the share of each outcome class at each of its values, pooled over the other parameters. Classes that never occurred are left out.',
    );
    const shown = data.outcomes.filter((s) => s.count > 0).map((s) => s.outcome);
    legend(sweep, shown);
    const grid = sweep.append<HTMLElement>('div').attr('class', 'panels');
    for (const panel of data.panels) parameterChart(grid, panel, shown);
  }

  const rounds = section(body, 'rounds', 'Rounds', `How many rounds the runs lasted. Median: ${data.rounds.median ?? '–'}.`);
  histogram(rounds, 'rounds', data.rounds.bins, 'rounds', true);

  const legitimacyNote =
    data.legitimacy.none === 0
      ? 'Every run adopted a text and has a legitimacy.'
      : `${data.legitimacy.none} of ${data.runs} runs had no legitimacy: nothing was adopted. The histogram shows the other ${data.runs - data.legitimacy.none}.`;
  const legitimacy = section(body, 'legitimacy', 'Legitimacy', `Legitimacy of the adopted text. ${legitimacyNote}`);
  legitimacy.select('p.caption').attr('data-testid', 'legitimacy-none').attr('data-none', data.legitimacy.none);
  if (data.legitimacy.bins.length > 0) histogram(legitimacy, 'legitimacy', data.legitimacy.bins, 'legitimacy (0 to 1)', false);

  const flags = section(body, 'flags', 'Flags', 'Runs flagged for capture, exclusion or collateral attack; a run may carry several flags.');
  flagTable(flags, data);

  if (data.provenance && data.provenance.length > 0) {
    const where = section(body, 'provenance', 'Where these runs come from', 'Each file\u2019s manifest: the command that wrote it and what it read. The command convene reproduce FILE runs it again and says whether the bytes are the same.');
    provenanceList(where, data.provenance);
  }
}

function describe(data: ReportData): string {
  const runs = `${data.runs} ${data.runs === 1 ? 'run' : 'runs'}`;
  if (data.kind === 'batch') return `${runs} of one scenario (convene batch).`;
  const names = data.parameters.join(', ');
  return `${runs}: a sweep of ${data.points} ${data.points === 1 ? 'point' : 'points'} over ${data.parameters.length === 1 ? 'the parameter' : 'the parameters'} ${names} (convene sweep).`;
}

function outcomeBars(parent: Div, shares: OutcomeShare[], runs: number): void {
  const margin = { top: 10, right: 280, bottom: 44, left: 170 };
  const width = 860;
  const height = margin.top + margin.bottom + shares.length * 34;
  const svg = svgIn(parent, width, height, 'outcomes', 'Share of runs per outcome class with 95% intervals');
  const x = scaleLinear().domain([0, 1]).range([margin.left, width - margin.right]);
  const y = scaleBand<string>().domain(shares.map((s) => s.outcome)).range([margin.top, height - margin.bottom]).padding(0.25);
  svg
    .append('g')
    .attr('class', 'grid')
    .attr('transform', `translate(0,${height - margin.bottom})`)
    .call(axisBottom(x).ticks(5, '%').tickSize(-(height - margin.top - margin.bottom)))
    .call((g) => g.select('.domain').remove());
  svg
    .append('g')
    .attr('class', 'axis')
    .attr('transform', `translate(${margin.left},0)`)
    .call(axisLeft(y).tickFormat((o) => styleOf(o as Outcome).label).tickSizeOuter(0));
  axisTitle(svg, (margin.left + width - margin.right) / 2, height - 6, 'share of runs');

  const row = svg
    .append('g')
    .selectAll('g')
    .data(shares)
    .join('g')
    .attr('class', 'outcome')
    .attr('data-outcome', (s) => s.outcome);
  row
    .append('rect')
    .attr('class', 'bar')
    .attr('data-outcome', (s) => s.outcome)
    .attr('data-share', (s) => s.share)
    .attr('x', x(0))
    .attr('y', (s) => y(s.outcome)!)
    .attr('width', (s) => x(s.share) - x(0))
    .attr('height', y.bandwidth())
    .attr('fill', (s) => styleOf(s.outcome).colour)
    .append('title')
    .text((s) => `${styleOf(s.outcome).label}: ${percent(s.share)} (${s.count} runs), 95% interval ${interval(s)}`);
  const mid = (s: OutcomeShare) => y(s.outcome)! + y.bandwidth() / 2;
  const cap = y.bandwidth() / 4;
  const bars = row.append('g').attr('class', 'interval');
  bars.append('line').attr('x1', (s) => x(s.low)).attr('x2', (s) => x(s.high)).attr('y1', mid).attr('y2', mid);
  bars.append('line').attr('x1', (s) => x(s.low)).attr('x2', (s) => x(s.low)).attr('y1', (s) => mid(s) - cap).attr('y2', (s) => mid(s) + cap);
  bars.append('line').attr('x1', (s) => x(s.high)).attr('x2', (s) => x(s.high)).attr('y1', (s) => mid(s) - cap).attr('y2', (s) => mid(s) + cap);
  row
    .append('text')
    .attr('class', 'share-label')
    .attr('data-outcome', (s) => s.outcome)
    .attr('x', width - margin.right + 10)
    .attr('y', mid)
    .attr('dy', '0.35em')
    .call((label) => label.append('tspan').attr('class', 'share').text((s) => `${percent(s.share)}`))
    .call((label) => label.append('tspan').attr('class', 'muted').text((s) => ` ${s.count} of ${runs} · interval ${interval(s)}`));
}

function legend(parent: Div, outcomes: readonly Outcome[]): void {
  const list = parent.append('ul').attr('class', 'legend');
  for (const o of outcomes) {
    const item = list.append('li');
    const svg = item.append('svg').attr('width', 34).attr('height', 12).attr('aria-hidden', 'true');
    svg.append('line').attr('x1', 1).attr('x2', 33).attr('y1', 6).attr('y2', 6).attr('stroke', styleOf(o).colour).attr('stroke-width', 2.5).attr('stroke-dasharray', styleOf(o).dash);
    item.append('span').text(styleOf(o).label);
  }
}

function parameterChart(parent: Div, panel: ParameterPanel, outcomes: readonly Outcome[]): void {
  const figure = parent.append<HTMLElement>('figure').attr('class', 'panel').attr('data-parameter', panel.name);
  figure.append('figcaption').append('code').text(panel.name);
  const margin = { top: 12, right: 16, bottom: 48, left: 52 };
  const width = 440;
  const height = 270;
  const svg = svgIn(figure, width, height, 'parameter', `Outcome shares by value of ${panel.name}`);
  const numeric = panel.groups.every((g) => g.x !== null);
  let xOf: (i: number) => number;
  if (numeric) {
    const xs = panel.groups.map((g) => g.x!);
    let [lo, hi] = [Math.min(...xs), Math.max(...xs)];
    if (lo === hi) [lo, hi] = [lo - 1, hi + 1];
    const pad = (hi - lo) * 0.04;
    const x = scaleLinear().domain([lo - pad, hi + pad]).range([margin.left, width - margin.right]);
    xOf = (i) => x(panel.groups[i].x!);
    const axis = axisBottom(x).tickSizeOuter(0);
    if (!panel.binned) axis.tickValues(xs.length <= 8 ? xs : x.ticks(6)).tickFormat((v) => String(v));
    else axis.ticks(6);
    svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - margin.bottom})`).call(axis);
  } else {
    const x = scalePoint<number>().domain(panel.groups.map((_, i) => i)).range([margin.left, width - margin.right]).padding(0.5);
    xOf = (i) => x(i)!;
    svg
      .append('g')
      .attr('class', 'axis')
      .attr('transform', `translate(0,${height - margin.bottom})`)
      .call(axisBottom(x).tickFormat((i) => truncate(panel.groups[i].label)).tickSizeOuter(0));
  }
  const y = scaleLinear().domain([0, 1]).range([height - margin.bottom, margin.top]);
  svg
    .append('g')
    .attr('class', 'grid')
    .attr('transform', `translate(${margin.left},0)`)
    .call(axisLeft(y).ticks(5, '%').tickSize(-(width - margin.left - margin.right)))
    .call((g) => g.select('.domain').remove());
  axisTitle(svg, (margin.left + width - margin.right) / 2, height - 8, panel.binned ? `${panel.name} (values in ${panel.groups.length} bins)` : panel.name);
  axisTitle(svg, -(margin.top + height - margin.bottom) / 2, 14, 'share of runs').attr('transform', 'rotate(-90)');

  const indices = panel.groups.map((_, i) => i);
  for (const outcome of outcomes) {
    const k = panel.groups[0].shares.findIndex((s) => s.outcome === outcome);
    const style = styleOf(outcome);
    const g = svg.append('g').attr('class', 'series').attr('data-outcome', outcome);
    g.append('path')
      .attr('class', 'band')
      .attr('fill', style.colour)
      .attr('d', area<number>().x(xOf).y0((i) => y(panel.groups[i].shares[k].low)).y1((i) => y(panel.groups[i].shares[k].high))(indices));
    g.append('path')
      .attr('class', 'line')
      .attr('stroke', style.colour)
      .attr('stroke-dasharray', style.dash)
      .attr('d', line<number>().x(xOf).y((i) => y(panel.groups[i].shares[k].share))(indices));
    g.selectAll('circle')
      .data(indices)
      .join('circle')
      .attr('class', 'mark')
      .attr('data-outcome', outcome)
      .attr('data-share', (i) => panel.groups[i].shares[k].share)
      .attr('cx', xOf)
      .attr('cy', (i) => y(panel.groups[i].shares[k].share))
      .attr('r', 3.5)
      .attr('fill', style.colour)
      .append('title')
      .text((i) => {
        const s = panel.groups[i].shares[k];
        return `${panel.name} = ${panel.groups[i].label}: ${style.label} ${percent(s.share)} (${s.count} of ${panel.groups[i].runs} runs), 95% interval ${interval(s)}`;
      });
  }
  const counts = panel.groups.map((g) => g.runs);
  const [few, many] = [Math.min(...counts), Math.max(...counts)];
  figure.append('p').attr('class', 'small').text(few === many ? `${few} runs at each ${panel.binned ? 'bin' : 'value'}.` : `${few} to ${many} runs per ${panel.binned ? 'bin' : 'value'}.`);
  if (!numeric) {
    const values = figure.append('p').attr('class', 'small values');
    values.append('span').text('Values: ');
    panel.groups.forEach((g, i) => {
      if (i > 0) values.append('span').text(' ');
      values.append('code').attr('class', 'value').text(g.label);
    });
  }
}

function histogram(parent: Div, name: string, bins: HistogramBin[], xLabel: string, integer: boolean): void {
  const margin = { top: 12, right: 20, bottom: 46, left: 56 };
  const width = 860;
  const height = 250;
  const svg = svgIn(parent, width, height, name, `Histogram of ${xLabel}`);
  // Bins of one round: the tick of a number sits under the middle of its bar.
  const shift = integer && bins[0].x1 - bins[0].x0 === 1 ? 0.5 : 0;
  const x = scaleLinear().domain([bins[0].x0 - shift, bins[bins.length - 1].x1 - shift]).range([margin.left, width - margin.right]);
  const y = scaleLinear().domain([0, Math.max(1, ...bins.map((b) => b.count))]).nice(5).range([height - margin.bottom, margin.top]);
  const xAxis = axisBottom(x).tickSizeOuter(0);
  if (integer) {
    // Whole rounds: ticks at bin edges, never 12.5.
    xAxis.ticks(Math.min(12, bins.length)).tickFormat((v) => (Number.isInteger(+v) ? String(v) : ''));
  }
  svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${height - margin.bottom})`).call(xAxis);
  svg
    .append('g')
    .attr('class', 'grid')
    .attr('transform', `translate(${margin.left},0)`)
    .call(axisLeft(y).ticks(5).tickSize(-(width - margin.left - margin.right)))
    .call((g) => g.select('.domain').remove());
  axisTitle(svg, (margin.left + width - margin.right) / 2, height - 8, xLabel);
  axisTitle(svg, -(margin.top + height - margin.bottom) / 2, 14, 'runs').attr('transform', 'rotate(-90)');
  svg
    .append('g')
    .selectAll('rect')
    .data(bins)
    .join('rect')
    .attr('class', 'bar')
    .attr('data-count', (b) => b.count)
    .attr('x', (b) => x(b.x0 - shift) + 1)
    .attr('width', (b) => Math.max(0, x(b.x1) - x(b.x0) - 2))
    .attr('y', (b) => y(b.count))
    .attr('height', (b) => y(0) - y(b.count))
    .append('title')
    .text((b) => `${!integer ? `${b.x0} to ${b.x1}` : b.x1 - b.x0 === 1 ? b.x0 : `${b.x0} to ${b.x1 - 1}`}: ${b.count} runs`);
}

function flagTable(parent: Div, data: ReportData): void {
  const table = parent.append('table').attr('data-testid', 'flags');
  const head = table.append('thead').append('tr');
  for (const h of ['flag', 'runs', 'share', '95% interval']) head.append('th').text(h);
  const body = table.append('tbody');
  for (const f of data.flags.rows) {
    const tr = body.append('tr').attr('data-flag', f.flag);
    tr.append('td').append('code').text(f.flag);
    tr.append('td').text(f.count);
    tr.append('td').text(percent(f.share));
    tr.append('td').text(interval(f));
  }
  const none = body.append('tr').attr('class', 'none');
  none.append('td').text('no flag');
  none.append('td').text(data.flags.none);
  none.append('td').text(percent(data.runs ? data.flags.none / data.runs : 0));
  none.append('td').text('');
}

function truncate(text: string): string {
  return text.length > 18 ? text.slice(0, 17) + '…' : text;
}

const source = document.getElementById('report-data');
if (source?.textContent) {
  const data = JSON.parse(source.textContent) as AnyReportData;
  if (data.kind === 'sensitivity') renderSensitivity(data);
  else if (data.kind === 'map') renderMap(data);
  else render(data);
}
