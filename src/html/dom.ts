/**
 * The one walk over the DOM: text runs cut into raw blocks at block elements, <br> and hinted
 * elements; scripts, forms' controls and hidden elements removed; boilerplate and container elements recorded as
 * block ranges for the later steps to judge; every element kept is recorded for flatten.ts. The walk is iterative
 * (any depth is fine).
 */
import type { DomElement, DomDocument, DomNode, DomText } from './dom-types.js';
import type { BlockHint } from '../types.js';
import { splitRun, type Solid } from './runs.js';
import { readClassWords } from './words.js';
import type { ElementRecord } from './flatten.js';

/** A block before zones and groups are decided. */
export interface RawBlock {
  text: string;
  /** Tag of the element the text belongs to (nearest block element or hinted inline element). */
  tag: string;
  hint: BlockHint | undefined;
  /** href when the whole text is one link's text, else null. */
  link: string | null;
  zone: 'main' | 'aside';
  group: number | undefined;
  dropped: boolean;
}

/** Blocks [start, end) of the list are inside the element. */
export interface Range {
  start: number;
  end: number;
}

/** A card or article container. 'frame': <main>, [role=main], articleBody or an Article itemtype, not a card. */
export interface Container extends Range {
  kind: 'article' | 'li' | 'box' | 'frame';
  hasH1: boolean;
  /** Index of its element's record in `elements`. */
  rec: number;
}

/** A boilerplate element (nav, footer, share bar, …), left out unless it turns out to hold real content. */
export interface DropCandidate extends Range {
  el: DomElement;
  /** Kept when it holds teasers (two or more headline links). */
  soft: boolean;
  /** Holds an <h1>, <main>, articleBody or a non-boilerplate <article>: never left out. */
  structural: boolean;
}

/** A machine-readable date found in the body (<time datetime>, itemprop=datePublished). */
export interface DateMark {
  /** Index of the first block inside the element (its block, for a <time>), or of the next block if it has none. */
  pos: number;
  hasBlock: boolean;
  value: string;
  published: boolean;
}

export interface Extracted {
  blocks: RawBlock[];
  /** Each text node that holds more than whitespace → index of its block (Readability moves nodes, never copies them). */
  textNodes: Map<DomNode, number>;
  containers: Container[];
  drops: DropCandidate[];
  dates: DateMark[];
  /** Every element kept, in document order: what flatten.ts needs to bound the nesting Readability sees. */
  elements: ElementRecord[];
}

/** Elements never read: their text is code, controls, or fallback content. */
export const REMOVE: ReadonlySet<string> = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'applet', 'button', 'select',
  'option', 'optgroup', 'datalist', 'input', 'textarea', 'video', 'audio', 'canvas', 'map', 'head', 'title', 'meta',
  'link', 'base', 'param', 'source', 'track',
]);

/** Phrasing elements: they do not end a block. Every other element does. */
export const INLINE: ReadonlySet<string> = new Set([
  'a', 'abbr', 'acronym', 'b', 'bdi', 'bdo', 'big', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'img',
  'ins', 'kbd', 'label', 'mark', 'nobr', 'picture', 'q', 'rp', 'rt', 'ruby', 's', 'samp', 'small', 'span', 'strike',
  'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'output', 'meter', 'progress',
]);

const DROP_ROLES = new Set(['navigation', 'menu', 'menubar', 'search', 'banner', 'contentinfo', 'dialog', 'alertdialog']);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** A hint from class words applies to at most this many characters; a hint from the tag to at most TAG_HINT_CHARS. */
const CLASS_HINT_CHARS = 250;
const TAG_HINT_CHARS = 600;

const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/i;
/** Whitespace, and the invisible marks (bidi controls, zero-width characters) trimmed from a block's ends. */
const EDGE = /^[\s\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]+|[\s\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]+$/g;
/**
 * A separator left dangling where an element cut a line ("الرياض - الوكالة · <time>…</time> · 4 دقائق"): the dot or
 * bar joined the line to the cut-off part and belongs to neither. Dashes only at the end (a leading dash may be a
 * list's bullet).
 */
const DANGLING = /^[·•|]+\s+|\s+(?:[·•|]|[-–—](?=\s*$))+$/g;
/** A byline element's text that is prose (an author's bio: two sentences, or long): not a byline. */
const PROSE = /[.!؟?…]["»”)]*\s+\S.*[.!؟?…]["»”)]*$/su;
const PROSE_WORDS = 25;

const NO_STYLE: PropertyDescriptor = { value: Object.freeze({}) };

interface Frame {
  el: DomElement;
  tag: string;
  depth: number;
  boundary: boolean;
  start: number;
  chars: number;
  hint: BlockHint | null;
  hintChars: number;
  drop: 'hard' | 'soft' | null;
  container: Container['kind'] | null;
  inArticle: boolean;
  link: DomElement | null;
  hasH1: boolean;
  hasStructure: boolean;
  /** The nearest block or hinted frame (itself if it is one): the element its text runs belong to. */
  owner: Frame | null;
  ownDate: DateMark | null;
  /** Its record in `elements`, and that record's index. */
  rec: ElementRecord;
  recIndex: number;
}

function isHidden(el: DomElement): boolean {
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const style = el.getAttribute('style');
  return style !== null && HIDDEN_STYLE.test(style);
}

/** Cuts the body into raw blocks, removing what is never read from the document (which Readability reads next). */
export function extract(document: DomDocument): Extracted {
  const blocks: RawBlock[] = [];
  const containers: Container[] = [];
  const drops: DropCandidate[] = [];
  const dates: DateMark[] = [];
  const elements: ElementRecord[] = [];
  let totalChars = 0;
  const textNodes = new Map<DomNode, number>();

  // The pending run of text: its pieces, and for each solid piece its text node and link (null: not in a link).
  let pieces: string[] = [];
  let solid: Solid[] = [];

  const body = document.body ?? document.documentElement;
  if (!body) return { blocks, textNodes, containers, drops, dates, elements };
  const stack: Frame[] = [];

  const flush = (owner: Frame): void => {
    for (const part of splitRun(pieces, solid)) {
      const text = part.raw.replace(/\s+/g, ' ').replace(EDGE, '').replace(DANGLING, '');
      if (!text) continue;
      const href = part.link ? part.link.getAttribute('href') : null;
      const link = href && href !== '#' && !/^\s*javascript:/i.test(href) ? href : null;
      for (const n of part.nodes) textNodes.set(n, blocks.length);
      blocks.push({ text, tag: owner.tag, hint: part.hint, link, zone: 'aside', group: undefined, dropped: false });
      totalChars += text.length;
    }
    pieces = [];
    solid = [];
  };

  const push = (el: DomElement, parent: Frame | undefined): Frame => {
    const tag = el.localName.toLowerCase();
    const inArticle = parent ? parent.inArticle || parent.tag === 'article' : false;
    const words = readClassWords(el.getAttribute('class') ?? '', el.getAttribute('id') ?? '');
    const role = el.getAttribute('role');
    const itemprop = el.getAttribute('itemprop') ?? '';
    let hint: BlockHint | null = null;
    let hintChars = TAG_HINT_CHARS;
    if (HEADINGS.has(tag)) hint = 'heading';
    else if (tag === 'figcaption') hint = 'caption';
    else if (tag === 'time' || /\bdate(?:Published|Created|Modified)\b/.test(itemprop)) hint = 'date';
    else if (el.getAttribute('rel') === 'author' || /\bauthor\b/.test(itemprop)) hint = 'byline';
    else if (words.hint) [hint, hintChars] = [words.hint, CLASS_HINT_CHARS];
    let drop: Frame['drop'] = words.drop;
    const frameTag = tag === 'header' || tag === 'footer' || words.pageFrame;
    if (!drop && (tag === 'nav' || tag === 'form' || (role !== null && DROP_ROLES.has(role)) || (frameTag && !inArticle))) {
      drop = 'hard';
    }
    if (tag === 'body' || tag === 'html' || tag === 'main' || tag === 'article') drop = null;
    let container: Container['kind'] | null = null;
    const itemtype = el.getAttribute('itemtype') ?? '';
    if (tag === 'main' || role === 'main' || /\barticleBody\b/.test(itemprop) || /Article|BlogPosting/.test(itemtype)) container = 'frame';
    if (tag === 'article') container = 'article';
    else if (tag === 'li') container = 'li';
    else if (!container && (tag === 'div' || tag === 'section' || tag === 'aside')) container = 'box';
    const published = /\bdatePublished\b/.test(itemprop);
    const value = tag === 'time' ? el.getAttribute('datetime') : published ? (el.getAttribute('content') ?? el.getAttribute('datetime')) : null;
    const boundary = !INLINE.has(tag) || hint !== null || drop !== null;
    const f: Frame = {
      el, tag, depth: parent ? parent.depth + 1 : 0, boundary,
      start: blocks.length, chars: totalChars, hint, hintChars, drop, container, inArticle,
      link: tag === 'a' ? el : (parent?.link ?? null), hasH1: false,
      hasStructure: tag === 'main' || role === 'main' || /\barticleBody\b/.test(itemprop) || (tag === 'article' && !words.drop),
      owner: null, ownDate: value ? { pos: 0, hasBlock: false, value, published } : null,
      rec: { el, tag, parent: parent ? parent.recIndex : -1, text: 0, kids: 0 }, recIndex: elements.length,
    };
    elements.push(f.rec);
    f.owner = boundary ? f : (parent?.owner ?? f);
    if (parent) parent.rec.kids++;
    return f;
  };

  const exit = (f: Frame): void => {
    if (f.boundary) flush(f);
    const end = blocks.length;
    if (f.hint && end > f.start && totalChars - f.chars <= f.hintChars) {
      for (let i = f.start; i < end; i++) {
        const b = blocks[i] as RawBlock;
        if (b.hint) continue;
        const bio = f.hint === 'byline' && f.hintChars === CLASS_HINT_CHARS && (PROSE.test(b.text) || b.text.split(' ').length >= PROSE_WORDS);
        b.hint = bio ? 'boilerplate' : f.hint;
      }
    }
    if (f.ownDate && end > f.start) f.ownDate.hasBlock = true;
    const h1 = f.hasH1 || f.tag === 'h1';
    if (f.drop && end > f.start) drops.push({ el: f.el, start: f.start, end, soft: f.drop === 'soft', structural: h1 || f.hasStructure });
    if (f.container && end > f.start) {
      // A box around exactly the container just inside it (a wrapper) adds nothing: chains of wrappers stay one.
      const inner = containers[containers.length - 1];
      const wraps = f.container === 'box' && inner !== undefined && inner.start === f.start && inner.end === end;
      if (!wraps) containers.push({ kind: f.container, start: f.start, end, hasH1: h1, rec: f.recIndex });
    }
    const parent = stack[stack.length - 1];
    if (parent) {
      parent.hasH1 ||= h1;
      parent.hasStructure ||= f.hasStructure;
    }
  };

  stack.push(push(body, undefined));
  let node: DomNode | null = body.firstChild;
  for (;;) {
    const top = stack[stack.length - 1];
    if (!top) break;
    if (!node) {
      stack.pop();
      exit(top);
      if (stack.length === 0) break;
      node = top.el.nextSibling;
      continue;
    }
    if (node.nodeType === 3 || node.nodeType === 4) {
      const data = (node as DomText).data;
      if (data) {
        pieces.push(data);
        if (/[^\s\u200b-\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]/.test(data)) {
          solid.push({ node, link: top.link, at: pieces.length - 1 });
          top.rec.text += data.length;
        }
      }
      node = node.nextSibling;
      continue;
    }
    if (node.nodeType !== 1) {
      node = node.nextSibling;
      continue;
    }
    const el = node as DomElement;
    const tag = el.localName.toLowerCase();
    if (REMOVE.has(tag) || isHidden(el) || (tag === 'dialog' && !el.hasAttribute('open'))) {
      const content = tag === 'meta' && /\bdatePublished\b/.test(el.getAttribute('itemprop') ?? '') ? el.getAttribute('content') : null;
      if (content) dates.push({ pos: blocks.length, hasBlock: false, value: content, published: true });
      node = el.nextSibling;
      el.remove();
      continue;
    }
    if (tag === 'br' || tag === 'hr') {
      flush(top.owner ?? top);
      top.rec.kids++;
      node = el.nextSibling;
      continue;
    }
    // Readability reads `style` only to skip hidden elements, which are removed above; linkedom builds a style
    // object on every read (a tenth of Readability's time), so the element gets an empty one.
    Object.defineProperty(el, 'style', NO_STYLE);
    const f = push(el, top);
    if (f.boundary) flush(top.owner ?? top);
    f.start = blocks.length;
    f.chars = totalChars;
    if (f.ownDate) {
      f.ownDate.pos = blocks.length;
      dates.push(f.ownDate);
    }
    stack.push(f);
    node = el.firstChild;
  }
  return { blocks, textNodes, containers, drops, dates, elements };
}
