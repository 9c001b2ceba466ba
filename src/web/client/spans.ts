/**
 * An article's text cut into paragraphs of runs, each run inside at most one mention and at most one quote, from
 * the export's UTF-16 offsets. Spans that are out of range, empty, or overlap an earlier span of the same kind are
 * dropped (the text is always shown whole); a mention may sit inside a quote. DOM-free: Node tests import it.
 */

export interface Span { start: number; end: number }
export interface Run { text: string; start: number; mention: number | null; quote: number | null }

/** Indexes (into `spans`) of the usable spans, by start; overlapping ones after the first are dropped. */
export function usableSpans(spans: readonly Span[], length: number): number[] {
  const ok = spans
    .map((sp, i) => ({ sp, i }))
    .filter(({ sp }) => Number.isInteger(sp.start) && Number.isInteger(sp.end) && sp.start >= 0 && sp.end <= length && sp.start < sp.end)
    .sort((a, b) => a.sp.start - b.sp.start || b.sp.end - a.sp.end);
  const out: number[] = [];
  let last = -1;
  for (const { sp, i } of ok) {
    if (sp.start < last) continue;
    out.push(i);
    last = sp.end;
  }
  return out;
}

const PARA_BREAK = /\n[^\S\n]*\n\s*/g;

/** Paragraphs (split at blank lines) of runs; every character outside paragraph breaks is in exactly one run. */
export function segmentText(text: string, mentions: readonly Span[], quotes: readonly Span[]): Run[][] {
  const ms = usableSpans(mentions, text.length);
  const qs = usableSpans(quotes, text.length);
  const breaks: Span[] = [...text.matchAll(PARA_BREAK)].map((m) => ({ start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
  const cuts = new Set<number>([0, text.length]);
  for (const i of ms) cuts.add((mentions[i] as Span).start).add((mentions[i] as Span).end);
  for (const i of qs) cuts.add((quotes[i] as Span).start).add((quotes[i] as Span).end);
  for (const b of breaks) cuts.add(b.start).add(b.end);
  const points = [...cuts].sort((a, b) => a - b);

  const cover = (idx: readonly number[], spans: readonly Span[], a: number, b: number): number | null => {
    for (const i of idx) {
      const sp = spans[i] as Span;
      if (sp.start <= a && b <= sp.end) return i;
    }
    return null;
  };

  const paras: Run[][] = [];
  let cur: Run[] = [];
  for (let k = 0; k + 1 < points.length; k++) {
    const a = points[k] as number;
    const b = points[k + 1] as number;
    if (breaks.some((br) => br.start <= a && b <= br.end)) {
      if (cur.length > 0) paras.push(cur);
      cur = [];
      continue;
    }
    cur.push({ text: text.slice(a, b), start: a, mention: cover(ms, mentions, a, b), quote: cover(qs, quotes, a, b) });
  }
  if (cur.length > 0) paras.push(cur);
  return paras;
}

/** Highlight ranges that fit a snippet: in range, sorted, not overlapping. */
export function usableHighlights(highlights: readonly (readonly [number, number])[] | undefined, length: number): [number, number][] {
  const spans = (highlights ?? []).filter((x) => Array.isArray(x) && x.length === 2).map(([start, end]) => ({ start, end }));
  return usableSpans(spans, length)
    .map((i) => spans[i] as Span)
    .sort((a, b) => a.start - b.start)
    .map((sp) => [sp.start, sp.end]);
}
