/**
 * A stand-in for the server's GET /api (docs/API.md) over an export held in memory, answered by EmbeddedSource: for
 * the browser test of the served page (ApiSource) until src/server exists. Not used at run time.
 */
import { EmbeddedSource } from './client/data.js';

export interface ApiAnswer {
  status: number;
  body: unknown;
}

const LIST_KEYS = ['limit', 'offset'] as const;

function pick(url: URL, keys: readonly string[]): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const k of keys) {
    const v = url.searchParams.get(k);
    if (v === null || v === '') continue;
    out[k] = (LIST_KEYS as readonly string[]).includes(k) ? Number(v) : v;
  }
  return out;
}

const notFound = (what: string): ApiAnswer => ({ status: 404, body: { error: { code: 'not_found', message: `no such ${what}` } } });

export async function answerApi(src: EmbeddedSource, url: URL): Promise<ApiAnswer> {
  const parts = url.pathname.replace(/^\/api\//, '').split('/').map(decodeURIComponent);
  const [kind, id] = parts;
  const one = async <T>(what: string, get: (x: string) => Promise<T | null>): Promise<ApiAnswer> => {
    const x = await get(id as string);
    return x === null ? notFound(what) : { status: 200, body: x };
  };
  if (parts.length === 2) {
    if (kind === 'stories') return one('story', (x) => src.story(x));
    if (kind === 'articles') return one('article', (x) => src.article(x));
    if (kind === 'entities') return one('entity', (x) => src.entity(x));
  }
  if (parts.length === 1) {
    if (kind === 'stories') return { status: 200, body: await src.stories(pick(url, [...LIST_KEYS, 'q', 'entity', 'outlet', 'from', 'to'])) };
    if (kind === 'articles') return { status: 200, body: await src.articles(pick(url, [...LIST_KEYS, 'story', 'entity', 'outlet', 'role', 'from', 'to'])) };
    if (kind === 'entities') return { status: 200, body: await src.entities(pick(url, [...LIST_KEYS, 'type', 'q'])) };
    if (kind === 'export') return { status: 200, body: src.doc };
    if (kind === 'search') {
      const q = url.searchParams.get('q');
      if (q === null || q.trim() === '') return { status: 400, body: { error: { code: 'bad_request', message: 'q is required' } } };
      return { status: 200, body: await src.search({ q, ...pick(url, [...LIST_KEYS, 'entity', 'story', 'outlet', 'from', 'to', 'role']) }) };
    }
  }
  return notFound('endpoint');
}
