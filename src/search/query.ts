/**
 * Search query parsing and its PostgreSQL form.
 *
 * A query is words (all must match) and phrases in quotes: "…", «…» (or »…«), “…”, „…“. Every word goes through
 * indexTerms, exactly as the indexed text does, so the query and the index meet on the same terms. There are no
 * operators: "-", "|", "OR", "*" are punctuation or plain words. An unclosed quote runs to the end of the query.
 *
 * Stopwords are kept: the 'simple' configuration indexes every term, so a query word like "في" still matches, and a
 * phrase keeps its inner words ("وزير الخارجية في روسيا"). At most MAX_TERMS terms are read (the rest are ignored)
 * and at most MAX_QUERY_LENGTH characters.
 */
import { indexTerms } from './terms.js';

export interface ParsedQuery {
  /** Terms of the words outside quotes, distinct, in query order. */
  words: string[];
  /** Terms of each quoted phrase of two terms or more, distinct phrases, in query order. */
  phrases: string[][];
  /** Every distinct term of the query (words and phrase terms), in query order. */
  all: string[];
}

/** Most terms read from a query. */
export const MAX_TERMS = 50;
/** Most characters read from a query (cut back to a space). */
export const MAX_QUERY_LENGTH = 1000;

/** Opening quote → the marks that close it. */
const CLOSERS: ReadonlyMap<string, string> = new Map([
  ['"', '"”“'],
  ['«', '»'],
  ['»', '«'],
  ['“', '”"'],
  ['”', '”"'],
  ['„', '“”"'],
  ['＂', '＂"'],
]);

/** The [start, end) ranges of the query inside quotes (the marks themselves excluded). */
function quotedRanges(q: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let i = 0;
  while (i < q.length) {
    const closers = CLOSERS.get(q[i] as string);
    if (closers === undefined) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < q.length && !closers.includes(q[j] as string)) j++;
    out.push([i + 1, j]);
    i = j + 1;
  }
  return out;
}

function cut(q: string): string {
  if (q.length <= MAX_QUERY_LENGTH) return q;
  let end = MAX_QUERY_LENGTH;
  while (end > 0 && !/\s/u.test(q[end] as string)) end--; // back to a space: no half word
  return q.slice(0, end > 0 ? end : MAX_QUERY_LENGTH);
}

/** Parse a search query; an error when it has no word to search for. */
export function parseQuery(q: string): ParsedQuery | { error: string } {
  const text = cut(q);
  const terms = indexTerms(text).slice(0, MAX_TERMS);
  const ranges = quotedRanges(text);
  const words: string[] = [];
  const phrases: string[][] = [];
  const all: string[] = [];
  const addWord = (t: string): void => {
    if (!words.includes(t)) words.push(t);
  };
  let r = 0;
  let current: string[] | null = null; // the phrase being read
  let currentRange = -1;
  const closePhrase = (): void => {
    if (current === null) return;
    if (current.length === 1) addWord(current[0] as string);
    else if (current.length > 1) {
      const key = current.join(' ');
      if (!phrases.some((p) => p.join(' ') === key)) phrases.push(current);
    }
    current = null;
  };
  for (const t of terms) {
    while (r < ranges.length && (ranges[r] as [number, number])[1] <= t.start) r++;
    const range = ranges[r];
    const inQuotes = range !== undefined && range[0] <= t.start && t.start < range[1];
    if (!inQuotes || r !== currentRange) closePhrase();
    if (inQuotes) {
      if (current === null) {
        current = [];
        currentRange = r;
      }
      current.push(t.term);
    } else addWord(t.term);
    if (!all.includes(t.term)) all.push(t.term);
  }
  closePhrase();
  if (all.length === 0) return { error: 'the query has no word to search for' };
  return { words, phrases, all };
}

/** A lexeme quoted for tsquery syntax: '…' with quotes and backslashes doubled, so it is one operand whatever it holds. */
function lexeme(term: string): string {
  return `'${term.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/**
 * The query as a to_tsquery('simple', …) expression: words and phrases ANDed with &, a phrase's terms joined by <->.
 * Pass it as a bound parameter. Empty terms are skipped; a query with none gives '' (to_tsquery then matches nothing).
 */
export function toTsQuery(p: ParsedQuery): string {
  const parts: string[] = [];
  for (const w of p.words) if (w !== '') parts.push(lexeme(w));
  for (const ph of p.phrases) {
    const ts = ph.filter((t) => t !== '').map(lexeme);
    if (ts.length === 1) parts.push(ts[0] as string);
    else if (ts.length > 1) parts.push(`(${ts.join(' <-> ')})`);
  }
  return parts.join(' & ');
}

/**
 * Every term of the query ANDed, phrases or not: what the GIN index answers without reading any article (a phrase
 * needs each candidate's positions, read from its search vector). The matches of toTsQuery(p) are among its matches.
 */
export function toTermsTsQuery(p: ParsedQuery): string {
  return p.all
    .filter((t) => t !== '')
    .map(lexeme)
    .join(' & ');
}
