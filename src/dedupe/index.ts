import type { Article } from '../types.js';

export function linkDuplicates(articles: Article[]): Article[] {
  return articles;
}
