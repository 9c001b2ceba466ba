/**
 * Descriptors: a person named by title only ("قال الرئيس الروسي …") resolved to the person of the same article
 * whose roles carry that title ("الرئيس الروسي فلاديمير بوتين" earlier), when exactly one person fits.
 */
import type { EntityMention } from '../types.js';
import { foldKey } from '../text/index.js';
import { NISBA, PLURAL_HEADS } from './lexicon.js';
import { skeletonWords } from './skeleton.js';

/** Words that say the same in a title: the spokesman is ناطق or متحدث. */
const SYNONYMS = new Map([['متحدث', 'ناطق']]);

/** One folded title word in a comparable form: a nationality adjective as its place ("الروسية" = "الروسي" = روسيا),
 *  else without its article, its clitics and a feminine ending ("الناطقة" = "ناطق"), duals as singular. */
function titleWord(w: string): string {
  for (const form of [w, w.replace(/^[وفبلك]/, ''), w.replace(/^[وف]?[بلك]?ال/, 'ال')]) {
    const place = NISBA.get(form);
    if (place !== undefined) return place === '' ? `adj:${form.replace(/^ال/, '').replace(/(ه|ون|ين|ان|ات|تان|تين)$/, '')}` : `in:${place}`;
  }
  let s = PLURAL_HEADS.get(w) ?? w;
  s = foldKey(s).replace(/^[وف]?[بلك]?ال/, '').replace(/^لل/, '');
  if (s.length > 3) s = s.replace(/ه$/, '');
  return SYNONYMS.get(s) ?? s;
}

function titleWords(s: string): string[] {
  const k = foldKey(s);
  return k === '' ? [] : k.split(' ').map(titleWord);
}

/** `d` in order within `r`. */
function within(d: string[], r: string[]): boolean {
  let k = 0;
  for (const w of r) if (w === d[k]) k++;
  return k === d.length;
}

/**
 * The index in `articleMentions` of the person that `descriptor` ("الرئيس الروسي", "المتحدث باسم الكرملين") refers to:
 * the person mentions whose roles contain the descriptor's words in order (titles and nationality adjectives compared
 * after folding: الناطقة/الناطق/المتحدث, الروسي/الروسية), when all of them are one person (same surname); the first such
 * mention. null when none or several people fit.
 */
export function resolveDescriptor(descriptor: string, articleMentions: EntityMention[]): number | null {
  const d = titleWords(descriptor);
  if (d.length === 0) return null;
  let found: number | null = null;
  let person: string | null = null;
  for (let i = 0; i < articleMentions.length; i++) {
    const m = articleMentions[i] as EntityMention;
    if (m.type !== 'person' || !m.roles.some((r) => within(d, titleWords(r)))) continue;
    const words = skeletonWords(m.text);
    const surname = words[words.length - 1] ?? '';
    if (person === null) {
      person = surname;
      found = i;
    } else if (person !== surname) return null;
  }
  return found;
}

/** The place a role's nationality adjective points to ("الناطق الرئاسي الروسي" → "روسيا"), or null. */
export function nationalityOf(role: string): string | null {
  for (const w of foldKey(role).split(' ')) {
    for (const form of [w, w.replace(/^[وف]?[بلك]?ال/, 'ال'), w.replace(/^[وفبلك]/, '')]) {
      const place = NISBA.get(form);
      if (place !== undefined && place !== '') return place;
    }
  }
  return null;
}
