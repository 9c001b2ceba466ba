/**
 * The HTTP API of docs/API.md and the web page, as a Hono app over an open Store. Handlers only read and check
 * parameters (params.ts) and call the store's queries (src/store/queries.ts); POST /api/pages goes through
 * ingest.ts, GET /api/export through export.ts. Every error, thrown anywhere, becomes its JSON answer in one place
 * (app.onError / app.notFound, errors.ts). Tests call `app.request(…)` directly; serve.ts puts the app on a port.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getArticle, getEntity, getStory, listArticles, listEntities, listQuotes, listStories, search } from '../store/queries.js';
import type { Store } from '../store/store.js';
import { WEB_SECURITY_HEADERS, webAsset } from '../web/assets.js';
import { ApiError, errorAnswer, notFound } from './errors.js';
import { orderStory, writeExport } from './export.js';
import { Ingester, readPages } from './ingest.js';
import { compact, ENTITY_TYPES, getter, isCleanText, MAX_TEXT, oneOf, paging, query, range, ROLES, text, type Get } from './params.js';

export const DEFAULT_MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface AppOptions {
  /** Largest POST body accepted, in bytes (20 MB by default); larger ones get 413. */
  maxBodyBytes?: number;
  /** Where internal errors and pages that failed go (console.error by default); answers never carry them. */
  log?: (message: string, err: unknown) => void;
}

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i;

/** The query-string reader of a request. */
const params = (c: Context): Get => getter((name) => c.req.query(name));

/** A path id: anything that cannot be an id is simply not found. */
function pathId(c: Context): string {
  const id = c.req.param('id') ?? '';
  if (id === '' || id.length > MAX_TEXT || !isCleanText(id)) throw notFound('no such record');
  return id;
}

function found<T>(value: T | null, what: string, id: string): T {
  if (value === null) throw notFound(`no ${what} with id ${id}`);
  return value;
}

export function createApp(store: Store, options: AppOptions = {}): Hono {
  const db = store.db;
  const log = options.log ?? ((message, err) => console.error(message, err));
  const ingester = new Ingester(store, { onPageError: (source, err) => log(`page ${source} failed:`, err) });
  const app = new Hono();

  // headers: the page's security headers on every answer; API answers are never cached
  app.use('*', async (c, next) => {
    await next();
    for (const [k, v] of Object.entries(WEB_SECURITY_HEADERS)) c.res.headers.set(k, v);
    c.res.headers.set('Cache-Control', c.req.path.startsWith('/api/') || c.req.path === '/api' ? 'no-store' : 'no-cache');
  });

  app.onError((err, c) => {
    const { status, body, internal } = errorAnswer(err);
    if (internal) log(`${c.req.method} ${c.req.path} failed:`, err);
    return c.json(body, status);
  });
  app.notFound((c) => c.json(errorAnswer(notFound(`nothing at ${c.req.method} ${c.req.path}`)).body, 404));

  // ---- stories ----
  app.get('/api/stories', async (c) => {
    const get = params(c);
    const { limit, offset } = paging(get);
    const f = compact({ q: text(get, 'q'), entity: text(get, 'entity'), outlet: text(get, 'outlet'), ...range(get) });
    return c.json(await listStories(db, f, limit, offset));
  });
  app.get('/api/stories/:id', async (c) => {
    const id = pathId(c);
    const { articles, entities, ...story } = found(await getStory(db, id), 'story', id);
    return c.json({ ...orderStory(story), articles, entities });
  });

  // ---- articles ----
  app.get('/api/articles', async (c) => {
    const get = params(c);
    const { limit, offset } = paging(get);
    const f = compact({ story: text(get, 'story'), entity: text(get, 'entity'), outlet: text(get, 'outlet'), role: oneOf(get, 'role', ROLES), ...range(get) });
    return c.json(await listArticles(db, f, limit, offset));
  });
  app.get('/api/articles/:id', async (c) => {
    const id = pathId(c);
    // getArticle gives the article in contract key order, then its page's source and its entities
    return c.json(found(await getArticle(db, id), 'article', id));
  });

  // ---- entities ----
  app.get('/api/entities', async (c) => {
    const get = params(c);
    const { limit, offset } = paging(get);
    return c.json(await listEntities(db, compact({ type: oneOf(get, 'type', ENTITY_TYPES), q: text(get, 'q') }), limit, offset));
  });
  app.get('/api/entities/:id', async (c) => {
    const id = pathId(c);
    return c.json(found(await getEntity(db, id), 'entity', id));
  });

  // ---- quotes, search ----
  app.get('/api/quotes', async (c) => {
    const get = params(c);
    const { limit, offset } = paging(get);
    return c.json(await listQuotes(db, compact({ speaker: text(get, 'speaker'), story: text(get, 'story'), article: text(get, 'article') }), limit, offset));
  });
  app.get('/api/search', async (c) => {
    const get = params(c);
    const q = query(get, 'q');
    const { limit, offset } = paging(get);
    const f = compact({ entity: text(get, 'entity'), story: text(get, 'story'), outlet: text(get, 'outlet'), role: oneOf(get, 'role', ROLES), ...range(get) });
    return c.json(await search(db, q, f, limit, offset));
  });

  // ---- the whole export (built in memory: a slow client must not hold the store's snapshot open) ----
  app.get('/api/export', async (c) => {
    const chunks: string[] = [];
    await writeExport(db, (s) => void chunks.push(s));
    return c.body(chunks.join(''), 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });

  // ---- ingest ----
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  app.post(
    '/api/pages',
    async (c, next) => {
      if (!JSON_TYPE.test(c.req.header('Content-Type') ?? '')) throw new ApiError('unsupported_media_type', 'the body must be JSON (Content-Type: application/json)');
      await next();
    },
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new ApiError('payload_too_large', `the body is larger than ${maxBodyBytes} bytes`);
      },
    }),
    async (c) => {
      let body: unknown;
      try {
        body = JSON.parse(await c.req.text());
      } catch {
        throw new ApiError('bad_request', 'the body is not valid JSON');
      }
      const pages = readPages(body);
      return c.json({ pages: await ingester.ingest(pages) });
    },
  );

  // ---- the web page ----
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/')) return c.notFound();
    const asset = webAsset(c.req.path);
    if (asset === null) return c.notFound();
    return c.body(typeof asset.body === 'string' ? asset.body : new Uint8Array(asset.body), 200, { 'Content-Type': asset.type });
  });

  return app;
}
