/**
 * The shape of a person's name: where a name that starts at a token ends ("فلاديمير بوتين", "تميم بن حمد آل ثاني",
 * "عبد الحكيم زروقي", "أحمد الشرع"), and the title phrase before a name ("نائب وزير الخارجية الروسي").
 */
import type { Doc, Reading } from './doc.js';
import type { Token } from '../text/index.js';
import {
  COMPOUND, COMPOUND_TAIL, CONNECTORS, FOREIGN_CONNECTORS, GAZ, KNOWN_PARTS, MAX_TITLE, ORG_STOP_TAIL, RELATIONAL_HEADS,
  TAIL_NOUNS, TITLE_LINKS, HEADS, fold,
} from './lexicon.js';

export interface NameSpan {
  /** Tokens [start, end). */
  start: number;
  end: number;
  /** Original offsets: the name without the clitics of its first word. */
  from: number;
  to: number;
  /** Name parts (a compound "عبد الله" or a connector + word "بن حمد" is one part). */
  parts: number;
  /** The name began with a known first name or an Arabic compound. */
  known: boolean;
}

export interface NameOptions {
  /** Folded letters of the first token to skip (its clitics), from a reading. */
  skip?: number;
  maxParts?: number;
  /** Accept a one-word name whose word carries a clitic the tokenizer stripped (ب/ل/ك). */
  cliticSingle?: boolean;
}

/** A word that can close an Arabic name with the article: "الأسد", "الشرع" (not a time, adjective or place). */
function articleSurname(doc: Doc, i: number, gaz: Uint8Array): boolean {
  if (!doc.hasArticle(i) || gaz[i] === 1) return false;
  const t = doc.tok(i);
  if (t === undefined || t.prefixes.some((p) => p !== 'ال')) return false;
  if (KNOWN_PARTS.has(t.norm)) return true; // "الجولاني", "السوداني": surnames that are also adjectives
  if (doc.isCommon(i) || doc.nisba(i) !== undefined || ORG_STOP_TAIL.has(t.norm)) return false;
  return !doc.endsInTaaMarbuta(i);
}

const KUNYA = new Set(['ابو', 'ام', 'ابي'].map(fold));

/** What completes a compound name part: "عبد" + الله/الحكيم, "نور" + الدين, "أبو" + any name word ("أبو محمد"). */
function compoundTail(doc: Doc, head: string, i: number, gaz: Uint8Array): boolean {
  if (COMPOUND_TAIL.has(doc.norm(i)) || articleSurname(doc, i, gaz)) return true;
  // "عبد" + a divine name with the article, even one that is a word too ("عبد اللطيف", "عبد الرحمن")
  if (head === 'عبد' && doc.hasArticle(i) && !doc.isFunction(i) && gaz[i] === 0) return true;
  return KUNYA.has(head) && (doc.firstName(i)?.skip === 0 || doc.nameWord(i, gaz));
}

/** The name that starts at token j, or null. */
export function parseName(doc: Doc, gaz: Uint8Array, j: number, opts: NameOptions = {}): NameSpan | null {
  const first = doc.tok(j);
  if (first === undefined || first.kind !== 'word' || gaz[j] === 1) return null;
  const maxParts = opts.maxParts ?? 4;
  const skip = opts.skip ?? 0;
  const fr: Reading | undefined = doc.firstName(j);
  let known = false;
  let k: number;
  const firstForm = skip > 0 ? first.norm.slice(skip) : first.norm;
  if (COMPOUND.has(firstForm) && doc.joined(j) && compoundTail(doc, firstForm, j + 1, gaz)) {
    known = true;
    k = j + 2;
  } else if (skip > 0 || (fr !== undefined && fr.skip === 0)) {
    known = skip > 0 || fr !== undefined;
    k = j + 1;
  } else if (doc.nameWord(j, gaz)) {
    k = j + 1;
  } else return null;
  let parts = 1;
  let lastPart = j; // first token of the last part
  let closed = false; // after an article surname only connectors continue ("محمد بن سلمان آل سعود")
  while (k < doc.n && parts < maxParts && doc.joined(k - 1)) {
    const w = doc.norm(k);
    const next = k + 1;
    const nextOk = doc.joined(k) && (doc.nameWord(next, gaz) || doc.firstName(next) !== undefined || articleSurname(doc, next, gaz));
    const at = k;
    if (CONNECTORS.has(w) && nextOk && (!FOREIGN_CONNECTORS.has(w) || known)) {
      k += 2;
      parts++;
      lastPart = at;
      closed = w === 'ال'; // "آل ثاني" is the family name: the name ends there
      continue;
    }
    if (closed) break;
    if (COMPOUND.has(w) && doc.joined(k) && compoundTail(doc, w, next, gaz)) {
      k += 2;
      parts++;
      lastPart = at;
      continue;
    }
    if (FOREIGN_CONNECTORS.has(w) && known && nextOk) {
      k += 2;
      parts++;
      lastPart = at;
      continue;
    }
    // a surname that is also a title ("عادل سليمان القاضي،"): after two parts, closed by punctuation
    if (known && parts >= 2 && doc.hasArticle(k) && HEADS.has(w) && doc.joined(k) && doc.isPunct(k + 1) && !doc.isQuote(k + 1)) {
      k++;
      parts++;
      lastPart = at;
      closed = true;
      continue;
    }
    if (known && articleSurname(doc, k, gaz)) {
      k++;
      parts++;
      lastPart = at;
      closed = true;
      continue;
    }
    if (doc.nameWord(k, gaz)) {
      const t = doc.tok(k);
      // a clitic + a known name is another name ("لبزشكيان"), not the next part of this one
      if (t !== undefined && t.prefixes.length > 0 && KNOWN_PARTS.has(t.base) && !KNOWN_PARTS.has(t.norm)) break;
      // nor is a preposition + word ("بوتين بغزو"): only the odd reading ك + ال + two letters ("كالاس") passes
      // (after a known first name a longer word is the surname whatever its first letter: "جوزيف بوريل", not "بعرض")
      const preposition = t !== undefined && !KNOWN_PARTS.has(t.norm) && /^[بلك]$/.test(t.prefixes.join(''));
      if (preposition && (!(known && parts === 1) || (t as Token).base.length <= 3)) break;
      k++;
      parts++;
      lastPart = at;
      continue;
    }
    break;
  }
  // A third word of a name with no known first name must end it clearly ("كريستالينا غورغييفا ستزور القاهرة").
  if (!known && parts >= 3 && k < doc.n && doc.joined(k - 1) && !doc.isPunct(k) && !doc.isFunction(k) && !doc.isReporting(k)) {
    k = lastPart;
    parts--;
  }
  // A single unknown word with a clitic the tokenizer stripped ("لموقع", "كايا") is a name only with another part.
  const clitic = first.prefixes.length > 0 && !KNOWN_PARTS.has(first.norm);
  if (parts === 1 && !known && skip === 0 && clitic && opts.cliticSingle !== true) return null;
  const last = doc.tok(k - 1);
  if (last === undefined) return null;
  return { start: j, end: k, from: doc.startAfter(j, skip), to: last.end, parts, known };
}

/** Definite words that end a title: relative pronouns and times. */
const TITLE_STOP = new Set(['الذي', 'التي', 'الذين', 'اللذين', 'اللتين', 'الآن'].map(fold));

export interface TitleSpan {
  start: number;
  /** Token after the title phrase. */
  end: number;
  /** Original offsets of the phrase (head without its clitics). */
  from: number;
  to: number;
  reading: Reading;
  /** The head's own token count. */
  headLen: number;
  /** Nested heads inside the phrase ("وزير" in "نائب وزير الخارجية", "الرئيس" in "صهر الرئيس الأميركي"). */
  inner: Array<{ index: number; reading: Reading }>;
  relational: boolean;
}

/** The title phrase that starts with the head at token i: the head, then nested heads, adjectives, definite nouns,
 *  places and organizations, construct nouns and links ("باسم الكرملين", "لدى الأمم المتحدة"). */
export function parseTitle(doc: Doc, i: number, gazStart: Uint8Array): TitleSpan | null {
  const h = doc.head(i);
  if (h === null) return null;
  const inner: TitleSpan['inner'] = [];
  let j = i + h.len;
  const limit = i + MAX_TITLE;
  while (j < doc.n && j < limit && doc.joined(j - 1)) {
    // a name in quote marks inside a title: "المتحدث باسم «قسد»"
    if (doc.isQuote(j) && gazStart[j + 1] === 1 && doc.joined(j)) {
      const g = doc.match(GAZ, j + 1);
      if (g === null) break;
      j = doc.isQuote(g.end) && doc.joined(g.end - 1) ? g.end + 1 : g.end;
      continue;
    }
    if (!doc.isWord(j)) break;
    const nested = doc.head(j);
    if (nested !== null) {
      inner.push({ index: j, reading: nested.reading });
      j += nested.len;
      continue;
    }
    if (gazStart[j] === 1) {
      const g = doc.match(GAZ, j);
      if (g !== null) {
        j = g.end;
        continue;
      }
    }
    if (doc.nisba(j) !== undefined) {
      j++;
      continue;
    }
    const t = doc.tok(j);
    if (t === undefined) break;
    if (doc.isFunction(j)) {
      // links ("باسم", "لدى", "في", "غير") continue the title when a qualifier follows
      if (TITLE_LINKS.has(t.norm) && doc.joined(j) && qualifier(doc, j + 1, gazStart)) {
        j++;
        continue;
      }
      break;
    }
    if (TITLE_LINKS.has(t.norm) && doc.joined(j) && qualifier(doc, j + 1, gazStart)) {
      j++;
      continue;
    }
    if (qualifier(doc, j, gazStart)) {
      // "والأمنية" continues the title; "والإيراني مسعود" is another person
      if (t.prefixes[0] === 'و' && doc.nameWord(j + 1, gazStart)) break;
      j++;
      continue;
    }
    break;
  }
  const last = doc.tok(j - 1);
  if (last === undefined) return null;
  return {
    start: i,
    end: j,
    from: doc.startAfter(i, h.reading.skip),
    to: last.end,
    reading: h.reading,
    headLen: h.len,
    inner,
    relational: RELATIONAL_HEADS.has(h.reading.form),
  };
}

/** A word that qualifies a title: a definite word (not a time or function word), a construct noun, a place (also in
 *  quote marks). */
function qualifier(doc: Doc, j: number, gazStart: Uint8Array): boolean {
  if (doc.isQuote(j)) return doc.joined(j) && gazStart[j + 1] === 1;
  const t = doc.tok(j);
  if (t === undefined || t.kind !== 'word') return false;
  if (gazStart[j] === 1 || doc.nisba(j) !== undefined) return true;
  if (doc.isTime(j) || TITLE_STOP.has(t.norm)) return false;
  if (TAIL_NOUNS.has(t.norm) || TAIL_NOUNS.has(t.base)) return true;
  if (doc.isFunction(j)) return false;
  if (!doc.definite(j)) return false;
  return t.prefixes.includes('ال') ? t.base.length >= 2 : t.norm.length >= 4 && !KNOWN_PARTS.has(t.norm);
}
