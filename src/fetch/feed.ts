/**
 * Feeds: RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed → the feed's title and its items (absolute link, title,
 * publication date, id) in the feed's order. A feed is recognised by its content — the root element after the
 * XML prolog (`<rss`, `<rdf:RDF`, `<feed xmlns="http://www.w3.org/2005/Atom"`) or JSON Feed's
 * `"version": "https://jsonfeed.org/version/…"` — never by its address or Content-Type alone.
 *
 * Feeds in the wild are often malformed (an unescaped "&", raw HTML in a description, a missing close tag, a
 * download cut short), so XML feeds are read by a small tolerant scanner (xml-scan.ts), not a strict parser nor a
 * DOM: one pass over the text, in time linear in its length whatever it holds (a DOM of 100,000 unclosed
 * elements nests 100,000 deep). Only the fields rasd needs are kept, and only from the direct children of an item
 * (a `<link>` inside an item's HTML description is not the item's link). An item counts once it is closed — by
 * its own end tag or an enclosing one; an item still open when the text ends was cut off and is dropped.
 * Element names are matched as written, with the prefix the feed binds to the Atom or RSS 1.0 namespace; CDATA is
 * kept as text; titles lose their HTML tags and entities (also HTML's, also escaped twice).
 *
 * Bytes are decoded honouring, in order, a BOM, valid UTF-8 (Arabic in a single-byte encoding never is), the HTTP
 * charset when given (unless it is the Latin-1 default many servers send and the document declares another), the
 * XML declaration's encoding, and else detection (`src/input/encoding.ts`). Links are resolved against `xml:base` (Atom) and the feed's URL; only http(s) links
 * are kept and items without one are dropped. Dates are ISO 8601 in UTC; a date and time with no zone is read as
 * UTC. At most 500 items are read. Nothing here throws: a feed that cannot be read is null.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { detectEncoding } from '../input/encoding.js';
import { decodeEntities, scanXml, type XmlElement } from './xml-scan.js';

export interface FeedItem {
  /** The item's link, absolute (http or https). */
  url: string;
  title: string | null;
  /** ISO 8601, UTC. */
  published: string | null;
  id: string | null;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

export interface ParseFeedOptions {
  /** The charset of the HTTP Content-Type header (FetchResult.charset), if any. */
  charset?: string | null;
  /** At most this many items (default 500). */
  maxItems?: number;
}

export const MAX_FEED_ITEMS = 500;

const ATOM_NS = 'http://www.w3.org/2005/Atom';
const RSS1_NS = ['http://purl.org/rss/1.0/', 'http://my.netscape.com/rdf/simple/0.9/'];

/** Whether bytes or text are a feed, by their root element (or JSON Feed's version) in the first 4 KB. */
export function looksLikeFeed(input: Uint8Array | string): boolean {
  const head = sniffHead(input);
  const start = head.slice(prologEnd(head));
  if (start.startsWith('{')) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(head);
  return /^<rss[\s>]/i.test(start) || /^<rdf:RDF[\s>]/.test(start) || /^<(?:[\w.-]+:)?feed\b[^>]*\bxmlns(?::[\w.-]+)?\s*=\s*["']http:\/\/www\.w3\.org\/2005\/Atom\/?["']/.test(start);
}

/** The first 4 KB as Latin-1 text, with NUL bytes (of UTF-16) and a BOM dropped: enough to read the prolog. */
function sniffHead(input: Uint8Array | string): string {
  let head = typeof input === 'string' ? input.slice(0, 4096) : Buffer.from(input.buffer, input.byteOffset, Math.min(input.length, 4096)).toString('latin1');
  if (head.includes('\0')) head = head.replace(/\0/g, '');
  return head.replace(/^(?:\uFEFF|\xEF\xBB\xBF|\xFF\xFE|\xFE\xFF)/, '');
}

/** Where the first element starts: after white space, the XML declaration, processing instructions, comments, a doctype. */
function prologEnd(head: string): number {
  let i = 0;
  for (;;) {
    while (i < head.length && /\s/.test(head[i]!)) i++;
    let end: number;
    if (head.startsWith('<?', i)) end = head.indexOf('?>', i) + 2;
    else if (head.startsWith('<!--', i)) end = head.indexOf('-->', i) + 3;
    else if (/^<!doctype/i.test(head.slice(i, i + 9))) {
      const close = head.indexOf('>', i);
      const bracket = head.indexOf('[', i);
      end = bracket !== -1 && bracket < close ? head.indexOf('>', head.indexOf(']', bracket)) + 1 : close + 1;
    } else return i;
    if (end <= i) return head.length;
    i = end;
  }
}

/** Bytes → text (BOM, HTTP charset, XML declaration, detection); null for binary data. */
export function decodeFeedText(bytes: Uint8Array, charset?: string | null): string | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return new TextDecoder(a === 0xff ? 'utf-16le' : 'utf-16be').decode(bytes);
  // Arabic in a single-byte encoding is never valid UTF-8 (a letter byte is never followed by a continuation byte),
  // so bytes that are valid UTF-8 and not ASCII are UTF-8 whatever the header or the declaration says.
  if (!isAscii(bytes) && isUtf8(bytes)) return new TextDecoder('utf-8').decode(bytes);
  const declared = whatwg(/^<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9_.:-]+)/.exec(sniffHead(bytes).trimStart())?.[1]);
  const header = whatwg(charset);
  for (const enc of header === 'windows-1252' && declared ? [declared, header] : [header, declared]) {
    if (!enc || enc.startsWith('utf-16') || (enc === 'utf-8' && !isUtf8(bytes))) continue;
    return new TextDecoder(enc).decode(bytes);
  }
  if (isAscii(bytes)) return new TextDecoder('utf-8').decode(bytes);
  const detected = detectEncoding(bytes, true);
  return detected.kind === 'text' ? detected.text : null;
}

function whatwg(label: string | null | undefined): string | null {
  if (!label) return null;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return null;
  }
}

/** The feed in bytes or text, or null when it is not a feed rasd can read. Never throws. */
export function parseFeed(input: Uint8Array | string, baseUrl: string, options: ParseFeedOptions = {}): Feed | null {
  try {
    const text = typeof input === 'string' ? input : decodeFeedText(input, options.charset);
    if (text === null) return null;
    const body = text.replace(/^\uFEFF/, '').trimStart();
    const max = options.maxItems ?? MAX_FEED_ITEMS;
    return body.startsWith('{') ? jsonFeed(body, baseUrl, max) : xmlFeed(body, baseUrl, max);
  } catch {
    return null;
  }
}

/** The element names of one feed dialect: the feed-level element, the item element, and the fields read. */
interface Dialect {
  channel: string;
  /** The feed's title, a field of the feed-level element. */
  title: string;
  item: string;
  fields: string[];
  read: (item: XmlElement, base: string) => FeedItem | null;
}

function xmlFeed(text: string, baseUrl: string, max: number): Feed | null {
  let feedBase = baseUrl;
  let titleField = 'title';
  const items: FeedItem[] = [];
  const scan = scanXml(text, (root) => {
    const name = root.name;
    let d: Dialect;
    if (name === 'rss') d = rssDialect();
    else if (name === 'rdf:rdf') d = rdfDialect(prefixOf(root, RSS1_NS));
    else {
      const p = prefixOf(root, [ATOM_NS]);
      if (name !== `${p}feed` || !Object.values(root.attrs).some((v) => v.trim() === ATOM_NS)) return null;
      d = atomDialect(p);
      feedBase = withBase(root, baseUrl);
    }
    titleField = d.title;
    return {
      channel: d.channel,
      item: d.item,
      fields: d.fields,
      onItem: (el) => {
        const item = d.read(el, feedBase);
        if (item) items.push(item);
        return items.length < max;
      },
    };
  });
  if (scan === null) return null;
  return { title: cleanTitle(scan.channel?.fields.get(titleField)?.[0]?.text ?? null), items };
}

function rssDialect(): Dialect {
  return {
    channel: 'channel',
    title: 'title',
    item: 'item',
    fields: ['title', 'link', 'guid', 'pubdate', 'dc:date', 'published', 'updated', 'atom:link', 'feedburner:origlink'],
    read: (el, base) => {
      const guid = first(el, 'guid');
      const guidText = guid?.text.trim() || null;
      const guidLink = guid && guid.attrs['ispermalink']?.trim().toLowerCase() !== 'false' ? guidText : null;
      const links = el.fields.get('link') ?? [];
      const atomLink = (el.fields.get('atom:link') ?? []).find((l) => (l.attrs['rel'] ?? 'alternate') === 'alternate');
      const candidates = [first(el, 'feedburner:origlink')?.text, ...links.map((l) => l.text.trim() || l.attrs['href']), atomLink?.attrs['href'], guidLink];
      const url = firstUrl(candidates, base);
      if (!url) return null;
      const date = ['pubdate', 'dc:date', 'published', 'updated'].map((n) => first(el, n)?.text).find((t) => t?.trim());
      return { url, title: cleanTitle(first(el, 'title')?.text ?? null), published: isoDate(date ?? null), id: guidText };
    },
  };
}

function rdfDialect(p: string): Dialect {
  return {
    channel: `${p}channel`,
    title: `${p}title`,
    item: `${p}item`,
    fields: [`${p}title`, `${p}link`, 'dc:date'],
    read: (el, base) => {
      const about = el.attrs['rdf:about']?.trim() || null;
      const url = firstUrl([first(el, `${p}link`)?.text, about], base);
      if (!url) return null;
      return { url, title: cleanTitle(first(el, `${p}title`)?.text ?? null), published: isoDate(first(el, 'dc:date')?.text ?? null), id: about };
    },
  };
}

function atomDialect(p: string): Dialect {
  return {
    channel: `${p}feed`,
    title: `${p}title`,
    item: `${p}entry`,
    fields: [`${p}title`, `${p}link`, `${p}id`, `${p}published`, `${p}updated`, 'dc:date'],
    read: (el, feedBase) => {
      const base = withBase(el, feedBase);
      // the alternate link (an HTML one first), else the first link that is not the entry's own API address
      const links = el.fields.get(`${p}link`) ?? [];
      const alternates = links.filter((l) => (l.attrs['rel'] ?? 'alternate') === 'alternate');
      const link = alternates.find((l) => /html/i.test(l.attrs['type'] ?? 'text/html')) ?? alternates[0] ?? links.find((l) => !/^(self|edit)$/.test(l.attrs['rel'] ?? ''));
      const id = first(el, `${p}id`)?.text.trim() || null;
      const url = firstUrl([link?.attrs['href'], id], link ? withBase(link, base) : base);
      if (!url) return null;
      const date = [`${p}published`, `${p}updated`, 'dc:date'].map((n) => first(el, n)?.text).find((t) => t?.trim());
      return { url, title: cleanTitle(first(el, `${p}title`)?.text ?? null), published: isoDate(date ?? null), id };
    },
  };
}

function first(el: XmlElement, name: string): XmlElement | undefined {
  return el.fields.get(name)?.[0];
}

/** The prefix (`atom:`, or '' for the default namespace) that the element binds to one of the namespaces. */
function prefixOf(el: XmlElement, namespaces: string[]): string {
  for (const [name, value] of Object.entries(el.attrs)) {
    if (!namespaces.includes(value.trim())) continue;
    if (name === 'xmlns') return '';
    if (name.startsWith('xmlns:')) return `${name.slice(6)}:`;
  }
  return '';
}

function withBase(el: XmlElement, base: string): string {
  const xmlBase = el.attrs['xml:base'];
  return (xmlBase && absolute(xmlBase, base, false)) || base;
}

function jsonFeed(text: string, baseUrl: string, max: number): Feed | null {
  const feed = JSON.parse(text) as unknown;
  if (!isObject(feed) || typeof feed['version'] !== 'string' || !/^https?:\/\/jsonfeed\.org\/version\//.test(feed['version'])) return null;
  if (!Array.isArray(feed['items'])) return null;
  const items: FeedItem[] = [];
  for (const item of feed['items'] as unknown[]) {
    if (items.length >= max) break;
    if (!isObject(item)) continue;
    const url = firstUrl([str(item['url']), str(item['external_url'])], baseUrl);
    if (!url) continue;
    const id = typeof item['id'] === 'number' ? String(item['id']) : str(item['id'])?.trim() || null;
    items.push({ url, title: cleanTitle(str(item['title'])), published: isoDate(str(item['date_published']) ?? str(item['date_modified'])), id });
  }
  return { title: cleanTitle(str(feed['title'])), items };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : null;
}

/** The first candidate that resolves to an absolute http(s) URL. */
function firstUrl(candidates: Array<string | null | undefined>, base: string): string | null {
  for (const c of candidates) {
    const url = c?.trim() && absolute(c, base, true);
    if (url) return url;
  }
  return null;
}

function absolute(raw: string, base: string, httpOnly: boolean): string | null {
  const url = parseUrl(raw.trim(), base) ?? parseUrl(raw.trim()); // the second for a base that is no URL
  return url && (!httpOnly || url.protocol === 'http:' || url.protocol === 'https:') ? url.href : null;
}

function parseUrl(raw: string, base?: string): URL | null {
  try {
    return new URL(raw, base);
  } catch {
    return null;
  }
}

const TAG = /<\/?[a-zA-Z][^<>]*>/g;

/** Tags stripped (titles may be HTML, escaped or not), entities decoded, white space collapsed. */
function cleanTitle(raw: string | null): string | null {
  if (raw === null) return null;
  const t = decodeEntities(raw.replace(TAG, ' ')).replace(TAG, ' ').replace(/\s+/g, ' ').trim();
  return t || null;
}

/**
 * A feed date (RFC 822 as RSS writes it, ISO 8601 / RFC 3339 as Atom and JSON Feed do) → ISO 8601 in UTC, or null.
 * A date and time with no zone is read as UTC, so the result does not depend on the machine's time zone.
 */
export function isoDate(raw: string | null): string | null {
  if (!raw) return null;
  let s = raw.trim().replace(/\s*\([^)]*\)$/, '');
  // a year, or a month's name with a day: not a bare number, which Date.parse would take for a year
  if (!/\d{4}/.test(s) && !/\d\s*[A-Za-z]{3}|[A-Za-z]{3}\s*\d/.test(s)) return null;
  if (/^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/.test(s)) s += 'Z';
  else if (/\s\d{1,2}:\d{2}(?::\d{2})?$/.test(s)) s += ' +0000';
  let ms = Date.parse(s);
  // day names the parser does not know (in Arabic, misspelt) are dropped: the date is in the rest
  if (Number.isNaN(ms)) ms = Date.parse(s.replace(/^[^,\d]*,\s*/, ''));
  if (Number.isNaN(ms)) return null;
  const year = new Date(ms).getUTCFullYear();
  return year < 1970 || year > 2200 ? null : new Date(ms).toISOString();
}
