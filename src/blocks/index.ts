import type { BlockPage, DecodedPage } from '../types.js';

export function textToBlocks(page: DecodedPage): BlockPage {
  return { source: page.source, language: page.language, blocks: page.text.split('\n').map((t) => ({ text: t.trim() })).filter((b) => b.text), meta: {}, warnings: [] };
}
