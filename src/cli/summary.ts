/** What `rasd analyze` prints for each page, a warning, progress and the final total. Everything printed is cleaned. */
import type { AnalyzedPage, Article, Diagnostic } from '../types.js';
import type { ExportStory } from '../export/types.js';
import { articleId, pageId } from '../export/build.js';
import { clean, cleanShort, count, int, megabytes } from './terminal.js';

function title(a: Article): string {
  return cleanShort(a.title) || '(no title)';
}

/**
 * A readable summary of one page, several lines ending with "\n":
 *
 *     seeds/000.html  (ar)
 *       main [2024-03-05]: الكرملين: بوتين يلتقي أردوغان
 *       2 paragraphs, 1 caption, 1 credit
 *       1 related article
 *         - أنقرة ترحب بالوساطة الروسية
 *       2 teasers
 *         - أنقرة ترحب بالوساطة الروسية (→ duplicate of related pdc450c0c7a74-2)
 *         - أسعار النفط ترتفع
 */
export function formatPage(page: AnalyzedPage): string {
  const enc = page.encoding && !/^utf-?8$/i.test(page.encoding) ? `, ${clean(page.encoding)}` : '';
  const lines = [`${clean(page.source)}  (${clean(page.language)}${enc})`];
  if (page.articles.length === 0) {
    const rules = [...new Set(page.warnings.map((w) => clean(w.rule)))];
    lines.push(`  no articles${rules.length > 0 ? ` (${rules.join(', ')})` : ''}`);
    return lines.join('\n') + '\n';
  }
  const main = page.articles.find((a) => a.role === 'main');
  if (main) {
    lines.push(`  main [${main.published ? clean(main.published) : 'no date'}]: ${title(main)}`);
    lines.push(`  ${count(main.paragraphs.length, 'paragraph')}, ${count(main.captions.length, 'caption')}, ${count(main.credits.length, 'credit')}`);
    lines.push(...formatWho(main, '  '));
  } else {
    lines.push('  main: none');
  }
  const pid = pageId(page.source);
  const related = page.articles.filter((a) => a.role === 'related');
  const teasers = page.articles.filter((a) => a.role === 'teaser');
  lines.push(`  ${count(related.length, 'related article')}`);
  for (const a of related) {
    lines.push(`    - ${title(a)}`);
    lines.push(...formatWho(a, '      '));
  }
  lines.push(`  ${count(teasers.length, 'teaser')}`);
  for (const a of teasers) {
    const target = a.duplicateOf === null ? undefined : page.articles[a.duplicateOf];
    const dup = target && a.duplicateOf !== null ? ` (→ duplicate of ${target.role} ${articleId(pid, a.duplicateOf + 1)})` : '';
    lines.push(`    - ${title(a)}${dup}`);
  }
  return lines.join('\n') + '\n';
}

const QUOTE_WIDTH = 100;

/** The people an article names, and who said what in it, one quotation a line. */
export function formatWho(a: Article, indent: string): string[] {
  const out: string[] = [];
  const people = [...new Set(a.mentions.filter((m) => m.type === 'person').map((m) => clean(m.text)))];
  if (people.length > 0) out.push(`${indent}people: ${people.join('، ')}`);
  if (a.quotes.length > 0) out.push(`${indent}who said what:`);
  for (const q of a.quotes) {
    const words = clean(q.text);
    const said = words.length > QUOTE_WIDTH ? words.slice(0, QUOTE_WIDTH - 1) + '…' : words;
    const notes = [q.unnamed ? 'unnamed' : '', q.via.length > 0 ? `via ${q.via.map(clean).join(' ← ')}` : '', q.date ?? ''].filter(Boolean);
    const marks = q.kind === 'direct' ? `«${said}»` : said;
    out.push(`${indent}  ${clean(q.speaker)}${notes.length > 0 ? ` (${notes.join(', ')})` : ''}: ${marks}`);
  }
  return out;
}

/** "warning: <source>: <rule>: <message>\n" */
export function formatWarning(source: string, w: Diagnostic): string {
  return `warning: ${clean(source)}: ${clean(w.rule)}: ${clean(w.message)}\n`;
}

export function formatProgress(pages: number, bytes: number): string {
  return `analysed ${int(pages)} pages (${megabytes(bytes)})…\n`;
}

export interface Totals {
  pages: number;
  /** Pages that went through the whole pipeline (read, and in Arabic). */
  analysed: number;
  /** Pages that were not analysed: not read (SkippedInput), empty, not Arabic, or the analysis failed. */
  skipped: number;
  main: number;
  related: number;
  teasers: number;
  warnings: number;
  bytes: number;
}

export function emptyTotals(): Totals {
  return { pages: 0, analysed: 0, skipped: 0, main: 0, related: 0, teasers: 0, warnings: 0, bytes: 0 };
}

/** "total: 4 pages read (2 analysed, 2 skipped), 5 articles (2 main, 1 related, 2 teasers), 3 warnings, 0.01 MB in 0.02 s\n" */
export function formatTotals(t: Totals, seconds: number): string {
  const articles = t.main + t.related + t.teasers;
  return (
    `total: ${count(t.pages, 'page')} read (${int(t.analysed)} analysed, ${int(t.skipped)} skipped), ` +
    `${count(articles, 'article')} (${int(t.main)} main, ${int(t.related)} related, ${count(t.teasers, 'teaser')}), ` +
    `${count(t.warnings, 'warning')}, ${megabytes(t.bytes)} in ${seconds.toFixed(seconds < 10 ? 2 : 1)} s\n`
  );
}

/** What the story printout needs of each article. */
export interface ArticleLine {
  role: Article['role'];
  title: string;
  outlet: string | null;
  published: string | null;
}

const STORY_ARTICLES = 8;
const STORY_EVENTS = 10;
const STORY_SPEAKERS = 6;
const EVENT_WIDTH = 110;

/**
 * The stories found, after the pages: each story of two articles or more with its dates, articles, outlets,
 * keywords, timeline and speakers; stories of one article in a line each.
 *
 *     stories: 3 (1 of several articles)
 *     ● تقرير: آمال روسيا في الاحتفاظ بقاعدتين عسكريتين في سوريا
 *       2024-12-19 → 2025-04-19 · 5 articles: 5 reports, 0 reprints · story s1a2b3c
 *       outlets: الشرق الأوسط، إم تي آي نيوز
 *       …
 */
export function formatStories(stories: readonly ExportStory[], articles: (id: string) => ArticleLine | undefined): string {
  const big = stories.filter((s) => s.articleIds.length > 1);
  const lines = [`stories: ${int(stories.length)} (${int(big.length)} of several articles)`];
  for (const s of big) {
    lines.push(`● ${cleanShort(s.title) || '(no title)'}`);
    const span = s.start === null ? 'no date' : s.start === s.end ? s.start : `${s.start} → ${s.end ?? '?'}`;
    lines.push(`  ${span} · ${count(s.articleIds.length, 'article')}: ${count(s.reports, 'report')}, ${count(s.reprints, 'reprint')} · story ${clean(s.id)}`);
    if (s.outlets.length > 0) lines.push(`  outlets: ${s.outlets.map((o) => cleanShort(o, 40)).join('، ')}`);
    if (s.keywords.length > 0) lines.push(`  keywords: ${s.keywords.map((k) => cleanShort(k, 40)).join('، ')}`);
    lines.push('  articles:');
    for (const id of s.articleIds.slice(0, STORY_ARTICLES)) {
      const a = articles(id);
      if (!a) continue;
      const where = [a.outlet ? cleanShort(a.outlet, 40) : '', a.published ?? ''].filter(Boolean).join(', ');
      lines.push(`    - [${a.role}] ${cleanShort(a.title, 90) || '(no title)'}${where ? ` (${where})` : ''}`);
    }
    if (s.articleIds.length > STORY_ARTICLES) lines.push(`    … and ${int(s.articleIds.length - STORY_ARTICLES)} more`);
    if (s.timeline.length > 0) {
      lines.push('  timeline:');
      for (const e of s.timeline.slice(0, STORY_EVENTS)) lines.push(`    ${e.date.padEnd(10)}  ${cleanShort(e.text, EVENT_WIDTH)}`);
      if (s.timeline.length > STORY_EVENTS) lines.push(`    … and ${count(s.timeline.length - STORY_EVENTS, 'more event')}`);
    }
    if (s.speakers.length > 0) {
      lines.push('  speakers:');
      for (const sp of s.speakers.slice(0, STORY_SPEAKERS)) {
        const first = sp.quotes[0];
        const said = first ? `: ${first.kind === 'direct' ? `«${cleanShort(first.text, 80)}»` : cleanShort(first.text, 80)}` : '';
        lines.push(`    ${cleanShort(sp.name, 40)}${sp.entityId === null ? ' (unnamed)' : ''} (${count(sp.quotes.length, 'quote')})${said}`);
      }
      if (s.speakers.length > STORY_SPEAKERS) lines.push(`    … and ${count(s.speakers.length - STORY_SPEAKERS, 'more speaker')}`);
    }
  }
  const single = stories.filter((s) => s.articleIds.length === 1);
  if (single.length > 0) {
    lines.push(`stories of one article: ${int(single.length)}`);
    for (const s of single) {
      const a = articles(s.articleIds[0] ?? '');
      lines.push(`  - [${a?.role ?? '?'}] ${cleanShort(s.title, 90) || '(no title)'}`);
    }
  }
  return lines.join('\n') + '\n';
}
