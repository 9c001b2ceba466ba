/**
 * Duplicates within a page: a teaser whose full article is on the same page, the same headline listed twice, an
 * article printed twice. Each repeat points to the first full version (or the first occurrence).
 */
import type { Article } from '../types.js';
import { foldKey } from '../text/index.js';

const ELLIPSIS = /(…|\.{2,})\s*$/u;

export function linkDuplicates(articles: Article[]): Article[] {
  const titleKeys = articles.map((a) => foldKey(a.title));
  const bodyKeys = articles.map((a) => foldKey(a.paragraphs.join(' ')));
  const out = articles.map((a) => ({ ...a }));
  for (let i = 0; i < out.length; i++) {
    const a = out[i]!;
    const leadKey = a.paragraphs[0] ? foldKey(a.paragraphs[0].replace(ELLIPSIS, '')) : '';
    const leadWords = leadKey ? leadKey.split(' ').length : 0;
    let target: number | null = null;
    // Prefer the full article (main or related) over another teaser.
    for (const wantFull of [true, false]) {
      for (let j = 0; j < out.length && target === null; j++) {
        if (j === i) continue;
        const b = out[j]!;
        if ((b.role !== 'teaser') !== wantFull) continue;
        if (!wantFull && j > i) continue; // a teaser repeats an earlier teaser
        if (a.role !== 'teaser' && (b.role === 'teaser' || j > i)) continue; // a full article repeats an earlier full one
        const sameTitle = titleKeys[i] !== '' && titleKeys[i] === titleKeys[j];
        const sameLead = wantFull && leadWords >= 8 && (bodyKeys[j]!.startsWith(leadKey) || bodyKeys[j]!.includes(leadKey));
        const sameBody = a.role !== 'teaser' && bodyKeys[i] !== '' && bodyKeys[i] === bodyKeys[j];
        if (sameTitle || sameLead || sameBody) target = j;
      }
      if (target !== null) break;
    }
    if (target !== null) a.duplicateOf = out[target]!.duplicateOf ?? target;
  }
  return out;
}
