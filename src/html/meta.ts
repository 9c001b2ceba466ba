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
}

const PUBLISHED_META = ['article:published_time', 'og:article:published_time', 'article:published', 'og:published_time', 'datepublished'];
const OTHER_DATE_META = ['pubdate', 'publishdate', 'publish-date', 'publish_date', 'dc.date.issued', 'dcterms.issued', 'dc.date', 'dcterms.created', 'parsely-pub-date', 'sailthru.date', 'date'];
const ARTICLE_TYPE = /(?:Article|BlogPosting|Report)$/;

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

/** Walks parsed JSON-LD (arrays, @graph, nesting) for the first article object; iterative, bounded. */
function findArticle(data: unknown): Record<string, unknown> | null {
  const queue: unknown[] = [data];
  for (let seen = 0; queue.length > 0 && seen < 2000; seen++) {
    const v = queue.shift();
    if (Array.isArray(v)) queue.push(...v);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      const type = o['@type'];
      const types = Array.isArray(type) ? type : [type];
      if (types.some((t) => typeof t === 'string' && ARTICLE_TYPE.test(t))) return o;
      if (o['@graph']) queue.push(o['@graph']);
      if (o['mainEntity']) queue.push(o['mainEntity']);
    }
  }
  return null;
}

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

const nameOf = (v: unknown): string | null => {
  if (Array.isArray(v)) return nameOf(v[0]);
  if (typeof v === 'string') return clean(v);
  if (v && typeof v === 'object') {
    const n = (v as Record<string, unknown>)['name'];
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
  let article: Record<string, unknown> | null = null;
  for (const s of Array.from(document.querySelectorAll('script'))) {
    if (!/ld\+json/i.test(s.getAttribute('type') ?? '')) continue;
    article = findArticle(parseJson(s.textContent ?? ''));
    if (article) break;
  }
  const docTitle = clean(document.querySelector('title')?.textContent);
  const ogTitle = clean(metas.get('og:title')) ?? clean(metas.get('twitter:title'));
  const headline = article && typeof article['headline'] === 'string' ? clean(article['headline']) : null;
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
    siteName: clean(metas.get('og:site_name')),
    metaDate: firstDate(PUBLISHED_META),
    otherDate: firstDate(OTHER_DATE_META),
    jsonLdDate: article ? isoDate(typeof article['datePublished'] === 'string' ? article['datePublished'] : null) : null,
    publisher: article ? nameOf(article['publisher']) : null,
  };
}
