/**
 * What a speaker said, each statement once: the same words in the same kind of quote, carried by several articles
 * (reprints, a teaser and its full text, the same wire copy in two outlets), become one statement with every
 * article that carries it, in the order given (the first one's date stands for it). DOM-free: Node tests import it.
 */
import type { QuoteItem } from './types.js';

export interface Statement {
  quote: QuoteItem;
  /** the other articles that carry the same words, in order, without repeats */
  also: string[];
}

/** Words compared without diacritics, tatweel, quotation marks, punctuation at the ends or repeated spaces. */
export function sameWordsKey(text: string): string {
  return text
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[«»“”"„‟'‘’]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.,،؛:!?؟…-]+|[\s.,،؛:!?؟…-]+$/g, '');
}

export function statements(quotes: readonly QuoteItem[]): Statement[] {
  const out: Statement[] = [];
  const byKey = new Map<string, Statement>();
  for (const q of quotes) {
    const key = q.kind + ' ' + sameWordsKey(q.text);
    const seen = byKey.get(key);
    if (seen === undefined) {
      const s: Statement = { quote: q, also: [] };
      byKey.set(key, s);
      out.push(s);
    } else if (seen.quote.articleId !== q.articleId && !seen.also.includes(q.articleId)) seen.also.push(q.articleId);
  }
  return out;
}
