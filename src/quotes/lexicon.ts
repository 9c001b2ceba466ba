/** The word lists of src/lang/ar/quotes-lexicon.json, normalized once at load into sets for lookup. */
import lexicon from '../lang/ar/quotes-lexicon.json' with { type: 'json' };
import { analyzeWord, normalizeForMatch } from '../text/index.js';

/** Fold a word the way the article text is folded (hamza, alef maqsura, taa marbuta, diacritics). */
export const fold = (w: string): string => normalizeForMatch(w).text;

const set = (list: readonly string[]): Set<string> => new Set(list.map(fold));

/** Past-tense forms (3rd person, all numbers and genders) of each reporting verb. */
function pastForms(base: string): string[] {
  const b = fold(base);
  if (b.endsWith('ي')) {
    // نفى → نفت، نفوا، نفيا، نفتا; رأى → رأت، رأوا
    const root = b.slice(0, -1);
    return [b, root + 'ت', root + 'وا', root + 'يا', root + 'تا'];
  }
  return [b, b + 'ت', b + 'وا', b + 'ا', b + 'تا'];
}

export const VERBS = new Set<string>();
for (const v of lexicon.verbs) for (const f of pastForms(v)) VERBS.add(f);
for (const v of lexicon.present) VERBS.add(fold(v));
const RELAY_VERBS = set(lexicon.relayVerbs);

const PARTICIPLES = new Set<string>();
for (const p of lexicon.participles) {
  const f = fold(p); // "مضيفا"
  const stem = f.endsWith('ا') ? f.slice(0, -1) : f;
  // Not the bare stem: "مؤكد", "مشير", "لافت" are also adjectives and nouns.
  for (const x of [f, stem + 'ه', stem + 'ين']) PARTICIPLES.add(x);
}
/** Participles that introduce direct speech only ("قائلاً: «…»"): they never end a speaker phrase as a new quote. */
export const SAYING = set(['قائلا', 'قائله', 'قائلين', 'قائل']);

export const COMPS = new Set<string>();
for (const c of lexicon.complementizers) {
  const f = fold(c);
  COMPS.add(f);
  for (const s of lexicon.pronounSuffixes) COMPS.add(f + fold(s));
}
/** "فإن" after "بحسب X،". */
export const FA_COMPS = new Set<string>([...COMPS].filter((c) => c.startsWith('ان')).map((c) => 'ف' + c));
export const COMP_PREPS = set(lexicon.compPrepositions);
export const NOT_COMP_AFTER = set(lexicon.notComplementizerAfter);

export const ADVERBIALS = set(lexicon.adverbialStarts);
export const DAYS = set(lexicon.days);
export const PERIODS = set(lexicon.periods);
export const PERIOD_ADJ = set(lexicon.periodAdjectives);
export const IN_NOUNS = [...set(lexicon.inNouns)];
export const LADA_NOUNS = [...set(lexicon.ladaNouns)];
export const ON_NOUNS = [...set(lexicon.onNouns)].map((w) => analyzeWord(w).base);
export const OUTLETS = new Set(lexicon.outlets.map((w) => analyzeWord(w).base));
export const AUDIENCE = set(lexicon.audience);
export const REPORT_NOUNS = set(lexicon.reportNouns);
export const MEDIA = set(lexicon.media);
export const RELAY_STARTS = set(lexicon.relayStarts);
export const RELAY_FILLERS = set(lexicon.relayFillers);
export const NAMING = set(lexicon.namingWords);
export const CLAUSE_WORDS = set(lexicon.clauseWords);
export const RELATIVE = set(lexicon.relativeWords);
export const INTRO = set(lexicon.intro);
export const ASKED = set(lexicon.askedWords);
export const AUX = set(lexicon.auxiliaries);
export const PRONOUN_SUBJECT = set(lexicon.pronounSubject);
export const NP_STOP = set(lexicon.npStop);

/** Unnamed-source head (indefinite, normalized) → family ("source", "official", …). */
export const UNNAMED = new Map<string, string>();
for (const [family, words] of Object.entries(lexicon.unnamed)) for (const w of words) UNNAMED.set(fold(w), family);

const CONJ = new Set(['و', 'ف']);

/** A reporting verb (any listed form, with or without و/ف). */
export function isVerb(w: string): boolean {
  return VERBS.has(w) || (w.length > 3 && CONJ.has(w[0] as string) && VERBS.has(w.slice(1)));
}

export function isRelayVerb(w: string): boolean {
  return RELAY_VERBS.has(w) || (w.length > 3 && CONJ.has(w[0] as string) && RELAY_VERBS.has(w.slice(1)));
}

export function isParticiple(w: string): boolean {
  return PARTICIPLES.has(w) || (w.length > 4 && w[0] === 'و' && PARTICIPLES.has(w.slice(1)));
}

const bareCache = new Map<string, string>();

/** The word without its proclitics (و/ف, ب/ل/ك, the article), as the text core reads it: "لتنظيم" → "تنظيم",
 *  "والوكالة" → "وكاله", "وكالة" stays. */
export function bare(w: string): string {
  let b = bareCache.get(w);
  if (b === undefined) {
    b = analyzeWord(w).base;
    if (bareCache.size > 20_000) bareCache.clear();
    bareCache.set(w, b);
  }
  return b;
}

/** Starts with a word of the list, allowing a pronoun suffix after it ("مؤتمره", "كلمته"). */
export function startsWithAny(w: string, list: readonly string[]): boolean {
  for (const n of list) if (w === n || (w.startsWith(n) && w.length - n.length <= 3) || (n.endsWith('ه') && w.startsWith(n.slice(0, -1) + 'ت') && w.length - n.length <= 3)) return true;
  return false;
}

/** The word, or the word without a leading و/ف, is in the set. */
export function has(set: ReadonlySet<string>, w: string): boolean {
  return set.has(w) || (w.length > 3 && CONJ.has(w[0] as string) && set.has(w.slice(1)));
}

/** The form of w (with or without a leading و/ف) that is in the set, or ''. */
export function formIn(set: ReadonlySet<string>, w: string): string {
  if (set.has(w)) return w;
  if (w.length > 3 && CONJ.has(w[0] as string) && set.has(w.slice(1))) return w.slice(1);
  return '';
}

/** Begins with the article (after an optional و/ف): "الرئيس", "والوكالة". */
export function isDefinite(w: string): boolean {
  return w.startsWith('ال') || (w.length > 3 && CONJ.has(w[0] as string) && w.startsWith('ال', 1));
}
