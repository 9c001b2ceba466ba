/**
 * A story's timeline drawn as an SVG axis proportional to time, read right to left (earliest on the right, as Arabic
 * is read), with a numbered mark per event linking to its article, and the same events listed below with their
 * dates and sentences. A month or a year is drawn as a band over the period it covers; long empty gaps are cut out
 * of the axis and drawn as a break (timeline-layout.ts).
 */
import type { TimelineEvent } from './types.js';
import { h, link, s, svgLink, time, to } from './dom.js';
import { fmtDate } from './format.js';
import { layoutTimeline, MARK, placeEvents } from './timeline-layout.js';

function drawing(events: readonly TimelineEvent[], width: number): SVGElement | null {
  const L = layoutTimeline(events, width);
  if (L.marks.length === 0) return null;
  const W = L.width;
  const axisY = 14 + L.levels * MARK.STEP;
  const H = axisY + 46;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, width: '100%', class: 'timeline-svg', role: 'group', 'aria-label': 'خط زمني للأحداث، من الأقدم على اليمين إلى الأحدث على اليسار' });
  const first = L.stretches[0];
  const last = L.stretches[L.stretches.length - 1];
  if (first === undefined || last === undefined) return null;
  // axis pieces, one per stretch, with breaks between them and an arrow toward the future (left)
  for (const st of L.stretches) svg.append(s('line', { x1: st.left, x2: st.right, y1: axisY, y2: axisY, class: 'axis' }));
  for (const bx of L.breaks) {
    svg.append(s('path', { d: `M ${bx + 9} ${axisY + 8} l -6 -16 M ${bx + 3} ${axisY + 8} l -6 -16`, class: 'break' }));
  }
  svg.append(s('path', { d: `M ${last.left - 12} ${axisY} l 10 -5 v 10 z`, class: 'arrow' }));
  // tick labels: the first of each stretch first, then the others, each only where it does not touch another;
  // a stretch's first label that fits carries the year
  const labels = L.stretches.flatMap((st, si) => st.ticks.map((t, k) => ({ t, k, si })));
  const placed: [number, number][] = [];
  const yearShown = new Set<number>();
  for (const lb of [...labels].sort((a, b) => a.k - b.k)) {
    svg.append(s('line', { x1: lb.t.x, x2: lb.t.x, y1: axisY - 4, y2: axisY + 4, class: 'tick' }));
    const full = fmtDate(lb.t.date);
    const text = yearShown.has(lb.si) ? full.replace(/ \d{4}$/, '') : full;
    const half = text.length * 3.6 + 4;
    const lx = Math.min(W - half, Math.max(half, lb.t.x));
    if (placed.some(([a, b]) => lx + half + 6 > a && lx - half - 6 < b)) continue;
    placed.push([lx - half, lx + half]);
    yearShown.add(lb.si);
    svg.append(s('text', { x: lx, y: axisY + 24, class: 'tick-label', 'text-anchor': 'middle' }, text));
  }
  for (const m of L.marks) {
    if (m.x0 - m.x1 > 2) svg.append(s('rect', { x: m.x1, y: axisY - 3, width: m.x0 - m.x1, height: 6, rx: 3, class: 'band' }));
  }
  for (const m of L.marks) {
    const cy = axisY - 16 - m.level * MARK.STEP;
    const label = `${m.n}. ${fmtDate(m.ev.date)}: ${m.ev.text}`;
    svg.append(
      svgLink(
        to.article(m.ev.articleId),
        { class: 'mark', 'aria-label': label },
        s('title', null, label),
        m.level === 0 ? s('line', { x1: m.cx, x2: m.cx, y1: cy + MARK.DOT, y2: axisY, class: 'stem' }) : null,
        s('circle', { cx: m.cx, cy, r: MARK.DOT }),
        s('text', { x: m.cx, y: cy + 4.5, 'text-anchor': 'middle' }, String(m.n)),
      ),
    );
  }
  return svg;
}

export function drawTimeline(events: readonly TimelineEvent[], titles: ReadonlyMap<string, string>, width: number): HTMLElement {
  const figure = h('figure', { class: 'timeline' });
  const svg = drawing(events, width);
  if (svg !== null) figure.append(h('div', { class: 'timeline-draw' }, svg));
  const list = h('ol', { class: 'timeline-list' });
  for (const p of placeEvents(events)) {
    list.append(
      h(
        'li',
        null,
        h('span', { class: 'num', 'aria-hidden': 'true' }, String(p.n)),
        h(
          'div',
          null,
          h('p', { class: 'when' }, time(p.ev.date)),
          h('p', { class: 'what' }, p.ev.text),
          h('p', { class: 'from' }, 'من: ', link(to.article(p.ev.articleId), null, titles.get(p.ev.articleId) ?? 'المقال')),
        ),
      ),
    );
  }
  figure.append(list, h('figcaption', { class: 'sr-only' }, 'الأحداث مرتبة من الأقدم إلى الأحدث'));
  return figure;
}
