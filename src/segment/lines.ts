/**
 * Step 1 of segmentation: what each line of a page is, from its own shape and from the rest of the page
 * (repetition, lines glued to other lines). Generic signals first; the hint lists only name what they see.
 */
import type { Block } from '../types.js';
import { foldKey } from '../text/index.js';
import { findAbsoluteDates } from '../dates/index.js';
import { HINTS, startsWithLabel } from './hints.js';

export type LineKind =
  | 'para' // a body paragraph: sentence-shaped
  | 'head' // headline-shaped: short, no sentence end
  | 'caption' // image caption or photo credit
  | 'byline' // author, agency, source
  | 'date' // a line that is a date (publication date, date bar)
  | 'label' // a list label: what follows is other articles or teasers
  | 'comments' // a comment-section label: what follows is the comment form
  | 'zone' // a tag or share label standing alone: the short lines after it are tags or buttons
  | 'teaser-link' // "اقرأ أيضاً: <headline>" on one line
  | 'junk'; // navigation, markers, tag lines, comment-form fields

export interface Line {
  i: number;
  text: string;
  key: string;
  words: number;
  kind: LineKind;
  block: Block;
  /** byline: the credit as printed, without framing punctuation or label. */
  credit?: string;
  /** byline of the shape «Outlet» (City): the outlet. */
  outlet?: string;
  /** date line: its value and what label it carries. */
  date?: { value: string; label: 'publish' | 'update' | null };
  /** teaser-link: the headline it links to. */
  linkTitle?: string;
  /** A copyright line: the name it claims rights for (the outlet). */
  copyright?: string;
  /** A headline that had a list label glued before it ("عاجل …"). */
  glueLabel?: boolean;
}

/** A sentence end: . ! ? ؟ … or : — closing quotes and brackets may follow it, but a quote alone is no end. */
const TERMINAL = /[.!?؟…:]["”»'’)\]]*$/u;
const SENTENCE_END = /[.!?؟…]["”»'’)]*$/u;
const LETTER = /\p{L}/u;
const ARABIC = /[\u0600-\u06FF]/u;
const FRAME = /^[\s«»"“”'()[\]\-–—:،,.]+|[\s«»"“”'()[\]\-–—:،,.]+$/gu;

/** Words: runs of non-space characters that hold a letter or a digit. */
export function countWords(s: string): number {
  let n = 0;
  let inWord = false;
  let counted = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) {
      inWord = false;
      continue;
    }
    if (!inWord) {
      inWord = true;
      counted = false;
    }
    // letters (Latin, Arabic block and beyond) and digits; punctuation alone is no word
    if (!counted && ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0x621 && c <= 0x64a) || (c >= 0x660 && c <= 0x669) || (c >= 0x671 && c <= 0x6ff) || (c > 0xbf && c < 0x600) || (c > 0x6ff && /\p{L}/u.test(s[i]!)))) {
      n++;
      counted = true;
    }
  }
  return n;
}

export function unframe(s: string): string {
  return s.replace(FRAME, '').trim();
}

/** Classify every block of a page into lines. */
export function classifyLines(blocks: Block[]): Line[] {
  const lines: Line[] = blocks.map((block, i) => {
    const text = block.text;
    return { i, text, key: foldKey(text), words: countWords(text), kind: 'para' as LineKind, block };
  });
  const keyCount = new Map<string, number>();
  for (const l of lines) keyCount.set(l.key, (keyCount.get(l.key) ?? 0) + 1);

  for (const l of lines) classifyOwn(l);
  const labels = resolveGlued(lines, keyCount);
  stripSectionLabels(lines, labels);
  stripGluedMenuWords(lines);
  return lines;
}

/** What a line is from its own text and the HTML hint. */
function classifyOwn(l: Line): void {
  const { text, key, words } = l;
  const hint = l.block.hint;
  const set = (kind: LineKind, extra?: Partial<Line>): void => {
    l.kind = kind;
    if (extra) Object.assign(l, extra);
  };
  if (hint === 'boilerplate' || key.length === 0) return set('junk');
  if (hint === 'date' || (!LETTER.test(text) && /\d/.test(text))) {
    const d = dateLine(text, key, words);
    if (d) return set('date', { date: d });
    if (hint === 'date') return set('junk');
  }
  if (HINTS.markers.has(text) || !LETTER.test(text) || (!ARABIC.test(text) && text.length <= 3)) return set('junk');
  if (isBreadcrumb(text)) return set('junk');
  // A menu or breadcrumb that starts at "Home": "الرئيسية محليات سياسة …"
  if (words >= 2 && startsWithLabel(key, HINTS.navHome) && !SENTENCE_END.test(text)) return set('junk');
  if (HINTS.listLabels.has(key) || hint === 'label') return set('label');
  if (words <= 4 && (HINTS.commentLabels.has(key) || startsWithLabel(key, HINTS.commentStarts))) return set('comments');
  if (/[:：]\s*$/.test(text) && (words <= 3 || (words <= 6 && startsWithLabel(key.split(' ')[0] ?? '', HINTS.labelVerbs)))) return set('label');
  const copyright = copyrightOf(text, key);
  if (copyright !== null) return set('junk', copyright ? { copyright } : {});
  if (words <= 14 && HINTS.commentLines.some((c) => key.startsWith(c) || key.includes(' ' + c))) return set('junk');
  if (words <= 10 && startsWithLabel(key, HINTS.chromeLines)) return set('junk');
  const zoneLabel = startsWithLabel(key, HINTS.tagLabels) ?? startsWithLabel(key, HINTS.shareLabels);
  if (zoneLabel) {
    if (key === zoneLabel) return set('zone');
    if (/^[^:：]{1,30}[:：]/.test(text) || words <= 8) return set('junk');
  }
  if (/^\d{1,2}:\d{2}/.test(text) && words <= 3) return set('junk');

  const linked = teaserLink(text, words);
  if (linked) return set('teaser-link', { linkTitle: linked });
  const labelled = labelledCredit(text, key, words);
  if (labelled) return set('byline', { credit: labelled });
  const creditDate = creditAndDate(text);
  if (creditDate) return set('date', creditDate);
  const date = dateLine(text, key, words);
  if (date) return set('date', { date });
  if (!ARABIC.test(text) && words <= 4) return set('junk');
  const dated = datedHeadline(text);
  if (dated) return set('head', { text: dated.title, key: foldKey(dated.title), words: countWords(dated.title), date: dated.date });
  if (hint === 'caption') return set('caption');
  if (hint === 'byline') return set('byline', { credit: labelledCredit(text, key, words) ?? placeAndName(text, words) ?? bareCredit(text, key) });
  const paren = trailingParen(text);
  if (paren && !SENTENCE_END.test(paren.before) && words <= 40) {
    const innerKey = foldKey(paren.inner);
    const agency = HINTS.agencies.has(innerKey) || /\p{L}\.\p{L}/u.test(paren.inner);
    if (paren.beforeWords <= 3 && !agency && paren.innerWords <= 4) {
      const outlet = /^\s*[«"“].+[»"”]\s*$/u.test(paren.before) ? unframe(paren.before) : undefined;
      return set('byline', outlet ? { credit: unframe(paren.before), outlet } : { credit: unframe(paren.before) });
    }
    if (paren.innerWords <= 5 && (agency || paren.beforeWords >= 3)) return set('caption');
  }
  const signed = /^\(([^()]{1,25})\)(.{0,30})$/u.exec(text);
  if (signed && words <= 6 && !SENTENCE_END.test(text)) return set('byline', { credit: unframe(signed[1] ?? '') });
  if (isShortCredit(text, key, words)) return set('byline', { credit: unframe(text) });
  const placeName = placeAndName(text, words);
  if (placeName) return set('byline', { credit: placeName });
  if (hint === 'title' || hint === 'heading') return set(words >= 25 ? 'para' : 'head');
  // A short question or exclamation with no comma or period inside is a headline ("ماذا تريد دمشق من موسكو؟").
  const headlineQuestion = (): boolean => words < 15 && /[?؟!]["”»'’)]*$/u.test(text) && !/[،,؛]|(?<!\.)\.(?!\.)/u.test(text.slice(0, -1)); // ".." is no sentence end
  if (words >= 20 || (words >= 6 && TERMINAL.test(text) && !headlineQuestion())) return set('para');
  const glued = gluedListLabel(text, key);
  if (glued) return set('head', { text: glued, key: foldKey(glued), words: countWords(glued), glueLabel: true });
  set('head');
}

/** "جميع الحقوق محفوظة © 2025 صحيفة الساحل": null when not a copyright line, else the name claimed ('' if none). */
function copyrightOf(text: string, key: string): string | null {
  const mark = HINTS.copyrightMarks.find((m) => key.includes(m));
  if (!text.includes('©') && !mark) return null;
  let rest = key.replace(/[^\p{L}\p{N}\s|/-]/gu, ' ').replace(/\s+/g, ' ');
  if (mark) rest = rest.replace(mark, ' ');
  const first = rest.split(/\s+(?:-|\||\/)\s+|[|]/)[0] ?? '';
  const words = first
    .replace(/\b(19|20)\d{2}\b/g, ' ')
    .split(' ')
    .filter((w) => w && !/^\d+$/.test(w));
  // "لوكالة …": the preposition of "rights reserved to"
  if (words[0] && words[0].length > 3 && words[0].startsWith('ل') && !text.includes(words[0])) words[0] = words[0].slice(1);
  while (words[0] && HINTS.outletWords.has(words[0])) words.shift();
  const name = words.join(' ').trim();
  return name.split(' ').length <= 5 ? name : '';
}

/** "النهار المصرية – القاهرة | الأربعاء 12 مارس 2025": a short credit and a date line joined by a bar. */
function creditAndDate(text: string): { date: NonNullable<Line['date']>; credit: string } | null {
  if (!text.includes('|') || text.length > 160) return null;
  const parts = text.split(/\s*\|\s*/);
  if (parts.length !== 2) return null;
  for (const [d, c] of [[parts[1]!, parts[0]!], [parts[0]!, parts[1]!]] as const) {
    const date = dateLine(d, foldKey(d), countWords(d));
    const credit = unframe(c);
    if (date && credit && countWords(c) <= 7 && !SENTENCE_END.test(c)) return { date, credit };
  }
  return null;
}

/** "12/06/2024 11:20 - عنوان …" or "عنوان … 06/08/2025": a headline item printed with its date. */
function datedHeadline(text: string): { title: string; date: NonNullable<Line['date']> } | null {
  if (!/\d/.test(text) || text.length > 200) return null;
  const found = findAbsoluteDates(text).filter((d) => d.value.length === 10);
  for (const d of found) {
    const before = text.slice(0, d.start).trim();
    const after = text.slice(d.end).replace(/^\s*\d{1,2}:\d{2}(\s*[صمAPap][Mm]?)?/u, '').trim();
    let title: string | null = null;
    if (!before && /^[-–—|:]/.test(after)) title = after.replace(/^[-–—|:]\s*/, '');
    else if (!after.replace(/[-–—|]/g, '').trim() && before) title = before.replace(/\s*[-–—|]\s*$/, '');
    if (title && countWords(title) >= 3 && countWords(title) < 20 && !SENTENCE_END.test(title)) return { title, date: { value: d.value, label: null } };
  }
  return null;
}

/** "غرداية - سارة بن علي", "بغداد/ حيدر الساعدي": a place and a name; the credit is the name. */
function placeAndName(text: string, words: number): string | null {
  if (words > 5 || /\d/.test(text) || SENTENCE_END.test(text)) return null;
  const parts = text.split(/\s*[-–—/]\s*/).filter(Boolean);
  if (parts.length !== 2) return null;
  const [a, b] = parts as [string, string];
  const wa = countWords(a);
  const wb = countWords(b);
  if (wa < 1 || wa > 3 || wb < 1 || wb > 4 || !/[-–—/]/.test(text)) return null;
  return unframe(b);
}

/** "عاجل مجلس الأمن يعقد …": a one-word list label glued before a headline. */
function gluedListLabel(text: string, key: string): string | null {
  const sp = key.indexOf(' ');
  if (sp < 0 || !HINTS.listLabels.has(key.slice(0, sp))) return null;
  const rest = text.slice(text.indexOf(' ') + 1).replace(/^[:：\-–|]\s*/, '');
  return countWords(rest) >= 3 ? rest : null;
}

/** "الرئيسية » أخبار » سياسة": three or more short segments between path separators. */
function isBreadcrumb(text: string): boolean {
  const parts = text.split(/\s*[»›>|\\]\s*|\s+\/\s+/);
  return parts.length >= 3 && parts.every((p) => countWords(p) <= 4);
}

/** "اقرأ أيضاً: <headline>" — a list label and a headline on one line. */
function teaserLink(text: string, words: number): string | null {
  const m = /^([^:：]{2,30})[:：]\s*(.+)$/u.exec(text);
  if (!m || words > 30) return null;
  const label = foldKey(m[1] ?? '');
  const rest = (m[2] ?? '').trim();
  if (!HINTS.listLabels.has(label) || countWords(rest) < 3 || SENTENCE_END.test(rest)) return null;
  return rest;
}

/** An HTML byline without a colon ("بواسطة فيصل العتيبي"): the credit without its label word. */
function bareCredit(text: string, key: string): string {
  const label = startsWithLabel(key, HINTS.bylineLabels);
  if (!label) return unframe(text);
  const n = label.split(' ').length;
  return unframe(text.split(/\s+/).slice(n).join(' ')) || unframe(text);
}

/** "المصدر: …", "كتب: …", "بقلم …": a labelled credit. */
function labelledCredit(text: string, key: string, words: number): string | null {
  if (words > 12) return null;
  const source = startsWithLabel(key, HINTS.sourceLabels);
  const byline = startsWithLabel(key, HINTS.bylineLabels);
  const label = source ?? byline;
  if (!label) return null;
  const m = /^([^:：\-–]{1,25}?)\s*[:：\-–]\s*(.+)$/u.exec(text) ?? (byline ? /^(\S+)\s+(.+)$/u.exec(text) : null);
  // The label is all that stands before the colon: "تقرير أممي: …" is a headline, not a credit.
  if (!m || foldKey(m[1] ?? '') !== label) return null;
  const printed = m[2] ?? '';
  const rest = unframe(printed);
  if (!rest || countWords(rest) > 8 || SENTENCE_END.test(printed)) return null;
  return rest;
}

/** A line that is a date (with at most a label, a weekday and a time around it). */
function dateLine(text: string, key: string, words: number): Line['date'] | null {
  if (words > 20 || !/\d|[٠-٩۰-۹]/u.test(text)) return null;
  const all = findAbsoluteDates(text);
  const first = all.find((d) => d.value.length === 10);
  if (!first) return null;
  let stripped = '';
  let at = 0;
  for (const d of all) {
    stripped += text.slice(at, d.start) + ' ';
    at = d.end;
  }
  const rest = foldKey(stripped + text.slice(at));
  const label = startsWithLabel(rest, HINTS.publishLabels) ? 'publish' : startsWithLabel(rest, HINTS.updateLabels) ? 'update' : null;
  // What is left once the date, a label, weekday names, times and time zones are gone must be (almost) nothing.
  const leftover = rest
    .split(' ')
    .filter((w) => w && !/^\d{1,2}$|^\d{1,2}:\d{2}(:\d{2})?$|^(ص|م|am|pm|gmt|utc|توقيت|بتوقيت|مكه|غرينتش|الساعه|في|يوم|اخر|تحديث|نشر|تاريخ|بتاريخ|النشر|published|updated|on|at)$/u.test(w))
    .filter((w) => !isWeekday(w));
  if (leftover.length > 1 && key.length > 0) return null;
  return { value: first.value, label };
}

const WEEKDAYS = new Set(['الاحد', 'الاثنين', 'الثلاثاء', 'الاربعاء', 'الخميس', 'الجمعه', 'السبت', 'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday']);
function isWeekday(w: string): boolean {
  return WEEKDAYS.has(w);
}

interface Paren {
  before: string;
  inner: string;
  beforeWords: number;
  innerWords: number;
}

/** "… (أ.ف.ب)" / "رائد جبر (موسكو)": a short parenthesis that ends the line. */
function trailingParen(text: string): Paren | null {
  if (!/\)\s*$/.test(text)) return null;
  const open = text.lastIndexOf('(');
  if (open <= 0) return null;
  const inner = text.slice(open + 1, text.lastIndexOf(')')).trim();
  const before = text.slice(0, open).trim();
  if (!inner || /[()]/.test(inner)) return null;
  return { before, inner, beforeWords: countWords(before), innerWords: countWords(inner) };
}

/** "إم تي آي نيوز / وكالات", "وكالات", "رويترز": a short line that only credits. */
function isShortCredit(text: string, key: string, words: number): boolean {
  if (HINTS.agencies.has(key)) return true;
  if (words > 7 || SENTENCE_END.test(text)) return false;
  const parts = text.split(/\s+[/|]\s+|\s*\/\s*/);
  return parts.length === 2 && parts.some((p) => HINTS.agencies.has(foldKey(p)));
}

/**
 * A line that is another line of the page with something glued before it: a breadcrumb glued to the headline
 * ("الرئيسيةأخباروفد روسي…"), a section label glued to a caption ("أوروبا لقاء سابق…"). The glued line is
 * navigation; the glued caption is that caption.
 */
function resolveGlued(lines: Line[], keyCount: Map<string, number>): Set<string> {
  const learned = new Set<string>();
  // Candidate bases bucketed by their last few characters: a glued line ends with its base.
  const TAIL = 8;
  const byTail = new Map<string, Line[]>();
  for (const l of lines) {
    if ((l.kind !== 'head' && l.kind !== 'caption') || l.key.length < 12) continue;
    const tail = l.key.slice(-TAIL);
    const list = byTail.get(tail);
    if (list) list.push(l);
    else byTail.set(tail, [l]);
  }
  for (const l of lines) {
    if (l.kind !== 'head' && l.kind !== 'caption' && l.kind !== 'para') continue;
    if (l.words > 45 || l.key.length < 14) continue;
    const candidates = byTail.get(l.key.slice(-TAIL));
    if (!candidates) continue;
    let base: Line | undefined;
    for (const c of candidates) {
      const p = l.key.length - c.key.length;
      if (c !== l && p >= 1 && p <= 60 && l.key.endsWith(c.key) && (keyCount.get(l.key) ?? 0) <= (keyCount.get(c.key) ?? 0) + 1) {
        if (!base || c.key.length > base.key.length) base = c;
      }
    }
    if (!base) continue;
    const p = l.key.length - base.key.length;
    if (base.kind === 'head') {
      l.kind = 'junk';
    } else {
      l.kind = 'caption';
      const prefixWords = l.key.slice(0, p).trim().split(' ').length;
      if (l.key[p - 1] === ' ' && prefixWords <= 3) learned.add(l.key.slice(0, p).trim());
      l.text = base.text;
      l.key = base.key;
    }
  }
  return learned;
}

/**
 * A menu word glued without a space before a card's picture caption ("بنوك ومالعملاء أمام أحد فروع البنوك…",
 * where "بنوك ومال" is an item of the page's own menu): the word is the card's section, the rest its caption.
 */
function stripGluedMenuWords(lines: Line[]): void {
  const menu = [...new Set(lines.filter((l) => l.words <= 3 && (l.kind === 'head' || l.kind === 'junk') && ARABIC.test(l.text)).map((l) => l.text))];
  if (menu.length === 0) return;
  menu.sort((a, b) => b.length - a.length);
  for (const l of lines) {
    if (l.kind !== 'head' && l.kind !== 'caption') continue;
    const m = menu.find((w) => l.text.length > w.length + 10 && l.text.startsWith(w) && /\p{L}/u.test(l.text[w.length] ?? ''));
    if (!m) continue;
    const rest = l.text.slice(m.length);
    if (countWords(rest) < 3) continue;
    l.text = rest;
    l.key = foldKey(rest);
    l.words = countWords(rest);
    l.kind = 'caption';
  }
}

/**
 * Section labels glued to captions in cards ("شؤون إقليمية الرئيس الروسي…"): labels learned from glued lines on
 * this page, and hint section names that start two or more captions of the page.
 */
function stripSectionLabels(lines: Line[], labels: Set<string>): void {
  const captions = lines.filter((l) => l.kind === 'caption');
  const counts = new Map<string, number>();
  for (const c of captions) {
    const w = c.key.split(' ');
    for (const n of [1, 2, 3]) {
      const p = w.slice(0, n).join(' ');
      if (w.length > n + 2 && HINTS.sectionNames.has(p)) counts.set(p, (counts.get(p) ?? 0) + 1);
    }
  }
  for (const [p, n] of counts) if (n >= 2) labels.add(p);
  if (labels.size === 0) return;
  const sorted = [...labels].sort((a, b) => b.length - a.length);
  for (const c of captions) {
    const p = sorted.find((s) => c.key.startsWith(s + ' '));
    if (!p) continue;
    const n = p.split(' ').length;
    const words = c.text.split(/\s+/);
    c.text = words.slice(n).join(' ');
    c.key = foldKey(c.text);
  }
}
