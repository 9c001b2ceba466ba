/**
 * The vocabulary of date expressions (src/lang/ar/dates-*.json, months.json), folded once with normalizeForMatch and
 * turned into regex alternations and lookup sets. Everything in src/dates matches against normalized text.
 */
import months from '../lang/ar/months.json' with { type: 'json' };
import words from '../lang/ar/dates-words.json' with { type: 'json' };
import hijri from '../lang/ar/dates-hijri.json' with { type: 'json' };
import { normalizeForMatch } from '../text/index.js';

export const fold = (s: string): string => normalizeForMatch(s).text;

export function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A regex alternation of the words, longest first, any run of spaces inside a word matching \s+. */
export function alt(list: Iterable<string>): string {
  return [...new Set(list)]
    .sort((a, b) => b.length - a.length)
    .map((w) => escapeRe(w).replace(/ +/g, '\\s+'))
    .join('|');
}

function foldMap(rec: Record<string, number>): Map<string, number> {
  const map = new Map<string, number>();
  for (const [k, v] of Object.entries(rec)) map.set(fold(k), v);
  return map;
}

const foldSet = (list: string[]): Set<string> => new Set(list.map(fold));

/** Arabic month names (Egyptian, Levantine, Maghrebi series) → month number. English names are left out: year-less
 *  English ("5 may") is too ambiguous. */
export const AR_MONTHS = new Map<string, number>();
for (const series of [months.gregorian, months.levantine, months.maghrebi] as Record<string, number>[]) {
  for (const [k, v] of Object.entries(series)) AR_MONTHS.set(fold(k), v);
}

/** Lookup with any run of whitespace inside a multi-word name collapsed to one space. */
export function lookup(map: Map<string, number>, s: string | undefined): number | undefined {
  return s === undefined ? undefined : map.get(s.replace(/\s+/g, ' '));
}

export const HIJRI_MONTHS = foldMap(hijri.months);
export const WEEKDAYS = foldMap(words.weekdays);
export const WEEKDAY_CUES = foldSet(words.weekdayCues);
export const NIGHT_CUES = foldSet(words.nightCues);
export const PAST = foldSet(words.pastModifiers);
export const FUTURE = foldSet(words.futureModifiers);
export const CURRENT = foldSet(words.currentModifiers);
export const EVENT_NOUNS = foldSet(words.eventNouns);
export const ORDINAL_LEFT = foldSet(words.ordinalLeftContext);
export const COMPLEMENTIZERS = foldSet(words.complementizers);
export const NO_COMPLEMENTIZER_WEEKDAYS = new Set(words.complementizerWeekdaysExcluded.map((w) => WEEKDAYS.get(fold(w))));
export const WEEKDAY_NOUN_HEADS = foldSet(words.weekdayNounHeads);
export const GENERAL_HEADS = foldSet(words.generalAdjectiveHeads);

/** Ordinal day words 1–31, masculine, nominative and genitive ("السابع", "الحادي عشر", "الحادي والعشرين"). */
export const ORDINALS = new Map<string, number>();
{
  const o = words.ordinals;
  const units = foldMap(o.units);
  const one = o.one.map(fold);
  const tens = foldMap(o.tens);
  const teen = fold(o.teen);
  for (const [w, n] of units) ORDINALS.set(w, n);
  ORDINALS.set(fold(o.ten), 10);
  const compoundUnits: [string, number][] = [...one.map((w): [string, number] => [w, 1]), ...[...units].filter(([, n]) => n > 1)];
  for (const [w, n] of compoundUnits) ORDINALS.set(`${w} ${teen}`, 10 + n);
  for (const [t, tn] of tens) {
    ORDINALS.set(t, tn);
    for (const [w, n] of compoundUnits) if (tn + n <= 31) ORDINALS.set(`${w} و${t}`, tn + n);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Regex fragments (for normalized text)

/**
 * A letter or digit of normalized text (normalizeForMatch has folded Arabic-Indic digits to ASCII and Latin to lower
 * case): Latin, Greek, Cyrillic, Arabic letters. An explicit class rather than \p{L}\p{N}, which makes every regex
 * that starts with a boundary check several times slower.
 */
export const W = '[0-9A-Za-z\\u00c0-\\u024f\\u0370-\\u052f\\u0620-\\u064a\\u066e-\\u06d3\\u06d5\\u06ee-\\u06ff\\u0750-\\u077f\\u08a0-\\u08ff]';
/** Word boundaries for Arabic and Latin letters (\b knows only ASCII). */
export const L = `(?<!${W})`;
export const R = `(?!${W})`;

export const RE_AR_MONTH = alt(AR_MONTHS.keys());
export const RE_HIJRI_MONTH = alt(HIJRI_MONTHS.keys());
export const RE_WEEKDAY = alt(WEEKDAYS.keys());
/** Ordinals with the "و" of compounds allowed to stand apart ("الحادي و العشرين"). */
export const RE_ORDINAL = alt(ORDINALS.keys()).replace(/\\s\+و/g, '\\s+و\\s*');
export const RE_PAST = alt(PAST);
export const RE_FUTURE = alt(FUTURE);
export const RE_CURRENT = alt(CURRENT);
export const RE_MOD_PF = alt([...PAST, ...FUTURE]);
export const RE_MOD_ALL = alt([...PAST, ...FUTURE, ...CURRENT]);
export const RE_WEEKDAY_CUE = alt([...WEEKDAY_CUES, ...NIGHT_CUES, ...['اليوم', 'امس', 'غدا'].map(fold)]);
export const RE_TIME_OF_DAY = alt(words.timeOfDay.map(fold));
export const RE_PARTS = alt(words.periodParts.map(fold));
export const RE_STRONG_PARTS = alt(words.strongPeriodParts.map(fold));
export const RE_MONTH_CUES = alt(words.monthCues.map(fold));
export const RE_YEAR_PREPS = alt(words.yearPrepositions.map(fold));
export const RE_HIJRI_SUFFIX = alt(hijri.suffixes.map(fold));
export const RE_AGO_NUMBER = alt(words.agoNumbers.map(fold));
export const RE_COMPLEMENTIZER = alt(COMPLEMENTIZERS);

/** Future-tense cues: phrases, and "س" + a prefix of the imperfect + a common news verb stem ("ستعقد", "سيزور"). */
export const FUTURE_CONTEXT = new RegExp(
  `${L}[وف]?(?:(?:${alt(words.futureCues.map(fold))})${R}|س[يتن](?:${alt(words.futureVerbStems.map(fold))}))`,
  'g',
);
