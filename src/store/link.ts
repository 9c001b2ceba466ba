/**
 * Linking the store: entities, reprints and stories across every stored page, incrementally.
 *
 * The linkers (src/export: EntityLinker, ReprintLinker, StoryLinker) take pages in ingest order and are
 * deterministic. A run starts from the linkers' state after the pages it already linked: this process's own copy
 * when it linked last, else the snapshot in `link_state` plus an in-memory replay of the pages linked after the
 * snapshot was taken (their records are already stored; nothing is written for them). Then every new page goes
 * through the linkers once — each new article through the incremental story assignment — and only what changed
 * is written:
 *  - the new articles, finished (final entity ids, the copy each repeats, its story);
 *  - older articles whose provisional entity keys now resolve to another entity (a new page merged two spellings)
 *    or whose earliest copy changed (an earlier-dated reprint arrived);
 *  - entities whose record changed, and their mention counts;
 *  - stories that took an article, hold a changed article, quote a changed entity, or whose keywords moved with
 *    the collection's term weights.
 * The store then holds what one replay of every page would give (src/store/link.test.ts checks it). A full
 * rebuild happens on a store that has never been linked, after a page was replaced (its old articles were linked
 * already), or when the snapshot is missing or was written by another version of rasd.
 *
 * The snapshot is written when the pages replayed from it would exceed SNAPSHOT_SHARE of the store (and at least
 * SNAPSHOT_MIN_PAGES): rewriting the whole state on every small run would cost more than replaying a few pages.
 *
 * Everything runs in one transaction, after `LOCK TABLE pages IN EXCLUSIVE MODE`: on a PostgreSQL server, pages
 * being added by another process commit before the run reads them or wait until it ends, and two runs never
 * interleave. A run killed anywhere leaves the previous records and snapshot whole; the next completes it.
 */
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { exportPage, Linkers } from '../export/build.js';
import { restoreLinkers, snapshotLinkers } from '../export/snapshot.js';
import type { ExportArticle, ExportMention, ExportQuote } from '../export/types.js';
import { packageVersion } from '../cli/version.js';
import { termString } from '../search/index.js';
import { foldKey } from '../text/index.js';
import type { AnalyzedPage } from '../types.js';
import type { Db } from './db.js';

export interface LinkResult {
  pages: number;
  articles: number;
  entities: number;
  stories: number;
  /** 'full' when every page was linked again, else 'incremental'. */
  mode: 'full' | 'incremental';
  /** Pages linked for the first time in this run. */
  linked: number;
  /** Articles, entities and stories written (new or changed). */
  written: { articles: number; entities: number; stories: number };
}

/** The linkers after the pages up to `seq`, in a given rebuild of the store (`epoch`). */
export interface LinkState {
  linkers: Linkers;
  seq: number;
  epoch: string;
}

const BATCH = 200;
/**
 * New articles kept in memory to be written once, finished; past `holdArticles` they are written provisional first
 * and finished in place (tests lower it to take that path).
 */
export const linkTuning = { holdArticles: 20_000 };
const SNAPSHOT_SHARE = 0.1;
const SNAPSHOT_MIN_PAGES = 500;
const CHUNK = 8 * 1024 * 1024;
/** Snapshots are only read back by the rasd version that wrote them: the linkers' data may change between versions. */
const STATE_VERSION = `rasd ${packageVersion()} / state 2`;

type Progress = (done: number, total: number) => void;

/** What an entity is found by in `listEntities`: its name and spellings, folded (hamza, diacritics, clitics). */
export function entityKey(name: string, variants: readonly string[]): string {
  return ` ${[name, ...variants].map(foldKey).join(' | ')} `;
}

interface Before {
  resolved: Map<string, string | null>;
  originals: Map<string, string>;
  entities: Map<string, string>;
  topTerms: Map<string, string>;
}

async function readMeta(db: Db): Promise<Map<string, string>> {
  const rows = await db.query<{ key: string; value: string }>('SELECT key, value FROM meta');
  return new Map(rows.map((r) => [r.key, r.value]));
}

async function setMeta(db: Db, values: Record<string, string>): Promise<void> {
  const rows = Object.entries(values).map(([key, value]) => ({ key, value }));
  await db.query(
    `INSERT INTO meta (key, value) SELECT x.key, x.value FROM jsonb_to_recordset($1::jsonb) AS x(key text, value text)
     ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [JSON.stringify(rows)],
  );
}

async function loadSnapshot(db: Db, meta: Map<string, string>, epoch: string, linked: number): Promise<LinkState | null> {
  const seq = Number(meta.get('state_seq') ?? NaN);
  if (meta.get('state_epoch') !== epoch || meta.get('state_version') !== STATE_VERSION || !(seq <= linked)) return null;
  // base64 both ways: PGlite is many times slower with bytea parameters and results
  const rows = await db.query<{ chunk: string }>(`SELECT encode(chunk, 'base64') AS chunk FROM link_state ORDER BY n`);
  if (rows.length === 0) return null;
  try {
    return { linkers: restoreLinkers(inflateRawSync(Buffer.concat(rows.map((r) => Buffer.from(r.chunk, 'base64'))))), seq, epoch };
  } catch {
    return null;
  }
}

async function saveSnapshot(db: Db, state: LinkState): Promise<void> {
  const bytes = deflateRawSync(snapshotLinkers(state.linkers), { level: 1 });
  await db.query('DELETE FROM link_state');
  for (let i = 0, n = 0; i < bytes.length; i += CHUNK, n++) {
    await db.query(`INSERT INTO link_state (n, chunk) VALUES ($1, decode($2, 'base64'))`, [n, bytes.subarray(i, i + CHUNK).toString('base64')]);
  }
  await setMeta(db, { state_seq: String(state.seq), state_epoch: state.epoch, state_version: STATE_VERSION });
}

/** Every stored page with from < seq ≤ to (to = Infinity: all), in order, a batch at a time. */
async function eachPage(db: Db, from: number, to: number, fn: (seq: number, page: AnalyzedPage) => Promise<void> | void): Promise<void> {
  let last = from;
  for (;;) {
    const rows = await db.query<{ seq: number; analysis: AnalyzedPage }>(
      'SELECT seq, analysis FROM pages WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3',
      [last, Number.isFinite(to) ? to : Number.MAX_SAFE_INTEGER, BATCH],
    );
    if (rows.length === 0) return;
    for (const r of rows) {
      last = r.seq;
      await fn(r.seq, r.analysis);
    }
  }
}

/** A new article as the linkers gave it: entity keys provisional (`prov`), terms for the search column. */
type NewRow = Omit<ExportArticle, 'mentions' | 'quotes' | 'storyId' | 'duplicateOf'> & {
  seq: number;
  ord: number;
  prov: { mentions: ExportMention[]; quotes: ExportQuote[] };
  keys: string[];
  titleTerms: string;
  textTerms: string;
};

/** What finishing an article sets on it. */
interface Finished {
  mentions: ExportMention[];
  quotes: ExportQuote[];
  dup: string | null;
  story: string | null;
}

/** Inserts new articles: finished (`done[i]` for `rows[i]`), or provisional (null: finished later in place). */
async function insertArticles(db: Db, rows: readonly NewRow[], done: readonly Finished[] | null): Promise<void> {
  const data = rows.map((r, i) => {
    const f = done?.[i];
    return f ? { ...r, mentions: f.mentions, quotes: f.quotes, dup: f.dup, story: f.story } : { ...r, mentions: [], quotes: [], dup: null, story: null };
  });
  await db.query(
    `INSERT INTO articles (id, page_id, seq, ord, role, title, text, captions, published, outlet, credits, duplicate_of, story_id, mentions, quotes, dates, prov, keys, search)
     SELECT x.id, x."pageId", x.seq, x.ord, x.role, x.title, x.text, x.captions, x.published, x.outlet, x.credits, x.dup, x.story, x.mentions, x.quotes, x.dates, x.prov,
            ARRAY(SELECT jsonb_array_elements_text(x.keys)),
            setweight(to_tsvector('simple', x."titleTerms"), 'A') || to_tsvector('simple', x."textTerms")
     FROM jsonb_to_recordset($1::jsonb) AS x(id text, "pageId" text, seq bigint, ord int, role text, title text, text text, captions jsonb,
       published text, outlet text, credits jsonb, dup text, story text, mentions jsonb, quotes jsonb, dates jsonb, prov jsonb, keys jsonb, "titleTerms" text, "textTerms" text)`,
    [JSON.stringify(data)],
  );
}

/** Inserts finished articles' quotes and entity links. */
async function insertLinks(db: Db, quotes: readonly unknown[], links: readonly unknown[]): Promise<void> {
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

function capture(linkers: Linkers): Before {
  const p = linkers.parts();
  return {
    resolved: p.resolved(),
    originals: p.originals,
    entities: new Map(p.entities.map((e) => [e.id, JSON.stringify(e)])),
    topTerms: new Map(p.stories.map((s) => [s.id, p.topTerms(s.id).join(' ')])),
  };
}

/**
 * Links the pages added since the last run (see the top of the file). `cache` is this process's state after its
 * last run, if any; the state after this run is returned with the result (use it only once the transaction has
 * committed).
 */
export async function linkPages(db: Db, cache: LinkState | null, progress: Progress = () => undefined): Promise<{ result: LinkResult; state: LinkState }> {
  return db.tx(async (db) => {
    await db.exec('LOCK TABLE pages IN EXCLUSIVE MODE');
    const meta = await readMeta(db);
    let linked = Number(meta.get('linked_seq') ?? 0);
    let epoch = meta.get('epoch') ?? '0';
    let full = meta.get('relink') === 'full' || !meta.has('linked_seq');
    let base: LinkState | null = null;
    if (!full) {
      base = cache && cache.epoch === epoch && cache.seq <= linked ? cache : await loadSnapshot(db, meta, epoch, linked);
      if (base === null) full = true;
    }
    if (full || base === null) {
      await db.exec('DELETE FROM articles; DELETE FROM entities; DELETE FROM article_entities; DELETE FROM quotes; DELETE FROM stories; DELETE FROM link_state;');
      epoch = String(Number(epoch) + 1);
      base = { linkers: new Linkers(), seq: 0, epoch };
      linked = 0;
    }
    const linkers = base.linkers;
    const total = Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pages WHERE seq > $1', [base.seq]))[0]?.n ?? 0);
    let done = 0;
    const tick = (): void => {
      done++;
      if (done % BATCH === 0 || done === total) progress(done, total);
    };

    // 1. the pages linked after the state was saved: through the linkers again, in memory only
    await eachPage(db, base.seq, linked, (_seq, page) => {
      exportPage(page, linkers);
      tick();
    });
    const before = linked > 0 ? capture(linkers) : null;

    // 2. the new pages through the linkers: their articles held (or, past linkTuning.holdArticles, stored provisional)
    let maxSeq = linked;
    let batch: NewRow[] = [];
    let spilled = false;
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      for (let i = 0; i < batch.length; i += BATCH) await insertArticles(db, batch.slice(i, i + BATCH), null);
      batch = [];
    };
    await eachPage(db, linked, Infinity, async (seq, page) => {
      maxSeq = seq;
      const rec = exportPage(page, linkers);
      rec.articles.forEach((a, i) => {
        const keys = new Set<string>(a.mentions.map((m) => m.entityId));
        for (const q of a.quotes) if (q.speakerId !== null) keys.add(q.speakerId);
        const { mentions, quotes, storyId: _s, duplicateOf: _d, ...rest } = a;
        batch.push({ ...rest, seq, ord: i + 1, prov: { mentions, quotes }, keys: [...keys], titleTerms: termString(a.title), textTerms: termString(a.text) });
      });
      // Most runs hold their new articles and write them once, finished; a very large one writes them as they come.
      if (!spilled && batch.length > linkTuning.holdArticles) spilled = true;
      if (spilled) await flush();
      tick();
    });
    if (spilled) await flush();
    const held = batch;
    batch = [];
    const state: LinkState = { linkers, seq: maxSeq, epoch };
    const pagesNow = Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pages'))[0]?.n ?? 0);
    const stateSeq = Number(meta.get('state_seq') ?? 0);
    const replay = Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pages WHERE seq > $1', [full ? 0 : stateSeq]))[0]?.n ?? 0);
    // The snapshot is taken before `parts()` below, which only reads the state.
    if (full || replay > Math.max(SNAPSHOT_MIN_PAGES, SNAPSHOT_SHARE * pagesNow)) await saveSnapshot(db, state);

    // 3. what changed
    const after = linkers.parts();
    const resolvedNow = after.resolved();
    const changedKeys: string[] = [];
    const dupChanged: string[] = [];
    if (before !== null) {
      for (const [k, id] of before.resolved) if (resolvedNow.get(k) !== id) changedKeys.push(k);
      for (const [a, o] of after.originals) if (before.originals.get(a) !== o) dupChanged.push(a);
      for (const a of before.originals.keys()) if (!after.originals.has(a)) dupChanged.push(a);
    }
    const touchedStories = new Set<string>();
    const touchedEntities = new Set<string>();
    let writtenArticles = 0;
    /** The finished article: final entities, quotes, the copy it repeats and its story; its quotes and entity links. */
    const finish = (r: { id: string; prov: { mentions: ExportMention[]; quotes: ExportQuote[] }; published: string | null }, quotes: unknown[], links: unknown[]): Finished => {
      const f = after.finalize({ id: r.id, mentions: r.prov.mentions, quotes: r.prov.quotes } as ExportArticle);
      if (f.storyId !== null) touchedStories.add(f.storyId);
      f.quotes.forEach((q, n) =>
        quotes.push({ article: r.id, n, story: f.storyId, speakerId: q.speakerId, speaker: q.speaker, text: q.text, kind: q.kind, via: q.via, date: q.date, published: r.published }),
      );
      const per = new Map<string, number>();
      for (const m of f.mentions) per.set(m.entityId, (per.get(m.entityId) ?? 0) + 1);
      for (const [e, n] of per) {
        links.push({ article: r.id, entity: e, n });
        touchedEntities.add(e);
      }
      writtenArticles++;
      return { mentions: f.mentions, quotes: f.quotes, dup: f.duplicateOf, story: f.storyId };
    };
    const refinish = async (rows: { id: string; prov: { mentions: ExportMention[]; quotes: ExportQuote[] }; published: string | null }[]): Promise<void> => {
      if (rows.length === 0) return;
      const ids = rows.map((r) => r.id);
      const removed = await db.query<{ entity_id: string }>('DELETE FROM article_entities WHERE article_id = ANY($1::text[]) RETURNING entity_id', [ids]);
      for (const r of removed) touchedEntities.add(r.entity_id);
      const oldStories = await db.query<{ story_id: string | null }>('SELECT DISTINCT story_id FROM articles WHERE id = ANY($1::text[])', [ids]);
      for (const r of oldStories) if (r.story_id !== null) touchedStories.add(r.story_id);
      await db.query('DELETE FROM quotes WHERE article_id = ANY($1::text[])', [ids]);
      const quotes: unknown[] = [];
      const links: unknown[] = [];
      const updates = rows.map((r) => ({ id: r.id, ...finish(r, quotes, links) }));
      await db.query(
        `UPDATE articles a SET mentions = x.mentions, quotes = x.quotes, duplicate_of = x.dup, story_id = x.story
         FROM jsonb_to_recordset($1::jsonb) AS x(id text, mentions jsonb, quotes jsonb, dup text, story text) WHERE a.id = x.id`,
        [JSON.stringify(updates)],
      );
      await insertLinks(db, quotes, links);
    };
    type Row = { id: string; prov: { mentions: ExportMention[]; quotes: ExportQuote[] }; published: string | null };
    // the new articles: held ones written once, finished; spilled ones finished in place, a batch at a time
    for (let i = 0; i < held.length; i += BATCH) {
      const quotes: unknown[] = [];
      const links: unknown[] = [];
      const rows = held.slice(i, i + BATCH);
      const done = rows.map((r) => finish(r, quotes, links));
      await insertArticles(db, rows, done);
      await insertLinks(db, quotes, links);
    }
    let lastId = '';
    for (; spilled; ) {
      const rows = await db.query<Row>('SELECT id, prov, published FROM articles WHERE seq > $1 AND id > $2 ORDER BY id LIMIT $3', [linked, lastId, BATCH * 5]);
      if (rows.length === 0) break;
      lastId = rows[rows.length - 1]!.id;
      await refinish(rows);
    }
    // older articles that changed
    if (changedKeys.length > 0 || dupChanged.length > 0) {
      const rows = await db.query<Row>('SELECT id, prov, published FROM articles WHERE seq <= $1 AND (keys && $2::text[] OR id = ANY($3::text[])) ORDER BY id', [
        linked,
        changedKeys,
        dupChanged,
      ]);
      for (let i = 0; i < rows.length; i += BATCH * 5) await refinish(rows.slice(i, i + BATCH * 5));
    }

    // 4. entities: records that changed, and the mention counts of every entity touched
    const changedEntities: string[] = [];
    const entityRows: unknown[] = [];
    const nowIds = new Set<string>();
    for (const e of after.entities) {
      nowIds.add(e.id);
      const json = JSON.stringify(e);
      if (before?.entities.get(e.id) === json) continue;
      changedEntities.push(e.id);
      entityRows.push({ ...e, key: entityKey(e.name, e.variants) });
    }
    const gone = before === null ? [] : [...before.entities.keys()].filter((id) => !nowIds.has(id));
    if (gone.length > 0) await db.query('DELETE FROM entities WHERE id = ANY($1::text[])', [gone]);
    for (let i = 0; i < entityRows.length; i += BATCH * 5) {
      await db.query(
        `INSERT INTO entities (id, type, name, variants, roles, mentions, search_key)
         SELECT x.id, x.type, x.name, x.variants, x.roles, 0, x.key FROM jsonb_to_recordset($1::jsonb) AS x(id text, type text, name text, variants jsonb, roles jsonb, key text)
         ON CONFLICT (id) DO UPDATE SET type = EXCLUDED.type, name = EXCLUDED.name, variants = EXCLUDED.variants, roles = EXCLUDED.roles, search_key = EXCLUDED.search_key`,
        [JSON.stringify(entityRows.slice(i, i + BATCH * 5))],
      );
    }
    for (const id of changedEntities) touchedEntities.add(id);
    const counted = [...touchedEntities];
    for (let i = 0; i < counted.length; i += BATCH * 25) {
      await db.query(
        `UPDATE entities e SET mentions = coalesce((SELECT sum(ae.mentions)::int FROM article_entities ae WHERE ae.entity_id = e.id), 0) WHERE e.id = ANY($1::text[])`,
        [counted.slice(i, i + BATCH * 25)],
      );
    }

    // 5. stories: those that took or hold a changed article, quote a changed entity, or whose keywords moved
    if (before !== null && changedEntities.length > 0) {
      const rows = await db.query<{ story_id: string }>('SELECT DISTINCT story_id FROM quotes WHERE speaker_id = ANY($1::text[]) AND story_id IS NOT NULL', [changedEntities]);
      for (const r of rows) touchedStories.add(r.story_id);
    }
    const storyRows: unknown[] = [];
    after.stories.forEach((s, ord) => {
      if (before !== null && !touchedStories.has(s.id) && before.topTerms.get(s.id) === after.topTerms(s.id).join(' ')) return;
      const doc = after.storyDoc(s.id, s.articleIds);
      storyRows.push({ id: s.id, ord, title: doc.title, start: doc.start, end: doc.end, count: s.articleIds.length, doc });
    });
    for (let i = 0; i < storyRows.length; i += BATCH) {
      await db.query(
        `INSERT INTO stories (id, ord, title, start_date, end_date, article_count, doc)
         SELECT x.id, x.ord, x.title, x.start, x."end", x.count, x.doc FROM jsonb_to_recordset($1::jsonb) AS x(id text, ord int, title text, start text, "end" text, count int, doc jsonb)
         ON CONFLICT (id) DO UPDATE SET ord = EXCLUDED.ord, title = EXCLUDED.title, start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date,
           article_count = EXCLUDED.article_count, doc = EXCLUDED.doc`,
        [JSON.stringify(storyRows.slice(i, i + BATCH))],
      );
    }

    await setMeta(db, { linked_seq: String(maxSeq), epoch, relink: 'no', linked: 'yes' });
    const articles = Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM articles'))[0]?.n ?? 0);
    return {
      state,
      result: {
        pages: pagesNow,
        articles,
        entities: after.entities.length,
        stories: after.stories.length,
        mode: full ? 'full' : 'incremental',
        linked: Number((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM pages WHERE seq > $1', [linked]))[0]?.n ?? 0),
        written: { articles: writtenArticles, entities: entityRows.length, stories: storyRows.length },
      },
    };
  });
}
