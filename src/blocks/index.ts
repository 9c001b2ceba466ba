/**
 * Blocks of a plain-text page: one per non-empty line, cleaned for display (invisible marks and odd spaces gone,
 * list bullets dropped). Letters are never changed.
 */
import type { Block, BlockPage, DecodedPage } from '../types.js';
import { cleanDisplay } from '../text/index.js';

const BULLET = /^[•·▪►◄■□●○◦‣⁃*]+\s*/u;

export function textToBlocks(page: DecodedPage): BlockPage {
  const blocks: Block[] = [];
  for (const raw of page.text.split('\n')) {
    const text = cleanDisplay(raw).replace(BULLET, '');
    if (text) blocks.push({ text });
  }
  return { source: page.source, language: page.language, blocks, meta: {}, warnings: [] };
}
