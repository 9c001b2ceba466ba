/**
 * Absolute date expressions in Arabic and English news text: "19 أبريل 2025", "١٤ تشرين الثاني ٢٠٢٤",
 * "الأربعاء 12 جوان 2024", "أبريل 19, 2025", "19th, December 2024", "كانون الأول/ديسمبر 2017", "2025-04-19",
 * "19/04/2025". Pure functions over text; offsets are into the original string.
 */
import months from '../lang/ar/months.json' with { type: 'json' };
import { normalizeForMatch, toOriginalSpan } from '../text/index.js';
import { W } from './lexicon.js';

export interface DateMatch {
  /** The expression as written in the original text. */
  text: string;
  start: number;
  end: number;
  /** ISO date: YYYY-MM-DD, or YYYY-MM when the text names no day. */
  value: string;
}

const MONTHS = new Map<string, number>();
for (const series of [months.gregorian, months.levantine, months.maghrebi, months.english] as Record<string, number>[]) {
  for (const [name, n] of Object.entries(series)) MONTHS.set(name, n);
}
/** Longest names first so "تشرين الثاني" wins over a shorter prefix. */
const monthAlt = [...MONTHS.keys()].sort((a, b) => b.length - a.length).map(escapeRe).join('|');
const M = `(${monthAlt})`;
// Word boundaries for Arabic and Latin letters (\b knows only ASCII), as an explicit class (see lexicon.ts).
const L = `(?<!${W})`;
const R = `(?!${W})`;
const DAY = '(\\d{1,2})(?:st|nd|rd|th)?';
// "2022م", "2022 م", "2022 ميلادي": the Gregorian marker after a year that ends a date.
const YEAR = '(\\d{4})(?:\\s?م|\\s*ميلادي(?:ه)?)?';
const SEP = '[\\s,،.\\-–]*';
const PAIRED = `(?:\\s*[/(]\\s*${M}\\s*\\)?)?`; // "كانون الأول/ديسمبر", "نيسان (أبريل)"

const PATTERNS: { re: RegExp; build: (m: RegExpExecArray) => string | null }[] = [
  // 19 أبريل 2025 · 19th, December 2024 · 14 تشرين الثاني/نوفمبر 2024 · 7 من ديسمبر 2024
  {
    re: new RegExp(`${L}${DAY}${SEP}(?:من\\s+)?${M}${PAIRED}${SEP}${YEAR}${R}`, 'g'),
    build: (m) => ymd(m[4], MONTHS.get(m[2] ?? ''), m[1]),
  },
  // أبريل 19, 2025 · March 3, 2025
  {
    re: new RegExp(`${L}${M}${PAIRED}\\s+${DAY}${SEP}${YEAR}${R}`, 'g'),
    build: (m) => ymd(m[4], MONTHS.get(m[1] ?? ''), m[3]),
  },
  // 2025-04-19, 2025/04/19
  { re: new RegExp(`${L}(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})(?![\\d])`, 'g'), build: (m) => ymd(m[1], num(m[2]), m[3]) },
  // 19/04/2025, 19-04-2025, 19.04.2025 (day first, as Arabic outlets write it)
  { re: new RegExp(`${L}(\\d{1,2})[-/.](\\d{1,2})[-/.](\\d{4})${R}`, 'g'), build: (m) => ymd(m[3], num(m[2]), m[1]) },
  // كانون الأول/ديسمبر 2017 · ديسمبر 2024 (month and year, no day). The lookbehind is bounded: unbounded, it rescans a
  // run of spaces at every position of it.
  {
    re: new RegExp(`${L}(?<!\\d[\\s,،.\\-–]{0,8}(?:من\\s{1,4})?)${M}${PAIRED}${SEP}${YEAR}${R}`, 'g'),
    build: (m) => ym(m[3], MONTHS.get(m[1] ?? '')),
  },
];

/** A match in normalized text (normalizeForMatch): [start, end) and its value, or null when the date is invalid. */
export interface NormDateMatch {
  start: number;
  end: number;
  value: string | null;
}

/**
 * Every match of every absolute pattern in already normalized text, pattern by pattern (earlier patterns first),
 * overlaps included; an invalid date ("31 فبراير 2024") comes with a null value.
 */
export function absoluteMatches(normText: string): NormDateMatch[] {
  const out: NormDateMatch[] = [];
  for (const { re, build } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(normText); m; m = re.exec(normText)) {
      out.push({ start: m.index, end: m.index + m[0].length, value: build(m) });
    }
  }
  return out;
}

/** Every absolute date in `original`, in text order, without overlaps (the earlier pattern wins). */
export function findAbsoluteDates(original: string): DateMatch[] {
  const norm = normalizeForMatch(original);
  const found: DateMatch[] = [];
  for (const { start: s, end: e, value } of absoluteMatches(norm.text)) {
    if (!value) continue;
    const [start, end] = toOriginalSpan(norm, s, e);
    if (found.some((f) => f.start < end && start < f.end)) continue;
    found.push({ text: original.slice(start, end), start, end, value });
  }
  return found.sort((a, b) => a.start - b.start);
}

function num(s: string | undefined): number | undefined {
  return s === undefined ? undefined : Number(s);
}

function ymd(y: string | undefined, month: number | undefined, d: string | undefined): string | null {
  const year = Number(y);
  const day = Number(d);
  if (!month || !Number.isInteger(year) || year < 1800 || year > 2200 || month < 1 || month > 12) return null;
  if (!(day >= 1 && day <= daysIn(year, month))) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function ym(y: string | undefined, month: number | undefined): string | null {
  const year = Number(y);
  if (!month || year < 1800 || year > 2200) return null;
  return `${year}-${pad(month)}`;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}
