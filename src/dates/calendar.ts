/**
 * Calendar arithmetic for date values: days are counted as UTC day numbers (days since 1970-01-01), so there is no
 * time zone or daylight-saving question anywhere. Hijri (Umm al-Qura) dates are converted with the calendar Node
 * carries in Intl; no table of our own.
 */

const MS_PER_DAY = 86_400_000;

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Day number of a Gregorian date (proleptic; any year ≥ 100). */
export function dayNumber(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / MS_PER_DAY;
}

export function fromDayNumber(n: number): Ymd {
  const date = new Date(n * MS_PER_DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function validDay(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

export function isoDay(n: number): string {
  const { y, m, d } = fromDayNumber(n);
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

export function isoMonth(y: number, m: number): string {
  return `${y}-${pad2(m)}`;
}

/** A month `delta` months from y-m, as YYYY-MM. */
export function shiftMonth(y: number, m: number, delta: number): string {
  const k = y * 12 + (m - 1) + delta;
  return isoMonth(Math.floor(k / 12), (k % 12) + 1);
}

/** The day number of a "YYYY-MM-DD" string, or null when it is not a valid date. */
export function parseIsoDay(s: string | null | undefined): number | null {
  if (!s) return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  return validDay(y, mo, d) ? dayNumber(y, mo, d) : null;
}

/**
 * Which weekday `w` is meant, relative to the anchor day:
 *  'onOrBefore' — the anchor itself when it is that weekday, else the latest one before it;
 *  'before' — the latest one strictly before; 'after' — the first one strictly after.
 */
export type Direction = 'onOrBefore' | 'before' | 'after';

export function resolveWeekday(anchor: number, w: number, dir: Direction): number {
  const back = (weekdayOf(anchor) - w + 7) % 7;
  if (dir === 'onOrBefore') return anchor - back;
  if (dir === 'before') return anchor - (back === 0 ? 7 : back);
  const ahead = (w - weekdayOf(anchor) + 7) % 7;
  return anchor + (ahead === 0 ? 7 : ahead);
}

/** The day month/day falls on relative to the anchor (see Direction), or null when there is no such day. */
export function resolveDayMonth(anchor: number, m: number, d: number, dir: Direction): number | null {
  const a = fromDayNumber(anchor);
  const key = m * 100 + d;
  const aKey = a.m * 100 + a.d;
  let y: number;
  if (dir === 'onOrBefore') y = key <= aKey ? a.y : a.y - 1;
  else if (dir === 'before') y = key < aKey ? a.y : a.y - 1;
  else y = key > aKey ? a.y : a.y + 1;
  // 29 February: the nearest leap year in the same direction.
  for (let k = 0; k < 8 && !validDay(y, m, d); k++) y += dir === 'after' ? 1 : -1;
  return validDay(y, m, d) ? dayNumber(y, m, d) : null;
}

/** The year of month m relative to the anchor's month: 'onOrBefore' includes the anchor's own month. */
export function resolveMonthYear(anchor: number, m: number, dir: Direction): number {
  const a = fromDayNumber(anchor);
  if (dir === 'onOrBefore') return m <= a.m ? a.y : a.y - 1;
  if (dir === 'before') return m < a.m ? a.y : a.y - 1;
  return m > a.m ? a.y : a.y + 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Hijri (Umm al-Qura)

let hijriFormat: Intl.DateTimeFormat | null | undefined;

function hijriFormatter(): Intl.DateTimeFormat | null {
  if (hijriFormat !== undefined) return hijriFormat;
  try {
    const f = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
      day: 'numeric',
      month: 'numeric',
      year: 'numeric',
      timeZone: 'UTC',
    });
    hijriFormat = f.resolvedOptions().calendar === 'islamic-umalqura' ? f : null;
  } catch {
    hijriFormat = null;
  }
  return hijriFormat;
}

function hijriOf(n: number, f: Intl.DateTimeFormat): Ymd {
  let y = 0;
  let m = 0;
  let d = 0;
  for (const p of f.formatToParts(n * MS_PER_DAY)) {
    if (p.type === 'year') y = Number(p.value);
    else if (p.type === 'month') m = Number(p.value);
    else if (p.type === 'day') d = Number(p.value);
  }
  return { y, m, d };
}

/** 1 Muharram 1 AH in the arithmetical calendar (16 July 622 Julian = 19 July 622 proleptic Gregorian). */
const HIJRI_EPOCH = dayNumber(622, 7, 19);
const hijriCache = new Map<number, number | null>();

/**
 * The Gregorian day number of an Umm al-Qura Hijri date, or null when the date does not exist (day 30 of a
 * 29-day month) or the runtime has no Umm al-Qura calendar. Searches the days around an arithmetical estimate.
 */
export function hijriToDayNumber(hy: number, hm: number, hd: number): number | null {
  if (!(hy >= 1 && hy <= 1700 && hm >= 1 && hm <= 12 && hd >= 1 && hd <= 30)) return null;
  const key = hy * 1000 + hm * 40 + hd;
  const cached = hijriCache.get(key);
  if (cached !== undefined) return cached;
  const f = hijriFormatter();
  let found: number | null = null;
  if (f) {
    const estimate = HIJRI_EPOCH + Math.floor((hy - 1) * 354.36667) + Math.ceil((hm - 1) * 29.5) + hd - 1;
    for (let delta = 0; delta <= 6 && found === null; delta++) {
      for (const n of delta === 0 ? [estimate] : [estimate - delta, estimate + delta]) {
        const h = hijriOf(n, f);
        if (h.y === hy && h.m === hm && h.d === hd) {
          found = n;
          break;
        }
      }
    }
  }
  hijriCache.set(key, found);
  return found;
}
