/**
 * Step 3 of segmentation: which unit is the page's main article, which are other complete articles (related) and
 * which are teasers; then each unit's publication date, credits, captions and outlet.
 */
import type { Article, ArticleRole, Diagnostic, PageMeta } from '../types.js';
import { diagnostic } from '../diagnostics.js';
import { findAbsoluteDates } from '../dates/index.js';
import { foldKey } from '../text/index.js';
import type { Line } from './lines.js';
import { unframe } from './lines.js';
import type { Unit } from './units.js';
import { HINTS } from './hints.js';

const TRUNCATED = /(…|\.\.\.|\.\.)\s*$/u;

const wordsOf = new WeakMap<Unit, number>();
function bodyWords(u: Unit): number {
  let n = wordsOf.get(u);
  if (n === undefined) {
    n = 0;
    for (const p of u.paras) n += p.words;
    wordsOf.set(u, n);
  }
  return n;
}

/** Cookie walls and privacy notices: their vocabulary, not news. */
const consentOf = new WeakMap<Unit, boolean>();
function isConsent(u: Unit): boolean {
  let yes = consentOf.get(u);
  if (yes === undefined) {
    const key = (u.titleLine?.key ?? '') + ' ' + u.paras.map((p) => p.key).join(' ');
    const hits = HINTS.consentPhrases.filter((c) => key.includes(c)).length;
    yes = hits >= 2 || (hits === 1 && bodyWords(u) < 100);
    consentOf.set(u, yes);
  }
  return yes;
}

/** A whole article rather than a headline with a lead. */
function complete(u: Unit): boolean {
  if (isConsent(u)) return false;
  const n = bodyWords(u);
  if (u.paras.length === 1 && TRUNCATED.test(u.paras[0]!.text)) return false;
  return n >= 60 && (u.paras.length >= 2 || n >= 80);
}

export interface Roles {
  main: Unit | null;
  listing: boolean;
  noArticle: boolean;
}

export function chooseRoles(units: Unit[], lines: Line[]): Roles {
  const mainZone = lines.some((l) => l.block.zone === 'main');
  if (mainZone) {
    let best: Unit | null = null;
    let bestWords = 0;
    for (const u of units) {
      const n = u.paras.filter((p) => p.block.zone === 'main').reduce((s, p) => s + p.words, 0);
      if (n > bestWords) [best, bestWords] = [u, n];
    }
    if (best && bestWords >= 40) return { main: best, listing: false, noArticle: false };
  }
  const whole = units.filter((u) => complete(u) && !u.fromLink);
  const beforeLabel = whole.filter((u) => !u.afterLabel);
  let main: Unit | null = null;
  let listing = false;
  if (beforeLabel.length >= 3 && !dominant(beforeLabel)) listing = true;
  else if (beforeLabel.length > 0) main = dominant(beforeLabel) ?? beforeLabel[0]!;
  else if (whole.length > 0) main = dominant(whole);
  if (!main && !listing) {
    const leads = units.filter((u) => u.titleLine && u.paras.length > 0 && !u.afterLabel);
    listing = whole.length >= 2 || leads.length >= 3;
  }
  return { main, listing, noArticle: !main && !listing };
}

/** The unit with at least 1.5× the body of every other, if there is one. */
function dominant(us: Unit[]): Unit | null {
  const sorted = [...us].sort((a, b) => bodyWords(b) - bodyWords(a));
  const [a, b] = sorted;
  if (!a) return null;
  if (!b || bodyWords(a) >= 1.5 * bodyWords(b)) return a;
  return null;
}

export function toArticles(units: Unit[], roles: Roles, lines: Line[], pageDates: Line[], meta: PageMeta): { articles: Article[]; warnings: Diagnostic[] } {
  const warnings: Diagnostic[] = [];
  if (roles.noArticle) {
    warnings.push(diagnostic('segment/no-article'));
    return { articles: [], warnings };
  }
  const outlet = pageOutlet(lines, roles.main, meta, units);
  const articles: Article[] = [];
  for (const u of units) {
    let role: ArticleRole;
    if (u === roles.main) role = 'main';
    else if (complete(u) && !u.fromLink) role = 'related';
    else if (isConsent(u)) continue;
    else if (u.titleLine && (u.paras.length > 0 || u.titleLine.words >= 4 || u.fromLink || u.captions.length + u.credits.length > 0)) role = 'teaser';
    else continue;
    const credits = [...u.credits.map((c) => c.credit ?? unframe(c.text)), ...u.dates.flatMap((d) => (d.credit && d !== u.titleLine ? [d.credit] : []))];
    const paragraphs = u.paras.map((p) => p.text);
    const line = dateline(paragraphs[0] ?? '');
    if (line.credit) credits.push(line.credit);
    if (line.strip) paragraphs[0] = paragraphs[0]!.slice(line.strip);
    if (!u.titleLine && role !== 'main') continue;
    if (!u.titleLine) warnings.push(diagnostic('segment/no-title'));
    articles.push({
      role,
      title: u.title || (role === 'main' ? meta.title ?? '' : ''),
      paragraphs,
      captions: unique(u.captions.map((c) => c.text)),
      published: published(u, role, pageDates, lines, meta, line.date),
      outlet,
      credits: unique(credits.filter(Boolean)),
      duplicateOf: null,
      dates: [],
      mentions: [],
      quotes: [],
    });
  }
  if (roles.listing) warnings.push(diagnostic('segment/listing', `${articles.length} items`));
  return { articles, warnings };
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

/**
 * Where the page states the date of this article: its own date line (a labelled publication date first), a
 * dateline opening its first paragraph, the HTML metadata (main article only), or — for the main article only —
 * a page-level date line (date bar) when it is the only date line the page has.
 */
function published(u: Unit, role: ArticleRole, pageDates: Line[], lines: Line[], meta: PageMeta, datelineDate: string | null): string | null {
  const own = [...u.dates].sort((a, b) => rank(a) - rank(b))[0];
  if (own?.date) return own.date.value;
  if (role === 'main' && meta.published) return meta.published;
  if (datelineDate) return datelineDate;
  if (role !== 'main') return null;
  const all = lines.filter((l) => l.kind === 'date');
  if (all.length === 1 && pageDates.length === 1 && pageDates[0]!.date) return pageDates[0]!.date.value;
  return null;
}

/**
 * The dateline that opens a first paragraph: "غرداية (الجزائر) - 12 يونيو 2024 (واد) - …", "لندن (رويترز) - …",
 * "القاهرة - 5 يناير 2025: …", "(CNN)-- …". Its credit (the last parenthesis followed by a dash and text) and its
 * date are taken; the text is left as printed, except a credit that opens the paragraph on its own ("(CNN)--").
 */
function dateline(first: string): { credit: string | null; date: string | null; strip: number } {
  const opening = /^\s*\(([^()]{1,30})\)\s*[-–—]{1,3}\s*/u.exec(first);
  if (opening) return { credit: unframe(opening[1] ?? ''), date: null, strip: opening[0].length };
  const zone = first.slice(0, 120);
  const stop = zone.search(/[.،؛]/u);
  const head = stop >= 0 ? zone.slice(0, stop) : zone;
  let credit: string | null = null;
  let creditEnd = -1;
  for (const m of head.matchAll(/\(([^()]{1,25})\)\s*[-–—]+\s*/gu)) {
    const after = head.slice(m.index + m[0].length);
    if (findAbsoluteDates(after.slice(0, 30)).some((d) => d.start === 0)) continue;
    if (countWordsIn(head.slice(0, m.index)) > 6) break;
    credit = unframe(m[1] ?? '');
    creditEnd = m.index + m[0].length;
  }
  let date: string | null = null;
  const d = findAbsoluteDates(head).find((x) => x.value.length === 10);
  if (d && countWordsIn(head.slice(0, d.start)) <= 5 && /^\s*[-–—:(]/u.test(head.slice(d.end)) && (creditEnd < 0 || d.start < creditEnd || /^\s*:/.test(head.slice(d.end)))) {
    date = d.value;
  }
  return { credit, date, strip: 0 };
}

function countWordsIn(s: string): number {
  return s.split(/\s+/).filter((w) => /\p{L}|\d/u.test(w)).length;
}

function rank(l: Line): number {
  return l.date?.label === 'publish' ? 0 : l.date?.label === null ? 1 : 2;
}

/**
 * The outlet the page names itself: HTML metadata; a «Outlet» (City) dateline; the site's name at the top of the
 * page (a short line that the page repeats elsewhere: in a copyright line, a byline, its own text); the name in the
 * copyright line; or the X of an "X / وكالات" byline.
 */
/** "جريدة الضفاف" → "الضفاف": the name without the word for what kind of outlet it is. */
function withoutOutletWord(name: string): string {
  const words = name.split(/\s+/);
  return words.length > 1 && HINTS.outletWords.has(foldKey(words[0]!)) ? words.slice(1).join(' ') : name;
}

function pageOutlet(lines: Line[], main: Unit | null, meta: PageMeta, units: Unit[]): string | null {
  if (meta.outlet) return meta.outlet;
  const counts = new Map<string, number>();
  for (const l of lines) if (l.outlet) counts.set(l.outlet, (counts.get(l.outlet) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (best) return best[0];
  const titles = new Set(units.map((u) => u.titleLine?.key));
  const copyrights = lines.filter((l) => l.copyright).map((l) => l.copyright!);
  for (const top of lines.slice(0, 3)) {
    if (top.kind === 'para' || top.kind === 'date' || top.words > 5 || /\d/.test(top.text) || titles.has(top.key)) continue;
    const elsewhere = lines.some((l) => l !== top && l.key.includes(top.key)) || copyrights.some((c) => c.includes(top.key));
    if (elsewhere) return withoutOutletWord(top.text);
  }
  const c = copyrights.find((x) => x.length > 1);
  if (c) {
    const shown = lines.find((l) => l.key === c);
    return shown ? shown.text : c;
  }
  for (const cr of main?.credits ?? []) {
    const m = /^(.{2,40}?)\s*[/|]\s*وكالات$/u.exec(cr.credit ?? '');
    if (m) return m[1]!.trim();
  }
  return null;
}
