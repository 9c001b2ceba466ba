/**
 * A tolerant one-pass XML scanner for feeds (feed.ts). It reads tags, text, CDATA, comments, processing
 * instructions and doctypes left to right — each character is looked at a bounded number of times, so the cost is
 * linear in the text whatever it holds (unclosed elements, CDATA or comments, quotes that never close) — and keeps
 * only what the caller names: one feed-level element, the item elements, and the fields of each (their direct
 * children with the given names: text and attributes). A mismatched end tag closes the elements opened after its
 * own start tag, as HTML parsers do; an end tag with no open element of its name is ignored. Items are handed to
 * the caller as they close; an item still open when the text ends was cut off and is not. Never throws.
 */
import { parseHTML } from 'linkedom';

export interface XmlElement {
  /** The name as written, lower-cased (`pubdate`, `dc:date`, `atom:link`). */
  name: string;
  /** Attributes by lower-cased name, values with entities decoded. */
  attrs: Record<string, string>;
  /** For a field: its text, entities decoded, CDATA as written, the text of elements inside it included. */
  text: string;
  /** For the feed-level element and items: their fields by name, in document order. */
  fields: Map<string, XmlElement[]>;
}

export interface ScanPlan {
  /** The feed-level element (its fields, such as its title, are kept). */
  channel: string;
  /** The item element. */
  item: string;
  /** The field names read in the feed-level element and in items. */
  fields: string[];
  /** Called as each item closes; return false to stop reading. */
  onItem: (item: XmlElement) => boolean;
}

/** The most text kept for one field: enough for any title, link or date. */
const MAX_FIELD_TEXT = 64 * 1024;

/**
 * Scans `text`; `onRoot` sees the root element and says what to read (null: not a feed, stop). Returns the root and
 * the feed-level element, or null when there is no root element or `onRoot` refused it.
 */
export function scanXml(text: string, onRoot: (root: XmlElement) => ScanPlan | null): { root: XmlElement; channel: XmlElement | null } | null {
  const stack: string[] = [];
  const open = new Map<string, number>();
  const records: { el: XmlElement; depth: number; item: boolean }[] = [];
  let capture: { el: XmlElement; depth: number; record: XmlElement; parts: string[]; size: number } | null = null;
  let plan: ScanPlan | null = null;
  let fields = new Set<string>();
  let root: XmlElement | null = null;
  let channel: XmlElement | null = null;
  let stopped = false;

  const addText = (s: string): void => {
    if (capture && capture.size < MAX_FIELD_TEXT) {
      capture.parts.push(s);
      capture.size += s.length;
    }
  };
  const addField = (record: XmlElement, el: XmlElement): void => {
    const list = record.fields.get(el.name);
    if (list) list.push(el);
    else record.fields.set(el.name, [el]);
  };
  const push = (name: string): void => {
    stack.push(name);
    open.set(name, (open.get(name) ?? 0) + 1);
  };

  /** Whether a start tag's attributes are worth reading: the root's, an item's, the channel's, a field's. */
  const wanted = (name: string): boolean => root === null || plan === null || name === plan.item || name === plan.channel || fields.has(name);

  const start = (name: string, attrs: Record<string, string>, selfClosing: boolean): void => {
    if (root !== null && !wanted(name)) {
      if (!selfClosing) push(name);
      return;
    }
    const el: XmlElement = { name, attrs, text: '', fields: new Map() };
    if (root === null) {
      root = el;
      plan = onRoot(el);
      if (plan === null) {
        stopped = true;
        return;
      }
      fields = new Set(plan.fields);
    }
    const p = plan!;
    const depth = stack.length;
    const record = records.at(-1);
    if (name === p.item || (name === p.channel && channel === null)) {
      capture = null; // a field still open when an item starts was never closed
      if (name !== p.item) channel = el;
      if (!selfClosing) {
        records.push({ el, depth, item: name === p.item });
        push(name);
      }
      return;
    }
    if (capture === null && record && record.depth === depth - 1 && fields.has(name)) {
      if (selfClosing) addField(record.el, el);
      else capture = { el, depth, record: record.el, parts: [], size: 0 };
    }
    if (!selfClosing) push(name);
  };

  const end = (name: string): void => {
    if (!open.get(name)) return;
    for (;;) {
      const popped = stack.pop()!;
      open.set(popped, open.get(popped)! - 1);
      const depth = stack.length;
      if (capture && capture.depth === depth) {
        capture.el.text = capture.parts.join('');
        addField(capture.record, capture.el);
        capture = null;
      }
      const record = records.at(-1);
      if (record && record.depth === depth) {
        records.pop();
        if (record.item && !plan!.onItem(record.el)) {
          stopped = true;
          return;
        }
      }
      if (popped === name) return;
    }
  };

  const n = text.length;
  let i = 0;
  while (i < n && !stopped) {
    const lt = text.indexOf('<', i);
    if (lt === -1) {
      if (capture) addText(decodeEntities(text.slice(i)));
      break;
    }
    if (lt > i && capture) addText(decodeEntities(text.slice(i, lt)));
    const c = text[lt + 1];
    if (c === '!' && text.startsWith('<![CDATA[', lt)) {
      const close = text.indexOf(']]>', lt + 9);
      addText(text.slice(lt + 9, close === -1 ? n : close));
      i = close === -1 ? n : close + 3;
    } else if (c === '!' && text.startsWith('<!--', lt)) {
      const close = text.indexOf('-->', lt + 4);
      i = close === -1 ? n : close + 3;
    } else if (c === '?' || c === '!') {
      // a processing instruction, or a doctype (with its internal subset in brackets)
      let close = text.indexOf('>', lt);
      const bracket = text.indexOf('[', lt);
      if (c === '!' && bracket !== -1 && close !== -1 && bracket < close) {
        const endSubset = text.indexOf(']', bracket);
        close = endSubset === -1 ? -1 : text.indexOf('>', endSubset);
      }
      i = close === -1 ? n : close + 1;
    } else if (c === '/') {
      const close = text.indexOf('>', lt);
      if (close === -1) break;
      end(text.slice(lt + 2, close).trim().toLowerCase());
      i = close + 1;
    } else if (c !== undefined && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_')) {
      const tag = readTag(text, lt, wanted);
      if (tag === null) break;
      start(tag.name, tag.attrs, tag.selfClosing);
      i = tag.end;
    } else {
      addText('<');
      i = lt + 1;
    }
  }
  return root === null || plan === null ? null : { root, channel };
}

/** A start tag at `lt`: its name, attributes and where it ends; null when the text ends inside it. */
function readTag(text: string, lt: number, wanted: (name: string) => boolean): { name: string; attrs: Record<string, string>; selfClosing: boolean; end: number } | null {
  const n = text.length;
  let j = skip(NAME, text, lt + 1);
  const name = text.slice(lt + 1, j).toLowerCase();
  const attrs: Record<string, string> = {};
  const keep = wanted(name);
  for (;;) {
    j = skip(SPACE, text, j);
    if (j >= n) return null;
    const ch = text[j]!;
    if (ch === '>') return { name, attrs, selfClosing: false, end: j + 1 };
    if (ch === '/') {
      if (text[j + 1] === '>') return { name, attrs, selfClosing: true, end: j + 2 };
      j++;
      continue;
    }
    const k = j;
    j = skip(KEY, text, j);
    const key = text.slice(k, j).toLowerCase();
    j = skip(SPACE, text, j);
    let value = '';
    if (text[j] === '=') {
      j = skip(SPACE, text, j + 1);
      const q = text[j];
      if (q === '"' || q === "'") {
        const close = text.indexOf(q, j + 1);
        if (close === -1) return null;
        value = text.slice(j + 1, close);
        j = close + 1;
      } else {
        const v = j;
        j = skip(BARE_VALUE, text, j);
        value = text.slice(v, j);
      }
    }
    if (keep && key && !(key in attrs)) attrs[key] = decodeEntities(value);
  }
}

const NAME = /[^\s/>]*/y;
const KEY = /[^\s=/>]*/y;
const BARE_VALUE = /[^\s>]*/y;
const SPACE = /\s*/y;

/** Where a run of what the sticky pattern matches, starting at `at`, ends. */
function skip(pattern: RegExp, text: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : at;
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const entityCache = new Map<string, string>();

/** One of HTML's named references, read with the HTML parser the project already has (linkedom). */
function htmlEntity(name: string): string {
  const { document } = parseHTML(`<html><body>&${name};</body></html>`);
  return (document as unknown as { body: { textContent: string | null } }).body.textContent ?? `&${name};`;
}

/**
 * Decodes character references: numeric ones, XML's five, and HTML's named ones (`&hellip;`, `&laquo;`, `&nbsp;`),
 * which feeds use though XML does not define them. Unknown names are left as written.
 */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
    }
    const xml = XML_ENTITIES[ref];
    if (xml !== undefined) return xml;
    let decoded = entityCache.get(ref);
    if (decoded === undefined) {
      decoded = htmlEntity(ref);
      if (entityCache.size < 2048) entityCache.set(ref, decoded);
    }
    return decoded;
  });
}

