/**
 * Issue by issue, for three issues or more: one bar per issue from 0 to 1, with what each
 * constituency wants (its members' range, faint, and their mean, a dot in its colour), what the
 * convenor accepts (the shaded span), and where the text on the table stands (the diamond), which
 * becomes the adopted text at the end. What a student reads off it: how far the text is from each
 * side, issue by issue, without a projection's abstract axes.
 */
import * as d3 from 'd3';
import { el, num } from './dom.ts';
import type { Frame, Meta } from './frame.ts';
import { m as words } from './messages/index.ts';
import { constituencyColour } from './palette.ts';

export interface IssueBars {
  open(meta: Meta): void;
  draw(frame: Frame): void;
}

const WIDTH = 600;
const ROW = 11;
const PAD = 10;

export function createIssueBars(host: HTMLElement): IssueBars {
  let meta: Meta | null = null;
  let texts: SVGGElement[] = [];
  let readings: HTMLElement[] = [];
  const x = d3.scaleLinear([0, 1], [PAD, WIDTH - PAD]);

  return {
    open(m) {
      meta = m;
      host.replaceChildren();
      texts = [];
      readings = [];
      host.hidden = m.d < 3;
      if (m.d < 3) return;
      host.append(
        el('h3', { class: 'bars-title' }, words.bars.title),
        el('p', { class: 'muted bars-key' }, words.bars.key),
      );
      const c = m.constituencies.length;
      for (let k = 0; k < m.d; k++) {
        const svg = d3
          .create('svg')
          .attr('class', 'issue-bar')
          .attr('viewBox', `0 0 ${WIDTH} ${ROW * c + 22}`)
          .attr('role', 'img')
          .attr('preserveAspectRatio', 'none');
        const top = 4;
        svg
          .append('rect')
          .attr('class', 'issue-accepted')
          .attr('x', x(m.boxMin[k]))
          .attr('width', Math.max(1, x(m.boxMax[k]) - x(m.boxMin[k])))
          .attr('y', 0)
          .attr('height', ROW * c + 8);
        const wants: string[] = [];
        for (let j = 0; j < c; j++) {
          let lo = Infinity;
          let hi = -Infinity;
          let sum = 0;
          let count = 0;
          for (let i = 0; i < m.n; i++) {
            if (m.constituency[i] !== j) continue;
            const v = m.ideal[i * m.d + k];
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
            sum += v;
            count++;
          }
          if (count === 0) continue;
          const mean = sum / count;
          const cy = top + ROW * j + ROW / 2;
          const colour = constituencyColour(j);
          svg.append('line').attr('class', 'issue-range').attr('x1', x(lo)).attr('x2', x(hi)).attr('y1', cy).attr('y2', cy).attr('stroke', colour);
          svg.append('circle').attr('class', 'issue-mean').attr('cx', x(mean)).attr('cy', cy).attr('r', 4.5).attr('fill', colour);
          wants.push(words.bars.wants(m.constituencies[j].label, num(mean)));
        }
        const axisY = top + ROW * c + 4;
        svg.append('g').attr('class', 'axis').attr('transform', `translate(0,${axisY})`).call(d3.axisBottom(x).ticks(5).tickSize(3));
        // The text: a line across the constituencies' rows, a diamond where it meets the axis.
        const text = svg.append('g').attr('class', 'issue-text');
        text.append('line').attr('y1', 0).attr('y2', axisY);
        text.append('path').attr('d', d3.symbol(d3.symbolDiamond, 110)()).attr('transform', `translate(0,${axisY})`);
        texts.push(text.node()!);
        svg.attr('aria-label', words.bars.label(m.issues[k].label, wants));
        const reading = el('span', { class: 'issue-reading' });
        readings.push(reading);
        host.append(el('div', { class: 'issue-row', 'data-issue': m.issues[k].id }, el('p', { class: 'issue-label' }, m.issues[k].label, ' ', reading), svg.node()!));
      }
    },
    draw(frame) {
      if (!meta || meta.d < 3) return;
      const adopted = frame.result?.adopted?.position ?? null;
      for (let k = 0; k < meta.d; k++) {
        const v = adopted ? adopted[k] : frame.proposal[k];
        texts[k].setAttribute('transform', `translate(${x(v)},0)`);
        texts[k].classList.toggle('adopted', adopted !== null);
        readings[k].textContent = words.bars.reading(adopted !== null, num(v));
      }
    },
  };
}
