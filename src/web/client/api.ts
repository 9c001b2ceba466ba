/**
 * ApiSource: the views' calls answered by the server's /api (docs/API.md). A 404 on a detail call is `null`;
 * any other failure throws an ApiError with the server's code and message.
 */
import type {
  ArticleDetail, ArticleQuery, ArticleSummary, DataSource, EntityDetail, EntityQuery, EntitySummary, Facets, ListPage,
  SearchHit, SearchQuery, StoryDetail, StoryQuery, StorySummary,
} from './types.js';

export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string) {
    super(message);
  }
}

type Params = Record<string, string | number | undefined>;

/** `/api/path?k=v…` with the defined parameters, URL-encoded. */
export function apiUrl(base: string, path: string, params: Params = {}): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') qs.set(k, String(v));
  const s = qs.toString();
  return `${base}/api/${path}${s === '' ? '' : '?' + s}`;
}

export class ApiSource implements DataSource {
  readonly kind = 'api' as const;
  private facetCache: Promise<Facets> | null = null;

  constructor(private readonly base = '', private readonly fetcher: typeof fetch = (u, i) => fetch(u, i)) {}

  private async get<T>(path: string, params: Params = {}): Promise<T> {
    const res = await this.fetcher(apiUrl(this.base, path, params), { headers: { accept: 'application/json' }, credentials: 'same-origin' });
    if (!res.ok) {
      let code = 'http_' + res.status;
      let message = res.statusText;
      try {
        const body = (await res.json()) as { error?: { code?: unknown; message?: unknown } };
        if (typeof body.error?.code === 'string') code = body.error.code;
        if (typeof body.error?.message === 'string') message = body.error.message;
      } catch {
        // not JSON: keep the status
      }
      throw new ApiError(res.status, code, message);
    }
    return (await res.json()) as T;
  }

  private async detail<T>(path: string): Promise<T | null> {
    try {
      return await this.get<T>(path);
    } catch (err) {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    }
  }

  stories(q: StoryQuery): Promise<ListPage<StorySummary>> {
    return this.get('stories', { ...q });
  }

  async story(id: string): Promise<StoryDetail | null> {
    const s = await this.detail<StoryDetail>('stories/' + encodeURIComponent(id));
    return s === null ? null : { ...s, speakers: s.speakers ?? [], timeline: s.timeline ?? [], summary: s.summary ?? [], articles: s.articles ?? [], entities: s.entities ?? [] };
  }

  articles(q: ArticleQuery): Promise<ListPage<ArticleSummary>> {
    return this.get('articles', { ...q });
  }

  async article(id: string): Promise<ArticleDetail | null> {
    const a = await this.detail<ArticleDetail>('articles/' + encodeURIComponent(id));
    return a === null ? null : { ...a, mentions: a.mentions ?? [], quotes: a.quotes ?? [], captions: a.captions ?? [], credits: a.credits ?? [], entities: a.entities ?? [], source: a.source ?? null };
  }

  entities(q: EntityQuery): Promise<ListPage<EntitySummary>> {
    return this.get('entities', { ...q });
  }

  async entity(id: string): Promise<EntityDetail | null> {
    const e = await this.detail<EntityDetail>('entities/' + encodeURIComponent(id));
    return e === null ? null : { ...e, quotes: e.quotes ?? [], stories: e.stories ?? [], articles: e.articles ?? [], variants: e.variants ?? [], roles: e.roles ?? [] };
  }

  search(q: SearchQuery): Promise<ListPage<SearchHit>> {
    return this.get('search', { ...q });
  }

  /** Filter choices: outlets of the newest 500 articles and the 500 most mentioned entities. */
  facets(): Promise<Facets> {
    this.facetCache ??= (async () => {
      const [arts, ents] = await Promise.all([this.articles({ limit: 500 }), this.entities({ limit: 500 })]);
      const outlets = [...new Set(arts.items.map((a) => a.outlet).filter((o): o is string => o !== null && o !== ''))];
      return { outlets, entities: ents.items.map((e) => ({ id: e.id, name: e.name, type: e.type })) };
    })();
    return this.facetCache;
  }
}
