/**
 * Reading the store: lists, single records and search, in the shapes of docs/API.md (the export's shapes plus a few
 * summary fields). Every order has a final tie-break on the id, so PGlite and a PostgreSQL server list the same rows
 * in the same order.
 */
import type { ExportArticle, ExportEntity, ExportStory } from '../export/types.js';
import { parseQuery, snippet, toTermsTsQuery, toTsQuery } from '../search/index.js';
import type { Db } from './db.js';
import { foldKey } from '../text/index.js';

export interface Page<T> {
  total: number;
  /** Search only: there are more than `total` matches (counting stopped there). */
  more?: boolean;
  limit: number;
  offset: number;
  items: T[];
}

export interface ArticleSummary {
  id: string;
  pageId: string;
  role: ExportArticle['role'];
  title: string;
  published: string | null;
  outlet: string | null;
  credits: string[];
  storyId: string | null;
  duplicateOf: string | null;
  lead: string;
}

export interface StorySummary {
  id: string;
  title: string;
  keywords: string[];
  start: string | null;
  end: string | null;
  outlets: string[];
  reports: number;
  reprints: number;
  articleCount: number;
}

export interface EntitySummary extends ExportEntity {
  mentions: number;
}

export interface QuoteItem {
  articleId: string;
  storyId: string | null;
  speakerId: string | null;
  speaker: string;
  text: string;
  kind: 'direct' | 'indirect';
  via: string[];
  date: string | null;
  published: string | null;
}

export interface SearchHit {
  articleId: string;
  title: string;
  storyId: string | null;
  outlet: string | null;
  published: string | null;
  role: ExportArticle['role'];
  snippet: string;
  highlights: [number, number][];
  score: number;
}

export interface Filters {
  entity?: string;
  story?: string;
  outlet?: string;
  role?: string;
  from?: string;
  to?: string;
}

export class QueryError extends Error {
  override readonly name = 'QueryError';
}

const LEAD = 300;
const ARTICLE_SUMMARY = `a.id, a.page_id, a.role, a.title, a.published, a.outlet, a.credits, a.story_id, a.duplicate_of, left(split_part(a.text, E'\\n\\n', 1), ${LEAD}) AS lead`;

interface ArticleSummaryRow {
  id: string;
  page_id: string;
  role: ExportArticle['role'];
  title: string;
  published: string | null;
  outlet: string | null;
  credits: string[];
  story_id: string | null;
  duplicate_of: string | null;
  lead: string;
}

const toArticleSummary = (r: ArticleSummaryRow): ArticleSummary => ({
  id: r.id,
  pageId: r.page_id,
  role: r.role,
  title: r.title,
  published: r.published,
  outlet: r.outlet,
  credits: r.credits,
  storyId: r.story_id,
  duplicateOf: r.duplicate_of,
  lead: r.lead,
});

const toStorySummary = (d: ExportStory): StorySummary => ({
  id: d.id,
  title: d.title,
  keywords: d.keywords,
  start: d.start,
  end: d.end,
  outlets: d.outlets,
  reports: d.reports,
  reprints: d.reprints,
  articleCount: d.articleIds.length,
});

/** WHERE clauses for the article filters, with their parameters appended to `params`. */
function articleFilters(f: Filters, params: unknown[]): string[] {
  const where: string[] = [];
  const p = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.entity) where.push(`a.id IN (SELECT article_id FROM article_entities WHERE entity_id = ${p(f.entity)})`);
  if (f.story) where.push(`a.story_id = ${p(f.story)}`);
  if (f.outlet) where.push(`(a.outlet = ${p(f.outlet)} OR a.credits ? ${p(f.outlet)})`);
  if (f.role) where.push(`a.role = ${p(f.role)}`);
  if (f.from) where.push(`a.published >= ${p(f.from)}`);
  if (f.to) where.push(`a.published <= ${p(f.to)}`);
  return where;
}

async function count(db: Db, sql: string, params: unknown[]): Promise<number> {
  const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${sql}) q`, params);
  return rows[0]?.n ?? 0;
}

export async function listArticles(db: Db, f: Filters, limit: number, offset: number): Promise<Page<ArticleSummary>> {
  const params: unknown[] = [];
  const where = articleFilters(f, params);
  const base = `SELECT ${ARTICLE_SUMMARY} FROM articles a ${where.length > 0 ? 'WHERE ' + where.join(' AND ') : ''}`;
  const total = await count(db, base, params);
  const rows = await db.query<ArticleSummaryRow>(`${base} ORDER BY a.published DESC NULLS LAST, a.id LIMIT ${limit} OFFSET ${offset}`, params);
  return { total, limit, offset, items: rows.map(toArticleSummary) };
}

/** An `articles` row as the export's article, in contract key order (jsonb does not keep key order). */
export function articleFromRow(r: Record<string, unknown>): ExportArticle {
  const mentions = r['mentions'] as ExportArticle['mentions'];
  const quotes = r['quotes'] as ExportArticle['quotes'];
  const dates = r['dates'] as ExportArticle['dates'];
  return {
    id: r['id'] as string,
    pageId: r['page_id'] as string,
    role: r['role'] as ExportArticle['role'],
    title: r['title'] as string,
    text: r['text'] as string,
    captions: r['captions'] as string[],
    published: r['published'] as string | null,
    outlet: r['outlet'] as string | null,
    credits: r['credits'] as string[],
    duplicateOf: r['duplicate_of'] as string | null,
    storyId: r['story_id'] as string | null,
    mentions: mentions.map((m) => ({ entityId: m.entityId, text: m.text, start: m.start, end: m.end })),
    quotes: quotes.map((x) => ({ speakerId: x.speakerId, speaker: x.speaker, text: x.text, kind: x.kind, start: x.start, end: x.end, via: x.via, date: x.date })),
    dates: dates.map((d) => ({ text: d.text, value: d.value, start: d.start, end: d.end })),
  };
}

export async function getArticle(db: Db, id: string): Promise<(ExportArticle & { source: string; entities: ExportEntity[] }) | null> {
  const rows = await db.query<Record<string, unknown>>(
    `SELECT a.*, p.source FROM articles a JOIN pages p ON p.id = a.page_id WHERE a.id = $1`,
    [id],
  );
  const r = rows[0];
  if (!r) return null;
  const entities = await db.query<ExportEntity>(
    `SELECT e.id, e.type, e.name, e.variants, e.roles FROM entities e JOIN article_entities x ON x.entity_id = e.id WHERE x.article_id = $1 ORDER BY x.mentions DESC, e.id`,
    [id],
  );
  return {
    ...articleFromRow(r),
    source: r['source'] as string,
    entities,
  };
}

export async function listStories(db: Db, f: { entity?: string; outlet?: string; from?: string; to?: string; q?: string }, limit: number, offset: number): Promise<Page<StorySummary>> {
  const params: unknown[] = [];
  const where: string[] = [];
  const p = (v: unknown): string => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.entity) where.push(`s.id IN (SELECT a.story_id FROM articles a JOIN article_entities x ON x.article_id = a.id WHERE x.entity_id = ${p(f.entity)})`);
  if (f.outlet) where.push(`s.doc->'outlets' ? ${p(f.outlet)}`);
  if (f.from) where.push(`s.end_date >= ${p(f.from)}`);
  if (f.to) where.push(`s.start_date <= ${p(f.to)}`);
  if (f.q) where.push(`strpos(s.title, ${p(f.q)}) > 0`);
  const base = `SELECT s.id, s.doc, s.end_date, s.article_count FROM stories s ${where.length > 0 ? 'WHERE ' + where.join(' AND ') : ''}`;
  const total = await count(db, base, params);
  const rows = await db.query<{ doc: ExportStory }>(`${base} ORDER BY s.end_date DESC NULLS LAST, s.article_count DESC, s.id LIMIT ${limit} OFFSET ${offset}`, params);
  return { total, limit, offset, items: rows.map((r) => toStorySummary(r.doc)) };
}

export async function getStory(db: Db, id: string): Promise<(ExportStory & { articles: ArticleSummary[]; entities: EntitySummary[] }) | null> {
  const rows = await db.query<{ doc: ExportStory }>('SELECT doc FROM stories WHERE id = $1', [id]);
  const doc = rows[0]?.doc;
  if (!doc) return null;
  const arts = await db.query<ArticleSummaryRow>(`SELECT ${ARTICLE_SUMMARY} FROM articles a WHERE a.story_id = $1`, [id]);
  const byId = new Map(arts.map((a) => [a.id, toArticleSummary(a)]));
  const entities = await db.query<EntitySummary>(
    `SELECT e.id, e.type, e.name, e.variants, e.roles, sum(x.mentions)::int AS mentions
     FROM entities e JOIN article_entities x ON x.entity_id = e.id JOIN articles a ON a.id = x.article_id
     WHERE a.story_id = $1 GROUP BY e.id ORDER BY mentions DESC, e.id LIMIT 100`,
    [id],
  );
  return { ...doc, articles: doc.articleIds.map((a) => byId.get(a)).filter((a): a is ArticleSummary => a !== undefined), entities };
}

export async function listEntities(db: Db, f: { type?: string; q?: string }, limit: number, offset: number): Promise<Page<EntitySummary>> {
  const params: unknown[] = [];
  const where: string[] = [];
  if (f.type) {
    params.push(f.type);
    where.push(`type = $${params.length}`);
  }
  if (f.q) {
    // folded like the names (src/store/link.ts entityKey): "أردوغان" finds "اردوغان", "بوتين" finds "فلاديمير بوتين"
    params.push(foldKey(f.q));
    where.push(`strpos(search_key, $${params.length}) > 0`);
  }
  const base = `SELECT id, type, name, variants, roles, mentions FROM entities ${where.length > 0 ? 'WHERE ' + where.join(' AND ') : ''}`;
  const total = await count(db, base, params);
  const items = await db.query<EntitySummary>(`${base} ORDER BY mentions DESC, id LIMIT ${limit} OFFSET ${offset}`, params);
  return { total, limit, offset, items };
}

export async function listQuotes(db: Db, f: { speaker?: string; story?: string; article?: string }, limit: number, offset: number): Promise<Page<QuoteItem>> {
  const params: unknown[] = [];
  const where: string[] = [];
  for (const [col, v] of [['speaker_id', f.speaker], ['story_id', f.story], ['article_id', f.article]] as const) {
    if (v) {
      params.push(v);
      where.push(`${col} = $${params.length}`);
    }
  }
  const base = `SELECT article_id, story_id, speaker_id, speaker, text, kind, via, date, published, n FROM quotes ${where.length > 0 ? 'WHERE ' + where.join(' AND ') : ''}`;
  const total = await count(db, base, params);
  const rows = await db.query<Record<string, unknown>>(`${base} ORDER BY coalesce(date, published) DESC NULLS LAST, article_id, n LIMIT ${limit} OFFSET ${offset}`, params);
  return {
    total,
    limit,
    offset,
    items: rows.map((r) => ({
      articleId: r['article_id'] as string,
      storyId: r['story_id'] as string | null,
      speakerId: r['speaker_id'] as string | null,
      speaker: r['speaker'] as string,
      text: r['text'] as string,
      kind: r['kind'] as 'direct' | 'indirect',
      via: r['via'] as string[],
      date: r['date'] as string | null,
      published: r['published'] as string | null,
    })),
  };
}

export async function getEntity(db: Db, id: string): Promise<(EntitySummary & { quotes: QuoteItem[]; stories: StorySummary[]; articles: ArticleSummary[] }) | null> {
  const rows = await db.query<EntitySummary>('SELECT id, type, name, variants, roles, mentions FROM entities WHERE id = $1', [id]);
  const e = rows[0];
  if (!e) return null;
  const quotes = (await listQuotes(db, { speaker: id }, 500, 0)).items.reverse();
  const stories = (await listStories(db, { entity: id }, 100, 0)).items;
  const articles = (await listArticles(db, { entity: id }, 100, 0)).items;
  return { ...e, quotes, stories, articles };
}

/** How many of the most recent matches of a query are ranked (see `search`). */
export const RANK_WINDOW = 300;
/** The newest articles (in ingest order) the ranked matches of a broad query are taken from (see `search`). */
export const RECENT_TIER = 10_000;
/** Matches are counted up to this many; past it `more` is set. */
export const COUNT_CAP = 10_000;
/**
 * A query with a phrase has its matches counted up to this many: the index finds the articles that hold every word,
 * and each of them is then checked for the words next to each other, which reads its search vector.
 */
export const PHRASE_COUNT_CAP = 1_000;

interface HitRow {
  n: number;
  id: string | null;
  title: string;
  text: string;
  story_id: string | null;
  outlet: string | null;
  published: string | null;
  role: ExportArticle['role'];
  score: number;
}

/**
 * Ranked hits: every word (and phrase) of the query, Arabic-aware; filters as for articles. `total` counts the
 * matches up to COUNT_CAP (PHRASE_COUNT_CAP with a phrase; `more` when there are more). The ranking is over the
 * RANK_WINDOW most recent matches, taken from the newest RECENT_TIER articles when they hold that many: a query
 * matching more is a broad one, and in news the newer of equally good hits is the better one. So a broad query costs
 * about the same however big the store grows, and a narrow one is ranked over all its matches.
 *
 * The work is one pass over the matches in most cases (see `hitsSql`): the count, the window, its ranking and the
 * page of hits in one statement. Only when there are more matches than are counted is the window looked for again,
 * among the newest RECENT_TIER articles (and, when they hold fewer than the window, among all the matches).
 */
export function search(db: Db, q: string, f: Filters, limit: number, offset: number): Promise<Page<SearchHit>> {
  return searchWith(db, q, f, limit, offset, SEARCH_LIMITS);
}

/** The bounds of `search` (smaller ones let tests reach every path with a few articles). */
export interface SearchLimits {
  rankWindow: number;
  recentTier: number;
  countCap: number;
  phraseCountCap: number;
}

export const SEARCH_LIMITS: Readonly<SearchLimits> = { rankWindow: RANK_WINDOW, recentTier: RECENT_TIER, countCap: COUNT_CAP, phraseCountCap: PHRASE_COUNT_CAP };

/** `search` with other bounds. */
export async function searchWith(db: Db, q: string, f: Filters, limit: number, offset: number, bounds: SearchLimits): Promise<Page<SearchHit>> {
  const parsed = parseQuery(q);
  if ('error' in parsed) throw new QueryError(parsed.error);
  const params: unknown[] = [toTsQuery(parsed)];
  const filters = articleFilters(f, params);
  const match = ['a.search @@ to_tsquery(\'simple\', $1)', ...filters].join(' AND ');
  const phrase = parsed.phrases.length > 0;
  const cap = phrase ? bounds.phraseCountCap : bounds.countCap;
  // With a phrase, the window of a broad query is looked for among the articles holding every word, newest first,
  // each checked for the phrase until the window is full: the rest are never read.
  let words: string | null = null;
  const windowParams = [...params];
  if (phrase) {
    windowParams.push(toTermsTsQuery(parsed));
    words = [`a.search @@ to_tsquery('simple', $${windowParams.length})`, ...filters].join(' AND ');
  }
  const w: Window = { window: Math.max(bounds.rankWindow, offset + limit), limit, offset };
  const { counted, rows } = await db.tx(async (t) => {
    // (read before index scans are turned off: max(seq) is one step down the index on seq)
    const top = Number((await t.query<{ s: number | null }>('SELECT max(seq) AS s FROM articles'))[0]?.s ?? 0);
    // The match goes through the GIN index, never a scan of every row: a scan would read (and decompress) every
    // article's search vector to test it, which the planner does not count; the index answers which rows match
    // without reading them.
    await t.exec('SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off');
    const floor = top > bounds.recentTier ? Math.trunc(top - bounds.recentTier) : null;
    const first = await t.query<HitRow & { done: boolean }>(hitsSql(match, words, cap, floor, w), windowParams);
    const counted = first[0]?.n ?? 0;
    if (first[0]?.done !== false) return { counted, rows: first };
    // Fewer matches than the window among the newest articles, and more than are counted: the window from all.
    return { counted, rows: await t.query<HitRow>(windowSql(match, words, w), windowParams) };
  });
  return {
    total: Math.min(counted, cap),
    ...(counted > cap ? { more: true } : {}),
    limit,
    offset,
    items: rows.flatMap((r) => {
      if (r.id === null) return [];
      const s = snippet(r.text, r.title, parsed);
      return [{ articleId: r.id, title: r.title, storyId: r.story_id, outlet: r.outlet, published: r.published, role: r.role, snippet: s.snippet, highlights: s.highlights, score: Math.round(r.score * 1e6) / 1e6 }];
    }),
  };
}

interface Window {
  window: number;
  limit: number;
  offset: number;
}

/**
 * The window `c` (ctid, id, published) ranked, and the page of hits with what a hit shows; the `head` columns on every
 * row (a row of nulls besides them when the page is empty). The window's rows are read again by ctid, for their
 * search vector (ranking reads the vector of every row in the window) and, for the page only, their title and text.
 */
function rankedSql(ctes: string, head: string, w: Window): string {
  return `WITH ${ctes},
    r AS (SELECT c.id, c.published, ts_rank_cd(x.search, to_tsquery('simple', $1)) AS score, x.title, x.text, x.story_id, x.outlet, x.role
          FROM c JOIN articles x ON x.ctid = c.t
          ORDER BY score DESC, c.published DESC NULLS LAST, c.id LIMIT ${w.limit} OFFSET ${w.offset})
    SELECT ${head}, r.* FROM (SELECT 1) one LEFT JOIN r ON true`;
}

/**
 * The matches of the newest articles (after `floor`; all when null) newest first, up to the count's cap (or the
 * window, when the page asked for is further); then, when that is not the cap yet, the older matches, only counted
 * up to the cap. `n` is their count; when the newest hold the window, or every match was seen, the window (the
 * RANK_WINDOW most recent) is ranked and the page of hits read, and `done` is true. With a phrase, the articles
 * holding its words are checked for it newest first, and only until the cap is reached.
 */
function hitsSql(match: string, words: string | null, cap: number, floor: number | null, w: Window): string {
  const keep = Math.max(cap + 1, w.window);
  const after = floor === null ? '' : ` AND a.seq > ${floor}`;
  const recent = newestSql(match, words, after, keep);
  const older =
    floor === null
      ? 'SELECT NULL::tid AS t, NULL::text AS id, NULL::text AS published WHERE false'
      : `SELECT a.ctid AS t, a.id, a.published FROM articles a WHERE ${match} AND a.seq <= ${floor} LIMIT greatest(0, ${cap + 1} - (SELECT count(*) FROM recent))`;
  const done = `k.recent >= ${w.window} OR k.recent + k.older <= ${cap}`;
  return rankedSql(
    `recent AS MATERIALIZED (${recent}),
    older AS MATERIALIZED (${older}),
    k AS (SELECT (SELECT count(*) FROM recent)::int AS recent, (SELECT count(*) FROM older)::int AS older),
    c AS (SELECT x.t, x.id, x.published FROM (SELECT * FROM recent UNION ALL SELECT o.* FROM older o, k WHERE k.recent < ${w.window}) x, k
          WHERE ${done} ORDER BY x.published DESC NULLS LAST, x.id LIMIT ${w.window})`,
    `(SELECT recent + older FROM k) AS n, (SELECT ${done} FROM k) AS done`,
    w,
  );
}

/**
 * The first `keep` matches newest first (ctid, id, published), among the articles `after` selects. With a phrase
 * (`words`: the match of its words alone), the articles holding the words are taken newest first and checked for the
 * phrase one by one until `keep` are found (the fence `OFFSET 0` keeps the check out of the scan): the rest are never
 * read.
 */
function newestSql(match: string, words: string | null, after: string, keep: number): string {
  const order = 'ORDER BY a.published DESC NULLS LAST, a.id';
  return words === null
    ? `SELECT a.ctid AS t, a.id, a.published FROM articles a WHERE ${match}${after} ${order} LIMIT ${keep}`
    : `SELECT s.t, s.id, s.published FROM (SELECT a.ctid AS t, a.id, a.published, a.search FROM articles a WHERE ${words}${after} ${order} OFFSET 0) s
       WHERE s.search @@ to_tsquery('simple', $1) LIMIT ${keep}`;
}

/** The window of a query among all its matches, with its size as `n`. */
function windowSql(match: string, words: string | null, w: Window): string {
  return rankedSql(`c AS MATERIALIZED (${newestSql(match, words, '', w.window)})`, '(SELECT count(*)::int FROM c) AS n', w);
}
