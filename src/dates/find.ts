/**
 * findDates: every date expression in an article's text with its value, only where the value is certain.
 *
 * The text is normalized once (normalizeForMatch); each rule below is one precompiled regex over the normalized text
 * plus a few checks of the words around a match. Every match becomes a candidate [start, end) with a value or with
 * null (a "claim": an expression that is a date but whose value is not certain, e.g. "ليلة الثلاثاء", a weekday
 * with no anchor, a year-less date in a future-tense sentence). Overlaps are resolved longest first, claims are then
 * dropped, and the spans are mapped back to the original text.
 *
 * Anchored values (weekdays, "أمس", "الشهر الماضي", day and month without a year) need the article's own publication
 * date; without one they are claims. Conventions:
 *  - A weekday is the publication day when the names match, else the latest such day before it; "الماضي" → strictly
 *    before, "المقبل/القادم" → strictly after; "أمس الاثنين" → strictly before, "غداً الاثنين" → strictly after.
 *  - Day and month without a year: the latest such date on or before the publication date; "الماضي" → strictly
 *    before, "المقبل/القادم" → strictly after. Same for a month alone, at month level.
 *  - Without an explicit modifier, in a sentence whose words before it mark the future ("سيزور", "من المقرر",
 *    "سوف", forecasts: "توقعت … إلى غاية"), a weekday is the next such day after publication (none when it is the
 *    publication weekday itself: later that day, or a week on?), and a year-less date gets no value.
 *  - "الأسبوع الماضي/المقبل" gets no value (a week straddles months and the week's first day varies).
 *  - Spans leave out a leading conjunction or preposition clitic ("والثلاثاء" → "الثلاثاء", "بالأمس" → "الأمس"),
 *    except "لل" where the clitic and the article are one ("للعام الماضي").
 */
import { casual as chronoAr } from 'chrono-node/ar';
import type { DateMention } from '../types.js';
import { normalizeForMatch, toOriginalSpan, type MatchText } from '../text/index.js';
import { absoluteMatches } from './absolute.js';
import {
  AR_MONTHS,
  COMPLEMENTIZERS,
  CURRENT,
  EVENT_NOUNS,
  FUTURE,
  FUTURE_CONTEXT,
  GENERAL_HEADS,
  HIJRI_MONTHS,
  L,
  NIGHT_CUES,
  NO_COMPLEMENTIZER_WEEKDAYS,
  ORDINALS,
  ORDINAL_LEFT,
  PAST,
  R,
  RE_AGO_NUMBER,
  RE_AR_MONTH,
  RE_HIJRI_MONTH,
  RE_HIJRI_SUFFIX,
  RE_MOD_ALL,
  RE_MOD_PF,
  RE_MONTH_CUES,
  RE_ORDINAL,
  RE_PARTS,
  RE_STRONG_PARTS,
  RE_TIME_OF_DAY,
  RE_WEEKDAY,
  RE_WEEKDAY_CUE,
  RE_YEAR_PREPS,
  WEEKDAYS,
  WEEKDAY_CUES,
  WEEKDAY_NOUN_HEADS,
  fold,
  lookup,
} from './lexicon.js';
import {
  type Direction,
  dayNumber,
  fromDayNumber,
  hijriToDayNumber,
  isoDay,
  isoMonth,
  parseIsoDay,
  resolveDayMonth,
  resolveMonthYear,
  resolveWeekday,
  shiftMonth,
  validDay,
  weekdayOf,
} from './calendar.js';

/** A date expression found in the normalized text. `day`: an explicit calendar date that may take in the weekday
 *  written next to it ("الاثنين 12 مايو 2025"). */
interface Cand {
  s: number;
  e: number;
  value: string | null;
  day?: boolean;
}

interface Anchor {
  n: number;
  y: number;
  m: number;
  d: number;
}

interface Scan {
  /** The normalized text (what the regexes see) and its map back to the original. */
  text: string;
  norm: MatchText;
  original: string;
  anchor: Anchor | null;
  out: Cand[];
  future?: FutureIndex;
}

// ---------------------------------------------------------------------------------------------------------------
// Regexes (normalized text; compiled once)

const CL = '[وف]?'; // a conjunction clitic
const MONTH_PAIR = (m: string): string => `(?:\\s*[/(]\\s*(?<m2>${m})\\s*\\)?)?`;
const YEAR_CUE = '(?:(?:من\\s+)?(?:عام|العام|سنه|لعام)\\s+)?';
const GREG_SUFFIX = '(?:\\s?م|\\s*ميلادي(?:ه)?)?';
const TAIL_YEAR = `(?:[\\s,.\\-–]*${YEAR_CUE}(?<y>\\d{4})${GREG_SUFFIX})?`;
const NEXT_IS_YEAR = new RegExp(`^[\\s,.\\-–]*${YEAR_CUE}\\d`);

const RX = {
  weekday: new RegExp(
    `${L}(?<cues>(?:${CL}(?:${RE_WEEKDAY_CUE})\\s+){0,2})(?<w>${CL}(?:${RE_WEEKDAY}))` +
      `(?<more>(?:\\s+و\\s*(?:${RE_WEEKDAY})){0,3})(?:\\s+(?<mod>${RE_MOD_PF}))?${R}`,
    'dy',
  ),
  weekdayIn: new RegExp(`و\\s*(?<w>${RE_WEEKDAY})`, 'dg'),
  today: new RegExp(
    `${L}(?<pre>${CL}(?:(?:بعد|قبل)\\s+)?(?:${RE_TIME_OF_DAY})\\s+|${CL}(?:في\\s+)?وقت\\s+(?:سابق|لاحق|مبكر|متاخر)\\s+(?:من\\s+)?)?` +
      `(?<t>${CL}اليوم)${R}`,
    'dy',
  ),
  yesterday: new RegExp(
    `${L}(?:(?<pre>${CL}(?:${RE_TIME_OF_DAY}|يوم)\\s+)?(?<y>${CL}ب?(?:امس|الامس|البارحه))(?:\\s+(?<first>الاول))?` +
      `|(?<two>${CL}(?:اول\\s+(?:من\\s+)?|قبل\\s+)(?:امس|البارحه)))${R}`,
    'dy',
  ),
  tomorrow: new RegExp(
    `${L}(?:(?<pre>${CL}(?:${RE_TIME_OF_DAY}|يوم)\\s+)(?<g>${CL}(?:غدا|غد|الغد))|(?<bare>${CL}غدا)|(?<two>${CL}بعد\\s+غد(?:ا)?))${R}`,
    'dy',
  ),
  ago: new RegExp(
    `${L}(?<x>${CL}(?:منذ|قبل)\\s+(?:(?:${RE_AGO_NUMBER}|\\d{1,2})\\s+(?:ايام|يوما|يوم)|يومين))${R}`,
    'dy',
  ),
  period: new RegExp(
    `${L}(?<part>${CL}(?:${RE_PARTS})\\s+)?(?:(?<this>${CL}(?:هذا|هذه))\\s+)?(?<u>${CL}(?:ب?ال|لل)(?<unit>شهر|عام|سنه|اسبوع))` +
      `(?:\\s+(?<mod>${RE_MOD_ALL}))?${R}`,
    'dy',
  ),
  yearCue: new RegExp(
    `${L}(?<part>${CL}(?:${RE_PARTS})\\s+(?:من\\s+)?)?(?<cue>${CL}[بل]?(?:للعام|للسنه|العامين|العام|السنه|عامي|سنتي|عام|سنه))\\s+` +
      `(?<y1>\\d{4})(?:\\s*(?<suf>ميلاديه|ميلادي|م|${RE_HIJRI_SUFFIX}))?` +
      `(?:\\s*(?<conn>و|-|–|/|الي|حتي)\\s*(?<y2>\\d{4})(?:\\s*(?<suf2>ميلاديه|ميلادي|م|${RE_HIJRI_SUFFIX}))?)?${R}`,
    'dy',
  ),
  yearSuffix: new RegExp(`${L}(?<y>\\d{4})(?:م|\\s*ميلادي(?:ه)?)${R}`, 'dy'),
  yearPrep: new RegExp(`${L}(?:(?<part>${CL}(?:${RE_STRONG_PARTS}))|${CL}(?:${RE_YEAR_PREPS}))\\s+(?<y>\\d{4})${R}`, 'dy'),
  hijri: new RegExp(
    `${L}(?<d>\\d{1,2}|${CL}(?:${RE_ORDINAL}))\\s*(?:من\\s+)?(?:شهر\\s+)?(?<m>${RE_HIJRI_MONTH})\\s*,?\\s*` +
      `(?:(?:من\\s+)?(?:عام|سنه|لعام|لسنه)\\s+)?(?<y>\\d{4})(?:\\s*(?<suf>${RE_HIJRI_SUFFIX}))?${R}`,
    'dy',
  ),
  dayMonth: new RegExp(
    `${L}(?<!\\d[.,:/])(?<d>\\d{1,2})\\s*(?:من\\s+)?(?:شهر\\s+)?(?<m>${RE_AR_MONTH})${MONTH_PAIR(RE_AR_MONTH)}${TAIL_YEAR}` +
      `(?:\\s+(?<mod>${RE_MOD_PF}))?${R}`,
    'dy',
  ),
  ordinal: new RegExp(
    `${L}(?<o>${CL}(?:${RE_ORDINAL}))\\s+من\\s+(?:شهر\\s+)?(?<m>${RE_AR_MONTH})${MONTH_PAIR(RE_AR_MONTH)}${TAIL_YEAR}` +
      `(?:\\s+(?<mod>${RE_MOD_PF}))?${R}`,
    'dy',
  ),
  month: new RegExp(
    `${L}(?:(?<part>${CL}(?:${RE_PARTS}))\\s+|(?<prep>${CL}(?:${RE_MONTH_CUES}))\\s+)?(?<shahr>${CL}شهر\\s+)?` +
      `(?<m>${RE_AR_MONTH})${MONTH_PAIR(RE_AR_MONTH)}${TAIL_YEAR}(?:\\s+(?<mod>${RE_MOD_ALL}))?${R}`,
    'dy',
  ),
  /** A weekday (with its cue) written right before a date: "الاثنين 12 مايو", "يوم الخميس الموافق 3 صفر". */
  weekdayBefore: new RegExp(
    `${L}(?<w>(?:${CL}(?:${RE_WEEKDAY_CUE})\\s+){0,2}${CL}(?:${RE_WEEKDAY}))\\s*,?\\s*(?<paren>\\(\\s*)?(?:الموافق\\s*,?\\s*)?$`,
    'd',
  ),
  weekdayAfter: new RegExp(`^\\s*,?\\s*\\(\\s*${CL}(?:${RE_WEEKDAY})\\s*\\)`),
  /** "ليل الثلاثاء/الأربعاء", "ليل الثلاثاء الأربعاء", "الاثنين إلى الأربعاء": a night or a span of days. */
  rangeAfter: new RegExp(`^\\s*(?:-|–|/|الي|حتي|علي)?\\s*${CL}(?:${RE_WEEKDAY})${R}`),
  weekOf: /^\s+من\s+(?:هذا\s+)?(?:الاسبوع|الشهر|كل)/u,
};

const TODAY = fold('اليوم');
const SAME_DAY = new Set(['نفسه', 'ذاته', 'عينه'].map(fold));

// ---------------------------------------------------------------------------------------------------------------
// Small text helpers (normalized text)

function isWordChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) ||
    (c >= 0x61 && c <= 0x7a) ||
    (c >= 0x41 && c <= 0x5a) ||
    (c >= 0xc0 && c <= 0x24f) ||
    (c >= 0x0620 && c <= 0x064a) ||
    (c >= 0x0671 && c <= 0x06d3) ||
    (c >= 0x06f0 && c <= 0x06f9)
  );
}

const isBlank = (c: number): boolean => c === 0x20 || c === 0x09;

/** The nearest character before i that is not a space or tab ('' at the start). */
function prevChar(text: string, i: number): string {
  let j = i - 1;
  while (j >= 0 && isBlank(text.charCodeAt(j))) j--;
  return j >= 0 ? (text[j] as string) : '';
}

/** The nearest character at or after i that is not a space or tab ('' at the end). */
function nextChar(text: string, i: number): string {
  let j = i;
  while (j < text.length && isBlank(text.charCodeAt(j))) j++;
  return j < text.length ? (text[j] as string) : '';
}

/** The word right before i (only spaces between), or '' when punctuation or a line break comes first. */
function prevWord(text: string, i: number): string {
  let j = i - 1;
  while (j >= 0 && isBlank(text.charCodeAt(j))) j--;
  const end = j + 1;
  while (j >= 0 && isWordChar(text.charCodeAt(j))) j--;
  return text.slice(j + 1, end);
}

/** The word right after i (only spaces between), or ''. */
function nextWord(text: string, i: number): string {
  let j = i;
  while (j < text.length && isBlank(text.charCodeAt(j))) j++;
  const start = j;
  while (j < text.length && isWordChar(text.charCodeAt(j))) j++;
  return text.slice(start, j);
}

/** The word and its readings without a conjunction, preposition or article: "والصلاه" → [والصلاه, الصلاه, صلاه]. */
function readings(w: string): string[] {
  const out = [w];
  let rest = w;
  if (rest.length > 3 && (rest[0] === 'و' || rest[0] === 'ف')) out.push((rest = rest.slice(1)));
  if (rest.length > 3 && (rest[0] === 'ب' || rest[0] === 'ل' || rest[0] === 'ك')) out.push((rest = rest.slice(1)));
  if (rest.length > 3 && rest.startsWith('ال')) out.push(rest.slice(2));
  return out;
}

const inSet = (set: Set<string>, w: string): boolean => readings(w).some((r) => set.has(r));

/** How many clitic letters to skip at the start of `s` so that what remains is `core` (or a known word). */
function cliticLength(s: string, isCore: (rest: string) => boolean): number {
  for (let k = 0; k <= 2 && k < s.length; k++) {
    if (k > 0 && !'وفبل'.includes(s[k - 1] as string)) break;
    if (isCore(s.slice(k))) return k;
  }
  return 0;
}

function span(m: RegExpExecArray, name: string): [number, number] | undefined {
  return m.indices?.groups?.[name];
}

function group(m: RegExpExecArray, name: string): string | undefined {
  return m.groups?.[name];
}

/** Where the text marks the future, and where its sentences end; built on first use. */
interface FutureIndex {
  /** Start and end of each future cue, in text order (the matches do not overlap). */
  cueStart: number[];
  cueEnd: number[];
  /** Positions of sentence and clause ends (. ! ? ; line break), in text order. */
  breaks: number[];
}

function buildFutureIndex(text: string): FutureIndex {
  const idx: FutureIndex = { cueStart: [], cueEnd: [], breaks: [] };
  const re = FUTURE_CONTEXT;
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    idx.cueStart.push(m.index);
    idx.cueEnd.push(m.index + m[0].length);
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e || c === 0x21 || c === 0x3f || c === 0x0a || c === 0x3b) idx.breaks.push(i);
  }
  return idx;
}

/** Index of the first element of the sorted array that is ≥ x. */
function lowerBound(a: number[], x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((a[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Does the sentence before `at` (at most 400 characters of it) mark the future ("سيزور", "من المقرر أن", "سوف")? */
function futureBefore(sc: Scan, at: number): boolean {
  const idx = (sc.future ??= buildFutureIndex(sc.text));
  const b = lowerBound(idx.breaks, at) - 1;
  const from = Math.max(b >= 0 ? (idx.breaks[b] as number) + 1 : 0, at - 400);
  const k = lowerBound(idx.cueStart, from);
  return k < idx.cueStart.length && (idx.cueEnd[k] as number) <= at;
}

function directionOf(mod: string | undefined): Direction | 'current' | null {
  if (mod === undefined) return null;
  if (PAST.has(mod)) return 'before';
  if (FUTURE.has(mod)) return 'after';
  if (CURRENT.has(mod)) return 'current';
  return null;
}

// ---------------------------------------------------------------------------------------------------------------
// Rules

function ruleAbsolute(sc: Scan): void {
  for (const a of absoluteMatches(sc.text)) {
    // Month and year only ("ديسمبر 2017") is not a day: it takes in no weekday.
    sc.out.push({ s: a.start, e: a.end, value: a.value, day: a.value !== null && a.value.length === 10 });
  }
}

function ruleWeekday(sc: Scan, m: RegExpExecArray): boolean {
  const { text, anchor } = sc;
  const cues = (group(m, 'cues') ?? '').trim();
  const cueWords = cues ? cues.split(/\s+/) : [];
  const cueSpan = span(m, 'cues');
  const wSpan = span(m, 'w') as [number, number];
  const wText = group(m, 'w') as string;
  const wClitic = cliticLength(wText, (r) => WEEKDAYS.has(r));
  const mod = group(m, 'mod');
  const modSpan = span(m, 'mod');

  const isCue = (r: string): boolean =>
    WEEKDAY_CUES.has(r) || NIGHT_CUES.has(r) || r === 'منتصف' || r === TODAY || r === 'امس' || r === 'غدا';
  const bases = cueWords.map((w) => w.slice(cliticLength(w, isCue)));
  const night = bases.some((b) => NIGHT_CUES.has(b) || b === 'منتصف');
  const today = bases.includes(TODAY);
  const yesterday = bases.includes('امس');
  const tomorrow = bases.includes('غدا');

  // The weekdays: the first, then any joined by "و".
  const days: { s: number; e: number; w: number }[] = [
    { s: wSpan[0] + wClitic, e: wSpan[1], w: WEEKDAYS.get(wText.slice(wClitic)) as number },
  ];
  const more = group(m, 'more');
  const moreSpan = span(m, 'more');
  if (more && moreSpan) {
    const inner = RX.weekdayIn;
    inner.lastIndex = 0;
    for (let k = inner.exec(more); k; k = inner.exec(more)) {
      const ks = span(k, 'w') as [number, number];
      days.push({ s: moreSpan[0] + ks[0], e: moreSpan[0] + ks[1], w: WEEKDAYS.get(group(k, 'w') as string) as number });
    }
  }
  const first = days[0] as { s: number; e: number; w: number };
  const last = days[days.length - 1] as { s: number; e: number; w: number };
  let start = first.s;
  if (cueWords.length > 0 && cueSpan) {
    const firstCue = cueWords[0] as string;
    start = cueSpan[0] + (firstCue.length - (bases[0] as string).length);
  }
  const end = modSpan ? modSpan[1] : last.e;

  // Is it a time adverbial at all?
  const hasCue = cueWords.length > 0;
  const rawStart = cueSpan && hasCue ? cueSpan[0] : wSpan[0];
  const standalone = ',('.includes(prevChar(text, rawStart) || '#') && ',).;'.includes(nextChar(text, end) || '#');
  const head = prevWord(text, rawStart);
  const nounHead = head !== '' && inSet(WEEKDAY_NOUN_HEADS, head);
  const complementizer =
    !hasCue &&
    mod === undefined &&
    days.length === 1 &&
    !NO_COMPLEMENTIZER_WEEKDAYS.has(first.w) &&
    head !== '' &&
    COMPLEMENTIZERS.has(nextWord(text, nextChar(text, end) === ',' ? text.indexOf(',', end) + 1 : end));
  if (!hasCue && mod === undefined && !standalone && !complementizer) return false;

  const after = text.slice(end, end + 40);
  const uncertain = night || nounHead || RX.rangeAfter.test(after) || RX.weekOf.test(after);
  let dir: Direction =
    mod !== undefined ? (PAST.has(mod) ? 'before' : 'after') : yesterday ? 'before' : tomorrow ? 'after' : 'onOrBefore';
  // The sentence marks the future ("من المقرر أن يعقد … يوم السبت", "توقعت … إلى غاية مساء الخميس"): the next such
  // day — unless it is the publication weekday itself (later that day, or a week on: not certain).
  let withheld = false;
  if (dir === 'onOrBefore' && !today && anchor !== null && futureBefore(sc, start)) {
    if (days.some((d) => d.w === weekdayOf(anchor.n))) withheld = true;
    else dir = 'after';
  }
  const values = uncertain || anchor === null || withheld ? null : resolveDays(anchor.n, days.map((d) => d.w), dir);

  if (days.length === 1) {
    sc.out.push({ s: start, e: end, value: values?.[0] ?? null });
    return true;
  }
  days.forEach((d, i) => {
    const s = i === 0 ? start : d.s;
    const e = i === days.length - 1 ? end : d.e;
    sc.out.push({ s, e, value: values?.[i] ?? null });
  });
  return true;
}

/**
 * Days of a run of weekdays ("يومي السبت والأحد"), each after the one before. Resolved from the first and from the
 * last; when the two readings differ (the run straddles the anchor), nothing is certain.
 */
function resolveDays(anchor: number, ws: number[], dir: Direction): string[] | null {
  const gap = (a: number, b: number): number => (b - a + 7) % 7 || 7;
  const fromFirst: number[] = [resolveWeekday(anchor, ws[0] as number, dir)];
  for (let i = 1; i < ws.length; i++) fromFirst.push((fromFirst[i - 1] as number) + gap(ws[i - 1] as number, ws[i] as number));
  if (ws.length > 1) {
    let n = resolveWeekday(anchor, ws[ws.length - 1] as number, dir);
    for (let i = ws.length - 1; i >= 0; i--) {
      if (n !== fromFirst[i]) return null;
      if (i > 0) n -= gap(ws[i - 1] as number, ws[i] as number);
    }
  }
  return fromFirst.map(isoDay);
}

function ruleToday(sc: Scan, m: RegExpExecArray): boolean {
  const { text, anchor } = sc;
  const tSpan = span(m, 't') as [number, number];
  const pre = group(m, 'pre');
  const preSpan = span(m, 'pre');
  const next = nextWord(text, tSpan[1]);
  // "صباح اليوم التالي", "اليوم نفسه": a day the text counts from something else. (A weekday after "اليوم" is the
  // weekday rule's.)
  const otherDay = (next.startsWith('ال') && !WEEKDAYS.has(next)) || SAME_DAY.has(next);
  let start: number;
  if (pre && preSpan) {
    start = preSpan[0] + (pre[0] === 'و' || pre[0] === 'ف' ? 1 : 0);
  } else {
    start = tSpan[0] + (group(m, 't') as string).length - TODAY.length;
    const standalone = ',('.includes(prevChar(text, start) || '#') && ',).'.includes(nextChar(text, tSpan[1]) || '#');
    if (!standalone) return false;
  }
  sc.out.push({ s: start, e: tSpan[1], value: otherDay || !anchor ? null : isoDay(anchor.n) });
  return true;
}

function ruleYesterday(sc: Scan, m: RegExpExecArray): boolean {
  const { anchor } = sc;
  const two = span(m, 'two');
  if (two) {
    const t = group(m, 'two') as string;
    const s = two[0] + (t[0] === 'و' || t[0] === 'ف' ? 1 : 0);
    sc.out.push({ s, e: two[1], value: anchor ? isoDay(anchor.n - 2) : null });
    return true;
  }
  const y = group(m, 'y') as string;
  const ySpan = span(m, 'y') as [number, number];
  const core = y.replace(/^[وف]?ب?(?=امس|الامس|البارحه)/u, '');
  const pre = group(m, 'pre');
  const preSpan = span(m, 'pre');
  const withBa = y.length > core.length && y[y.length - core.length - 1] === 'ب';
  // "الأمس" alone is figurative ("حلفاء الأمس"); "بالأمس", "يوم الأمس" are yesterday.
  if (core === 'الامس' && !withBa && !pre) return false;
  const firstSpan = span(m, 'first');
  const s = pre && preSpan ? preSpan[0] + (pre[0] === 'و' || pre[0] === 'ف' ? 1 : 0) : ySpan[1] - core.length;
  const e = firstSpan ? firstSpan[1] : ySpan[1];
  sc.out.push({ s, e, value: anchor ? isoDay(anchor.n - (firstSpan ? 2 : 1)) : null });
  return true;
}

function ruleTomorrow(sc: Scan, m: RegExpExecArray): boolean {
  const { text, anchor, original } = sc;
  const two = span(m, 'two');
  const bare = span(m, 'bare');
  const g = span(m, 'g');
  let s: number;
  let e: number;
  let days = 1;
  if (two) {
    s = two[0] + ((group(m, 'two') as string).startsWith('بعد') ? 0 : 1);
    e = two[1];
    days = 2;
  } else if (bare) {
    s = bare[0] + ((group(m, 'bare') as string).length - 3);
    e = bare[1];
    // "غدا" is also the verb "became": the adverb has tanween ("غداً") or ends its clause.
    const [os, oe] = toOriginalSpan(sc.norm, s, e);
    const tanween = original.slice(os, oe + 2).includes('\u064b');
    if (!tanween && !',.;)'.includes(nextChar(text, e) || '#')) return false;
  } else if (g) {
    const pre = group(m, 'pre') as string;
    const preSpan = span(m, 'pre') as [number, number];
    s = preSpan[0] + (pre[0] === 'و' || pre[0] === 'ف' ? 1 : 0);
    e = g[1];
  } else return false;
  sc.out.push({ s, e, value: anchor ? isoDay(anchor.n + days) : null });
  return true;
}

/** "منذ ثلاثة أيام", "قبل يومين": chrono-node's Arabic parser reads the number words and does the arithmetic. */
function ruleAgo(sc: Scan, m: RegExpExecArray): boolean {
  const { text, anchor } = sc;
  const x = group(m, 'x') as string;
  const xSpan = span(m, 'x') as [number, number];
  const s = xSpan[0] + (x[0] === 'و' || x[0] === 'ف' ? 1 : 0);
  const e = xSpan[1];
  // "قبل يومين من الانتخابات" counts from the elections, not from the article.
  if (['من', 'علي', 'عن'].includes(nextWord(text, e))) return false;
  sc.out.push({ s, e, value: anchor ? chronoDaysAgo(sc, s, e, anchor) : null });
  return true;
}

function chronoDaysAgo(sc: Scan, s: number, e: number, anchor: Anchor): string | null {
  const [os, oe] = toOriginalSpan(sc.norm, s, e);
  const phrase = sc.original.slice(os, oe).replace(/[\u064b-\u065f\u0670\u0640\u200c-\u200f]/g, '').replace(/\s+/g, ' ');
  const ref = { instant: new Date(anchor.n * 86_400_000 + 43_200_000), timezone: 0 };
  const r = chronoAr.parse(phrase, ref)[0];
  if (!r || r.index !== 0 || r.text.length !== phrase.length) return null;
  const y = r.start.get('year');
  const mo = r.start.get('month');
  const d = r.start.get('day');
  if (y === null || mo === null || d === null || !validDay(y, mo, d)) return null;
  const n = dayNumber(y, mo, d);
  return n < anchor.n ? isoDay(n) : null;
}

function rulePeriod(sc: Scan, m: RegExpExecArray): boolean {
  const { text, anchor } = sc;
  const mod = group(m, 'mod');
  const thisText = group(m, 'this');
  if (mod === undefined && thisText === undefined) return false;
  const unit = group(m, 'unit') as string;
  const u = group(m, 'u') as string;
  const uSpan = span(m, 'u') as [number, number];
  const cl = u[0] === 'و' || u[0] === 'ف' ? 1 : 0;
  const uStart = uSpan[0] + (u.slice(cl).startsWith('لل') ? cl : cl + (u[cl] === 'ب' ? 1 : 0));
  const part = span(m, 'part');
  const partText = group(m, 'part');
  const thisSpan = span(m, 'this');
  // "الأمين العام المقبل", "المدير العام الحالي": "العام" is the adjective "general".
  if (unit === 'عام' && !part && !thisText && inSet(GENERAL_HEADS, prevWord(text, uStart))) return false;
  const clitic = (t: string | undefined): number => (t !== undefined && (t[0] === 'و' || t[0] === 'ف') ? 1 : 0);
  const start = part && partText ? part[0] + clitic(partText) : thisSpan ? thisSpan[0] + clitic(thisText) : uStart;
  const end = (span(m, 'mod') ?? uSpan)[1];
  const dir = directionOf(mod);
  const delta = dir === 'before' ? -1 : dir === 'after' ? 1 : 0;
  let value: string | null = null;
  if (anchor && unit === 'شهر') value = shiftMonth(anchor.y, anchor.m, delta);
  else if (anchor && unit !== 'اسبوع') value = String(anchor.y + delta);
  sc.out.push({ s: start, e: end, value });
  return true;
}

function yearValue(y: string | undefined, gregorianMarked: boolean): string | null {
  const n = Number(y);
  return Number.isInteger(n) && n >= (gregorianMarked ? 1000 : 1600) && n <= 2199 ? String(n) : null;
}

const isHijriSuffix = (s: string | undefined): boolean => s !== undefined && !/^(?:م|ميلادي|ميلاديه)$/u.test(s);

function ruleYearCue(sc: Scan, m: RegExpExecArray): boolean {
  const suf = group(m, 'suf');
  const suf2 = group(m, 'suf2');
  const conn = group(m, 'conn');
  const y2Span = span(m, 'y2');
  const hijriYear = isHijriSuffix(suf) || isHijriSuffix(suf2);
  // "موسم 2024/2025": a season or fiscal year, not one year.
  const joined = conn !== undefined && /^[-–/]$/u.test(conn);
  const part = span(m, 'part');
  const partText = group(m, 'part') ?? '';
  const cue = group(m, 'cue') as string;
  const cueSpan = span(m, 'cue') as [number, number];
  const cueClitic = cliticLength(cue, (r) => /^(?:للعام|للسنه|العامين|العام|السنه|عامي|سنتي|عام|سنه)$/u.test(r));
  const start = part ? part[0] + (partText[0] === 'و' || partText[0] === 'ف' ? 1 : 0) : cueSpan[0] + cueClitic;
  const y1Span = span(m, 'y1') as [number, number];
  const end1 = suf !== undefined ? (span(m, 'suf') as [number, number])[1] : y1Span[1];
  const ok = !hijriYear && !joined;
  if (y2Span && !ok) {
    sc.out.push({ s: start, e: m.index + m[0].length, value: null });
    return true;
  }
  sc.out.push({ s: start, e: end1, value: ok ? yearValue(group(m, 'y1'), suf !== undefined) : null });
  if (y2Span) {
    const end2 = suf2 !== undefined ? (span(m, 'suf2') as [number, number])[1] : y2Span[1];
    sc.out.push({ s: y2Span[0], e: end2, value: yearValue(group(m, 'y2'), suf2 !== undefined || suf !== undefined) });
  }
  return true;
}

function ruleYearSuffix(sc: Scan, m: RegExpExecArray): boolean {
  sc.out.push({ s: m.index, e: m.index + m[0].length, value: yearValue(group(m, 'y'), true) });
  return true;
}

function ruleYearPrep(sc: Scan, m: RegExpExecArray): boolean {
  const { text } = sc;
  const ySpan = span(m, 'y') as [number, number];
  const part = span(m, 'part');
  const after = text.slice(ySpan[1], ySpan[1] + 3);
  // After a preposition, a bare number is a year only when its clause ends there ("في 2015،").
  if (!part && (!/^[ \t]*(?:[,.;:)!?"\n]|$)/u.test(after) || /^\.\d/u.test(after))) return false;
  const n = Number(group(m, 'y'));
  if (n < 1900 || n > 2100) return false;
  const partText = group(m, 'part') ?? '';
  const s = part ? part[0] + (partText[0] === 'و' || partText[0] === 'ف' ? 1 : 0) : ySpan[0];
  sc.out.push({ s, e: ySpan[1], value: String(n) });
  return true;
}

function ruleHijri(sc: Scan, m: RegExpExecArray): boolean {
  const dText = group(m, 'd') as string;
  const dSpan = span(m, 'd') as [number, number];
  const clitic = /^\d/u.test(dText) ? 0 : cliticLength(dText, (r) => ORDINALS.has(r.replace(/\s+/g, ' ')));
  const day = /^\d/u.test(dText) ? Number(dText) : lookup(ORDINALS, dText.slice(clitic));
  const month = lookup(HIJRI_MONTHS, group(m, 'm'));
  const year = Number(group(m, 'y'));
  const marked = group(m, 'suf') !== undefined;
  const plausible = marked ? year >= 1000 && year <= 1700 : year >= 1300 && year <= 1600;
  const n = plausible && day !== undefined && month !== undefined ? hijriToDayNumber(year, month, day) : null;
  sc.out.push({ s: dSpan[0] + clitic, e: m.index + m[0].length, value: n === null ? null : isoDay(n), day: n !== null });
  return true;
}

/** Value of a day and month, with the year the text gives or from the anchor. */
function dayMonthValue(
  sc: Scan,
  m: RegExpExecArray,
  day: number | undefined,
  start: number,
  end: number,
): string | null {
  const month = lookup(AR_MONTHS, group(m, 'm'));
  const m2 = group(m, 'm2');
  if (day === undefined || month === undefined || (m2 !== undefined && lookup(AR_MONTHS, m2) !== month)) return null;
  const y = group(m, 'y');
  if (y !== undefined) {
    const year = Number(y);
    return year >= 1800 && year <= 2200 && validDay(year, month, day) ? isoDay(dayNumber(year, month, day)) : null;
  }
  if (!sc.anchor || NEXT_IS_YEAR.test(sc.text.slice(end, end + 20))) return null;
  // "ثورة 25 يناير", "هجوم السابع من أكتوبر": a named event's date is not this year's.
  const head = prevWord(sc.text, start);
  if (head !== '' && inSet(EVENT_NOUNS, head)) return null;
  const dir = directionOf(group(m, 'mod'));
  if (dir === null && futureBefore(sc, start)) return null;
  const n = resolveDayMonth(sc.anchor.n, month, day, dir === null || dir === 'current' ? 'onOrBefore' : dir);
  return n === null ? null : isoDay(n);
}

function ruleDayMonth(sc: Scan, m: RegExpExecArray): boolean {
  const s = m.index;
  const e = m.index + m[0].length;
  const value = dayMonthValue(sc, m, Number(group(m, 'd')), s, e);
  sc.out.push({ s, e, value, day: value !== null });
  return true;
}

function ruleOrdinal(sc: Scan, m: RegExpExecArray): boolean {
  const { text } = sc;
  const o = group(m, 'o') as string;
  const oSpan = span(m, 'o') as [number, number];
  const clitic = cliticLength(o, (r) => ORDINALS.has(r.replace(/\s+/g, ' ')));
  const s = oSpan[0] + clitic;
  const e = m.index + m[0].length;
  // "الأسبوع الثاني من يناير" is a week: the ordinal must open the expression.
  const before = prevWord(text, s);
  const opens =
    clitic > 0 ||
    (before === '' && !/\d/u.test(prevChar(text, s))) ||
    inSet(ORDINAL_LEFT, before) ||
    WEEKDAYS.has(before) ||
    readings(before).some((r) => WEEKDAYS.has(r));
  const value = opens ? dayMonthValue(sc, m, lookup(ORDINALS, o.slice(clitic)), s, e) : null;
  sc.out.push({ s, e, value, day: value !== null });
  return true;
}

function ruleMonth(sc: Scan, m: RegExpExecArray): boolean {
  const { text, anchor } = sc;
  const part = group(m, 'part');
  const prep = group(m, 'prep');
  const shahr = group(m, 'shahr');
  const mod = group(m, 'mod');
  const y = group(m, 'y');
  if (part === undefined && prep === undefined && shahr === undefined && mod === undefined && y === undefined) return false;
  const clitic = (t: string): number => (t[0] === 'و' || t[0] === 'ف' ? 1 : 0);
  const mSpan = span(m, 'm') as [number, number];
  const start =
    part !== undefined
      ? (span(m, 'part') as [number, number])[0] + clitic(part)
      : shahr !== undefined
        ? (span(m, 'shahr') as [number, number])[0] + clitic(shahr)
        : mSpan[0];
  const end = m.index + m[0].length;
  const month = lookup(AR_MONTHS, group(m, 'm'));
  const m2 = group(m, 'm2');
  let value: string | null = null;
  if (month !== undefined && (m2 === undefined || lookup(AR_MONTHS, m2) === month)) {
    if (y !== undefined) {
      const year = Number(y);
      value = year >= 1800 && year <= 2200 ? isoMonth(year, month) : null;
    } else if (anchor && !NEXT_IS_YEAR.test(text.slice(end, end + 20))) {
      const dir = directionOf(mod);
      if (dir === 'current') value = month === anchor.m ? isoMonth(anchor.y, month) : null;
      else if (dir !== null || !futureBefore(sc, start)) {
        value = isoMonth(resolveMonthYear(anchor.n, month, dir ?? 'onOrBefore'), month);
      }
    }
  }
  sc.out.push({ s: start, e: end, value });
  return true;
}

// ---------------------------------------------------------------------------------------------------------------
// The scan: one pass over the text finds the words every expression is built around (a weekday, a month, "اليوم",
// "العام", a four-digit number…); each rule's regex is then tried, sticky, from that word and from up to `back`
// words before it (the cues and prefixes an expression may open with), farthest first.

interface Rule {
  re: RegExp;
  back: number;
  run: (sc: Scan, m: RegExpExecArray) => boolean;
}

const rule = (re: RegExp, back: number, run: Rule['run']): Rule => ({ re, back, run });
const WEEKDAY_RULE = rule(RX.weekday, 3, ruleWeekday);
const TODAY_RULE = rule(RX.today, 4, ruleToday);
const YESTERDAY_RULE = rule(RX.yesterday, 2, ruleYesterday);
const TOMORROW_RULE = rule(RX.tomorrow, 2, ruleTomorrow);
const PERIOD_RULE = rule(RX.period, 2, rulePeriod);
const YEAR_CUE_RULE = rule(RX.yearCue, 2, ruleYearCue);
const AGO_RULE = rule(RX.ago, 3, ruleAgo);
const HIJRI_RULE = rule(RX.hijri, 5, ruleHijri);
const DAY_MONTH_RULE = rule(RX.dayMonth, 3, ruleDayMonth);
const ORDINAL_RULE = rule(RX.ordinal, 5, ruleOrdinal);
const MONTH_RULE = rule(RX.month, 2, ruleMonth);
const YEAR_SUFFIX_RULE = rule(RX.yearSuffix, 0, ruleYearSuffix);
const YEAR_PREP_RULE = rule(RX.yearPrep, 1, ruleYearPrep);
/** The trigger words; capture group i + 1 selects TRIGGERED[i]. */
const TRIGGER = new RegExp(
  `${L}[وفبل]{0,2}(?:(${RE_WEEKDAY})|(اليوم)|(امس|الامس|البارحه)|(غدا|غد|الغد)|((?:ال|ل)?(?:شهر|عام|سنه|اسبوع)|عامي|سنتي|العامين)` +
    `|(يوم|يوما|ايام|يومين)|(${RE_HIJRI_MONTH})|(${RE_AR_MONTH}))${R}|${L}(\\d{4})(?!\\d)`,
  'g',
);
const TRIGGERED: Rule[][] = [
  [WEEKDAY_RULE],
  [TODAY_RULE],
  [YESTERDAY_RULE],
  [TOMORROW_RULE],
  [PERIOD_RULE, YEAR_CUE_RULE],
  [AGO_RULE],
  [HIJRI_RULE],
  [DAY_MONTH_RULE, ORDINAL_RULE, MONTH_RULE],
  [YEAR_SUFFIX_RULE, YEAR_PREP_RULE],
];

/** Start of the word at `pos` and of up to k words before it, farthest first (only spaces between them). */
function wordStarts(text: string, pos: number, k: number): number[] {
  const out = [pos];
  let i = pos;
  for (let n = 0; n < k; n++) {
    let j = i - 1;
    while (j >= 0 && isBlank(text.charCodeAt(j))) j--;
    if (j < 0 || j === i - 1 || !isWordChar(text.charCodeAt(j))) break;
    while (j >= 0 && isWordChar(text.charCodeAt(j))) j--;
    i = j + 1;
    out.push(i);
  }
  return out.reverse();
}

function runRules(sc: Scan): void {
  const { text } = sc;
  /** Per rule, the end of its last match: a later trigger inside it is already taken care of. */
  const covered = new Map<Rule, number>();
  const t = TRIGGER;
  t.lastIndex = 0;
  for (let hit = t.exec(text); hit; hit = t.exec(text)) {
    let g = 1;
    while (g < hit.length && hit[g] === undefined) g++;
    for (const r of TRIGGERED[g - 1] ?? []) {
      if ((covered.get(r) ?? -1) > hit.index) continue;
      for (const start of wordStarts(text, hit.index, r.back)) {
        r.re.lastIndex = start;
        const m = r.re.exec(text);
        if (!m || m.index + m[0].length <= hit.index) continue;
        if (r.run(sc, m)) {
          covered.set(r, m.index + m[0].length);
          break;
        }
      }
    }
  }
}

/** A calendar date takes in the weekday written right before it, or in parentheses right after it. */
function absorbWeekdays(sc: Scan): void {
  const { text } = sc;
  for (const c of sc.out) {
    if (!c.day) continue;
    const from = Math.max(0, c.s - 48);
    const before = RX.weekdayBefore.exec(text.slice(from, c.s));
    // (The slice may cut a word: the weekday must begin one in the full text.)
    if (before && (from + before.index === 0 || !isWordChar(text.charCodeAt(from + before.index - 1)))) {
      const w = group(before, 'w') as string;
      const wSpan = span(before, 'w') as [number, number];
      const closing = group(before, 'paren') !== undefined ? /^\s*\)/u.exec(text.slice(c.e, c.e + 8)) : null;
      if (group(before, 'paren') === undefined || closing) {
        c.s = from + wSpan[0] + (w[0] === 'و' || w[0] === 'ف' ? 1 : 0);
        if (closing) c.e += closing[0].length;
      }
    }
    const after = RX.weekdayAfter.exec(text.slice(c.e, c.e + 24));
    if (after) c.e += after[0].length;
  }
}

// ---------------------------------------------------------------------------------------------------------------

/** Every date expression in `text` with its value, only where the value is certain. `published` (YYYY-MM-DD or
 *  null) is the article's own publication date, the anchor for weekdays and relative references. */
export function findDates(text: string, published: string | null): DateMention[] {
  if (text.length === 0) return [];
  const norm = normalizeForMatch(text);
  const n = parseIsoDay(published);
  const anchor = n === null ? null : { n, ...fromDayNumber(n) };
  const sc: Scan = { text: norm.text, norm, original: text, anchor, out: [] };

  ruleAbsolute(sc);
  runRules(sc);
  absorbWeekdays(sc);

  // Longest first; at equal length the earlier start, then the earlier rule (absolute before relative).
  const order = sc.out.map((c, i) => ({ c, i }));
  order.sort((a, b) => b.c.e - b.c.s - (a.c.e - a.c.s) || a.c.s - b.c.s || a.i - b.i);
  const kept: Cand[] = [];
  const taken = new Uint8Array(norm.text.length);
  for (const { c } of order) {
    if (c.e <= c.s || taken.subarray(c.s, c.e).includes(1)) continue;
    taken.fill(1, c.s, c.e);
    kept.push(c);
  }
  const out: DateMention[] = [];
  for (const c of kept) {
    if (c.value === null) continue;
    const [start, end] = toOriginalSpan(norm, c.s, c.e);
    out.push({ text: text.slice(start, end), value: c.value, start, end });
  }
  return out.sort((a, b) => a.start - b.start);
}
