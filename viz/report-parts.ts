/** The pieces every chart of `convene report` is built of: a section with its caption, an SVG, an axis title. */
import type { ScaleBand, Selection } from 'd3';
import { OKABE_ITO } from './palette.ts';
import { OUTCOME_WORDS, type Outcome } from '../sim/index.ts';
import { regimeBoundaries, type Provenance, type RegimeEdge } from '../analysis/index.ts';

export type Div = Selection<HTMLElement, unknown, null, undefined>;
export type Svg = Selection<SVGSVGElement, unknown, null, undefined>;

export function section(body: Div, id: string, title: string, caption: string): Div {
  const s = body.append<HTMLElement>('section').attr('id', id);
  s.append('h2').text(title);
  s.append('p').attr('class', 'caption').text(caption);
  return s;
}

export function svgIn(parent: Div, width: number, height: number, name: string, label: string): Svg {
  return parent
    .append<SVGSVGElement>('svg')
    .attr('viewBox', `0 0 ${width} ${height}`)
    .attr('width', width)
    .attr('role', 'img')
    .attr('aria-label', label)
    .attr('data-chart', name);
}

export function axisTitle(svg: Svg, x: number, y: number, text: string) {
  return svg.append('text').attr('class', 'axis-title').attr('x', x).attr('y', y).attr('text-anchor', 'middle').text(text);
}


/** Okabe–Ito, one colour and one dash pattern per outcome class, so lines differ without colour too. */
export const OUTCOME_STYLE: Record<Outcome, { colour: string; dash: string }> = {
  'rough-consensus': { colour: OKABE_ITO[2], dash: '' },
  'contested-decision': { colour: OKABE_ITO[1], dash: '6 3' },
  'tyranny-of-the-minority': { colour: OKABE_ITO[5], dash: '2 3' },
  collapse: { colour: OKABE_ITO[6], dash: '8 3 2 3' },
  'declared-failure': { colour: OKABE_ITO[0], dash: '1 2' },
  'glacial-drift': { colour: OKABE_ITO[4], dash: '10 4' },
};
/** Its colour, its dash and its words (sim/words.ts). */
export const styleOf = (outcome: Outcome) => ({ ...OUTCOME_STYLE[outcome], label: OUTCOME_WORDS[outcome].label });


/** Each file's manifest: the command that wrote it, what it read, whether the file is intact. */
export function provenanceList(parent: Div, items: Provenance[]): void {
  const list = parent.append('dl').attr('data-testid', 'provenance');
  for (const p of items) {
    list.append('dt').append('code').text(p.file);
    const dd = list.append('dd').attr('data-intact', p.intact === null ? 'unknown' : String(p.intact));
    if (p.command.length === 0) {
      dd.append('p').text(`No manifest beside it. SHA-256 ${p.sha256}.`);
      continue;
    }
    dd.append('p').append('code').text(p.command.join(' '));
    dd.append('p').text(`Engine ${p.engine}, model ${p.model}, Node ${p.node}.${p.input ? ` Read ${p.input.file} (SHA-256 ${p.input.sha256}).` : ''}`);
    dd.append('p').text(p.intact ? `The file is as written: SHA-256 ${p.sha256}.` : `The file has changed since it was written: SHA-256 ${p.sha256} is not the manifest\u2019s.`);
  }
}


/**
 * A regime map's boundaries (analysis/regime-boundaries.ts) drawn into `g` as lines on a grid of
 * these band scales, again each time the cells change: the report's map and the page's alike.
 */
export function drawBoundaries<Datum>(
  g: Selection<SVGGElement, Datum, null, undefined>,
  cells: readonly { x: number; y: number; dominant: string }[],
  x: ScaleBand<number>,
  y: ScaleBand<number>,
): void {
  const line = (e: RegimeEdge): [number, number, number, number] => {
    const [x0, y0] = [x(e.x)!, y(e.y)!];
    return e.side === 'right' ? [x0 + x.bandwidth(), y0, x0 + x.bandwidth(), y0 + y.bandwidth()] : [x0, y0, x0 + x.bandwidth(), y0];
  };
  g.selectAll('line')
    .data(regimeBoundaries(cells, x.domain(), y.domain()).map(line))
    .join('line')
    .attr('x1', (e) => e[0])
    .attr('y1', (e) => e[1])
    .attr('x2', (e) => e[2])
    .attr('y2', (e) => e[3]);
}
