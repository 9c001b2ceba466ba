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
import { createHash } from 'node:crypto';
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

/** sha256 of the page's bytes: the same page again is recognised whatever its name. */
export function contentHash(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type { LinkResult } from './link.js';

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
           VALUES ($1, nextval('pages_seq'), $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8::jsonb)`,
          [id, page.source, hash, page.format, page.language, warnings, JSON.stringify(articleIds), analysis],
        );
      }
      await db.query(`INSERT INTO meta (key, value) VALUES ('linked', 'no') ON CONFLICT (key) DO UPDATE SET value = 'no'`);
      // a replaced page's old articles are in the linkers' state already: the next link starts again from nothing
      if (old[0]) await db.query(`INSERT INTO meta (key, value) VALUES ('relink', 'full') ON CONFLICT (key) DO UPDATE SET value = 'full'`);
      return result(old[0] ? 'replaced' : 'added');
    });
  }

  /** Whether pages were added or replaced since the last `link`. */
  async needsLink(): Promise<boolean> {
    const rows = await this.db.query<{ value: string }>(`SELECT value FROM meta WHERE key = 'linked'`);
    return rows[0]?.value === 'no';
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
