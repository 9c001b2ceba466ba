/**
 * Places and organizations of one article: the gazetteer (longest token n-gram first, any clitic reading of the first
 * word), names in quote marks after an organization head ('تنظيم «القاعدة»', 'وكالة «تاس»'), organization heads with a
 * definite phrase ('وزارة الخارجية الروسية', 'الجيش السوري'), place heads with a proper name ('مدينة أوساكا').
 */
import type { EntityType } from '../types.js';
import { PRIO, type Cand, type Prio } from './cands.js';
import type { Doc, PhraseHit } from './doc.js';
import {
  ADJ_DEFINITE, ADJ_INDEFINITE, BIT, COMMON, CONNECTORS, FIRST_NAMES, GAZ, HEADS, KNOWN_PARTS, ORG_STOP_TAIL, QUOTED_ONLY,
  verbLike, type GazEntry,
} from './lexicon.js';

/** Adds the candidates to `cands`; marks in `gaz` the tokens of gazetteer places and organizations, in `gazStart`
 *  the tokens where one begins. */
export function placesAndOrganizations(doc: Doc, gaz: Uint8Array, gazStart: Uint8Array, cands: Cand[]): void {
  for (let i = 0; i < doc.n; i++) {
    if (!doc.isWord(i) && doc.tok(i)?.kind !== 'latin') continue;
    const hit = doc.match(GAZ, i, BIT.gazFirst);
    // a Latin name is a proper noun only with a capital ("CNN", "Axios"; not "abc")
    const latinOk = hit === null || doc.tok(i)?.kind !== 'latin' || /\p{Lu}/u.test(doc.text.slice(hit.from, hit.to));
    if (hit !== null && latinOk && !adjectiveReading(doc, hit)) {
      cands.push(fromHit(hit, PRIO.gazetteer));
      gazStart[i] = 1;
      for (let k = hit.start; k < hit.end; k++) gaz[k] = 1;
    }
    if (doc.isQuote(i - 1)) {
      const q = doc.match(QUOTED_ONLY, i, BIT.quotedFirst);
      if (q !== null && doc.isQuote(q.end)) cands.push(fromHit(q, PRIO.gazetteer));
    }
  }
  for (let i = 0; i < doc.n; i++) {
    if (!doc.isWord(i)) continue;
    quotedOrganization(doc, i, cands);
    organizationPhrase(doc, i, gazStart, cands);
    placeName(doc, i, gaz, gazStart, cands);
  }
}

function fromHit(hit: PhraseHit<GazEntry>, prio: Prio): Cand {
  return { start: hit.start, end: hit.end, from: hit.from, to: hit.to, type: hit.value.type, roles: [], prio };
}

/** "السعودية" after a definite noun, "سورية" after an indefinite one: a nationality adjective, not the country. */
function adjectiveReading(doc: Doc, hit: PhraseHit<GazEntry>): boolean {
  if (hit.end - hit.start !== 1) return false;
  const t = doc.tok(hit.start);
  if (t === undefined || hit.from !== t.start || !doc.joined(hit.start - 1)) return false;
  const prev = hit.start - 1;
  const p = doc.tok(prev);
  // "أميركية - إسرائيلية - سورية": one in a row of adjectives
  if (p !== undefined && p.kind === 'punct' && p.norm === '-' && doc.nisba(prev - 1) !== undefined) return true;
  if (p === undefined || p.kind !== 'word' || doc.isFunction(prev) || doc.isReporting(prev)) return false;
  // a feminine or plural noun before it, which the adjective agrees with ("الحكومة السعودية", "مصادر سورية")
  const agrees = /(ه|ات|ين|ون|ان)$/.test(p.norm);
  const definite = doc.definite(prev);
  if (ADJ_DEFINITE.has(t.norm)) return definite && agrees;
  if (ADJ_INDEFINITE.has(t.norm)) return !definite && (agrees || COMMON.has(p.norm));
  return false;
}

/** "وكالة «تاس»", "تنظيم «القاعدة»", "قناة «الإخبارية السورية»", "وكالة /يونهاب/": the quoted name. */
function quotedOrganization(doc: Doc, i: number, cands: Cand[]): void {
  const head = doc.readingWith(i, BIT.orgQuoted);
  // a definite head before quote marks introduces a quotation: "المنظمة «تدعم الحملة»"
  if (head === undefined || head.form.startsWith('ال') || !doc.isQuote(i + 1) || !doc.joined(i)) return;
  const s = i + 2;
  let e = s;
  while (e < doc.n && e < s + 5 && !doc.isPunct(e) && doc.joined(e - 1)) e++;
  if (e === s || e - s > 4 || !doc.isQuote(e) || !doc.joined(e - 1) || verbLike(doc.norm(s))) return;
  const hit = doc.match(GAZ, s);
  const type: EntityType = hit !== null && hit.end === e ? hit.value.type : 'organization';
  const first = doc.tok(s);
  const last = doc.tok(e - 1);
  if (first === undefined || last === undefined) return;
  cands.push({ start: s, end: e, from: first.start, to: last.end, type, roles: [], prio: PRIO.gazetteer });
}

/** "وزارة الخارجية الروسية", "الجيش السوري", "البنك المركزي الإيراني", "مجلس الوزراء": head + definite phrase. */
function organizationPhrase(doc: Doc, i: number, gazStart: Uint8Array, cands: Cand[]): void {
  const construct = doc.readingWith(i, BIT.orgConstruct);
  const national = construct === undefined ? doc.readingWith(i, BIT.orgNational) : undefined;
  const definite = construct === undefined && national === undefined ? doc.readingWith(i, BIT.orgDefinite) : undefined;
  const r = construct ?? national ?? definite;
  if (r === undefined || gazStart[i] === 1) return;
  let j = i + 1;
  let nisbaSeen = false;
  let plain = 0;
  while (j < doc.n && j < i + 5 && doc.joined(j - 1)) {
    const t = doc.tok(j);
    if (t === undefined || t.kind !== 'word' || gazStart[j] === 1 || !doc.hasArticle(j)) break;
    if (ORG_STOP_TAIL.has(t.norm) || doc.isFunction(j) || HEADS.has(t.norm)) break;
    const adjective = doc.nisba(j) !== undefined;
    if (nisbaSeen && !adjective) break;
    // a masculine adjective after a feminine head belongs to something else ("وزير الخارجية الروسي")
    if (adjective && !nisbaSeen && doc.endsInTaaMarbuta(i) && !doc.endsInTaaMarbuta(j)) break;
    if (adjective) nisbaSeen = true;
    else plain++;
    j++;
  }
  if (j === i + 1 || (definite !== undefined && plain === 0) || (national !== undefined && !nisbaSeen)) return;
  const last = doc.tok(j - 1);
  if (last === undefined) return;
  cands.push({ start: i, end: j, from: doc.startAfter(i, r.skip), to: last.end, type: 'organization', roles: [], prio: PRIO.pattern });
}

/** "مدينة أوساكا", "مقاطعة كورسك", "قرية مجدل شمس", "العاصمة الأردنية عمّان": the proper name after a place head. */
function placeName(doc: Doc, i: number, gaz: Uint8Array, gazStart: Uint8Array, cands: Cand[]): void {
  const plain = doc.readingWith(i, BIT.placeHead);
  const adj = plain === undefined ? doc.readingWith(i, BIT.placeHeadAdj) : undefined;
  if (plain === undefined && adj === undefined) return;
  let j = i + 1;
  if (adj !== undefined) while (j < doc.n && doc.joined(j - 1) && doc.nisba(j) !== undefined) j++;
  if (j >= doc.n || !doc.joined(j - 1) || gazStart[j] === 1) return;
  if (doc.isQuote(j)) {
    const s = j + 1;
    let e = s;
    while (e < doc.n && e < s + 3 && doc.isWord(e) && doc.joined(e - 1)) e++;
    if (e === s || !doc.isQuote(e) || gazStart[s] === 1) return;
    const first = doc.tok(s);
    const last = doc.tok(e - 1);
    if (first === undefined || last === undefined) return;
    cands.push({ start: s, end: e, from: first.start, to: last.end, type: 'location', roles: [], prio: PRIO.pattern });
    return;
  }
  let k = j;
  while (k < j + 2 && k < doc.n && doc.joined(k - 1) && properPlaceWord(doc, k, gaz)) k++;
  if (k === j || properPlaceWord(doc, k, gaz)) return;
  const first = doc.tok(j);
  const last = doc.tok(k - 1);
  if (first === undefined || last === undefined) return;
  cands.push({ start: j, end: k, from: first.start, to: last.end, type: 'location', roles: [], prio: PRIO.pattern });
}

/** A word that can be (part of) an unknown place name: a name word, no clitic, not an adjective in ـي. */
function properPlaceWord(doc: Doc, k: number, gaz: Uint8Array): boolean {
  const t = doc.tok(k);
  if (t === undefined || t.kind !== 'word' || !doc.nameWord(k, gaz)) return false;
  if ((doc.bitsOf(k) & (BIT.placeHead | BIT.placeHeadAdj | BIT.orgConstruct)) !== 0 || CONNECTORS.has(t.norm)) return false;
  if (t.prefixes.length > 0 && !KNOWN_PARTS.has(t.norm)) return false;
  return !t.norm.endsWith('ي') && !FIRST_NAMES.has(t.norm);
}

