import type { Article, BlockPage, Diagnostic } from '../types.js';

export function segment(page: BlockPage): { articles: Article[]; warnings: Diagnostic[] } {
  const [first, ...rest] = page.blocks;
  if (!first) return { articles: [], warnings: [] };
  return { articles: [{ role: 'main', title: first.text, paragraphs: rest.map((b) => b.text), captions: [], published: null, outlet: null, credits: [], duplicateOf: null }], warnings: [] };
}
