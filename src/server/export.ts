/**
 * The whole export document from a store, for GET /api/export and `rasd export`: pages (ingest order), articles
 * (ingest order, then page order), entities (by id) and stories (the linker's order), read in batches inside one
 * read-only snapshot, so that a `link` committing meanwhile is either wholly in the export or not at all.
 *
 * jsonb keeps no key order, so every record, nested ones included, is rebuilt here in the contract's key order: the
 * text is laid out exactly as `rasd analyze --json` lays it out (src/export/build.ts `layout`), the entities'
 * order aside (the store keeps none, so they are sorted by id).
 *
 * The store must be linked (`Store.needsLink()` false) for the records to match its pages; the server links after
 * every change. Call these outside a transaction: they open their own.
 */
import type { Db } from '../store/db.js';
import { articleFromRow } from '../store/queries.js';
import { layout } from '../export/build.js';
import {
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportArticle,
  type ExportDocument,
  type ExportEntity,
  type ExportPage,
  type ExportStory,
} from '../export/types.js';

const BATCH = { pages: 1000, articles: 200, entities: 1000, stories: 200 } as const;

export interface ExportVisitor {
  page(p: ExportPage): void | Promise<void>;
  article(a: ExportArticle): void | Promise<void>;
  entity(e: ExportEntity): void | Promise<void>;
  story(s: ExportStory): void | Promise<void>;
  /** Called before the first record of each section. */
  section?(name: 'pages' | 'articles' | 'entities' | 'stories'): void | Promise<void>;
}

export interface ExportCounts {
  pages: number;
  articles: number;
  entities: number;
  stories: number;
}

// ---- records in contract key order ----------------------------------------------------------------------------
type Row = Record<string, unknown>;

const toPage = (r: Row): ExportPage => ({
  id: r['id'] as string,
  source: r['source'] as string,
  language: r['language'] as string | null,
  articleIds: r['article_ids'] as string[],
  warnings: (r['warnings'] as ExportPage['warnings']).map((w) => ({ rule: w.rule, message: w.message })),
});

const toEntity = (r: Row): ExportEntity => ({
  id: r['id'] as string,
  type: r['type'] as ExportEntity['type'],
  name: r['name'] as string,
  variants: r['variants'] as string[],
  roles: r['roles'] as string[],
});

/** A story in contract key order, nested records included. */
export const orderStory = (d: ExportStory): ExportStory => ({
  id: d.id,
  title: d.title,
  keywords: d.keywords,
  articleIds: d.articleIds,
  start: d.start,
  end: d.end,
  outlets: d.outlets,
  reports: d.reports,
  reprints: d.reprints,
  summary: d.summary,
  timeline: d.timeline.map((t) => ({ date: t.date, text: t.text, articleId: t.articleId })),
  speakers: d.speakers.map((s) => ({
    entityId: s.entityId,
    name: s.name,
    quotes: s.quotes.map((q) => ({ articleId: q.articleId, text: q.text, kind: q.kind, date: q.date, via: q.via })),
  })),
});

// ---- reading --------------------------------------------------------------------------------------------------

/** Every record of the store, section by section, in export order, from one snapshot. */
export async function readExport(db: Db, visit: ExportVisitor): Promise<ExportCounts> {
  return db.tx(async (tx) => {
    // PGlite runs one transaction at a time; a server needs a snapshot for the whole export
    if (tx.kind === 'postgres') await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    const counts: ExportCounts = { pages: 0, articles: 0, entities: 0, stories: 0 };

    await visit.section?.('pages');
    for (let seq = 0; ; ) {
      const rows = await tx.query<Row>('SELECT id, seq, source, language, article_ids, warnings FROM pages WHERE seq > $1 ORDER BY seq LIMIT $2', [seq, BATCH.pages]);
      for (const r of rows) await visit.page(toPage(r));
      counts.pages += rows.length;
      if (rows.length < BATCH.pages) break;
      seq = rows[rows.length - 1]?.['seq'] as number;
    }

    await visit.section?.('articles');
    for (let seq = 0, ord = 0; ; ) {
      const rows = await tx.query<Row>(
        `SELECT id, seq, ord, page_id, role, title, text, captions, published, outlet, credits, duplicate_of, story_id, mentions, quotes, dates
         FROM articles WHERE (seq, ord) > ($1, $2) ORDER BY seq, ord LIMIT $3`,
        [seq, ord, BATCH.articles],
      );
      for (const r of rows) await visit.article(articleFromRow(r));
      counts.articles += rows.length;
      if (rows.length < BATCH.articles) break;
      const last = rows[rows.length - 1] as Row;
      seq = last['seq'] as number;
      ord = last['ord'] as number;
    }

    await visit.section?.('entities');
    for (let id = ''; ; ) {
      // byte order whatever the server's collation, so every backend gives the same order
      const rows = await tx.query<Row>('SELECT id, type, name, variants, roles FROM entities WHERE id COLLATE "C" > $1 ORDER BY id COLLATE "C" LIMIT $2', [id, BATCH.entities]);
      for (const r of rows) await visit.entity(toEntity(r));
      counts.entities += rows.length;
      if (rows.length < BATCH.entities) break;
      id = rows[rows.length - 1]?.['id'] as string;
    }

    await visit.section?.('stories');
    for (let ord = -1; ; ) {
      const rows = await tx.query<{ ord: number; doc: ExportStory }>('SELECT ord, doc FROM stories WHERE ord > $1 ORDER BY ord LIMIT $2', [ord, BATCH.stories]);
      for (const r of rows) await visit.story(orderStory(r.doc));
      counts.stories += rows.length;
      if (rows.length < BATCH.stories) break;
      ord = rows[rows.length - 1]?.ord as number;
    }
    return counts;
  });
}

/** The export document in memory. */
export async function exportDocument(db: Db, options: { generatedAt?: string } = {}): Promise<ExportDocument> {
  const doc: ExportDocument = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    pages: [],
    articles: [],
    entities: [],
    stories: [],
  };
  await readExport(db, {
    page: (p) => void doc.pages.push(p),
    article: (a) => void doc.articles.push(a),
    entity: (e) => void doc.entities.push(e),
    story: (s) => void doc.stories.push(s),
  });
  return doc;
}

/**
 * The export as JSON text, chunk by chunk, to `write` (awaited: a slow writer slows the reading, and holds the
 * snapshot open meanwhile). The text is `exportToJson(await exportDocument(db))` byte for byte.
 */
export async function writeExport(db: Db, write: (chunk: string) => void | Promise<void>, options: { generatedAt?: string } = {}): Promise<ExportCounts> {
  let index = 0;
  let open: 'pages' | 'articles' | 'entities' | 'stories' | null = null;
  const item = async (v: unknown): Promise<void> => write(layout.item(v, index++));
  await write(layout.head(options.generatedAt ?? new Date().toISOString()));
  const counts = await readExport(db, {
    section: async (name) => {
      if (open !== null) await write(layout.close(index));
      if (name !== 'pages') await write(layout.open(name));
      open = name;
      index = 0;
    },
    page: item,
    article: item,
    entity: item,
    story: item,
  });
  await write(layout.close(index) + layout.end);
  return counts;
}
