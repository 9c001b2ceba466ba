/**
 * Spelling-tolerant keys for names. Transliterated names are spelled many ways (ديمتري/دميتري, ترمب/ترامب,
 * بزشكيان/بيزشكيان, غوتيريش/غوتيريس is *not* covered): after folding (hamza, taa marbuta, alef maqsura, diacritics),
 * the long vowels ا و ي inside a word and the hamza ء are dropped; the first and last letters stay.
 */
import { foldKey } from '../text/index.js';

const INNER_VOWEL = /[اوي]/g;

/** The consonant skeleton of one folded word. */
export function wordSkeleton(w: string): string {
  const s = w.replace(/ء/g, '');
  if (s.length <= 2) return s;
  return (s[0] as string) + s.slice(1, -1).replace(INNER_VOWEL, '') + (s[s.length - 1] as string);
}

/** Skeleton words of a name ("دميتري بيسكوف" → ["دمتري", "بسكف"]). */
export function skeletonWords(name: string): string[] {
  const k = foldKey(name);
  return k === '' ? [] : k.split(' ').map(wordSkeleton);
}

/** The skeleton of a name, words joined by a space. */
export function skeleton(name: string): string {
  return skeletonWords(name).join(' ');
}
