/**
 * The main article: boilerplate left out, Readability run on what remains, its result matched back to the blocks
 * by their text nodes, and judged (too short, or a list of cards: no
 * main content).
 */
import type { DomElement, DomDocument, DomNode, DomText } from './dom-types.js';
import { Readability } from '@mozilla/readability';
import type { Container, DropCandidate, Extracted, RawBlock } from './dom.js';
import { foldKey } from '../text/index.js';

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

/**
 * Ranges of blocks left out, each block once however many boilerplate elements nest around it (20,000 nested "nav"
 * elements cost what their blocks cost), with the characters still left in any range at hand (a Fenwick tree).
 */
class Dropper {
  private readonly tree: Float64Array;
  /** skip[i]: a block at or after i that may still be left in (path-compressed). */
  private readonly skip: Int32Array;
  constructor(private readonly blocks: RawBlock[]) {
    const n = blocks.length;
    this.tree = new Float64Array(n + 1);
    this.skip = new Int32Array(n + 1);
    for (let i = 0; i <= n; i++) this.skip[i] = i;
    // Built in linear time: each node takes its value, then passes its sum to its parent.
    blocks.forEach((b, i) => {
      if (b.dropped) this.skip[i] = i + 1;
      else this.tree[i + 1] = b.text.length;
    });
    for (let k = 1; k <= n; k++) {
      const up = k + (k & -k);
      if (up <= n) this.tree[up] = (this.tree[up] as number) + (this.tree[k] as number);
    }
  }
  private add(i: number, v: number): void {
    for (let k = i + 1; k < this.tree.length; k += k & -k) this.tree[k] = (this.tree[k] as number) + v;
  }
  private sum(end: number): number {
    let s = 0;
    for (let k = end; k > 0; k -= k & -k) s += this.tree[k] as number;
    return s;
  }
  private next(i: number): number {
    let r = i;
    while ((this.skip[r] as number) !== r) r = this.skip[r] as number;
    for (let k = i; k !== r; ) {
      const up = this.skip[k] as number;
      this.skip[k] = r;
      k = up;
    }
    return r;
  }
  /** Characters of the blocks in [start, end) not left out. */
  chars(start: number, end: number): number {
    return this.sum(end) - this.sum(start);
  }
  drop(start: number, end: number): void {
    for (let i = this.next(start); i < end; i = this.next(i)) {
      const b = this.blocks[i] as RawBlock;
      b.dropped = true;
      this.add(i, -b.text.length);
      this.skip[i] = i + 1;
    }
  }
}

/** prefix[i]: how many of the blocks before i pass the test (ranges counted in constant time). */
function prefixCount(blocks: readonly RawBlock[], test: (b: RawBlock) => number): Float64Array {
  const prefix = new Float64Array(blocks.length + 1);
  blocks.forEach((b, i) => (prefix[i + 1] = (prefix[i] as number) + test(b)));
  return prefix;
}
const inRange = (prefix: Float64Array, start: number, end: number): number => (prefix[end] as number) - (prefix[start] as number);

/** Leaves out the small boilerplate elements now (blocks and DOM); returns the big ones, to judge once the main content is known. */
export function dropBoilerplate(x: Extracted): DropCandidate[] {
  const marks = new Dropper(x.blocks);
  const total = marks.chars(0, x.blocks.length);
  // A 'widget' is left out when it holds links but not two headline links of four words or more (a "most read" list).
  let links: Float64Array | null = null;
  let headlines: Float64Array | null = null;
  const softDrop = (d: DropCandidate): boolean => {
    links ??= prefixCount(x.blocks, (b) => (b.link === null ? 0 : 1));
    headlines ??= prefixCount(x.blocks, (b) => (b.link !== null && wordCount(b.text) >= 4 ? 1 : 0));
    return inRange(links, d.start, d.end) > 0 && inRange(headlines, d.start, d.end) < 2;
  };
  const later: DropCandidate[] = [];
  for (const d of x.drops) {
    if (d.structural || (d.soft && !softDrop(d))) continue;
    if (marks.chars(d.start, d.end) >= BIG_DROP_SHARE * total) {
      later.push(d);
      continue;
    }
    marks.drop(d.start, d.end);
    d.el.remove();
  }
  return later;
}

function dropAll(blocks: RawBlock[], drops: readonly DropCandidate[]): void {
  if (drops.length === 0) return;
  const marks = new Dropper(blocks);
  for (const d of drops) marks.drop(d.start, d.end);
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
    dropAll(blocks, later);
    return { title: null, missing: `Readability failed (${e instanceof Error ? e.message : String(e)})` };
  }
  const content = result?.content;
  const title = result?.title?.trim() || null;
  if (!content) {
    dropAll(blocks, later);
    return { title, missing: 'Readability found no content' };
  }
  markKept(content, x);
  const isMain = (b: RawBlock): boolean => b.zone === 'main';
  // Big boilerplate elements: kept only if they hold a good share of the main content (a page wrapper named "nav-open").
  const mainChars = prefixCount(blocks, (b) => (isMain(b) && !b.dropped ? b.text.length : 0));
  const mainTotal = inRange(mainChars, 0, blocks.length);
  const vetoed = later.filter((d) => inRange(mainChars, d.start, d.end) >= VETO_MAIN_SHARE * mainTotal);
  const kept = new Set(vetoed);
  dropAll(blocks, later.filter((d) => !kept.has(d)));
  for (const b of blocks) if (b.dropped) b.zone = 'aside';
  keepToHeadlineArticle(blocks, x.containers);
  const missing = judge(blocks, x.containers);
  if (!missing) dropRepeatedQuotes(blocks);
  if (missing) {
    // Without main content a boilerplate element holds nothing to keep (a cookie wall over the whole page).
    dropAll(blocks, vetoed);
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

/** A pull quote is at most this many characters, and at least PULL_QUOTE_MIN_WORDS words. */
const PULL_QUOTE_MAX_CHARS = 300;
const PULL_QUOTE_MIN_WORDS = 4;
/** …and repeats a paragraph at most this many main blocks away. */
const PULL_QUOTE_REACH = 12;

/**
 * Repetition inside the article: a short plain main block whose words all stand, in order, in a longer main block
 * (a pull quote printed again between the paragraphs) is left out.
 */
function dropRepeatedQuotes(blocks: RawBlock[]): void {
  const body = blocks.filter((b) => b.zone === 'main' && !b.dropped && !b.hint);
  const isShort = (b: RawBlock): boolean => b.text.length <= PULL_QUOTE_MAX_CHARS && wordCount(b.text) >= PULL_QUOTE_MIN_WORDS;
  if (!body.some(isShort)) return;
  const keys = body.map((b) => ` ${foldKey(b.text)} `);
  for (let i = 0; i < body.length; i++) {
    const q = body[i] as RawBlock;
    const key = keys[i] as string;
    if (!isShort(q) || key.trim().length === 0) continue;
    // The quoted paragraph stands near its pull quote: the search is bounded (no quadratic cost on long pages).
    for (let j = Math.max(0, i - PULL_QUOTE_REACH); j < Math.min(body.length, i + PULL_QUOTE_REACH + 1); j++) {
      const b = body[j] as RawBlock;
      if (j === i || b.dropped || b.text.length <= q.text.length) continue;
      if ((keys[j] as string).includes(key)) {
        q.dropped = true;
        q.zone = 'aside';
        break;
      }
    }
  }
}

/**
 * The page's <article> that holds its <h1> ends the main article where it ends: when it holds an article's worth of
 * main text on its own, main blocks outside it (an "about us" box, a sign-up text Readability took along with it from
 * the same parent) are not the article. The innermost such <article> counts.
 */
function keepToHeadlineArticle(blocks: RawBlock[], containers: readonly Container[]): void {
  const isBody = (b: RawBlock): boolean => b.zone === 'main' && (!b.hint || b.hint === 'boilerplate');
  // containers are in post-order: the first match is the innermost.
  const own = containers.find((c) => c.kind === 'article' && c.hasH1 && chars(blocks, c.start, c.end, isBody) >= MIN_MAIN_CHARS);
  if (!own) return;
  for (let i = 0; i < blocks.length; i++) if (i < own.start || i >= own.end) (blocks[i] as RawBlock).zone = 'aside';
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
  // Only cards whose headline links elsewhere are teasers: the entries of a live blog (a heading, a time, a
  // paragraph each) look like cards but are the article.
  const linked = cards.filter((c) => blocks.slice(c.start, c.end).some((b) => isHeadline(b) && b.link !== null));
  let inCards = 0;
  for (const c of linked) inCards += chars(blocks, c.start, c.end, isMain);
  if (linked.length >= 3 && inCards >= 0.5 * total) return `the main content is a list of ${linked.length} cards`;
  for (const c of linked) for (let i = c.start; i < c.end; i++) (blocks[i] as RawBlock).zone = 'aside';
  const body = chars(blocks, 0, blocks.length, (b) => isMain(b) && (!b.hint || b.hint === 'boilerplate'));
  if (body < MIN_MAIN_CHARS) return `only ${body} characters of main text`;
  return null;
}
