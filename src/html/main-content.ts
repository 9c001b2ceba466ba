/**
 * The main article: boilerplate left out, Readability run on what remains, its result matched back to the blocks
 * by their text nodes, and judged (too short, or a list of cards: no
 * main content).
 */
import type { DomElement, DomDocument, DomNode, DomText } from './dom-types.js';
import { Readability } from '@mozilla/readability';
import type { Container, DropCandidate, Extracted, RawBlock } from './dom.js';

/** Below this many characters of body text (headings and captions not counted) there is no main article. */
export const MIN_MAIN_CHARS = 200;
/** A boilerplate element holding at least this share of the page's text is judged after Readability, not before. */
const BIG_DROP_SHARE = 0.25;
/** …and is kept if it holds at least this share of the main content. */
const VETO_MAIN_SHARE = 0.3;
/** A card: at most this many blocks and characters, and one headline. */
const CARD_MAX_BLOCKS = 10;
const CARD_MAX_CHARS = 1200;

export const wordCount = (s: string): number => s.split(/\s+/).filter(Boolean).length;

const chars = (blocks: readonly RawBlock[], start: number, end: number, only?: (b: RawBlock) => boolean): number => {
  let n = 0;
  for (let i = start; i < end; i++) {
    const b = blocks[i] as RawBlock;
    if (!b.dropped && (!only || only(b))) n += b.text.length;
  }
  return n;
};

/** A block that could be a card's headline: a heading element, or a link of three words or more. */
export const isHeadline = (b: RawBlock): boolean =>
  !b.dropped && ((b.hint === 'heading' && /^h[2-6]$/.test(b.tag)) || (b.link !== null && (!b.hint || b.hint === 'heading') && wordCount(b.text) >= 3));

/**
 * Whether the range looks like one card: few blocks, little text, one headline. Headlines that link to the same
 * page count once (a card wrapped in one link, a "read more" link repeating the title's).
 */
export function isCardLike(blocks: readonly RawBlock[], c: Container): boolean {
  let n = 0;
  let total = 0;
  const heads = new Set<string>();
  for (let i = c.start; i < c.end; i++) {
    const b = blocks[i] as RawBlock;
    if (b.dropped) continue;
    n++;
    total += b.text.length;
    if (isHeadline(b)) heads.add(b.link ?? `#${i}`);
    if (heads.size > 1 || n > CARD_MAX_BLOCKS) return false;
  }
  return n > 0 && total <= CARD_MAX_CHARS && heads.size === 1;
}

/** A 'widget' is left out when it holds links but not two headline links of four words or more (a "most read" list). */
function softDrop(blocks: readonly RawBlock[], d: DropCandidate): boolean {
  let links = 0;
  let headlines = 0;
  for (let i = d.start; i < d.end; i++) {
    const b = blocks[i] as RawBlock;
    if (b.link === null) continue;
    links++;
    if (wordCount(b.text) >= 4 && ++headlines >= 2) return false;
  }
  return links > 0;
}

const markDropped = (blocks: RawBlock[], d: DropCandidate): void => {
  for (let i = d.start; i < d.end; i++) (blocks[i] as RawBlock).dropped = true;
};

/** Leaves out the small boilerplate elements now (blocks and DOM); returns the big ones, to judge once the main content is known. */
export function dropBoilerplate(x: Extracted): DropCandidate[] {
  const total = chars(x.blocks, 0, x.blocks.length);
  const later: DropCandidate[] = [];
  for (const d of x.drops) {
    if (d.structural || (d.soft && !softDrop(x.blocks, d))) continue;
    if (chars(x.blocks, d.start, d.end) >= BIG_DROP_SHARE * total) {
      later.push(d);
      continue;
    }
    markDropped(x.blocks, d);
    d.el.remove();
  }
  return later;
}

export interface MainResult {
  /** Readability's title, when it ran. */
  title: string | null;
  /** Why there is no main content, or null when blocks were marked 'main'. */
  missing: string | null;
}

/** Runs Readability on the (already cleaned) document and marks the main blocks; may throw only on a broken DOM. */
export function findMain(document: DomDocument, x: Extracted, later: readonly DropCandidate[]): MainResult {
  const { blocks } = x;
  let result: ReturnType<Readability<DomElement>['parse']>;
  try {
    result = new Readability<DomElement>(document, { serializer: (n) => n as DomElement, disableJSONLD: true }).parse();
  } catch (e) {
    for (const d of later) markDropped(blocks, d);
    return { title: null, missing: `Readability failed (${e instanceof Error ? e.message : String(e)})` };
  }
  const content = result?.content;
  const title = result?.title?.trim() || null;
  if (!content) {
    for (const d of later) markDropped(blocks, d);
    return { title, missing: 'Readability found no content' };
  }
  markKept(content, x);
  const isMain = (b: RawBlock): boolean => b.zone === 'main';
  // Big boilerplate elements: kept only if they hold a good share of the main content (a page wrapper named "nav-open").
  const mainTotal = chars(blocks, 0, blocks.length, isMain);
  const vetoed = later.filter((d) => chars(blocks, d.start, d.end, isMain) >= VETO_MAIN_SHARE * mainTotal);
  for (const d of later) if (!vetoed.includes(d)) markDropped(blocks, d);
  for (const b of blocks) if (b.dropped) b.zone = 'aside';
  const missing = judge(blocks, x.containers);
  if (missing) {
    // Without main content a boilerplate element holds nothing to keep (a cookie wall over the whole page).
    for (const d of vetoed) markDropped(blocks, d);
    for (const b of blocks) b.zone = 'aside';
  }
  return { title, missing };
}

/**
 * Marks the blocks whose text is in Readability's content: by text node identity (Readability moves the nodes it
 * keeps), or, when it had to re-parse the page (its retry passes) and no node is known, by normalized text in order.
 */
function markKept(content: DomElement, x: Extracted): void {
  const { blocks, textNodes } = x;
  const texts: string[] = [];
  let known = 0;
  let node: DomNode | null = content.firstChild;
  while (node) {
    if (node.nodeType === 3 || node.nodeType === 4) {
      const i = textNodes.get(node);
      if (i !== undefined) {
        known++;
        const b = blocks[i] as RawBlock;
        if (!b.dropped) b.zone = 'main';
      } else if (known === 0) texts.push((node as DomText).data);
    }
    if (node.firstChild) node = node.firstChild;
    else {
      while (node && node !== content && !node.nextSibling) node = node.parentNode;
      node = node && node !== content ? node.nextSibling : null;
    }
  }
  if (known > 0) return;
  const all = texts.join('').replace(/\s+/g, ' ');
  let cursor = 0;
  for (const b of blocks) {
    if (b.dropped) continue;
    const at = all.indexOf(b.text, cursor);
    if (at < 0) continue;
    b.zone = 'main';
    cursor = at + b.text.length;
  }
}

/**
 * Whether the main blocks make an article. Cards inside the main content are moved out of it first when the rest is
 * an article body (an "also read" box Readability kept); when cards are most of it, it is a listing.
 */
function judge(blocks: RawBlock[], containers: readonly Container[]): string | null {
  const isMain = (b: RawBlock): boolean => b.zone === 'main';
  const total = chars(blocks, 0, blocks.length, isMain);
  if (total === 0) return 'Readability found no text';
  const cards: Container[] = [];
  let lastEnd = -1;
  // containers are in post-order: an inner card comes before the containers around it.
  const taken: Container[] = [];
  for (const c of containers) {
    if (c.kind === 'frame' || c.hasH1 || !isCardLike(blocks, c) || chars(blocks, c.start, c.end, isMain) === 0) continue;
    // post-order: a card already taken inside c is the last one taken.
    const last = taken[taken.length - 1];
    if (last && last.start >= c.start) continue;
    taken.push(c);
  }
  for (const c of taken.sort((a, b) => a.start - b.start)) {
    if (c.start >= lastEnd) cards.push(c);
    lastEnd = Math.max(lastEnd, c.end);
  }
  let inCards = 0;
  for (const c of cards) inCards += chars(blocks, c.start, c.end, isMain);
  if (cards.length >= 3 && inCards >= 0.5 * total) return `the main content is a list of ${cards.length} cards`;
  for (const c of cards) {
    const linked = blocks.slice(c.start, c.end).some((b) => isHeadline(b) && b.link !== null);
    if (linked) for (let i = c.start; i < c.end; i++) (blocks[i] as RawBlock).zone = 'aside';
  }
  const body = chars(blocks, 0, blocks.length, (b) => isMain(b) && (!b.hint || b.hint === 'boilerplate'));
  if (body < MIN_MAIN_CHARS) return `only ${body} characters of main text`;
  return null;
}
