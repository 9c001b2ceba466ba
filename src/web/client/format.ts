/** Labels and date formatting for the page, in Arabic. DOM-free. */

export const ISO_DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const MONTHS = ['يناير', 'فبراير', 'مارس', 'أبريل', 'مايو', 'يونيو', 'يوليو', 'أغسطس', 'سبتمبر', 'أكتوبر', 'نوفمبر', 'ديسمبر'];

/** "2025-03-12" → "12 مارس 2025"; "2025-03" → "مارس 2025"; "2025" → "2025"; anything else unchanged. */
export function fmtDate(date: string): string {
  const m = ISO_DATE.exec(date);
  if (m === null) return date;
  const [, y, mo, d] = m;
  const month = mo === undefined ? undefined : MONTHS[Number(mo) - 1];
  if (month === undefined) return y ?? date;
  return d === undefined ? `${month} ${y}` : `${Number(d)} ${month} ${y}`;
}

/** "12 مارس 2025 – 14 مارس 2025", one date when both are the same, "" when neither is known. */
export function fmtRange(start: string | null, end: string | null): string {
  if (start === null && end === null) return '';
  if (start === null || end === null || start === end) return fmtDate((start ?? end) as string);
  return `${fmtDate(start)} – ${fmtDate(end)}`;
}

/** Days since 1970-01-01 of the first day an ISO date covers, and of the last; null when it is no ISO date. */
export function dayRange(date: string): [number, number] | null {
  const m = ISO_DATE.exec(date);
  if (m === null) return null;
  const y = Number(m[1]);
  const mo = m[2] === undefined ? null : Number(m[2]);
  const d = m[3] === undefined ? null : Number(m[3]);
  if (mo !== null && (mo < 1 || mo > 12)) return null;
  const day = (yy: number, mm: number, dd: number): number => Math.floor(Date.UTC(yy, mm, dd) / 86_400_000);
  if (mo === null) return [day(y, 0, 1), day(y + 1, 0, 1) - 1];
  if (d === null) return [day(y, mo - 1, 1), day(y, mo, 1) - 1];
  return [day(y, mo - 1, d), day(y, mo - 1, d)];
}

/** An ISO day back from a day number. */
export function isoDay(n: number): string {
  return new Date(n * 86_400_000).toISOString().slice(0, 10);
}

export const ROLE_LABEL: Record<string, string> = { main: 'مقال رئيسي', related: 'مقال مرافق', teaser: 'عنوان إحالة' };
export const TYPE_LABEL: Record<string, string> = { person: 'شخص', organization: 'هيئة', location: 'مكان' };
export const TYPES_LABEL: Record<string, string> = { person: 'أشخاص', organization: 'هيئات ومنظمات', location: 'أماكن' };
export const KIND_LABEL: Record<string, string> = { direct: 'قول مباشر', indirect: 'قول منقول' };

/**
 * A counted noun as Arabic says it: 1 and 2 have their own words ("مقال واحد", "مقالان"); 3–10 take the plural
 * ("5 مقالات"); 11–99 the singular in the accusative ("15 مقالًا"); 0 and the hundreds the singular ("100 مقال").
 * The last two digits decide, as in speech ("103 مقالات", "115 مقالًا").
 */
export interface Noun {
  one: string;
  two: string;
  /** 3–10 */
  plural: string;
  /** 11–99: the singular, accusative */
  tamyiz: string;
  /** 0, 100, 101, 102…: the singular */
  single: string;
}

export const NOUNS = {
  article: { one: 'مقال واحد', two: 'مقالان', plural: 'مقالات', tamyiz: 'مقالًا', single: 'مقال' },
  quote: { one: 'قول واحد', two: 'قولان', plural: 'أقوال', tamyiz: 'قولًا', single: 'قول' },
  story: { one: 'قصة واحدة', two: 'قصتان', plural: 'قصص', tamyiz: 'قصة', single: 'قصة' },
  result: { one: 'نتيجة واحدة', two: 'نتيجتان', plural: 'نتائج', tamyiz: 'نتيجة', single: 'نتيجة' },
  name: { one: 'اسم واحد', two: 'اسمان', plural: 'أسماء', tamyiz: 'اسمًا', single: 'اسم' },
} as const satisfies Record<string, Noun>;

export function count(n: number, noun: Noun): string {
  if (n === 1) return noun.one;
  if (n === 2) return noun.two;
  const m = n % 100;
  if (m >= 3 && m <= 10) return `${n} ${noun.plural}`;
  if (m >= 11 && m <= 99) return `${n} ${noun.tamyiz}`;
  return `${n} ${noun.single}`;
}
