/**
 * Step 3 of segmentation: which unit is the page's main article, which are other complete articles (related) and
 * which are teasers; then each unit's publication date, credits, captions and outlet.
 */
import type { Article, ArticleRole, Diagnostic, PageMeta } from '../types.js';
import { diagnostic } from '../diagnostics.js';
import { findAbsoluteDates } from '../dates/index.js';
import type { Line } from './lines.js';
import { unframe } from './lines.js';
import type { Unit } from './units.js';

const TRUNCATED = /(…|\.\.\.|\.\.)\s*$/u;

function bodyWords(u: Unit): number {
  let n = 0;
  for (const p of u.paras) n += p.words;
  return n;
}

/** A whole article rather than a headline with a lead. */
function complete(u: Unit): boolean {
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
  if (roles.listing) warnings.push(diagnostic('segment/listing', `${units.length} items`));
  const outlet = pageOutlet(lines, roles.main, meta);
  const articles: Article[] = [];
  for (const u of units) {
    let role: ArticleRole;
    if (u === roles.main) role = 'main';
    else if (complete(u) && !u.fromLink) role = 'related';
    else if (u.titleLine && (u.paras.length > 0 || u.titleLine.words >= 4 || u.fromLink || u.captions.length + u.credits.length > 0)) role = 'teaser';
    else continue;
    const credits = u.credits.map((c) => c.credit ?? unframe(c.text));
    const paragraphs = u.paras.map((p) => p.text);
    const lead = paragraphs[0];
    if (lead !== undefined) {
      const m = /^\s*\(([^()]{1,30})\)\s*[-–—]{1,3}\s*/u.exec(lead) ?? /^\s*([^\s().،,:]{2,20}(?:\s[^\s().،,:]{2,20})?)\s*[-–—]\s*\(([^()]{1,30})\)\s*[-–—]+\s*/u.exec(lead);
      if (m) {
        credits.push(unframe(m[2] ?? m[1] ?? ''));
        paragraphs[0] = lead.slice(m[0].length);
      }
    }
    if (!u.titleLine && role !== 'main') continue;
    if (!u.titleLine) warnings.push(diagnostic('segment/no-title'));
    articles.push({
      role,
      title: u.title || (role === 'main' ? meta.title ?? '' : ''),
      paragraphs,
      captions: unique(u.captions.map((c) => c.text)),
      published: published(u, role, pageDates, lines, meta),
      outlet,
      credits: unique(credits.filter(Boolean)),
      duplicateOf: null,
    });
  }
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
function published(u: Unit, role: ArticleRole, pageDates: Line[], lines: Line[], meta: PageMeta): string | null {
  const own = [...u.dates].sort((a, b) => rank(a) - rank(b))[0];
  if (own?.date) return own.date.value;
  if (role === 'main' && meta.published) return meta.published;
  const first = u.paras[0]?.text;
  if (first) {
    const d = findAbsoluteDates(first.slice(0, 80)).find((x) => x.value.length === 10);
    if (d && /^[\p{L}\s]{0,30}[-–—]?\s*$/u.test(first.slice(0, d.start)) && /^\s*[-–—:]/u.test(first.slice(d.end))) return d.value;
  }
  if (role !== 'main') return null;
  const all = lines.filter((l) => l.kind === 'date');
  if (all.length === 1 && pageDates.length === 1 && pageDates[0]!.date) return pageDates[0]!.date.value;
  return null;
}

function rank(l: Line): number {
  return l.date?.label === 'publish' ? 0 : l.date?.label === null ? 1 : 2;
}

/** The outlet the page names itself: HTML metadata, a «Outlet» (City) dateline, or the "X / وكالات" byline. */
function pageOutlet(lines: Line[], main: Unit | null, meta: PageMeta): string | null {
  if (meta.outlet) return meta.outlet;
  const counts = new Map<string, number>();
  for (const l of lines) if (l.outlet) counts.set(l.outlet, (counts.get(l.outlet) ?? 0) + 1);
  const best = [...counts].sort((a, b) => b[1] - a[1])[0];
  if (best) return best[0];
  for (const c of main?.credits ?? []) {
    const m = /^(.{2,40}?)\s*[/|]\s*وكالات$/u.exec(c.credit ?? '');
    if (m) return m[1]!.trim();
  }
  return null;
}
