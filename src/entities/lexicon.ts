/**
 * The language resources of the entities stage, built once at load: folded word sets (function words, common words,
 * title heads, first names), nationality adjectives, and the gazetteer — one Map keyed by the folded token n-gram of
 * every name form (countries from world-countries and i18n-iso-countries, the rest from src/lang/ar/entities-*.json).
 */
import { createRequire } from 'node:module';
import places from '../lang/ar/entities-places.json' with { type: 'json' };
import orgs from '../lang/ar/entities-organizations.json' with { type: 'json' };
import people from '../lang/ar/entities-people.json' with { type: 'json' };
import titles from '../lang/ar/entities-titles.json' with { type: 'json' };
import context from '../lang/ar/entities-context.json' with { type: 'json' };
import reporting from '../lang/ar/reporting-verbs.json' with { type: 'json' };
import clitics from '../lang/ar/clitics.json' with { type: 'json' };
import months from '../lang/ar/months.json' with { type: 'json' };
import type { EntityType } from '../types.js';
import { createTokenizer, foldKey, tokenize as plainTokenize, type Token } from '../text/index.js';

const require = createRequire(import.meta.url);

interface PackageCountry {
  cca2: string;
  translations: Record<string, { common: string; official: string } | undefined>;
}
const worldCountries = require('world-countries/countries.json') as PackageCountry[];
const isoArabic = require('i18n-iso-countries/langs/ar.json') as { countries: Record<string, string | string[]> };

/** Fold one word or phrase the way tokens are folded (normalizeForMatch), punctuation and spaces as one space. */
export function fold(s: string): string {
  return foldKey(s);
}

/** The folded token norms of a phrase, as the tokenizer cuts it (punctuation tokens included). */
function phraseTokens(s: string): string[] {
  return plainTokenize(s).map((t) => t.norm);
}

const foldSet = (...lists: Iterable<string>[]): Set<string> => {
  const set = new Set<string>();
  for (const list of lists) for (const w of list) set.add(fold(w));
  return set;
};

/** Add the article to a word that has none. */
const withArticle = (w: string): string => (w.startsWith('ال') ? w : 'ال' + w);

// ---------------------------------------------------------------------------------------------------------------
// Gazetteer

export interface GazEntry {
  type: EntityType;
  /** The canonical name of the entity, as written in the data. */
  canonical: string;
  /** Number of tokens of the form. */
  len: number;
}

/** A token n-gram dictionary: folded tokens joined by ' ' → entry; first token → longest form's token count. */
export class PhraseMap<T extends { len: number }> {
  readonly map = new Map<string, T>();
  readonly first = new Map<string, number>();
  add(tokens: string[], value: T): boolean {
    const key = tokens.join(' ');
    if (tokens.length === 0 || this.map.has(key)) return false;
    this.map.set(key, value);
    const head = tokens[0] as string;
    this.first.set(head, Math.max(this.first.get(head) ?? 0, tokens.length));
    return true;
  }
}

export const GAZ = new PhraseMap<GazEntry>();
/** Folded surface (tokens joined by ' ') → canonical, for the registry: every form of every gazetteer entry. */
export const CANONICAL = new Map<string, { type: EntityType; canonical: string }>();
/** Forms that name an organization only in quote marks or after an organization head ("القاعدة"). */
export const QUOTED_ONLY = new PhraseMap<GazEntry>();
/** Well-known people by full name and short forms. */
export const KNOWN_PEOPLE = new PhraseMap<GazEntry>();

const countryExclude = foldSet(places.countryExclude);

function addGroup(target: PhraseMap<GazEntry>, type: EntityType, forms: readonly string[], canonical?: string): void {
  const name = canonical ?? forms[0];
  if (name === undefined) return;
  for (const form of forms) {
    if (form.trim() === '') continue;
    const toks = phraseTokens(form);
    if (toks.length === 0) continue;
    if (target.add(toks, { type, canonical: name, len: toks.length })) {
      const key = toks.join(' ');
      if (!CANONICAL.has(key)) CANONICAL.set(key, { type, canonical: name });
    }
  }
}

const normalizeGroup = (g: string | string[]): string[] => (typeof g === 'string' ? [g] : g);

/** Canonical country names by ISO code, and every form (aliases first so hand-written forms win conflicts). */
function countries(): Array<{ canonical: string; forms: string[] }> {
  const byCode = new Map<string, string[]>();
  const push = (code: string, name: string | undefined): void => {
    if (name === undefined || name.trim() === '') return;
    const list = byCode.get(code) ?? [];
    if (!list.includes(name)) list.push(name);
    byCode.set(code, list);
  };
  for (const [code, names] of Object.entries(isoArabic.countries)) for (const n of normalizeGroup(names)) push(code, n);
  for (const c of worldCountries) {
    const ara = c.translations['ara'];
    if (ara === undefined) continue;
    push(c.cca2, ara.common);
    push(c.cca2, ara.official);
  }
  const aliases = places.countryAliases as Record<string, string[]>;
  const canon = places.countryCanonical as Record<string, string>;
  const out: Array<{ canonical: string; forms: string[] }> = [];
  for (const [code, names] of byCode) {
    const forms = [...(aliases[code] ?? []), ...names].filter((f) => !countryExclude.has(fold(f)));
    const canonical = canon[code] ?? names.find((f) => !countryExclude.has(fold(f)));
    if (canonical === undefined || forms.length === 0) continue;
    out.push({ canonical, forms: [canonical, ...forms.filter((f) => f !== canonical)] });
  }
  return out;
}

const COUNTRIES = countries();

function buildGazetteer(): void {
  // Organizations first: an entry listed both as a place and as an institution ("الفاتيكان") stays what the
  // hand-written lists say; then countries, regions, cities.
  for (const kind of [orgs.international, orgs.outlets, orgs.institutions, orgs.armedGroups, orgs.parties]) {
    for (const g of kind as Array<string | string[]>) addGroup(GAZ, 'organization', normalizeGroup(g));
  }
  for (const c of COUNTRIES) addGroup(GAZ, 'location', c.forms, c.canonical);
  for (const kind of [places.regions, places.cities]) {
    for (const g of kind as Array<string | string[]>) addGroup(GAZ, 'location', normalizeGroup(g));
  }
  for (const form of orgs.quotedOnly) addGroup(QUOTED_ONLY, 'organization', [form]);
  for (const g of people.known) addGroup(KNOWN_PEOPLE, 'person', g);
}

buildGazetteer();

// ---------------------------------------------------------------------------------------------------------------
// Nationality adjectives (nisba)

/** Folded adjective form (with and without the article, every inflection) → canonical place. */
export const NISBA = new Map<string, string>();
const NISBA_ENDINGS = ['', 'ه', 'ون', 'ين', 'ان', 'ات', 'تان', 'تين'];

function addNisba(stem: string, place: string): void {
  const s = fold(stem);
  if (s.includes(' ') || s.length < 3) return; // "كوري شمالي": the first word alone is enough
  for (const e of NISBA_ENDINGS) {
    const f = s + e;
    if (!NISBA.has(f)) NISBA.set(f, place);
    const a = 'ال' + f;
    if (!NISBA.has(a)) NISBA.set(a, place);
  }
}

/** روسيا → روسي, فرنسا → فرنسي, إيران → إيراني, السعودية → سعودي. */
function deriveNisba(name: string): string | null {
  let w = fold(name);
  if (w.includes(' ')) return null;
  // the article is written with a bare alef (الجزائر); أ/إ begin the name itself (ألمانيا, إيران)
  if (name.trim().startsWith('ال')) w = w.slice(2);
  if (w.length < 3) return null;
  if (w.endsWith('يا')) return w.slice(0, -2) + 'ي';
  if (w.endsWith('ا') || w.endsWith('ه')) return w.slice(0, -1) + 'ي';
  if (w.endsWith('ي')) return null;
  return w + 'ي';
}

function buildNisba(): void {
  const explicit = places.nationalities as Record<string, string[]>;
  for (const [place, stems] of Object.entries(explicit)) for (const s of stems) addNisba(s, place);
  for (const c of COUNTRIES) {
    for (const f of c.forms) {
      const d = deriveNisba(f);
      if (d !== null) addNisba(d, c.canonical);
    }
  }
  for (const g of places.regions as string[][]) {
    const d = deriveNisba(g[0] ?? '');
    if (d !== null && g[0] !== undefined) addNisba(d, g[0]);
  }
  for (const adj of places.regionalAdjectives) addNisba(adj, '');
}

buildNisba();

// ---------------------------------------------------------------------------------------------------------------
// Word sets

const monthWords = [
  ...Object.keys(months.gregorian),
  ...Object.keys(months.levantine).filter((m) => !m.includes(' ')),
  ...Object.keys(months.weekdays),
];
/** Days, months and time words: they end a name and are never one. */
export const TIME = foldSet(monthWords, monthWords.map(withArticle), ['أمس', 'اليوم', 'غدا', 'الليلة', 'صباح', 'مساء', 'فجر', 'ظهر']);
export const FUNCTION = foldSet(context.function, clitics.stems.function);
export const COMMON = foldSet(context.common, clitics.stems.words, clitics.stems.verbs);
export const REPORTING = foldSet(context.reportingVerbs, reporting.verbs);

const allHeads = titles.heads.map(fold);
/** Single-word title heads, with and without the article. */
export const HEADS = new Set<string>();
/** Multi-word title heads ("رئيس الوزراء", "ولي العهد") as token lists, by first token. */
export const HEAD_PHRASES = new PhraseMap<{ len: number }>();
/** A head with a possessive pronoun: "مديرته" (مديرة + ه), "نائبه", "رئيسها". */
const possessives = (h: string): string[] => {
  const stem = h.endsWith('ه') ? h.slice(0, -1) + 'ت' : h;
  return ['ه', 'ها', 'هم'].map((p) => stem + p);
};
for (const h of allHeads) {
  const toks = h.split(' ');
  if (toks.length === 1) {
    HEADS.add(h);
    HEADS.add(withArticle(h));
    if (!h.startsWith('ال')) for (const p of possessives(h)) HEADS.add(p);
  } else {
    HEAD_PHRASES.add(toks, { len: toks.length });
    const first = toks[0] as string;
    HEAD_PHRASES.add([withArticle(first), ...toks.slice(1)], { len: toks.length });
  }
}
const bothForms = (list: string[]): Set<string> => {
  const s = new Set<string>();
  for (const w of list.map(fold)) {
    s.add(w);
    s.add(withArticle(w));
    if (w.startsWith('ال')) s.add(w.slice(2));
  }
  return s;
};
export const AMBIGUOUS_HEADS = bothForms(titles.ambiguousHeads);
export const RELATIONAL_HEADS = bothForms(titles.relational);
export const COUNTERPART_HEADS = bothForms(titles.counterpart);
export const HONORIFICS = bothForms(titles.honorifics);
/** Plural or dual head → its singular, as printed in the data. */
export const PLURAL_HEADS = new Map(Object.entries(titles.plural).map(([k, v]) => [fold(k), v]));
export const TAIL_NOUNS = foldSet(titles.tailNouns);
export const TITLE_LINKS = foldSet(titles.links);
export const MAX_TITLE = titles.maxTitleTokens;
export const MAX_APPOSITION = titles.maxAppositionTokens;

export const FIRST_NAMES = foldSet(people.firstNames);
export const AMBIGUOUS_FIRST = foldSet(people.ambiguousFirstNames);
export const CONNECTORS = foldSet(people.connectors);
export const COMPOUND = foldSet(people.compound);
export const COMPOUND_TAIL = foldSet(people.compoundTail);
/** Foreign particles inside names ("فون دير لاين"): only inside a name that began with a known first name. */
export const FOREIGN_CONNECTORS = foldSet(['فون', 'دير', 'دي', 'دا', 'دو', 'لا', 'فان']);

/** Every word of a known name (first names, words of well-known people's names). */
export const KNOWN_PARTS = new Set<string>(FIRST_NAMES);
for (const g of people.known) {
  for (const f of g) {
    for (const w of fold(f).split(' ')) if (!CONNECTORS.has(w) && !COMPOUND.has(w) && !COMPOUND_TAIL.has(w)) KNOWN_PARTS.add(w);
  }
}

export const ORG_CONSTRUCT = foldSet(orgs.heads.construct);
export const ORG_NATIONAL = foldSet(orgs.heads.national);
export const ORG_DEFINITE = foldSet(orgs.heads.definite);
export const ORG_QUOTED = foldSet(orgs.heads.quoted, orgs.heads.quoted.map(withArticle));
export const ORG_STOP_TAIL = foldSet(orgs.heads.stopTail);

export const PLACE_HEADS = foldSet(places.placeHeads);
export const PLACE_HEADS_ADJ = foldSet(places.placeHeadsWithAdjective);
export const ADJ_DEFINITE = foldSet(places.adjectiveForms.definite);
export const ADJ_INDEFINITE = foldSet(places.adjectiveForms.indefinite);

export const QUOTE_MARKS = new Set(context.quoteMarks);
const VERB_PREFIXES = context.verbPrefixes.map(fold);
const VERB_ENDINGS = context.verbEndings.map(fold);

/** An imperfect verb by its shape: "يحضران", "يستقبل", "تطلقان" (and not a known name). */
export function verbLike(norm: string): boolean {
  if (KNOWN_PARTS.has(norm)) return false;
  if (norm.length >= 4 && VERB_PREFIXES.some((p) => norm.startsWith(p))) return true;
  if (norm.length >= 5 && (norm[0] === 'ت' || norm[0] === 'ن') && VERB_ENDINGS.some((e) => norm.endsWith(e))) return true;
  // the future: س + ت/ي/ن + a stem with no long vowel right after ("ستزور", "سيلتقي"; not "ستيف", "ستالين")
  if (norm.length >= 5 && norm.length <= 7 && /^س[تين][^اوي]/.test(norm)) return true;
  return false;
}

/** Word classes of a folded reading, as bits: one Map lookup per reading instead of one per class. */
export const BIT = {
  head: 1,
  firstName: 2,
  reporting: 4,
  orgQuoted: 8,
  orgConstruct: 16,
  orgNational: 32,
  orgDefinite: 64,
  placeHead: 128,
  placeHeadAdj: 256,
  gazFirst: 512,
  quotedFirst: 1024,
  knownFirst: 2048,
  headPhraseFirst: 4096,
  nisba: 8192,
} as const;

export const WORD_BITS = new Map<string, number>();
function mark(words: Iterable<string>, bit: number): void {
  for (const w of words) WORD_BITS.set(w, (WORD_BITS.get(w) ?? 0) | bit);
}
mark(HEADS, BIT.head);
mark(FIRST_NAMES, BIT.firstName);
mark(REPORTING, BIT.reporting);
mark(ORG_QUOTED, BIT.orgQuoted);
mark(ORG_CONSTRUCT, BIT.orgConstruct);
mark(ORG_NATIONAL, BIT.orgNational);
mark(ORG_DEFINITE, BIT.orgDefinite);
mark(PLACE_HEADS, BIT.placeHead);
mark(PLACE_HEADS_ADJ, BIT.placeHeadAdj);
mark(GAZ.first.keys(), BIT.gazFirst);
mark(QUOTED_ONLY.first.keys(), BIT.quotedFirst);
mark(KNOWN_PEOPLE.first.keys(), BIT.knownFirst);
mark(HEAD_PHRASES.first.keys(), BIT.headPhraseFirst);
mark(NISBA.keys(), BIT.nisba);

/** The tokenizer of this stage: also knows the names of the lists, so "بوغدانوف" is not read as ب + وغدانوف. */
export const tokenizeNames: (s: string) => Token[] = createTokenizer({
  stems: [
    ...people.firstNames,
    ...people.known.flat(),
    ...titles.heads,
    ...[...GAZ.map.keys()].map((k) => k.split(' ')[0] as string),
  ],
});

/** Canonical gazetteer entry of a surface form, if any. */
export function canonicalOf(text: string): { type: EntityType; canonical: string } | undefined {
  return CANONICAL.get(phraseTokens(text).join(' '));
}

