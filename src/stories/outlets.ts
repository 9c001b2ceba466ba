/**
 * The outlet a credit line names, for a story's list of outlets when the article's page did not name its outlet:
 * "دمشق – وكالة المشرق للأنباء (وما)" → "وكالة المشرق للأنباء", "بوابة الشام – خاص | 11 مارس 2025" → "بوابة الشام",
 * "النهار المصرية – كتب: أحمد فتحي" → "النهار المصرية". The line is cut at its separators (dashes, bars, slashes,
 * commas); parts that are a known place (a dateline), a date, a byline ("كتب: …"), a section name or a generic
 * source ("وكالات", "خاص") are dropped, "نقلا عن"/"عن" and a trailing "(abbreviation)" are taken off, and the first
 * part left is the outlet. Pure text; the word lists are data (src/lang/ar/page-hints.json).
 */
import hints from '../lang/ar/page-hints.json' with { type: 'json' };
import { canonicalOf } from '../entities/lexicon.js';
import { foldKey } from '../text/index.js';

const fold = (xs: readonly string[]): Set<string> => new Set(xs.map(foldKey));
const BYLINE = fold(hints.bylineLabels);
const SECTIONS = fold(hints.sectionNames);
const SOURCE = fold(hints.sourceLabels);
const GENERIC = fold(['وكالات', 'خاص', 'متابعات', 'مواقع', 'وكالات الأنباء', 'الوكالات']);

function isNotOutlet(part: string): boolean {
  const k = foldKey(part);
  if (k === '' || /\d/.test(part) || part.length < 2) return true;
  if (GENERIC.has(k) || SECTIONS.has(k) || SOURCE.has(k)) return true;
  const first = k.split(' ')[0] ?? '';
  if (BYLINE.has(first) || BYLINE.has(k.split(':')[0]?.trim() ?? '')) return true;
  return canonicalOf(part)?.type === 'location';
}

/** The outlet named by a credit line, or null. */
export function outletFromCredit(credit: string): string | null {
  for (let part of credit.split(/\s[-–—|/]\s|[|،,]|\s[-–—]|[-–—]\s/u)) {
    part = part
      .replace(/\([^()]*\)?\s*$/u, '')
      .replace(/^\s*(?:نقلا\s+عن|نقلاً\s+عن|عن|المصدر\s*:)\s*/u, '')
      .replace(/[:：]\s*$/u, '')
      .trim();
    if (part.includes(':')) continue; // "مراسلة: …", "كتب: …"
    if (!isNotOutlet(part)) return part;
  }
  return null;
}
