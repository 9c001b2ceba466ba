/**
 * Variations that apply to any page's text: numbers, dates and month/weekday names. HTML pages pass only their text
 * between tags to `varyNumbers` (scripts, styles and attributes stay as written); ISO dates are shifted everywhere,
 * so that `<time datetime>`, JSON-LD and dated URLs move together.
 */
import type { Rng } from './random.js';

const MONTH_SERIES: readonly (readonly string[])[] = [
  ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
  ['كانون الثاني', 'شباط', 'آذار', 'نيسان', 'أيار', 'حزيران', 'تموز', 'آب', 'أيلول', 'تشرين الأول', 'تشرين الثاني', 'كانون الأول'],
  ['جانفي', 'فيفري', 'مارس', 'أفريل', 'ماي', 'جوان', 'جويلية', 'أوت', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'],
];

export const GREGORIAN_MONTHS = MONTH_SERIES[0]!;

export const WEEKDAYS: readonly string[] = ['السبت', 'الأحد', 'الاثنين', 'الإثنين', 'الثلاثاء', 'الأربعاء', 'الخميس', 'الجمعة'];

const alternation = (words: readonly string[]): string =>
  [...new Set(words)].sort((a, b) => b.length - a.length).join('|');

/** A whole word: not preceded or followed by a letter or a combining mark. */
const MONTH_WORD = new RegExp(`(?<![\\p{L}\\p{M}])(${alternation(MONTH_SERIES.flat())})(?![\\p{L}\\p{M}])`, 'gu');
const WEEKDAY_WORD = new RegExp(`(?<![\\p{L}\\p{M}])(${alternation(WEEKDAYS)})(?![\\p{L}\\p{M}])`, 'gu');
const DIGIT_NEAR = /[0-9٠-٩]/;

export interface TextVariation {
  /** Probability that a given number is replaced (0 = numbers untouched). */
  numberRate: number;
  /** Month name → another month of the same series (only where a digit is near: "12 مارس 2025"). */
  months: Map<string, string> | null;
  weekdays: Map<string, string> | null;
}

export function chooseTextVariation(rng: Rng): TextVariation {
  let months: Map<string, string> | null = null;
  if (rng.chance(0.5)) {
    months = new Map();
    for (const series of MONTH_SERIES) {
      for (const name of series) if (!months.has(name)) months.set(name, rng.pick(series));
    }
  }
  let weekdays: Map<string, string> | null = null;
  if (rng.chance(0.3)) {
    weekdays = new Map();
    for (const name of WEEKDAYS) weekdays.set(name, rng.pick(WEEKDAYS));
  }
  return { numberRate: rng.pick([0, 0.3, 0.6, 0.9]), months, weekdays };
}

const ARABIC_INDIC_ZERO = 0x0660;

function toDigits(n: number, width: number, arabicIndic: boolean): string {
  const s = String(n).padStart(width, '0');
  return arabicIndic ? s.replace(/[0-9]/g, (d) => String.fromCharCode(ARABIC_INDIC_ZERO + Number(d))) : s;
}

/** `before` / `after`: the characters next to the number ("10:45" — hours and minutes stay valid). */
function randomNumberLike(digits: string, before: string, after: string, rng: Rng): string {
  const arabicIndic = digits.charCodeAt(0) >= ARABIC_INDIC_ZERO;
  const value = Number(arabicIndic ? digits.replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - ARABIC_INDIC_ZERO)) : digits);
  const width = digits.length;
  let pad = width > 1 && digits.startsWith(arabicIndic ? '٠' : '0') ? width : 0;
  let n: number;
  if (before === ':' && width === 2) {
    n = rng.int(0, 59); // minutes
    pad = 2;
  } else if (after === ':' && width <= 2) n = rng.int(0, 23); // hours
  else if (width === 4 && value >= 1990 && value <= 2035) n = rng.int(2015, 2026); // a year
  else if (value <= 12) n = rng.int(1, 12); // a month, a small count
  else if (value <= 31) n = rng.int(1, 28); // a day
  else if (width <= 2) n = rng.int(10, 99);
  else n = rng.int(10 ** (width - 1), 10 ** width - 1);
  return toDigits(n, pad, arabicIndic);
}

/** Numbers, month names and weekday names in a run of plain text. */
export function varyNumbers(text: string, v: TextVariation, rng: Rng): string {
  let out = text;
  if (v.numberRate > 0) {
    out = out.replace(/[0-9]+|[٠-٩]+/g, (digits, offset: number, s: string) => {
      const before = s[offset - 1] ?? '';
      const after = s[offset + digits.length] ?? '';
      // Leave digits inside Latin identifiers ("G-SAHEL01", "h264") alone.
      if (/[A-Za-z]/.test(before) || /[A-Za-z]/.test(after)) return digits;
      return rng.chance(v.numberRate) ? randomNumberLike(digits, before, after, rng) : digits;
    });
  }
  const months = v.months;
  if (months) {
    out = out.replace(MONTH_WORD, (name, _g: string, offset: number, s: string) => {
      const near = s.slice(Math.max(0, offset - 4), offset) + s.slice(offset + name.length, offset + name.length + 4);
      return DIGIT_NEAR.test(near) ? (months.get(name) ?? name) : name;
    });
  }
  const weekdays = v.weekdays;
  if (weekdays) out = out.replace(WEEKDAY_WORD, (name) => weekdays.get(name) ?? name);
  return out;
}

const DAY_MS = 86_400_000;

/** Every ISO date (2025-03-12) and dated URL path (/2025/03/12/) moved by the same number of days. */
export function shiftIsoDates(text: string, days: number): string {
  if (days === 0) return text;
  const shift = (y: string, m: string, d: string): [string, string, string] | null => {
    const t = Date.UTC(Number(y), Number(m) - 1, Number(d));
    if (!Number.isFinite(t)) return null;
    const s = new Date(t + days * DAY_MS);
    return [
      String(s.getUTCFullYear()),
      String(s.getUTCMonth() + 1).padStart(2, '0'),
      String(s.getUTCDate()).padStart(2, '0'),
    ];
  };
  return text
    .replace(/\b((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])\b/g, (all, y: string, m: string, d: string) => {
      const r = shift(y, m, d);
      return r ? r.join('-') : all;
    })
    .replace(/\/((?:19|20)\d\d)\/(0[1-9]|1[0-2])\/(0[1-9]|[12]\d|3[01])\//g, (all, y: string, m: string, d: string) => {
      const r = shift(y, m, d);
      return r ? `/${r.join('/')}/` : all;
    });
}

/** A date as Arabic news pages print it: "12 مارس 2025", "الأربعاء 12 مارس 2025", "2025/03/12". */
export function randomPrintedDate(rng: Rng): string {
  const day = rng.int(1, 28);
  const month = rng.int(1, 12);
  const year = rng.int(2018, 2026);
  switch (rng.int(0, 3)) {
    case 0:
      return `${day} ${GREGORIAN_MONTHS[month - 1]!} ${year}`;
    case 1:
      return `${rng.pick(WEEKDAYS)} ${day} ${GREGORIAN_MONTHS[month - 1]!} ${year}`;
    case 2:
      return `${year}/${String(month).padStart(2, '0')}/${String(day).padStart(2, '0')}`;
    default:
      return `نشر في: ${rng.pick(WEEKDAYS)} ${String(day).padStart(2, '0')} ${GREGORIAN_MONTHS[month - 1]!} ${year} - ${rng.int(0, 11)}:${String(rng.int(0, 59)).padStart(2, '0')} ${rng.chance(0.5) ? 'ص' : 'م'}`;
  }
}

export function randomIsoDate(rng: Rng): string {
  return `${rng.int(2018, 2026)}-${String(rng.int(1, 12)).padStart(2, '0')}-${String(rng.int(1, 28)).padStart(2, '0')}`;
}
