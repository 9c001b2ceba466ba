/**
 * The title, the groups (the main article, each card or other article), card headlines and list labels, decided
 * on the raw blocks once the main zone is known.
 */
import type { Container, RawBlock } from './dom.js';
import { isCardLike, wordCount } from './main-content.js';
import { fold } from './meta.js';

/** Group id of the main article while arranging (renumbered in page order on output). */
export const MAIN_GROUP = 0;
/** An <h1> this many blocks or fewer before the main content is taken as its headline. */
const TITLE_REACH = 12;
/** A lead paragraph between the headline and the body joins the main content from this many characters. */
const LEAD_MIN_CHARS = 40;

export interface Arrangement {
  /** Index of the block that is the title, or -1. */
  title: number;
  /** Headline to put first in the main zone when no block is the title. */
  synthTitle: string | null;
  /** Index of the first main block other than the title (where the title goes), or -1 without main content. */
  firstMain: number;
}

function similarity(a: string, b: string): number {
  if (!a || !b) return 0;
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  if (long.includes(short) && short.length >= 0.5 * long.length) return 1;
  const ta = new Set(a.split(' '));
  const tb = new Set(b.split(' '));
  let common = 0;
  for (const t of ta) if (tb.has(t)) common++;
  return common / Math.max(ta.size, tb.size);
}

/** The smallest <article>/<main>/articleBody element around the main blocks. */
function mainFrame(containers: readonly Container[], first: number, last: number): Container | null {
  let best: Container | null = null;
  for (const c of containers) {
    if ((c.kind === 'article' || c.kind === 'frame') && c.start <= first && c.end > last && (!best || c.end - c.start < best.end - best.start)) best = c;
  }
  return best;
}

function pickTitle(blocks: readonly RawBlock[], frame: Container | null, firstMain: number, headlines: readonly string[]): number {
  const refs = headlines.map(fold).filter(Boolean);
  const inFrame = (i: number): boolean => frame !== null && i >= frame.start && i < frame.end;
  // live[i]: blocks left (not dropped) before i; an <h1> is near when few of them lie between it and the main content.
  const live: number[] = [0];
  blocks.forEach((b, i) => live.push((live[i] as number) + (b.dropped ? 0 : 1)));
  const near = (i: number): boolean => i < firstMain && (live[firstMain] as number) - (live[i + 1] as number) <= TITLE_REACH;
  const score = (i: number): number => Math.max(0, ...refs.map((r) => similarity(fold((blocks[i] as RawBlock).text), r)));
  const h1s: number[] = [];
  const others: number[] = [];
  blocks.forEach((b, i) => {
    if (b.dropped || (b.zone !== 'main' && !inFrame(i) && !near(i))) return;
    if (b.tag === 'h1') h1s.push(i);
    else if (b.link === null && (!b.hint || b.hint === 'heading') && wordCount(b.text) <= 30) others.push(i);
  });
  let best = -1;
  let bestScore = 0.6;
  for (const i of h1s) {
    const s = score(i);
    if (s > bestScore) [best, bestScore] = [i, s];
  }
  if (best >= 0) return best;
  const inside = h1s.find((i) => (blocks[i] as RawBlock).zone === 'main' || inFrame(i));
  if (inside !== undefined) return inside;
  const before = h1s.filter((i) => i < firstMain).pop();
  if (before !== undefined) return before;
  // No <h1>: a short block (an <h2>, a bold line) that repeats the page's headline.
  bestScore = 0.75;
  for (const i of others) {
    const s = score(i);
    if (s >= bestScore && (best < 0 || s > bestScore)) [best, bestScore] = [i, s];
  }
  return best;
}

/** Decides title, groups, card headlines and labels, in place. `headlines`: Readability's title, then the head's. */
export function arrange(blocks: RawBlock[], containers: readonly Container[], headlines: readonly string[]): Arrangement {
  let firstMain = -1;
  let lastMain = -1;
  blocks.forEach((b, i) => {
    if (b.zone !== 'main') return;
    if (firstMain < 0) firstMain = i;
    lastMain = i;
  });
  const hasMain = firstMain >= 0;
  let title = -1;
  let synthTitle: string | null = null;
  const frame = hasMain ? mainFrame(containers, firstMain, lastMain) : null;
  if (hasMain) {
    title = pickTitle(blocks, frame, firstMain, headlines);
    if (title >= 0) {
      const t = blocks[title] as RawBlock;
      Object.assign(t, { zone: 'main', hint: 'title' });
      if (title === firstMain) firstMain = blocks.findIndex((b, i) => i > title && b.zone === 'main');
    } else synthTitle = headlines.find((h) => h.trim()) ?? null;
    for (const b of blocks) if (b.zone === 'main') b.group = MAIN_GROUP;
  }
  assignCards(blocks, containers, hasMain, title);
  cardHeadlines(blocks);
  labels(blocks);
  if (hasMain && firstMain >= 0) extendMain(blocks, title, firstMain, lastMain, frame);
  // The title goes first in the main zone, also before a caption that came before it.
  if (hasMain) firstMain = blocks.findIndex((b, i) => i !== title && b.zone === 'main');
  return { title, synthTitle, firstMain };
}

function assignCards(blocks: RawBlock[], containers: readonly Container[], hasMain: boolean, title: number): void {
  let next = MAIN_GROUP + 1;
  for (const c of containers) {
    if (c.kind === 'frame' || (title >= c.start && title < c.end)) continue;
    if (hasMain && c.hasH1) continue;
    const members: RawBlock[] = [];
    let main = false;
    for (let i = c.start; i < c.end; i++) {
      const b = blocks[i] as RawBlock;
      if (b.zone === 'main') main = true;
      if (!b.dropped) members.push(b);
    }
    if (main || members.length === 0) continue;
    const free = members.filter((b) => b.group === undefined);
    if (free.length === 0) continue;
    let ok: boolean;
    if (c.kind === 'article') ok = true;
    else if (c.kind === 'li') ok = isCardLike(blocks, c) || members.some((b) => b.link !== null && !b.hint && wordCount(b.text) >= 2);
    else ok = members.length >= 2 && free.length === members.length && isCardLike(blocks, c);
    if (!ok || (c.kind === 'li' && members.length > 10)) continue;
    const g = next++;
    for (const b of free) b.group = g;
  }
}

/**
 * What Readability left out of the main article, inside it: between its headline and its body, after the body inside
 * its <article>, and captions (and dates, bylines) before the headline inside its <article>/<main>. Captions and a
 * lead paragraph (between headline and body) join the main zone; dates, bylines and other short plain lines (a
 * source, a views count) only its group.
 */
function extendMain(blocks: RawBlock[], title: number, firstMain: number, lastMain: number, frame: Container | null): void {
  const from = title >= 0 && title < firstMain ? title + 1 : firstMain;
  const to = frame && frame.end > lastMain ? frame.end : lastMain + 1;
  for (let i = frame ? Math.min(frame.start, from) : from; i < to; i++) {
    const b = blocks[i] as RawBlock;
    if (b.dropped || b.zone === 'main' || b.group !== undefined) continue;
    if (b.hint === 'caption') Object.assign(b, { zone: 'main', group: MAIN_GROUP });
    else if (b.hint === 'date' || b.hint === 'byline') b.group = MAIN_GROUP;
    else if (b.link !== null || (b.hint && b.hint !== 'heading') || b.tag === 'h1') continue;
    else if (i >= from && i < firstMain) {
      if (b.hint === 'heading' || b.text.length >= LEAD_MIN_CHARS) Object.assign(b, { zone: 'main', group: MAIN_GROUP });
      else b.group = MAIN_GROUP;
    } else if (i > lastMain && frame?.kind === 'article' && !b.hint) b.group = MAIN_GROUP;
  }
}

/** In a card without a heading element, the one prominent link (the same href, three words or more) is its headline. */
function cardHeadlines(blocks: RawBlock[]): void {
  const groups = new Map<number, RawBlock[]>();
  for (const b of blocks) {
    if (b.dropped || b.group === undefined || b.group === MAIN_GROUP) continue;
    const list = groups.get(b.group);
    if (list) list.push(b);
    else groups.set(b.group, [b]);
  }
  for (const members of groups.values()) {
    if (members.some((b) => b.hint === 'heading' || b.hint === 'title')) continue;
    const links = members.filter((b) => b.link !== null && !b.hint);
    for (const min of [3, 2]) {
      const long = links.filter((b) => wordCount(b.text) >= min);
      if (long.length > 0 && new Set(long.map((b) => b.link)).size === 1) {
        (long[0] as RawBlock).hint = 'heading';
        break;
      }
    }
  }
}

/** A short heading right before two or more cards is their list's label ("الأكثر قراءة"). */
function labels(blocks: RawBlock[]): void {
  const live = blocks.filter((b) => !b.dropped);
  for (let i = 0; i < live.length; i++) {
    const b = live[i] as RawBlock;
    if (b.zone === 'main' || b.group !== undefined || (b.hint && b.hint !== 'heading') || (b.link !== null && b.hint !== 'heading')) continue;
    if (wordCount(b.text) > 6 || b.text.length > 60 || /[.!?؟]$/.test(b.text)) continue;
    const g1 = live[i + 1]?.group;
    if (g1 === undefined || g1 === MAIN_GROUP) continue;
    let j = i + 1;
    while (live[j]?.group === g1) j++;
    const g2 = live[j]?.group;
    if (g2 !== undefined && g2 !== MAIN_GROUP) b.hint = 'label';
  }
}

