/** Parsing (linkedom), with the two repairs linkedom needs. */
import { parseHTML } from 'linkedom';
import type { DomDocument, DomElement } from './dom-types.js';
import { INLINE, REMOVE } from './dom.js';

/** Parses HTML into a document; without an <html> tag (linkedom needs one) the text is wrapped first. */
export function parseDocument(raw: string): DomDocument {
  return parsePage(raw).document;
}

/** An element or comment left open: the parser reads the rest of the page into it, and that text is never shown. */
export interface Unclosed {
  tag: string;
  /** Arabic letters in the text after it (tags left out): what the page loses. */
  hiddenLetters: number;
}

/**
 * parseDocument, and what parsing could not keep: how many elements nested past MAX_PARSE_DEPTH were flattened
 * (their tags left out) first, and an unclosed <script>, <style> or comment that hides the rest of the page.
 */
export function parsePage(raw: string): { document: DomDocument; flattened: number; unclosed: Unclosed | null } {
  const inert = cutInert(raw);
  const limited = limitNesting(inert.html);
  let unclosed: Unclosed | null = null;
  if (inert.unclosed) {
    const rest = raw.slice(inert.unclosed.at).replace(/<[^<>]*>/g, ' ');
    unclosed = { tag: inert.unclosed.tag, hiddenLetters: (rest.match(/[\u0621-\u064a]/g) ?? []).length };
  }
  return { document: build(limited.html), flattened: limited.flattened, unclosed };
}

function build(html: string): DomDocument {
  const src = /<html[\s>]/i.test(html)
    ? html
    : /<body[\s>]/i.test(html)
      ? `<!DOCTYPE html><html>${html}</html>`
      : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  const { document } = parseHTML(src);
  const doc = document as unknown as DomDocument;
  // linkedom keeps attribute names as written and reads them case-sensitively: old pages' CLASS= and HREF= are renamed.
  if (UPPER_ATTRIBUTE.test(src)) lowerAttributeNames(doc);
  return doc;
}

/**
 * Scripts (but JSON-LD, which holds the metadata), styles, SVG drawings, templates and comments carry no text a
 * reader sees; cutting them out before parsing spares building thousands of DOM nodes (measured: the DOM node
 * constructor was the largest single cost of the HTML stage).
 */
const INERT_OPEN = /<!--|<(script|style|svg|noscript|template)\b([^<>]*)>/gi;
/**
 * Cut in one pass, linear in the page: where an element's end was searched for is remembered, so a page of
 * thousands of unclosed <script>s or "<!--" costs one search, not one per opening. An opening with no end after it
 * stays for the parser (it reads the rest as that element's content, which the walk then removes).
 */
export function dropInertElements(html: string): string {
  return cutInert(html).html;
}

function cutInert(html: string): { html: string; unclosed: { tag: string; at: number } | null } {
  let unclosed: { tag: string; at: number } | null = null;
  // Per tag, the last search: from where, and the end found (start: where it starts; -1: none after `from`).
  const ends = new Map<string, { from: number; start: number; end: number }>();
  const endOf = (tag: string, from: number): number => {
    const known = ends.get(tag);
    if (known && known.from <= from && (known.start < 0 || known.start >= from)) return known.end;
    let at: number;
    let len: number;
    if (tag === '!--') {
      at = html.indexOf('-->', from);
      len = 3;
    } else {
      const closer = new RegExp(`</${tag}\\s*>`, 'gi');
      closer.lastIndex = from;
      const m = closer.exec(html);
      at = m ? m.index : -1;
      len = m ? m[0].length : 0;
    }
    const end = at < 0 ? -1 : at + len;
    ends.set(tag, { from, start: at, end });
    return end;
  };
  const out: string[] = [];
  let last = 0;
  INERT_OPEN.lastIndex = 0;
  for (let m = INERT_OPEN.exec(html); m; m = INERT_OPEN.exec(html)) {
    const tag = m[1]?.toLowerCase() ?? '!--';
    const end = endOf(tag, m.index + m[0].length);
    if (end < 0) {
      // <svg>, <noscript> and <template> are read as elements (the walk removes them); a script, a style or a
      // comment left open takes the rest of the page as its text.
      if (!unclosed && (tag === 'script' || tag === 'style' || tag === '!--')) unclosed = { tag: tag === '!--' ? '!--' : tag, at: m.index };
      continue;
    }
    INERT_OPEN.lastIndex = end;
    if (tag === 'script' && /application\/ld\+json/i.test(m[2] ?? '')) continue;
    out.push(html.slice(last, m.index));
    last = end;
  }
  if (last === 0) return { html, unclosed };
  out.push(html.slice(last));
  return { html: out.join(''), unclosed };
}

/** An attribute name starting upper-case (CLASS=, Href=; not SVG's viewBox=) in a tag. */
const UPPER_ATTRIBUTE = /<[A-Za-z][^<>]*?\s[A-Z][A-Za-z-]*\s*=/;

function lowerAttributeNames(doc: DomDocument): void {
  const all = doc.querySelectorAll('*');
  for (let i = 0; i < all.length; i++) {
    const el = all[i] as DomElement;
    const upper = Array.from(el.attributes).filter((a) => a.name !== a.name.toLowerCase());
    for (const { name, value } of upper) {
      el.removeAttribute(name);
      if (!el.hasAttribute(name.toLowerCase())) el.setAttribute(name.toLowerCase(), value);
    }
  }
}

/**
 * linkedom's parser slows down with the square of the nesting depth (12,500 nested <span>s: 0.16 s; 25,000: 1 s;
 * 50,000: 4.6 s), so tags nested deeper than this are left out before parsing: their text stays, in place, under the
 * element at this depth. No real page comes near it; flatten.ts flattens further for Readability.
 */
export const MAX_PARSE_DEPTH = 12_000;

/** A start or end tag (attribute values quoted or not, '>' inside quotes allowed). */
const TAG = /<(\/?)([A-Za-z][^\s/>]*)((?:\s*[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*\s*(\/?))>/g;
const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr', 'basefont', 'bgsound', 'frame', 'isindex']);
/** Elements whose text is raw: their content is skipped, not read for tags. */
const RAW_TEXT = new Set(['script', 'style', 'textarea', 'title', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);
/** Elements an opening tag of the same name closes (an unclosed <p>, <li>, <td>… does not nest). */
const SELF_CLOSING_SIBLINGS = new Set(['p', 'li', 'dt', 'dd', 'option', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot']);
const RAW_END = new Map<string, RegExp>();
/** An end tag closes the element of its name among this many open elements on top of the stack, else it is stray. */
const END_TAG_REACH = 64;

/**
 * Leaves out the start and end tags of elements nested deeper than `max` (the stack of open elements is followed as
 * a parser would, roughly: void elements, raw text, unclosed <p>/<li>/<td>). Linear in the length of the page; the
 * page is returned as it is when nothing is that deep.
 */
export function limitNesting(html: string, max = MAX_PARSE_DEPTH): { html: string; flattened: number } {
  // Cheap first look: a page with fewer start tags than `max` cannot nest that deep.
  let opens = 0;
  for (let i = html.indexOf('<'); i >= 0 && opens <= max; i = html.indexOf('<', i + 1)) opens++;
  if (opens <= max) return { html, flattened: 0 };
  const names: string[] = [];
  const dropped: boolean[] = [];
  // What is cut: [from, to, what goes in its place] (a block element's tag becomes a <br>: its text stays a block apart).
  const cut: Array<[number, number, string]> = [];
  const brk = (name: string): string => (INLINE.has(name) ? '' : '<br>');
  let depth = 0;
  let flattened = 0;
  // A deep element that is never read (dom.ts REMOVE: <object>, <select>…) is cut whole, content and all: with its
  // tags gone its fallback text would become page text. erase: its place on the stack and where it starts.
  let erase = -1;
  let eraseFrom = 0;
  TAG.lastIndex = 0;
  for (let m = TAG.exec(html); m; m = TAG.exec(html)) {
    const name = (m[2] as string).toLowerCase();
    const at = m.index;
    const end = at + m[0].length;
    if (m[1]) {
      const top = names.length - 1;
      for (let k = top; k >= 0 && k > top - END_TAG_REACH; k--) {
        if (names[k] !== name) continue;
        if (erase >= 0 && k <= erase) {
          // The erased element ends here (its own end tag), or an element around it does (before this tag).
          cut.push([eraseFrom, k === erase ? end : at, '']);
          if (k < erase && dropped[k]) cut.push([at, end, brk(name)]);
          erase = -1;
        } else if (erase < 0 && dropped[k]) cut.push([at, end, brk(name)]);
        names.length = k;
        dropped.length = k;
        depth = k;
        break;
      }
      continue;
    }
    if (VOID.has(name) || m[4]) continue;
    if (RAW_TEXT.has(name)) {
      let closer = RAW_END.get(name);
      if (!closer) RAW_END.set(name, (closer = new RegExp(`</${name}`, 'gi')));
      closer.lastIndex = end;
      const close = closer.exec(html);
      // Unclosed: the rest of the page is its text, with no tags in it (and no second search per opening).
      if (!close) break;
      TAG.lastIndex = close.index;
      continue;
    }
    if (SELF_CLOSING_SIBLINGS.has(name) && names[names.length - 1] === name) {
      names.pop();
      dropped.pop();
      depth--;
    }
    const deep = depth >= max;
    if (deep) {
      flattened++;
      if (erase < 0 && REMOVE.has(name)) [erase, eraseFrom] = [names.length, at];
      else if (erase < 0) cut.push([at, end, brk(name)]);
    }
    names.push(name);
    dropped.push(deep);
    depth++;
  }
  if (erase >= 0) cut.push([eraseFrom, html.length, '']);
  if (cut.length === 0) return { html, flattened: 0 };
  const parts: string[] = [];
  let last = 0;
  for (const [a, b, instead] of cut) {
    parts.push(html.slice(last, a), instead);
    last = b;
  }
  parts.push(html.slice(last));
  return { html: parts.join(''), flattened };
}
