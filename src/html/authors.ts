/**
 * The authors the page's metadata names (JSON-LD author, author meta tags), joined to the main article: a short line
 * of the article that is one of them (with a label word or two: "كتبت: …") becomes its byline; an author the page
 * shows nowhere as such is given as a byline of its own, placed after the headline. The segmenter then reads them
 * as credits, like any byline.
 */
import type { RawBlock } from './dom.js';
import { wordCount } from './main-content.js';
import { fold } from './meta.js';
import { MAIN_GROUP } from './structure.js';

/** A byline may hold this many words besides the name (a label, a place, a separator). */
const BYLINE_EXTRA_WORDS = 3;

const holds = (text: string, name: string): boolean => ` ${fold(text)} `.includes(` ${name} `);

/** Hints the main article's lines that name an author as bylines; returns the authors no such line names. */
export function markAuthors(blocks: RawBlock[], authors: readonly string[]): string[] {
  const missing: string[] = [];
  for (const author of authors) {
    const name = fold(author);
    if (!name) continue;
    let shown = false;
    for (const b of blocks) {
      // The article's header and byline lines (its body text may name the author too: that is no byline).
      if (b.dropped || b.group !== MAIN_GROUP || b.hint === 'title' || b.hint === 'caption' || !holds(b.text, name)) continue;
      if (b.hint === 'byline') shown = true;
      else if ((!b.hint || b.hint === 'heading') && wordCount(b.text) <= wordCount(author) + BYLINE_EXTRA_WORDS) {
        b.hint = 'byline';
        shown = true;
      }
    }
    if (!shown) missing.push(author);
  }
  return missing;
}
