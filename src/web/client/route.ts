/** Hash routes: "#/stories", "#/story/ID", "#/article/ID", "#/entity/ID", "#/entities?…", "#/articles?…", "#/search?q=…". DOM-free. */

export type RouteName = 'stories' | 'story' | 'article' | 'entity' | 'entities' | 'articles' | 'search' | 'unknown';

export interface Route {
  name: RouteName;
  id: string | null;
  params: URLSearchParams;
}

const WITH_ID = new Set<RouteName>(['story', 'article', 'entity']);
const LISTS = new Set<RouteName>(['stories', 'entities', 'articles', 'search']);

export function parseRoute(hash: string): Route {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const q = h.indexOf('?');
  const path = q === -1 ? h : h.slice(0, q);
  const params = new URLSearchParams(q === -1 ? '' : h.slice(q + 1));
  const parts = path.split('/').filter((p) => p !== '');
  if (parts.length === 0) return { name: 'stories', id: null, params };
  const name = parts[0] as RouteName;
  if (WITH_ID.has(name) && parts.length === 2) {
    let id: string;
    try {
      id = decodeURIComponent(parts[1] as string);
    } catch {
      return { name: 'unknown', id: null, params };
    }
    return { name, id, params };
  }
  if (LISTS.has(name) && parts.length === 1) return { name, id: null, params };
  return { name: 'unknown', id: null, params };
}

/** A parameter's value, or undefined when absent or blank. */
export function param(r: Route, key: string): string | undefined {
  const v = r.params.get(key);
  return v === null || v.trim() === '' ? undefined : v.trim();
}

/** The offset parameter as a non-negative integer. */
export function offsetParam(r: Route): number {
  const n = Number(r.params.get('offset') ?? '0');
  return Number.isInteger(n) && n > 0 ? n : 0;
}
