/**
 * What a page states about itself outside its text: <title>, og: and article: meta tags, JSON-LD. Read before the
 * walk removes the scripts.
 */
import type { DomDocument } from './dom-types.js';

/** What the head says; dates are already cut to YYYY-MM-DD. */
export interface HeadMeta {
  /** og:title, else <title>, site name not stripped yet. */
  title: string | null;
  /** Every headline the head gives (og:title, <title>, JSON-LD headline), to recognize the page's <h1>. */
  headlines: string[];
  siteName: string | null;
  /** article:published_time and the like. */
  metaDate: string | null;
  /** Less reliable meta names (pubdate, DC.date…), used after the body's own dates. */
  otherDate: string | null;
  jsonLdDate: string | null;
  publisher: string | null;
  /** article:modified_time, og:updated_time, JSON-LD dateModified: the last resort for the publication date. */
  modifiedDate: string | null;
  /** The page's own address: og:url, else <link rel="canonical">. */
  url: string | null;
  /** People the page names as the article's authors (JSON-LD author, author meta tags), not the outlet itself. */
  authors: string[];
}

const PUBLISHED_META = ['article:published_time', 'og:article:published_time', 'article:published', 'og:published_time', 'datepublished'];
const MODIFIED_META = ['article:modified_time', 'og:article:modified_time', 'og:updated_time', 'datemodified', 'last-modified', 'dcterms.modified'];
const OTHER_DATE_META = ['pubdate', 'publishdate', 'publish-date', 'publish_date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.created', 'parsely-pub-date', 'sailthru.date', 'date'];
/** schema.org article types (NewsArticle, ReportageNewsArticle, BlogPosting, LiveBlogPosting, Report…), also as URLs. */
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report|ReportageNews)$/;

/** YYYY-MM-DD from the start of an ISO-like date ("2024-03-05T23:30:00+03:00" → "2024-03-05", as written). */
export function isoDate(value: string | null | undefined): string | null {
  if (!value) return null;
  const m = /^\s*(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?![\d])/.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 2100 || mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const clean = (s: string | null | undefined): string | null => {
  const t = s?.replace(/\s+/g, ' ').trim();
  return t ? t : null;
};

/** Letters only, for comparing names and headlines. */
export const fold = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[\u064b-\u065f\u0670\u0640]/g, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const SEPARATOR = /\s+[|\-–—~/\\»«:·•]\s+|\s*[|»«·•]\s*/g;

/**
 * Strips a site name from a headline: a part that is one of `siteNames` (or holds/is held by one), at either end,
 * else a short last part after " | " or " - " when what is left has three words or more.
 */
export function stripSiteName(title: string, siteNames: readonly string[]): string {
  const parts: string[] = [];
  const seps: string[] = [];
  let last = 0;
  for (const m of title.matchAll(SEPARATOR)) {
    if (m.index === 0) continue;
    parts.push(title.slice(last, m.index));
    seps.push(m[0]);
    last = m.index + m[0].length;
  }
  parts.push(title.slice(last));
  if (parts.length < 2) return title.trim();
  const names = siteNames.map(fold).filter(Boolean);
  const isName = (p: string): boolean => {
    const f = fold(p);
    return f.length > 0 && names.some((n) => n === f || n.includes(f) || f.includes(n));
  };
  const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;
  let from = 0;
  let to = parts.length;
  while (to - from > 1 && isName(parts[to - 1] as string)) to--;
  while (to - from > 1 && isName(parts[from] as string)) from++;
  if (from === 0 && to === parts.length) {
    const tail = parts[to - 1] as string;
    const sep = (seps[to - 2] as string).trim();
    const head = parts.slice(0, to - 1).join(' ');
    if ((sep === '|' || sep === '-' || sep === '–' || sep === '—' || sep === '»') && words(tail) <= 4 && words(head) >= 3 && words(tail) < words(head)) to--;
  }
  let out = parts[from] as string;
  for (let i = from + 1; i < to; i++) out += (seps[i - 1] as string) + parts[i];
  return out.trim();
}

/** Nodes read at most in one page's JSON-LD: the walk is iterative and bounded (no deep or huge data can stall it). */
const MAX_LD_NODES = 2000;

/** Article objects kept at most from one page's JSON-LD (a page may list its related articles too). */
const MAX_LD_ARTICLES = 50;

const typesOf = (o: Record<string, unknown>): unknown[] => {
  const type = o['@type'];
  return Array.isArray(type) ? type : [type];
};

/**
 * Walks parsed JSON-LD (arrays, @graph, mainEntity, nesting) for article objects, in order; iterative, bounded.
 * Nodes with an @id are collected on the way, so that `"publisher": {"@id": "#org"}` can be read from the graph.
 */
function findArticles(data: unknown, ids: Map<string, Record<string, unknown>>, found: Record<string, unknown>[], budget: { nodes: number }): void {
  const queue: unknown[] = [data];
  for (let i = 0; i < queue.length && budget.nodes > 0; i++, budget.nodes--) {
    const v = queue[i];
    if (Array.isArray(v)) {
      for (let k = 0; k < v.length && queue.length < budget.nodes; k++) queue.push(v[k]);
    } else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const id = o['@id'];
      if (typeof id === 'string' && Object.keys(o).length > 1 && !ids.has(id)) ids.set(id, o);
      if (found.length < MAX_LD_ARTICLES && typesOf(o).some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) found.push(o);
      if (o['@graph']) queue.push(o['@graph']);
      if (o['mainEntity']) queue.push(o['mainEntity']);
    }
  }
}

/** "https://x.example/a/b/?utm=1#top" and "/a/b" → "/a/b" (path only, no trailing slash), or null. */
function pathOf(href: unknown, base: string | null): string | null {
  if (typeof href !== 'string' || !href.trim()) return null;
  try {
    const u = new URL(href.trim(), base ?? 'http://page.invalid/');
    return decodeURI(u.pathname).replace(/\/+$/, '') || '/';
  } catch {
    return null;
  }
}

/** The page's own article among several: the one at the page's address, else the one with its headline, else the first. */
function pickArticle(articles: readonly Record<string, unknown>[], url: string | null, titles: readonly string[]): Record<string, unknown> | null {
  const own = pathOf(url, null);
  if (own && own !== '/') {
    const at = articles.find((a) => {
      const entity = a['mainEntityOfPage'];
      const refs = [a['url'], a['@id'], entity, entity && typeof entity === 'object' ? (entity as Record<string, unknown>)['@id'] : null];
      return refs.some((r) => pathOf(r, url) === own);
    });
    if (at) return at;
  }
  const folded = titles.map(fold).filter(Boolean);
  const titled = articles.find((a) => {
    const h = typeof a['headline'] === 'string' ? fold(a['headline']) : '';
    return h.length > 0 && folded.some((t) => t === h || t.includes(h));
  });
  return titled ?? articles[0] ?? null;
}

const ORGANIZATION = /(?:Organization|Corporation|NewsMediaOrganization|WebSite|Brand)$/;

/** Names of people in an author value: a string, a Person (or untyped) object, an @id of one, a list of them. */
function authorNames(v: unknown, ids: ReadonlyMap<string, Record<string, unknown>>): string[] {
  const out: string[] = [];
  for (const a of (Array.isArray(v) ? v : [v]).slice(0, 10)) {
    if (typeof a === 'string') {
      const n = clean(a);
      if (n) out.push(n);
    } else if (a && typeof a === 'object') {
      let o = a as Record<string, unknown>;
      const id = o['@id'];
      if (o['name'] === undefined && typeof id === 'string') o = ids.get(id) ?? o;
      if (typesOf(o).some((t) => typeof t === 'string' && ORGANIZATION.test(t))) continue;
      const n = typeof o['name'] === 'string' ? clean(o['name']) : null;
      if (n) out.push(n);
    }
  }
  return out;
}

const AUTHOR_META = ['author', 'article:author', 'dc.creator', 'parsely-author', 'sailthru.author'];

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      // Common breakage: raw line breaks inside strings, trailing commas, HTML comments around the JSON.
      return JSON.parse(text.replace(/^\s*<!--|-->\s*$/g, '').replace(/[\r\n\t]+/g, ' ').replace(/,\s*([}\]])/g, '$1'));
    } catch {
      return null;
    }
  }
}

/** A name: a string, an object's name (or the name of the graph node its @id points to), the first of a list. */
const nameOf = (v: unknown, ids: ReadonlyMap<string, Record<string, unknown>>): string | null => {
  if (Array.isArray(v)) return nameOf(v[0], ids);
  if (typeof v === 'string') return clean(v);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const id = o['@id'];
    const n = o['name'] ?? (typeof id === 'string' ? ids.get(id)?.['name'] : undefined);
    return typeof n === 'string' ? clean(n) : null;
  }
  return null;
};

/** Reads <title>, meta tags and JSON-LD. */
export function readHeadMeta(document: DomDocument): HeadMeta {
  const metas = new Map<string, string>();
  for (const m of Array.from(document.querySelectorAll('meta'))) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').trim().toLowerCase();
    const content = clean(m.getAttribute('content'));
    if (key && content && !metas.has(key)) metas.set(key, content);
  }
  const ids = new Map<string, Record<string, unknown>>();
  const articles: Record<string, unknown>[] = [];
  const budget = { nodes: MAX_LD_NODES };
  for (const s of Array.from(document.querySelectorAll('script'))) {
    if (budget.nodes <= 0) break;
    if (/ld\+json/i.test(s.getAttribute('type') ?? '')) findArticles(parseJson(s.textContent ?? ''), ids, articles, budget);
  }
  const docTitle = clean(document.querySelector('title')?.textContent);
  const ogTitle = clean(metas.get('og:title')) ?? clean(metas.get('twitter:title'));
  const canonical = Array.from(document.querySelectorAll('link')).find((l) => /(?:^|\s)canonical(?:\s|$)/i.test(l.getAttribute('rel') ?? ''));
  const url = clean(metas.get('og:url')) ?? clean(canonical?.getAttribute('href'));
  const article = pickArticle(articles, url, [ogTitle, docTitle].filter((t): t is string => t !== null));
  const headline = article && typeof article['headline'] === 'string' ? clean(article['headline']) : null;
  const siteName = clean(metas.get('og:site_name'));
  const publisher = article ? nameOf(article['publisher'], ids) : null;
  const outlets = [siteName, publisher].filter((n): n is string => n !== null).map(fold);
  const people = [
    ...(article ? authorNames(article['author'], ids) : []),
    ...AUTHOR_META.map((k) => clean(metas.get(k))).filter((n): n is string => n !== null && !/^(?:https?:|www\.)/i.test(n)),
  ];
  const authors: string[] = [];
  for (const n of people) {
    const f = fold(n);
    if (!f || n.length > 60 || outlets.some((o) => o === f || o.includes(f) || f.includes(o)) || authors.some((a) => fold(a) === f)) continue;
    authors.push(n);
  }
  const firstDate = (keys: readonly string[]): string | null => {
    for (const k of keys) {
      const d = isoDate(metas.get(k));
      if (d) return d;
    }
    return null;
  };
  return {
    title: ogTitle ?? docTitle,
    headlines: [ogTitle, docTitle, headline].filter((t): t is string => t !== null),
    siteName,
    metaDate: firstDate(PUBLISHED_META),
    otherDate: firstDate(OTHER_DATE_META),
    jsonLdDate: article ? isoDate(typeof article['datePublished'] === 'string' ? article['datePublished'] : null) : null,
    publisher,
    modifiedDate: firstDate(MODIFIED_META) ?? (article ? isoDate(typeof article['dateModified'] === 'string' ? article['dateModified'] : null) : null),
    url,
    authors: authors.slice(0, 5),
  };
}
