/**
 * The persistent store: pages go in as they are analysed (`addPage`: idempotent by content hash, a changed page
 * replaced in place), and `link` links the new pages into the cross-page records (entities, duplicates and
 * reprints, stories) with the same linkers as the export, incrementally (src/store/link.ts), so that the store
 * holds what `rasd analyze --json` of the same pages would write. `link` runs in one transaction and is marked done
 * in `meta`: a run killed before or during it leaves the previous records whole, and the next run completes it.
 *
 * The embedded store (a folder, PGlite) is held by one process at a time (src/store/lock.ts); a PostgreSQL server
 * needs no lock.
 */
import { resolve } from 'node:path';
import type { AnalyzedPage } from '../types.js';
import { pageId } from '../export/build.js';
import { openDb, type Db } from './db.js';
import { linkPages, type LinkResult, type LinkState } from './link.js';
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


export function isServerUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

export { contentHash } from './hash.js';

export type { LinkResult } from './link.js';

/** What the store remembers of a URL it fetched (src/store/schema.ts, table sources). */
export interface SourceRecord {
  url: string;
  kind: 'page' | 'feed';
  finalUrl: string | null;
  etag: string | null;
  lastModified: string | null;
  contentHash: string | null;
  /** For a feed's item: its date or title as the feed last gave it. */
  stamp: string | null;
  /** For a feed's item: the feed's URL. */
  feed: string | null;
  /** 'ok', 'not-modified' or the error's code. */
  status: string;
  error: string | null;
}

/** A page to store, with the record of its fetch when it came from a URL. */
export interface NewPage {
  page: AnalyzedPage;
  hash: string;
  record?: SourceRecord | null;
}

async function saveSource(db: Db, r: SourceRecord, changed: boolean): Promise<void> {
  await db.query(
    `INSERT INTO sources (url, kind, final_url, etag, last_modified, content_hash, stamp, feed, status, error, fetched_at, changed_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, now(), CASE WHEN $11::boolean THEN now() END)
     ON CONFLICT (url) DO UPDATE SET kind = EXCLUDED.kind, final_url = coalesce(EXCLUDED.final_url, sources.final_url),
       etag = coalesce(EXCLUDED.etag, sources.etag), last_modified = coalesce(EXCLUDED.last_modified, sources.last_modified),
       content_hash = coalesce(EXCLUDED.content_hash, sources.content_hash), stamp = coalesce(EXCLUDED.stamp, sources.stamp),
       feed = coalesce(EXCLUDED.feed, sources.feed), status = EXCLUDED.status, error = EXCLUDED.error, fetched_at = now(),
       changed_at = CASE WHEN $11::boolean THEN now() ELSE sources.changed_at END`,
    [r.url, r.kind, r.finalUrl, r.etag, r.lastModified, r.contentHash, r.stamp, r.feed, r.status, r.error, changed],
  );
}

export class Store {
  /** The linkers after this process's last `link`, so that the next one need not restore them. */
  private state: LinkState | null = null;

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
    return (await this.addPages([{ page, hash }]))[0]!;
  }

  /**
   * Stores analysed pages in one transaction, in the order given (the order they are linked in), with the fetch
   * records of those that came from URLs: a run killed before the commit stores none of them and records no fetch,
   * so the next run fetches and stores them again. The same content under the same source changes nothing.
   */
  async addPages(items: readonly NewPage[]): Promise<PageResult[]> {
    if (items.length === 0) return [];
    return this.db.tx(async (db) => {
      const ids = items.map((it) => pageId(it.page.source));
      // On a server, two processes adding the same page (an ingest and a watch of the same feed) take turns here:
      // without it both would find no row and the second INSERT would fail (src/store/concurrent.test.ts). The
      // locks are taken in one order, so two batches never wait for each other crosswise.
      if (db.kind === 'postgres') {
        await db.query(
          `SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtext('rasd_page:' || coalesce(current_schema(), '') || ':' || id) AS h FROM unnest($1::text[]) AS id) x ORDER BY h`,
          [ids],
        );
      }
      const rows = await db.query<{ id: string; content_hash: string }>('SELECT id, content_hash FROM pages WHERE id = ANY($1::text[])', [[...new Set(ids)]]);
      const stored = new Map(rows.map((r) => [r.id, r.content_hash]));
      const results: PageResult[] = [];
      let inserts: unknown[] = [];
      const insertNow = async (): Promise<void> => {
        if (inserts.length === 0) return;
        await db.query(
          `INSERT INTO pages (id, seq, source, content_hash, format, language, warnings, article_ids, analysis)
           SELECT x.id, nextval('pages_seq'), x.source, x.hash, x.format, x.language, x.warnings, x."articleIds", x.analysis
           FROM jsonb_to_recordset($1::jsonb) AS x(id text, source text, hash text, format text, language text, warnings jsonb, "articleIds" jsonb, analysis jsonb, n int)
           ORDER BY x.n`,
          [JSON.stringify(inserts)],
        );
        inserts = [];
      };
      let replaced = false;
      for (let i = 0; i < items.length; i++) {
        const { page, hash } = items[i]!;
        const id = ids[i]!;
        const articleIds = page.articles.map((_, k) => `${id}-${k + 1}`);
        const warnings = page.warnings.map((w) => ({ rule: w.rule, message: w.message }));
        const old = stored.get(id);
        const status: PageStatus = old === hash ? 'unchanged' : old !== undefined ? 'replaced' : 'added';
        results.push({ source: page.source, pageId: id, status, articleIds, warnings });
        if (status === 'unchanged') continue;
        stored.set(id, hash);
        if (status === 'added') {
          inserts.push({ n: inserts.length, id, source: page.source, hash, format: page.format, language: page.language, warnings, articleIds, analysis: page });
          continue;
        }
        await insertNow(); // the page replaced may be one of this batch
        replaced = true;
        await db.query('UPDATE pages SET content_hash = $2, format = $3, language = $4, warnings = $5::jsonb, article_ids = $6::jsonb, analysis = $7::jsonb, ingested_at = now() WHERE id = $1', [
          id,
          hash,
          page.format,
          page.language,
          JSON.stringify(warnings),
          JSON.stringify(articleIds),
          JSON.stringify(page),
        ]);
      }
      await insertNow();
      if (results.some((r) => r.status !== 'unchanged')) {
        await db.query(`INSERT INTO meta (key, value) VALUES ('linked', 'no') ON CONFLICT (key) DO UPDATE SET value = 'no'`);
      }
      // a replaced page's old articles are in the linkers' state already: the next link starts again from nothing
      if (replaced) await db.query(`INSERT INTO meta (key, value) VALUES ('relink', 'full') ON CONFLICT (key) DO UPDATE SET value = 'full'`);
      for (let i = 0; i < items.length; i++) {
        const record = items[i]!.record;
        if (record) await saveSource(db, record, results[i]!.status !== 'unchanged');
      }
      return results;
    });
  }

  /** Whether pages were added or replaced since the last `link`. */
  async needsLink(): Promise<boolean> {
    const rows = await this.db.query<{ value: string }>(`SELECT value FROM meta WHERE key = 'linked'`);
    return rows[0]?.value === 'no';
  }

  /** The stored content hash of the page with this source, if any: the same bytes need no new analysis. */
  async pageHash(source: string): Promise<string | null> {
    const rows = await this.db.query<{ content_hash: string }>('SELECT content_hash FROM pages WHERE id = $1', [pageId(source)]);
    return rows[0]?.content_hash ?? null;
  }

  /** What the store remembers of these URLs. */
  async sources(urls: readonly string[]): Promise<Map<string, SourceRecord>> {
    if (urls.length === 0) return new Map();
    const rows = await this.db.query<Record<string, string | null>>(
      'SELECT url, kind, final_url, etag, last_modified, content_hash, stamp, feed, status, error FROM sources WHERE url = ANY($1::text[])',
      [[...urls]],
    );
    return new Map(
      rows.map((r) => [
        r['url'] as string,
        {
          url: r['url'] as string,
          kind: r['kind'] === 'feed' ? 'feed' : 'page',
          finalUrl: r['final_url'] ?? null,
          etag: r['etag'] ?? null,
          lastModified: r['last_modified'] ?? null,
          contentHash: r['content_hash'] ?? null,
          stamp: r['stamp'] ?? null,
          feed: r['feed'] ?? null,
          status: r['status'] as string,
          error: r['error'] ?? null,
        },
      ]),
    );
  }

  /** Records a fetch of a URL; `changed` marks that its content changed (or was new). */
  async saveSource(r: SourceRecord, changed: boolean): Promise<void> {
    await saveSource(this.db, r, changed);
  }

  /**
   * Links the pages added since the last run: entities, reprints and stories (src/store/link.ts), in one
   * transaction. `progress` is called every few hundred pages.
   */
  async link(progress: (done: number, total: number) => void = () => undefined): Promise<LinkResult> {
    const cache = this.state;
    this.state = null; // the linkers are changed in place: a failed run must not leave them behind
    const { result, state } = await linkPages(this.db, cache, progress);
    this.state = state;
    return result;
  }
}
