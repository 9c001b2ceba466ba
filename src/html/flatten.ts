/**
 * Nesting bounded before Readability. Readability compares each element with every element nested in it (text and
 * link density of each candidate and of its descendants), so its time grows with the text times the square of the
 * nesting depth: measured, 20 KB of paragraphs under 120 nested <div>s took 1 s, a 1 MB page wrapped in 120 <div>s
 * 33 s, 20,000 nested menus 23 s. Its recursive helpers would also overflow the stack on very deep pages.
 *
 * So, when the page is costly that way: first the pure wrappers go (an element whose only content is one other
 * element: nothing is lost, the structure stays), then, if that is not enough, every element nested deeper than the
 * depth that fits the budget is unwrapped (its children moved up; its text stays where it was). The blocks are
 * already cut by then (dom.ts), so only what Readability sees changes, never the text.
 */
import type { DomElement } from './dom-types.js';

/** One element the walk kept, in document order (an element comes after its parent). */
export interface ElementRecord {
  el: DomElement;
  tag: string;
  /** Index of the parent's record, or -1 for the body. */
  parent: number;
  /** Characters of text directly inside it (not in its child elements). */
  text: number;
  /** Child elements (and <br>s) it holds. */
  kids: number;
}

/** Readability never reads elements nested deeper than this (its recursive helpers, the stack). */
export const DEPTH_LIMIT = 120;
/** …nor, when the page is costly, deeper than what fits this budget: Σ text characters × depth². */
export const DEPTH_BUDGET = 40_000_000;
/** The budget never cuts shallower than this (real article pages nest their text 10 to 30 deep). */
export const MIN_DEPTH = 24;

/** Generic containers that can go when they only wrap one element (not <article>, <main>, <p>, lists, tables…). */
const WRAPPERS = new Set(['div', 'section', 'span', 'font', 'center', 'b', 'i', 'u', 'em', 'strong', 'small', 'big']);

export interface Flattening {
  /** The deepest nesting of the page, in elements. */
  maxDepth: number;
  /** Pure wrappers unwrapped (no structure lost). */
  wrappers: number;
  /** Elements unwrapped because they were nested deeper than `limit`. */
  cut: number;
  /** The depth kept (DEPTH_LIMIT when nothing had to be cut). */
  limit: number;
  /** Each record's depth as Readability sees it (wrappers not counted once they are unwrapped). */
  depth: Int32Array;
}

const isWrapper = (r: ElementRecord): boolean => r.kids === 1 && r.text === 0 && WRAPPERS.has(r.tag);

/** Σ text × min(depth, limit)² over the elements, from text per depth. */
function cost(textAt: readonly number[], limit: number): number {
  let c = 0;
  for (let d = 0; d < textAt.length; d++) {
    const k = Math.min(d, limit);
    c += (textAt[d] ?? 0) * k * k;
  }
  return c;
}

/** Depth of each record: every element counted, or wrappers not counted. */
function depths(recs: readonly ElementRecord[], skipWrappers: boolean): Int32Array {
  const depth = new Int32Array(recs.length);
  for (let i = 0; i < recs.length; i++) {
    const r = recs[i] as ElementRecord;
    const up = r.parent >= 0 ? (depth[r.parent] as number) : 0;
    depth[i] = r.parent < 0 ? 0 : up + (skipWrappers && isWrapper(r) ? 0 : 1);
  }
  return depth;
}

function textByDepth(recs: readonly ElementRecord[], depth: Int32Array): number[] {
  const textAt: number[] = [];
  for (let i = 0; i < recs.length; i++) {
    const d = depth[i] as number;
    textAt[d] = (textAt[d] ?? 0) + (recs[i] as ElementRecord).text;
  }
  for (let d = 0; d < textAt.length; d++) textAt[d] ??= 0;
  return textAt;
}

/** Moves an element's children to its place, one by one (no argument list as long as the children). */
function unwrap(el: DomElement): void {
  const parent = el.parentNode as DomElement | null;
  if (!parent) return;
  for (let c = el.firstChild; c; c = el.firstChild) parent.insertBefore(c, el);
  el.remove();
}

/** Flattens the document in place when its nesting would make Readability slow or overflow; says what it did. */
export function flattenForReadability(recs: readonly ElementRecord[]): Flattening {
  const raw = depths(recs, false);
  let maxDepth = 0;
  for (const d of raw) if (d > maxDepth) maxDepth = d;
  if (maxDepth <= DEPTH_LIMIT && cost(textByDepth(recs, raw), DEPTH_LIMIT) <= DEPTH_BUDGET) {
    return { maxDepth, wrappers: 0, cut: 0, limit: DEPTH_LIMIT, depth: raw };
  }
  const depth = depths(recs, true);
  const textAt = textByDepth(recs, depth);
  let limit = DEPTH_LIMIT;
  while (limit > MIN_DEPTH && cost(textAt, limit) > DEPTH_BUDGET) limit--;
  let wrappers = 0;
  let cut = 0;
  // Document order: an element is unwrapped before the elements inside it, so each move is of its own children.
  for (let i = 0; i < recs.length; i++) {
    const r = recs[i] as ElementRecord;
    if (r.parent < 0) continue;
    if ((depth[i] as number) > limit) cut++;
    else if (isWrapper(r)) wrappers++;
    else continue;
    unwrap(r.el);
  }
  return { maxDepth, wrappers, cut, limit, depth };
}

/**
 * The containers (cards, articles) the later steps judge, within the depth Readability sees: each step reads a
 * container's blocks, so thousands of containers nested in each other would cost their blocks thousands of times.
 */
export function shallowContainers<C extends { rec: number }>(containers: readonly C[], f: Flattening): C[] {
  return containers.filter((c) => (f.depth[c.rec] ?? 0) <= f.limit);
}
