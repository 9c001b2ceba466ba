/**
 * Search snippets: a window of the article text around its densest cluster of matches, with the matched words
 * highlighted.
 *
 * A query word matches wherever its term occurs; a phrase matches where its terms occur in order, next to each
 * other (as PostgreSQL's <-> sees them: detached proclitics are not terms). A phrase found nowhere in the text falls
 * back to its single terms, so there is still something to show. The window holds the hits that give the most
 * distinct query terms (phrases weigh their length) within `width` characters, the earliest such cluster winning,
 * with about a third of the spare room before it (all the text before it, when that fits). Its ends are moved to
 * word boundaries, inside the window and never past a hit (the start to a sentence start when there is one), and
 * marked "…" where text was cut; runs of spaces and line breaks become one space. Highlights are [start, end) UTF-16
 * offsets into the snippet of each whole original word matched (clitics and diacritics included). A cut never
 * splits a surrogate pair or leaves a mark without its letter.
 */
import { CH, SPACE, BREAK, MARK, ARABIC } from '../text/chars.js';
import { normalizeForMatch } from '../text/index.js';
import { indexTerms, indexTermsAt } from './terms.js';
import type { IndexedTerm } from './terms.js';
import type { ParsedQuery } from './query.js';

export interface Snippet {
  snippet: string;
  /** [start, end) UTF-16 offsets into `snippet`, sorted, not overlapping. */
  highlights: Array<[number, number]>;
}

const ELLIPSIS = '…';

interface Hit {
  start: number;
  end: number;
  /** The query word or phrase it matches. */
  key: string;
  weight: number;
  /** The original words to highlight. */
  words: IndexedTerm[];
}

function isSpace(c: number): boolean {
  const k = CH[c];
  return k === SPACE || k === BREAK;
}

/** Every occurrence of the query's words and phrases among the terms, by start. */
export function hitsIn(terms: IndexedTerm[], q: ParsedQuery): Hit[] {
  const hits: Hit[] = [];
  const single = new Set(q.words);
  q.phrases.forEach((ph, k) => {
    let found = false;
    for (let i = 0; i + ph.length <= terms.length; i++) {
      let j = 0;
      while (j < ph.length && terms[i + j]?.term === ph[j]) j++;
      if (j < ph.length) continue;
      hits.push(phraseHit(terms.slice(i, i + ph.length), k));
      found = true;
    }
    if (!found) for (const t of ph) single.add(t);
  });
  for (const t of terms) if (single.has(t.term)) hits.push({ start: t.start, end: t.end, key: t.term, weight: 1, words: [t] });
  return hits.sort(byPlace);
}

const phraseHit = (words: IndexedTerm[], k: number): Hit => ({
  start: (words[0] as IndexedTerm).start,
  end: (words[words.length - 1] as IndexedTerm).end,
  key: `"${k}`,
  weight: words.length,
  words,
});

const byPlace = (a: Hit, b: Hit): number => a.start - b.start || a.end - b.end;

/**
 * A term of Arabic letters only comes from an Arabic word alone (a number's or a Latin word's term has none), and it
 * is a piece of that word's folded form: the folded word less its proclitics (tokenize) and a suffix (stem). So every
 * word that gives it holds it in the folded text.
 */
function arabicOnly(term: string): boolean {
  if (term === '') return false;
  for (let i = 0; i < term.length; i++) if (CH[term.charCodeAt(i)] !== ARABIC) return false;
  return true;
}

/**
 * The terms of a text read piece by piece: the text is cut at whitespace (no token crosses it, and each piece is
 * tokenized as the whole text would be there), and a piece is tokenized only when asked for.
 */
class Pieces {
  private readonly read = new Map<number, { end: number; terms: IndexedTerm[] }>();
  constructor(private readonly text: string) {}
  /** Start of the piece that holds offset `p`. */
  startOf(p: number): number {
    let s = p;
    while (s > 0 && !isSpace(this.text.charCodeAt(s - 1))) s--;
    return s;
  }
  /** The piece starting at `start` (a piece start): where it ends and its terms. */
  at(start: number): { end: number; terms: IndexedTerm[] } {
    let piece = this.read.get(start);
    if (piece === undefined) {
      let end = start;
      while (end < this.text.length && !isSpace(this.text.charCodeAt(end))) end++;
      piece = { end, terms: indexTermsAt(this.text, start, end) };
      this.read.set(start, piece);
    }
    return piece;
  }
  /** Start of the first piece after offset `end`, or -1 at the end of the text. */
  after(end: number): number {
    let p = end;
    while (p < this.text.length && isSpace(this.text.charCodeAt(p))) p++;
    return p < this.text.length ? p : -1;
  }
  /** The terms of the phrase when the text's terms from the i-th term of the piece at `start` on are its terms. */
  phraseAt(start: number, i: number, ph: string[]): IndexedTerm[] | null {
    const words: IndexedTerm[] = [];
    let piece = this.at(start);
    let k = i;
    while (words.length < ph.length) {
      const t = piece.terms[k++];
      if (t === undefined) {
        const next = this.after(piece.end);
        if (next < 0) return null;
        piece = this.at(next);
        k = 0;
        continue;
      }
      if (t.term !== ph[words.length]) return null;
      words.push(t);
    }
    return words;
  }
}

/**
 * The same hits as hitsIn(indexTerms(text), q), reading only the pieces of the text where a query term occurs in the
 * folded text (and, for a phrase, the pieces after): a search hit's text is mostly words the query does not hold.
 * A query with a term that is not all Arabic letters reads the whole text.
 */
export function findHits(text: string, q: ParsedQuery): Hit[] {
  if (!q.all.every(arabicOnly)) return hitsIn(indexTerms(text), q);
  const folded = normalizeForMatch(text);
  const pieces = new Pieces(text);
  const found = new Set<number>();
  for (const t of q.all) {
    for (let p = folded.text.indexOf(t); p >= 0; p = folded.text.indexOf(t, p + 1)) found.add(pieces.startOf(folded.offsets[p] as number));
  }
  const starts = [...found].sort((a, b) => a - b);
  const hits: Hit[] = [];
  const single = new Set(q.words);
  q.phrases.forEach((ph, k) => {
    let any = false;
    for (const s of starts) {
      pieces.at(s).terms.forEach((t, i) => {
        if (t.term !== ph[0]) return;
        const words = pieces.phraseAt(s, i, ph);
        if (words === null) return;
        hits.push(phraseHit(words, k));
        any = true;
      });
    }
    if (!any) for (const t of ph) single.add(t);
  });
  for (const s of starts) {
    for (const t of pieces.at(s).terms) if (single.has(t.term)) hits.push({ start: t.start, end: t.end, key: t.term, weight: 1, words: [t] });
  }
  return hits.sort(byPlace);
}

/** The hits of the best window: most distinct weight, then most hits, then earliest. */
function bestCluster(hits: Hit[], width: number): Hit[] {
  let best: Hit[] = [];
  let bestScore = -1;
  for (let i = 0; i < hits.length; i++) {
    const first = hits[i] as Hit;
    const limit = first.start + width;
    const inside: Hit[] = [first];
    for (let j = i + 1; j < hits.length; j++) {
      const h = hits[j] as Hit;
      if (h.start >= limit) break;
      if (h.end <= limit) inside.push(h);
    }
    const seen = new Map<string, number>();
    for (const h of inside) seen.set(h.key, h.weight);
    let distinct = 0;
    for (const w of seen.values()) distinct += w;
    const score = distinct * 10_000 + Math.min(inside.length, 9_999);
    if (score > bestScore) {
      bestScore = score;
      best = inside;
    }
  }
  return best;
}

const SENTENCE_END = '.!?؟…;؛:';

/**
 * Start of the first sentence at or after `from` (before `max`), else of the first word: just after a space (that
 * follows a sentence end or holds a line break, for a sentence). `max` when there is none.
 */
function startBoundary(text: string, from: number, max: number): number {
  let word = -1;
  for (let p = from; p < max; p++) {
    if (p === 0) return 0;
    if (!isSpace(text.charCodeAt(p - 1)) || isSpace(text.charCodeAt(p))) continue;
    if (word < 0) word = p;
    let k = p - 1;
    let br = false;
    for (; k > 0 && isSpace(text.charCodeAt(k)); k--) br ||= CH[text.charCodeAt(k)] === BREAK;
    if (br || SENTENCE_END.includes(text[k] as string)) return p;
  }
  return word >= 0 ? word : max;
}

/** End of the last word at or before `from` (not before `min`): just before a space, or the end of the text. */
function endBoundary(text: string, from: number, min: number): number {
  for (let p = from; p > min; p--) {
    if (p === text.length || (!isSpace(text.charCodeAt(p - 1)) && isSpace(text.charCodeAt(p)))) return p;
  }
  return min;
}

/** A hard cut at `p` (keep [..p)) moved back so that no surrogate pair is split and no mark is left without its letter. */
function safeEnd(text: string, p: number): number {
  let q = Math.min(p, text.length);
  const low = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;
  while (q > 0 && q < text.length && (low(text.charCodeAt(q)) || CH[text.charCodeAt(q)] === MARK)) q--;
  return q;
}

/** The snippet of text[a, b) with whitespace runs collapsed, "…" where cut, and the words highlighted. */
function render(text: string, a: number, b: number, words: IndexedTerm[]): Snippet {
  let lo = 0;
  let hi = text.length;
  while (lo < hi && isSpace(text.charCodeAt(lo))) lo++;
  while (hi > lo && isSpace(text.charCodeAt(hi - 1))) hi--;
  let s = Math.max(a, lo);
  let e = Math.min(b, hi);
  while (s < e && isSpace(text.charCodeAt(s))) s++;
  while (e > s && isSpace(text.charCodeAt(e - 1))) e--;
  let out = s > lo ? ELLIPSIS : '';
  const at = new Int32Array(Math.max(0, e - s) + 1); // original offset - s → snippet offset
  let i = s;
  while (i < e) {
    if (isSpace(text.charCodeAt(i))) {
      at[i - s] = out.length;
      out += ' ';
      let j = i + 1;
      while (j < e && isSpace(text.charCodeAt(j))) at[j++ - s] = out.length;
      i = j;
    } else {
      let j = i;
      for (; j < e && !isSpace(text.charCodeAt(j)); j++) at[j - s] = out.length + (j - i);
      out += text.slice(i, j);
      i = j;
    }
  }
  at[e - s] = out.length;
  if (e < hi) out += ELLIPSIS;
  const highlights: Array<[number, number]> = [];
  const done = new Set<number>();
  for (const w of [...words].sort((x, y) => x.start - y.start)) {
    if (w.start < s || w.end > e || done.has(w.start)) continue;
    done.add(w.start);
    highlights.push([at[w.start - s] as number, at[w.end - s] as number]);
  }
  return { snippet: out, highlights };
}

/** A window of `text` around its best cluster of hits, or null when nothing matches. */
function around(text: string, q: ParsedQuery, width: number): Snippet | null {
  const hits = findHits(text, q);
  if (hits.length === 0) return null;
  const cluster = bestCluster(hits, width);
  const first = cluster[0] as Hit;
  const from = first.start;
  const to = Math.max(...cluster.map((h) => h.end));
  const spare = Math.max(0, width - (to - from));
  // The text before the cluster fits in the spare room: start at the beginning rather than cut off a word or two.
  let a = from <= spare ? 0 : from - Math.floor(spare / 3);
  let b = a + Math.max(width, to - from);
  if (a < 0) {
    b -= a;
    a = 0;
  }
  if (b > text.length) {
    a = Math.max(0, a - (b - text.length));
    b = text.length;
  }
  a = startBoundary(text, a, from);
  b = endBoundary(text, b, to);
  const words: IndexedTerm[] = [];
  for (const h of hits) if (h.start >= a && h.end <= b) words.push(...h.words);
  return render(text, a, b, words);
}

/** The start of `text`, about `width` characters cut at a word boundary. */
function head(text: string, width: number): Snippet {
  let lo = 0;
  while (lo < text.length && isSpace(text.charCodeAt(lo))) lo++;
  const limit = lo + width;
  if (limit >= text.length) return render(text, lo, text.length, []);
  let b = endBoundary(text, limit, lo);
  if (b === lo) b = safeEnd(text, limit); // no space in the first `width` characters
  return render(text, lo, b, []);
}

/**
 * The snippet of a search hit: a window of `text` around its best match; the title, when only the title matches;
 * else the start of the text (of the title when the text is empty).
 */
export function snippet(text: string, title: string, q: ParsedQuery, width = 240): Snippet {
  const w = Math.max(1, Math.floor(Number.isFinite(width) ? width : 240));
  return around(text, q, w) ?? around(title, q, w) ?? (text.trim() === '' ? head(title, w) : head(text, w));
}
