/**
 * From analysed pages to the export format: stable ids, one page's records at a time (`exportPage`), the whole
 * document in memory (`buildExport`), and the one JSON layout both `buildExport` + `exportToJson` and the
 * streaming `ExportWriter` produce.
 */
import { createHash } from 'node:crypto';
import type { AnalyzedPage } from '../types.js';
import { EXPORT_FORMAT, EXPORT_VERSION, type ExportArticle, type ExportDocument, type ExportPage, type ExportStory } from './types.js';
import { EntityLinker } from './entities.js';
import { ReprintLinker } from './reprints.js';
import { StoryLinker } from './stories.js';

/** What links records across pages while an export is built: entities, reprints and stories. */
export class Linkers {
  readonly entities = new EntityLinker();
  readonly reprints = new ReprintLinker();
  readonly stories = new StoryLinker();

  /** Final ids for a record (merged entities, the earliest copy each article repeats, its story), and the stories. */
  finish(): {
    entities: ExportDocument['entities'];
    stories: ExportDocument['stories'];
    finalize: (a: ExportArticle) => ExportArticle;
  } {
    const p = this.parts();
    return { entities: p.entities, stories: p.stories.map((s) => p.storyDoc(s.id, s.articleIds)), finalize: p.finalize };
  }

  /**
   * What `finish` gives, in parts that cost nothing until used: the store's incremental linking compares the key
   * and copy maps with the previous run's and rebuilds only the stories that changed.
   */
  parts(): {
    entities: ExportDocument['entities'];
    finalize: (a: ExportArticle) => ExportArticle;
    /** Every provisional key with its final entity id. */
    resolved: () => Map<string, string | null>;
    /** Every copy with the article it repeats. */
    originals: Map<string, string>;
    stories: { id: string; articleIds: string[] }[];
    /** The terms a story's keywords come from: when they change, so does the story's record. */
    topTerms: (id: string) => string[];
    storyDoc: (id: string, articleIds: string[]) => ExportStory;
  } {
    const { entities, finalize, speaker, resolved } = this.entities.finish();
    const originals = this.reprints.originals();
    const original = (id: string): string | null => originals.get(id) ?? null;
    return {
      entities,
      resolved,
      originals,
      stories: this.stories.stories(),
      topTerms: (id) => this.stories.topTerms(id),
      storyDoc: (id, articleIds) => this.stories.doc(id, articleIds, speaker, original),
      finalize: (a) => ({ ...finalize(a), duplicateOf: original(a.id), storyId: this.stories.storyOfArticle(a.id) }),
    };
  }
}

/** 'p' + the first 12 hex digits of the sha256 of the page's source: the same on every run and in every store. */
export function pageId(source: string): string {
  return 'p' + createHash('sha256').update(source, 'utf8').digest('hex').slice(0, 12);
}

/** The id of the n-th article (1-based) on a page. */
export function articleId(pageIdValue: string, n: number): string {
  return `${pageIdValue}-${n}`;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function unique(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * One page's export records: the page and its articles, in page order. Entity ids in mentions and quotes are
 * provisional until the linker's `finish()` (see entities.ts).
 */
export function exportPage(page: AnalyzedPage, linkers: Linkers): { page: ExportPage; articles: ExportArticle[] } {
  const pid = pageId(page.source);
  const ids = page.articles.map((_, i) => articleId(pid, i + 1));
  const firstCopies: string[] = [];
  const articles = page.articles.map((a, i): ExportArticle => {
    const dup = a.duplicateOf;
    const duplicateOf = dup !== null && Number.isInteger(dup) && dup !== i ? (ids[dup] ?? null) : null;
    const { mentions, quotes } = linkers.entities.link(a);
    const id = ids[i] ?? articleId(pid, i + 1);
    firstCopies.push(linkers.reprints.add(id, a.role, a.paragraphs.join('\n\n'), a.published, duplicateOf));
    return {
      id,
      pageId: pid,
      role: a.role,
      title: a.title,
      text: a.paragraphs.join('\n\n'),
      captions: unique(a.captions),
      // The contract allows only a full day here; anything else is not invented into one.
      published: a.published !== null && DAY.test(a.published) ? a.published : null,
      outlet: a.outlet,
      credits: unique(a.credits),
      duplicateOf,
      storyId: null,
      mentions,
      quotes,
      dates: a.dates.map((d) => ({ text: d.text, value: d.value, start: d.start, end: d.end })),
    };
  });
  // Full articles first, so that a teaser finds the story of its full text on the same page.
  for (const full of [true, false]) {
    articles.forEach((a, i) => {
      if ((a.role !== 'teaser') === full) linkers.stories.add(a, firstCopies[i] ?? a.id);
    });
  }
  return {
    page: {
      id: pid,
      source: page.source,
      language: page.language,
      articleIds: ids,
      warnings: page.warnings.map((w) => ({ rule: w.rule, message: w.message })),
    },
    articles,
  };
}

/**
 * The JSON layout, in pieces, so that the streaming writer and `exportToJson` give byte-identical files: the
 * top-level keys in contract order, each page and each article on a line of its own.
 */
export const layout = {
  head: (generatedAt: string): string =>
    `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"generatedAt":${JSON.stringify(generatedAt)},\n"pages":[`,
  item: (value: unknown, index: number): string => (index === 0 ? '\n' : ',\n') + JSON.stringify(value),
  close: (count: number): string => (count > 0 ? '\n]' : ']'),
  /** Opens the next top-level array: `,\n"articles":[`. */
  open: (key: 'articles' | 'entities' | 'stories'): string => `,\n${JSON.stringify(key)}:[`,
  end: '}\n',
} as const;

/** The whole export of a few pages, in memory. A repeated source is exported once (its first page). */
export function buildExport(pages: readonly AnalyzedPage[], generatedAt: string = new Date().toISOString()): ExportDocument {
  const doc: ExportDocument = { format: EXPORT_FORMAT, version: EXPORT_VERSION, generatedAt, pages: [], articles: [], entities: [], stories: [] };
  const seen = new Set<string>();
  const linkers = new Linkers();
  for (const p of pages) {
    if (seen.has(pageId(p.source))) continue;
    const rec = exportPage(p, linkers);
    seen.add(rec.page.id);
    doc.pages.push(rec.page);
    doc.articles.push(...rec.articles);
  }
  const { entities, stories, finalize } = linkers.finish();
  doc.articles = doc.articles.map(finalize);
  doc.entities = entities;
  doc.stories = stories;
  return doc;
}

/** The export as the exact text `ExportWriter` writes for the same pages. */
export function exportToJson(doc: ExportDocument): string {
  const parts = [layout.head(doc.generatedAt)];
  doc.pages.forEach((p, i) => parts.push(layout.item(p, i)));
  parts.push(layout.close(doc.pages.length), layout.open('articles'));
  doc.articles.forEach((a, i) => parts.push(layout.item(a, i)));
  parts.push(layout.close(doc.articles.length), layout.open('entities'));
  doc.entities.forEach((e, i) => parts.push(layout.item(e, i)));
  parts.push(layout.close(doc.entities.length), layout.open('stories'));
  doc.stories.forEach((s, i) => parts.push(layout.item(s, i)));
  parts.push(layout.close(doc.stories.length), layout.end);
  return parts.join('');
}
