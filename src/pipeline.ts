/**
 * The stages of `rasd analyze`, in order. Each stage is a function from the previous stage's output to its own;
 * this file only lists them.
 */
import type { AnalyzedPage, RawPage } from './types.js';
import { decode } from './input/index.js';
import { htmlToBlocks } from './html/index.js';
import { textToBlocks } from './blocks/index.js';
import { segment } from './segment/index.js';
import { linkDuplicates } from './dedupe/index.js';
import { whoSaidWhat } from './who/index.js';

export function analyzePage(raw: RawPage): AnalyzedPage {
  // 1. input: bytes → text (encoding detected) and language
  const decoded = decode(raw);
  const base = { source: raw.source, format: raw.format, encoding: decoded.encoding, language: decoded.language, size: raw.bytes.length };
  if (decoded.language !== 'ar') return { ...base, articles: [], warnings: decoded.warnings };
  // 2. blocks: the page as lines/paragraphs (HTML: main content and related blocks from the DOM)
  const blocks = decoded.format === 'html' ? htmlToBlocks(decoded) : textToBlocks(decoded);
  // 3. segment: blocks → main article, related articles, teasers; captions, credits, dates apart; boilerplate gone
  const segmented = segment(blocks);
  // 4. dedupe: teasers and repeats linked to the article they repeat on the same page
  const deduped = linkDuplicates(segmented.articles);
  // 5. who said what: dates → people, organizations, places → quotations with their speakers, in each article
  const articles = whoSaidWhat(deduped);
  return { ...base, articles, warnings: [...decoded.warnings, ...blocks.warnings, ...segmented.warnings] };
}
