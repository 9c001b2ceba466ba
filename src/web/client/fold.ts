/**
 * Arabic-aware word matching for the page's own search (the embedded report has no server): diacritics and
 * tatweel dropped, hamza and alef forms folded, ى→ي, ة→ه, Arabic-Indic digits to ASCII, and leading clitics
 * (و ف, then ال بال كال لل ب ل ك) tried off. A query word matches a text word when one of the text word's bases equals
 * one of the query's keys, or starts with it and adds at most a short suffix ("قاعدة" → "قاعد" finds "القاعدتين").
 * Every query term must match (AND); "…" in a query is a phrase: its words next to each other, in order.
 * DOM-free: Node tests import it.
 */

const MARKS = /[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const WORD = /[\p{L}\p{M}\p{N}_]+/gu;

/** One word (or any string) folded for matching. */
export function fold(s: string): string {
  return s
    .normalize('NFC')
    .replace(MARKS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ؤ/g, 'و')
    .replace(/[ئىی]/g, 'ي')
    .replace(/ة/g, 'ه')
    .replace(/ک/g, 'ك')
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .toLowerCase();
}

const CONJ = ['و', 'ف'];
const PREFIXES = ['بال', 'كال', 'لل', 'ال', 'ب', 'ل', 'ك'];

/** The folded word and what is left with its leading clitics taken off (at least 2 letters left). */
export function bases(folded: string): string[] {
  const out = new Set<string>([folded]);
  const firsts = [folded];
  for (const c of CONJ) if (folded.startsWith(c) && folded.length - c.length >= 3) firsts.push(folded.slice(c.length));
  for (const w of firsts) {
    out.add(w);
    for (const p of PREFIXES) {
      const left = w.length - p.length;
      if (w.startsWith(p) && left >= (p.length === 1 ? 3 : 2)) out.add(w.slice(p.length));
    }
  }
  return [...out];
}

const SUFFIXES = ['تين', 'تان', 'ات', 'ون', 'ين', 'ان', 'ه'];
const MAX_SUFFIX = 4;

/** What a query word may be found as: its bases, each also with one light suffix off. */
export function queryKeys(word: string): string[] {
  const out = new Set<string>();
  for (const b of bases(fold(word))) {
    out.add(b);
    for (const s of SUFFIXES) if (b.endsWith(s) && b.length - s.length >= 3) out.add(b.slice(0, -s.length));
  }
  return [...out];
}

export interface Token { start: number; end: number; bases: string[] }

/** The words of a text with their UTF-16 offsets and folded bases. */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(WORD)) {
    const start = m.index ?? 0;
    const folded = fold(m[0]);
    if (folded === '') continue;
    out.push({ start, end: start + m[0].length, bases: bases(folded) });
  }
  return out;
}

function wordMatches(t: Token, keys: readonly string[]): boolean {
  for (const b of t.bases) {
    for (const k of keys) {
      if (b === k) return true;
      if (k.length >= 3 && b.length - k.length <= MAX_SUFFIX && b.startsWith(k)) return true;
    }
  }
  return false;
}

/** A query: terms that must all match; a term of several words is a phrase. */
export type Query = string[][][];

export function parseQuery(q: string): Query {
  const terms: Query = [];
  const add = (words: string[]): void => {
    const keys = words.map(queryKeys).filter((k) => k.length > 0 && k.some((x) => x !== ''));
    if (keys.length > 0) terms.push(keys);
  };
  const parts = q.split('"');
  parts.forEach((part, i) => {
    const words = [...part.matchAll(WORD)].map((m) => m[0]);
    if (i % 2 === 1) add(words);
    else for (const w of words) add([w]);
  });
  return terms;
}

/** Spans [start, end) where one term matches, in text order. */
export function termSpans(tokens: readonly Token[], term: readonly string[][]): [number, number][] {
  const out: [number, number][] = [];
  const n = term.length;
  for (let i = 0; i + n <= tokens.length; i++) {
    let ok = true;
    for (let k = 0; k < n && ok; k++) ok = wordMatches(tokens[i + k] as Token, term[k] as string[]);
    if (ok) out.push([(tokens[i] as Token).start, (tokens[i + n - 1] as Token).end]);
  }
  return out;
}

/** Whether every term of the query matches somewhere in the text (an empty query matches everything). */
export function matchesAll(text: string, query: Query): boolean {
  if (query.length === 0) return true;
  const tokens = tokenize(text);
  return query.every((t) => termSpans(tokens, t).length > 0);
}

export interface Snippet { snippet: string; highlights: [number, number][] }

/** A window of `text` around its first span (about `width` characters), with the spans inside it moved to match. */
export function snippetAround(text: string, spans: readonly [number, number][], width = 280): Snippet {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const first = sorted[0];
  let from = 0;
  let to = Math.min(text.length, width);
  if (first !== undefined && first[1] > to - 40) {
    from = Math.max(0, first[0] - Math.floor(width / 3));
    to = Math.min(text.length, from + width);
  }
  if (from > 0) {
    const sp = text.indexOf(' ', from);
    if (sp !== -1 && first !== undefined && sp < first[0]) from = sp + 1;
  }
  if (to < text.length) {
    const sp = text.lastIndexOf(' ', to);
    if (sp > from && (first === undefined || sp >= first[1])) to = sp;
  }
  const pre = from > 0 ? '… ' : '';
  const post = to < text.length ? ' …' : '';
  const highlights: [number, number][] = [];
  let last = -1;
  for (const [s, e] of sorted) {
    if (s < from || e > to || s < last) continue;
    highlights.push([s - from + pre.length, e - from + pre.length]);
    last = e;
  }
  return { snippet: pre + text.slice(from, to).replace(/\s/g, ' ') + post, highlights };
}
