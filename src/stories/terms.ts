/**
 * The terms stories are compared by: the tokenizer's base of each word (clitics off, normalizeForMatch folding),
 * lightly stemmed (src/text/stem.ts); stopwords (src/lang/ar/stories-stopwords.json), numbers and words shorter than
 * MIN_LEN letters left out.
 */
import { tokenize, normalizeForMatch, stem } from '../text/index.js';
import stopwordData from '../lang/ar/stories-stopwords.json' with { type: 'json' };

const fold = (w: string): string => normalizeForMatch(w).text;
const STOP = new Set(stopwordData.words.map(fold));
const MIN_LEN = 3;

/** The story terms of a text: stemmed bases of its words, stopwords and short words out. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    if (t.kind !== 'word') continue;
    if (STOP.has(t.base) || STOP.has(t.norm)) continue;
    const s = stem(t.base);
    if (s.length < MIN_LEN || STOP.has(s)) continue;
    out.push(s);
  }
  return out;
}
