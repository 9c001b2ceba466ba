/**
 * Where a story's timeline puts its events, right to left (earliest on the right). Positions are proportional to
 * time inside each stretch of close dates; a gap of more than BREAK_DAYS between stretches is cut out of the axis
 * and shown as a break, so that a background date years earlier ("عام 2017") does not squeeze the story's own days
 * into one point. Each stretch gets width in proportion to its number of events. DOM-free: Node tests import it.
 */
import type { TimelineEvent } from './types.js';
import { dayRange, isoDay } from './format.js';

export const BREAK_DAYS = 60;
const BREAK_W = 34;
const DOT = 11;
const STEP = 26;

export interface Placed { n: number; ev: TimelineEvent; range: [number, number] | null }
export interface Mark { n: number; ev: TimelineEvent; range: [number, number]; cx: number; x0: number; x1: number; level: number }
export interface Tick {
  day: number;
  x: number;
  /** what the label shows: a day, a month or a year (ISO), or the events' own date when the stretch has one date only */
  date: string;
}
export type Grain = 'year' | 'month' | 'day';
export interface Stretch { from: number; to: number; right: number; left: number; ticks: Tick[]; /** the finest date among its events */ grain: Grain }
export interface Layout { width: number; marks: Mark[]; stretches: Stretch[]; breaks: number[]; levels: number }

/** Events numbered from 1 in date order (undated last), with the days each covers. */
export function placeEvents(events: readonly TimelineEvent[]): Placed[] {
  const withRange = events.map((ev, i) => ({ ev, i, range: dayRange(ev.date) }));
  withRange.sort((a, b) => (a.range?.[0] ?? Infinity) - (b.range?.[0] ?? Infinity) || a.i - b.i);
  return withRange.map((x, k) => ({ n: k + 1, ev: x.ev, range: x.range }));
}

/** Evenly spaced tick days between min and max, at most `maxTicks`, both ends included. */
export function ticks(min: number, max: number, maxTicks: number): number[] {
  if (max <= min) return [min];
  if (maxTicks <= 1) return [Math.round((min + max) / 2)];
  const span = max - min;
  const n = Math.max(1, Math.min(maxTicks - 1, span));
  const out = new Set<number>();
  for (let k = 0; k <= n; k++) out.add(Math.round(min + (span * k) / n));
  return [...out];
}

const dayOf = (y: number, m: number, d: number): number => Math.floor(Date.UTC(y, m, d) / 86_400_000);

/** Each calendar month (grain 'month') or year ('year') that [from, to] touches, at the middle of the part it covers. */
function periods(from: number, to: number, grain: 'month' | 'year'): { day: number; date: string }[] {
  const out: { day: number; date: string }[] = [];
  const start = new Date(from * 86_400_000);
  let y = start.getUTCFullYear();
  let m = grain === 'year' ? 0 : start.getUTCMonth();
  for (;;) {
    const first = dayOf(y, m, 1);
    if (first > to) break;
    const next = grain === 'year' ? dayOf(y + 1, 0, 1) : dayOf(y, m + 1, 1);
    const a = Math.max(from, first);
    const b = Math.min(to, next - 1);
    if (a <= b) out.push({ day: Math.round((a + b) / 2), date: grain === 'year' ? String(y) : `${y}-${String(m + 1).padStart(2, '0')}` });
    if (grain === 'year' || m === 11) {
      y++;
      m = 0;
    } else m++;
  }
  return out;
}

/** At most `n` of `list`, evenly spread, both ends kept. */
function spread<T>(list: readonly T[], n: number): T[] {
  if (list.length <= n) return [...list];
  if (n <= 1) return list.length > 0 ? [list[Math.floor((list.length - 1) / 2)] as T] : [];
  const idx = new Set<number>();
  for (let k = 0; k < n; k++) idx.add(Math.round((k * (list.length - 1)) / (n - 1)));
  return [...idx].map((i) => list[i] as T);
}

/**
 * The labels of a stretch's axis, at most `maxTicks`: days when it covers two months at most and none of its events
 * is a whole year; else months (when at least two fit and it covers two years at most); else years. A month or a
 * year is labelled as such at its middle, never as an arbitrary day inside it.
 */
export function axisTicks(from: number, to: number, maxTicks: number, coarsest: Grain): { day: number; date: string }[] {
  const span = to - from;
  if (coarsest !== 'year' && span <= 62) return ticks(from, to, maxTicks).map((day) => ({ day, date: isoDay(day) }));
  if (coarsest !== 'year' && span <= 731 && maxTicks >= 2) return spread(periods(from, to, 'month'), maxTicks);
  return spread(periods(from, to, 'year'), Math.max(1, maxTicks));
}

export function layoutTimeline(events: readonly TimelineEvent[], width: number, pad = 36): Layout {
  const W = Math.round(Math.max(300, Math.min(1200, width)));
  const dated = placeEvents(events).filter((p): p is Placed & { range: [number, number] } => p.range !== null);
  if (dated.length === 0) return { width: W, marks: [], stretches: [], breaks: [], levels: 0 };
  // stretches of close dates
  const groups: (typeof dated)[] = [];
  let end = -Infinity;
  for (const p of [...dated].sort((a, b) => a.range[0] - b.range[0])) {
    const last = groups[groups.length - 1];
    if (last === undefined || p.range[0] - end > BREAK_DAYS) groups.push([p]);
    else last.push(p);
    end = Math.max(end, p.range[1]);
  }
  const usable = W - 2 * pad - (groups.length - 1) * BREAK_W;
  const total = dated.length + groups.length;
  const stretches: Stretch[] = [];
  const marks: Mark[] = [];
  const breaks: number[] = [];
  let right = W - pad;
  groups.forEach((g, gi) => {
    const w = (usable * (g.length + 1)) / total;
    const left = right - w;
    let from = Math.min(...g.map((p) => p.range[0]));
    let to = Math.max(...g.map((p) => p.range[1]));
    if (to - from < 1) {
      from -= 1;
      to += 1;
    }
    const inset = groups.length > 1 ? Math.min(12, w / 6) : 0;
    const x = (day: number): number => right - inset - ((day - from) / (to - from)) * (w - 2 * inset);
    const dates = new Set(g.map((p) => p.ev.date));
    const only = dates.size === 1 ? (g[0] as Placed & { range: [number, number] }) : undefined;
    const grainOf = (len: number): Grain => (len >= 10 ? 'day' : len >= 7 ? 'month' : 'year');
    const grain = grainOf(Math.max(...g.map((p) => p.ev.date.length)));
    const coarsest = grainOf(Math.min(...g.map((p) => p.ev.date.length)));
    const tickList: Tick[] = only !== undefined
      ? [{ day: only.range[0], x: (x(only.range[0]) + x(only.range[1])) / 2, date: only.ev.date }]
      : axisTicks(from, to, Math.floor(w / 140), coarsest).map((t) => ({ ...t, x: x(t.day) }));
    stretches.push({ from, to, right, left, ticks: tickList, grain });
    for (const p of g) marks.push({ n: p.n, ev: p.ev, range: p.range, cx: (x(p.range[0]) + x(p.range[1])) / 2, x0: x(p.range[0]), x1: x(p.range[1]), level: 0 });
    if (gi < groups.length - 1) breaks.push(left - BREAK_W / 2);
    right = left - BREAK_W;
  });
  // stack marks that would touch, upward from the axis
  marks.sort((a, b) => a.n - b.n);
  const placedMarks: Mark[] = [];
  for (const m of marks) {
    const taken = new Set(placedMarks.filter((o) => Math.abs(o.cx - m.cx) < 2 * DOT + 2).map((o) => o.level));
    let level = 0;
    while (taken.has(level)) level++;
    m.level = level;
    placedMarks.push(m);
  }
  return { width: W, marks, stretches, breaks, levels: Math.max(...marks.map((m) => m.level)) + 1 };
}

export const MARK = { DOT, STEP };
