/**
 * The persistent store: pages go in as they are analysed (`addPage`: idempotent by content hash, a changed page
 * replaced in place), and `link` rebuilds the cross-page records (entities, duplicates and reprints, stories) with
 * the same linkers as the export, replaying every stored page in ingest order, so that the store holds exactly what
 * `rasd analyze --json` of the same pages would write. `link` runs in one transaction and is marked done in `meta`:
 * a run killed before or during it leaves the previous records whole, and the next run completes it.
 *
 * The embedded store (a folder, PGlite) is held by one process at a time (src/store/lock.ts); a PostgreSQL server
 * needs no lock.
 */
import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import type { AnalyzedPage } from '../types.js';
import { exportPage, Linkers, pageId } from '../export/build.js';
import type { ExportArticle } from '../export/types.js';
import { termString } from '../search/index.js';
import { openDb, type Db } from './db.js';
import { acquireLock, type Lock } from './lock.js';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './schema.js';

export type PageStatus = 'added' | 'replaced' | 'unchanged' | 'failed';

export interface PageResult {
  source: string;
  pageId: string;
  status: PageStatus;
  articleIds: string[];
  warnings: { rule: string; message: string }[];
}

export interface LinkResult {
  pages: number;
  articles: number;
  entities: number;
  stories: number;
}

const BATCH = 200;

export function isServerUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

/** sha256 of the page's bytes: the same page again is recognised whatever its name. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export class Store {
  private constructor(
    readonly db: Db,
    private readonly lock: Lock | null,
  ) {}

  /**
   * Opens (creating and migrating if needed) the store named by `spec`: a folder for the embedded store, or a
   * postgres:// URL. The embedded store is locked for this process; a held lock throws StoreLockedError.
   */
  static async open(spec: string, owner: { command: string; port?: number } = { command: 'rasd' }, options: { schema?: string } = {}): Promise<Store> {
    let lock: Lock | null = null;
    if (!isServerUrl(spec)) lock = await acquireLock(resolve(spec), owner);
    try {
      const db = await openDb(spec, options);
      try {
        await migrate(db, MIGRATIONS);
      } catch (err) {
        await db.close();
        throw err;
      }
      return new Store(db, lock);
    } catch (err) {
      lock?.release();
      throw err;
    }
  }

  async close(): Promise<void> {
    try {
      await this.db.close();
    } finally {
      this.lock?.release();
    }
  }

  /** Stores one analysed page. The same content under the same source changes nothing. */
  async addPage(page: AnalyzedPage, hash: string): Promise<PageResult> {
    const id = pageId(page.source);
    const articleIds = page.articles.map((_, i) => `${id}-${i + 1}`);
    const result = (status: PageStatus): PageResult => ({ source: page.source, pageId: id, status, articleIds, warnings: page.warnings.map((w) => ({ rule: w.rule, message: w.message })) });
    return this.db.tx(async (db) => {
      const old = await db.query<{ content_hash: string }>('SELECT content_hash FROM pages WHERE id = $1', [id]);
      const analysis = JSON.stringify(page);
      const warnings = JSON.stringify(result('added').warnings);
      if (old[0]?.content_hash === hash) return result('unchanged');
      if (old[0]) {
        await db.query('UPDATE pages SET content_hash = $2, format = $3, language = $4, warnings = $5::jsonb, article_ids = $6::jsonb, analysis = $7::jsonb, ingested_at = now() WHERE id = $1', [
          id,
          hash,
          page.format,
          page.language,
          warnings,
          JSON.stringify(articleIds),
          analysis,
        ]);
      } else {
        await db.query(
          `INSERT INTO pages (id, seq, source, content_hash, format, language, warnings, article_ids, analysis)
           VALUES ($1, (SELECT coalesce(max(seq), 0) + 1 FROM pages), $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb)`,
          [id, page.source, hash, page.format, page.language, warnings, JSON.stringify(articleIds), analysis],
        );
      }
      await db.query(`INSERT INTO meta (key, value) VALUES ('linked', 'no') ON CONFLICT (key) DO UPDATE SET value = 'no'`);
      return result(old[0] ? 'replaced' : 'added');
    });
  }

  /** Whether pages were added or replaced since the last `link`. */
  async needsLink(): Promise<boolean> {
    const rows = await this.db.query<{ value: string }>(`SELECT value FROM meta WHERE key = 'linked'`);
    return rows[0]?.value === 'no';
  }

  /**
   * Rebuilds articles, entities, quotes and stories from every stored page, in ingest order, in one transaction.
   * `progress` is called every BATCH pages.
   */
  async link(progress: (done: number, total: number) => void = () => undefined): Promise<LinkResult> {
    return this.db.tx(async (db) => {
      const total = Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pages'))[0]?.n ?? 0);
      await db.exec('DELETE FROM articles; DELETE FROM entities; DELETE FROM article_entities; DELETE FROM quotes; DELETE FROM stories;');
      const linkers = new Linkers();
      let done = 0;
      let articles = 0;
      let lastSeq = 0;
      // 1. every page through the linkers; articles stored with provisional entity keys
      for (;;) {
        const rows = await db.query<{ seq: number; analysis: AnalyzedPage }>('SELECT seq, analysis FROM pages WHERE seq > $1 ORDER BY seq LIMIT $2', [lastSeq, BATCH]);
        if (rows.length === 0) break;
        const batch: (ExportArticle & { seq: number; ord: number; titleTerms: string; textTerms: string })[] = [];
        for (const r of rows) {
          lastSeq = r.seq;
          const rec = exportPage(r.analysis, linkers);
          rec.articles.forEach((a, i) => batch.push({ ...a, seq: r.seq, ord: i + 1, titleTerms: termString(a.title), textTerms: termString(a.text) }));
        }
        if (batch.length > 0) {
          await db.query(
            `INSERT INTO articles (id, page_id, seq, ord, role, title, text, captions, published, outlet, credits, duplicate_of, story_id, mentions, quotes, dates, search)
             SELECT x.id, x."pageId", x.seq, x.ord, x.role, x.title, x.text, x.captions, x.published, x.outlet, x.credits, NULL, NULL, x.mentions, x.quotes, x.dates,
                    setweight(to_tsvector('simple', x."titleTerms"), 'A') || to_tsvector('simple', x."textTerms")
             FROM jsonb_to_recordset($1::jsonb) AS x(id text, "pageId" text, seq bigint, ord int, role text, title text, text text, captions jsonb,
               published text, outlet text, credits jsonb, mentions jsonb, quotes jsonb, dates jsonb, "titleTerms" text, "textTerms" text)`,
            [JSON.stringify(batch)],
          );
        }
        articles += batch.length;
        done += rows.length;
        progress(done, total);
      }
      // 2. final ids: merged entities, earliest copies, stories
      const { entities, stories, finalize } = linkers.finish();
      const storyOf = new Map<string, string>();
      for (const s of stories) for (const id of s.articleIds) storyOf.set(id, s.id);
      let lastId = '';
      const counts = new Map<string, number>();
      for (;;) {
        const rows = await db.query<{ id: string; mentions: ExportArticle['mentions']; quotes: ExportArticle['quotes']; published: string | null }>(
          'SELECT id, mentions, quotes, published FROM articles WHERE id > $1 ORDER BY id LIMIT $2',
          [lastId, BATCH * 5],
        );
        if (rows.length === 0) break;
        const updates: unknown[] = [];
        const quotes: unknown[] = [];
        const links: unknown[] = [];
        for (const r of rows) {
          lastId = r.id;
          const f = finalize({ id: r.id, mentions: r.mentions, quotes: r.quotes } as ExportArticle);
          updates.push({ id: r.id, mentions: f.mentions, quotes: f.quotes, dup: f.duplicateOf, story: f.storyId });
          f.quotes.forEach((q, n) =>
            quotes.push({ article: r.id, n, story: f.storyId, speakerId: q.speakerId, speaker: q.speaker, text: q.text, kind: q.kind, via: q.via, date: q.date, published: r.published }),
          );
          const per = new Map<string, number>();
          for (const m of f.mentions) per.set(m.entityId, (per.get(m.entityId) ?? 0) + 1);
          for (const [e, n] of per) {
            links.push({ article: r.id, entity: e, n });
            counts.set(e, (counts.get(e) ?? 0) + n);
          }
        }
        await db.query(
          `UPDATE articles a SET mentions = x.mentions, quotes = x.quotes, duplicate_of = x.dup, story_id = x.story
           FROM jsonb_to_recordset($1::jsonb) AS x(id text, mentions jsonb, quotes jsonb, dup text, story text) WHERE a.id = x.id`,
          [JSON.stringify(updates)],
        );
        if (quotes.length > 0) {
          await db.query(
            `INSERT INTO quotes (article_id, n, story_id, speaker_id, speaker, text, kind, via, date, published)
             SELECT x.article, x.n, x.story, x."speakerId", x.speaker, x.text, x.kind, x.via, x.date, x.published
             FROM jsonb_to_recordset($1::jsonb) AS x(article text, n int, story text, "speakerId" text, speaker text, text text, kind text, via jsonb, date text, published text)`,
            [JSON.stringify(quotes)],
          );
        }
        if (links.length > 0) {
          await db.query(
            `INSERT INTO article_entities (article_id, entity_id, mentions)
             SELECT x.article, x.entity, x.n FROM jsonb_to_recordset($1::jsonb) AS x(article text, entity text, n int)`,
            [JSON.stringify(links)],
          );
        }
      }
      for (let i = 0; i < entities.length; i += BATCH * 5) {
        const chunk = entities.slice(i, i + BATCH * 5).map((e) => ({ ...e, mentions: counts.get(e.id) ?? 0 }));
        await db.query(
          `INSERT INTO entities (id, type, name, variants, roles, mentions)
           SELECT x.id, x.type, x.name, x.variants, x.roles, x.mentions FROM jsonb_to_recordset($1::jsonb) AS x(id text, type text, name text, variants jsonb, roles jsonb, mentions int)`,
          [JSON.stringify(chunk)],
        );
      }
      for (let i = 0; i < stories.length; i += BATCH) {
        const chunk = stories.slice(i, i + BATCH).map((s, k) => ({ id: s.id, ord: i + k, title: s.title, start: s.start, end: s.end, count: s.articleIds.length, doc: s }));
        await db.query(
          `INSERT INTO stories (id, ord, title, start_date, end_date, article_count, doc)
           SELECT x.id, x.ord, x.title, x.start, x."end", x.count, x.doc FROM jsonb_to_recordset($1::jsonb) AS x(id text, ord int, title text, start text, "end" text, count int, doc jsonb)`,
          [JSON.stringify(chunk)],
        );
      }
      await db.query(`INSERT INTO meta (key, value) VALUES ('linked', 'yes') ON CONFLICT (key) DO UPDATE SET value = 'yes'`);
      return { pages: total, articles, entities: entities.length, stories: stories.length };
    });
  }
}
