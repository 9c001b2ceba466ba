/**
 * Feeds: RSS 2.0, RSS 1.0 (RDF), Atom and JSON Feed, recognised by their content and read into a list of items
 * (absolute URL, title, publication date, id) in the feed's order. Feeds in the wild are often malformed (an
 * unescaped "&", HTML in a title, a missing close tag), so this reads them tolerantly, element by element, rather
 * than with a strict XML parser: what can be read is read, and nothing throws. Bytes are decoded as the XML
 * declaration says (windows-1256 feeds exist), else as UTF-8.
 */

export interface FeedItem {
  url: string;
  title: string | null;
  published: string | null;
  id: string | null;
}

export interface Feed {
  title: string | null;
  items: FeedItem[];
}

const MAX_ITEMS = 500;

function head(input: Uint8Array | string, n = 1024): string {
  return typeof input === 'string' ? input.slice(0, n) : Buffer.from(input.subarray(0, n)).toString('latin1');
}

/** Whether the bytes are a feed (RSS, RDF, Atom or JSON Feed). */
export function looksLikeFeed(input: Uint8Array | string): boolean {
  const h = head(input, 2048).replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart();
  if (h.startsWith('{')) return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(h);
  const body = h.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<\?xml-stylesheet[^>]*\?>/g, '').trimStart();
  return /^<rss[\s>]/i.test(body) || /^<rdf:RDF[\s>]/.test(body) || /^<feed[\s>][^>]*http:\/\/www\.w3\.org\/2005\/Atom/.test(body);
}

function decodeBytes(input: Uint8Array | string): string {
  if (typeof input === 'string') return input;
  const enc = /<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)["']/i.exec(head(input, 200))?.[1];
  try {
    return new TextDecoder(enc ?? 'utf-8').decode(input);
  } catch {
    return new TextDecoder('utf-8').decode(input);
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function unescape(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

/** The text of an element's content: CDATA unwrapped, tags dropped (a title with HTML in it), entities decoded. */
function textOf(inner: string): string {
  const cdata = inner.replace(/<!\[CDATA\[([\s\S]*?)\]\]>/g, (_m, c: string) => c.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  return unescape(unescape(cdata.replace(/<[^>]*>/g, ' ')).replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

/** The content of the first element named `name` (with or without a namespace prefix given in the name). */
function element(xml: string, name: string): { attrs: string; inner: string } | null {
  const re = new RegExp(`<${name}(\\s[^>]*)?(?:/>|>([\\s\\S]*?)</${name}\\s*>)`, 'i');
  const m = re.exec(xml);
  return m ? { attrs: m[1] ?? '', inner: m[2] ?? '' } : null;
}

function attr(attrs: string, name: string): string | null {
  const m = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`, 'i').exec(attrs);
  return m ? unescape(m[1] ?? m[2] ?? '') : null;
}

function absolute(href: string, base: string): string | null {
  try {
    const u = new URL(href.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

function isoDate(s: string | null | undefined): string | null {
  if (!s) return null;
  const t = Date.parse(s.trim());
  return Number.isNaN(t) ? null : new Date(t).toISOString();
}

function blocks(xml: string, name: string): string[] {
  const out: string[] = [];
  const re = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}\\s*>`, 'gi');
  for (const m of xml.matchAll(re)) {
    out.push(m[1] ?? '');
    if (out.length >= MAX_ITEMS) break;
  }
  return out;
}

function jsonFeed(text: string, base: string): Feed | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof doc !== 'object' || doc === null || !Array.isArray((doc as { items?: unknown }).items)) return null;
  const d = doc as { title?: unknown; items: unknown[] };
  const items: FeedItem[] = [];
  for (const it of d.items.slice(0, MAX_ITEMS)) {
    if (typeof it !== 'object' || it === null) continue;
    const i = it as Record<string, unknown>;
    const url = typeof i['url'] === 'string' ? absolute(i['url'], base) : typeof i['external_url'] === 'string' ? absolute(i['external_url'], base) : null;
    if (url === null) continue;
    items.push({ url, title: typeof i['title'] === 'string' ? i['title'] : null, published: isoDate(typeof i['date_published'] === 'string' ? i['date_published'] : null), id: typeof i['id'] === 'string' ? i['id'] : null });
  }
  return { title: typeof d.title === 'string' ? d.title : null, items };
}

/** A feed's items, or null when the input is no feed. */
export function parseFeed(input: Uint8Array | string, baseUrl: string): Feed | null {
  if (!looksLikeFeed(input)) return null;
  const text = decodeBytes(input).replace(/^\uFEFF/, '');
  if (text.trimStart().startsWith('{')) return jsonFeed(text, baseUrl);
  const xml = text.replace(/<!--[\s\S]*?-->/g, '');
  const atom = /<feed[\s>]/i.test(xml.slice(0, 2000)) && !/<rss[\s>]/i.test(xml.slice(0, 2000));
  const items: FeedItem[] = [];
  if (atom) {
    const feedHead = xml.split(/<entry[\s>]/i)[0] ?? '';
    for (const e of blocks(xml, 'entry')) {
      let href: string | null = null;
      for (const m of e.matchAll(/<link(\s[^>]*)\/?>/gi)) {
        const rel = attr(m[1] ?? '', 'rel');
        const h = attr(m[1] ?? '', 'href');
        if (h && (rel === null || rel === 'alternate')) {
          href = h;
          break;
        }
        href ??= h;
      }
      const url = href === null ? null : absolute(href, baseUrl);
      if (url === null) continue;
      const title = element(e, 'title');
      items.push({ url, title: title ? textOf(title.inner) : null, published: isoDate(element(e, 'published')?.inner ?? element(e, 'updated')?.inner), id: element(e, 'id') ? textOf(element(e, 'id')!.inner) : null });
    }
    const t = element(feedHead, 'title');
    return { title: t ? textOf(t.inner) || null : null, items };
  }
  const channel = element(xml, 'channel');
  const channelHead = (channel?.inner ?? xml).split(/<item[\s>]/i)[0] ?? '';
  for (const it of blocks(xml, 'item')) {
    const link = element(it, 'link');
    const guid = element(it, 'guid');
    const guidText = guid ? textOf(guid.inner) : null;
    const href = (link ? textOf(link.inner) || attr(link.attrs, 'href') : null) ?? (guid && attr(guid.attrs, 'isPermaLink') !== 'false' ? guidText : null);
    const url = href ? absolute(href, baseUrl) : null;
    if (url === null) continue;
    const title = element(it, 'title');
    const date = element(it, 'pubDate')?.inner ?? element(it, 'dc:date')?.inner ?? element(it, 'published')?.inner;
    items.push({ url, title: title ? textOf(title.inner) : null, published: isoDate(date ? textOf(date) : null), id: guidText });
  }
  const t = element(channelHead, 'title');
  return { title: t ? textOf(t.inner) || null : null, items };
}
