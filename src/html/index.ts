// STUB — replaced by the html stage (Readability + linkedom → blocks with hints).
import type { BlockPage, DecodedPage } from '../types.js';

export function htmlToBlocks(page: DecodedPage): BlockPage {
  const text = page.text.replace(/<[^>]*>/g, '\n');
  return { source: page.source, language: page.language, blocks: text.split('\n').map((t) => ({ text: t.trim() })).filter((b) => b.text), meta: {}, warnings: [] };
}
