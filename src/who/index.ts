/**
 * Who said what, and when, in each article of a page: dates (resolved against the article's own publication date),
 * then the people, organizations and places it names, then its quotations with their speakers. Offsets are into
 * the article's text: its paragraphs joined by "\n\n", as the export writes it.
 */
import type { Article } from '../types.js';
import { findDates } from '../dates/index.js';
import { findMentions } from '../entities/index.js';
import { findQuotes } from '../quotes/index.js';

export function articleText(a: Article): string {
  return a.paragraphs.join('\n\n');
}

export function whoSaidWhat(articles: Article[]): Article[] {
  // People named in one article of the page help find them in the next ("بيسكوف" alone in a teaser).
  const people = new Set<string>();
  return articles.map((a) => {
    const text = articleText(a);
    const dates = findDates(text, a.published);
    const mentions = findMentions(text, { people });
    for (const m of mentions) if (m.type === 'person' && m.text.includes(' ')) people.add(m.text);
    const quotes = findQuotes(text, dates, mentions);
    return { ...a, dates, mentions, quotes };
  });
}
