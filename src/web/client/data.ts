/**
 * EmbeddedSource: the API's answers (docs/API.md) computed from an export document held in memory, for the
 * self-contained report. Lists, filters, detail objects and a simple Arabic-folding search (fold.ts).
 * DOM-free: Node tests import it.
 */
import type {
  ArticleDetail, ArticleQuery, ArticleSummary, DataSource, EntityDetail, EntityQuery, EntitySummary, Facets, ListPage,
  QuoteItem, SearchHit, SearchQuery, Speaker, StoryDetail, StoryQuery, StorySummary, XArticle, XDocument, XEntity, XStory,
} from './types.js';
import { fold, matchesAll, parseQuery, snippetAround, termSpans, tokenize, type Token } from './fold.js';
import { normalizeDocument } from './normalize.js';

/** Limit 1–500 (default 50) and offset ≥ 0, as the API clamps them. */
export function paginate<T>(all: readonly T[], limit?: number, offset?: number): ListPage<T> {
  const l = Math.min(500, Math.max(1, Math.floor(limit ?? 50) || 50));
  const o = Math.max(0, Math.floor(offset ?? 0) || 0);
  return { total: all.length, limit: l, offset: o, items: all.slice(o, o + l) };
}

/** The first paragraph, at most 300 characters. */
export function lead(text: string): string {
  const first = (text.split(/\n\s*\n/)[0] ?? '').trim();
  if (first.length <= 300) return first;
  const cut = first.lastIndexOf(' ', 299);
  return first.slice(0, cut > 200 ? cut : 299) + '…';
}

/** Newest first; undated last; ties keep document order. */
function byDateDesc<T>(items: readonly T[], date: (x: T) => string | null): T[] {
  return items.map((x, i) => ({ x, i, d: date(x) ?? '' })).sort((a, b) => (a.d === b.d ? a.i - b.i : a.d < b.d ? 1 : -1)).map((e) => e.x);
}

/** Oldest first; undated last. */
function byDateAsc<T>(items: readonly T[], date: (x: T) => string | null): T[] {
  return items.map((x, i) => ({ x, i, d: date(x) ?? '\uffff' })).sort((a, b) => (a.d === b.d ? a.i - b.i : a.d < b.d ? -1 : 1)).map((e) => e.x);
}

function inRange(date: string | null, from?: string, to?: string): boolean {
  if (from === undefined && to === undefined) return true;
  if (date === null) return false;
  return (from === undefined || date.slice(0, from.length) >= from) && (to === undefined || date.slice(0, to.length) <= to);
}

export class EmbeddedSource implements DataSource {
  readonly kind = 'embedded' as const;
  readonly doc: XDocument;
  private readonly articleMap = new Map<string, XArticle>();
  private readonly entityMap = new Map<string, XEntity>();
  private readonly storyMap = new Map<string, XStory>();
  private readonly sourceOf = new Map<string, string>();
  private readonly mentionCount = new Map<string, number>();
  private readonly tokenCache = new Map<string, { title: Token[]; text: Token[] }>();

  constructor(raw: unknown) {
    this.doc = normalizeDocument(raw);
    for (const p of this.doc.pages) this.sourceOf.set(p.id, p.source);
    for (const e of this.doc.entities) this.entityMap.set(e.id, e);
    for (const s of this.doc.stories) this.storyMap.set(s.id, s);
    for (const a of this.doc.articles) {
      this.articleMap.set(a.id, a);
      for (const m of a.mentions) this.mentionCount.set(m.entityId, (this.mentionCount.get(m.entityId) ?? 0) + 1);
    }
  }

  storySummary(s: XStory): StorySummary {
    return { id: s.id, title: s.title, keywords: s.keywords, start: s.start, end: s.end, outlets: s.outlets, reports: s.reports, reprints: s.reprints, articleCount: s.articleIds.length };
  }

  articleSummary(a: XArticle): ArticleSummary {
    return { id: a.id, pageId: a.pageId, role: a.role, title: a.title, published: a.published, outlet: a.outlet, credits: a.credits, storyId: a.storyId, duplicateOf: a.duplicateOf, lead: lead(a.text) };
  }

  entitySummary(e: XEntity): EntitySummary {
    return { id: e.id, type: e.type, name: e.name, variants: e.variants, roles: e.roles, mentions: this.mentionCount.get(e.id) ?? 0 };
  }

  private storyArticles(s: XStory): XArticle[] {
    return s.articleIds.map((id) => this.articleMap.get(id)).filter((a): a is XArticle => a !== undefined);
  }

  private mentionsEntity(a: XArticle, entityId: string): boolean {
    return a.mentions.some((m) => m.entityId === entityId) || a.quotes.some((q) => q.speakerId === entityId);
  }

  async stories(q: StoryQuery): Promise<ListPage<StorySummary>> {
    const query = parseQuery(q.q ?? '');
    const hits = this.doc.stories.filter((s) => {
      if (!matchesAll([s.title, ...s.keywords, ...s.summary].join(' \n '), query)) return false;
      const arts = this.storyArticles(s);
      if (q.entity !== undefined && !arts.some((a) => this.mentionsEntity(a, q.entity as string))) return false;
      if (q.outlet !== undefined && !s.outlets.includes(q.outlet) && !arts.some((a) => a.outlet === q.outlet)) return false;
      if (q.from !== undefined && (s.end === null || s.end < q.from)) return false;
      if (q.to !== undefined && (s.start === null || s.start > q.to)) return false;
      return true;
    });
    return paginate(byDateDesc(hits, (s) => s.end).map((s) => this.storySummary(s)), q.limit, q.offset);
  }

  async story(id: string): Promise<StoryDetail | null> {
    const s = this.storyMap.get(id);
    if (s === undefined) return null;
    const arts = this.storyArticles(s);
    const counts = new Map<string, number>();
    for (const a of arts) for (const m of a.mentions) counts.set(m.entityId, (counts.get(m.entityId) ?? 0) + 1);
    const entities = [...counts.entries()]
      .sort((x, y) => y[1] - x[1])
      .map(([eid]) => this.entityMap.get(eid))
      .filter((e): e is XEntity => e !== undefined)
      .map((e) => this.entitySummary(e));
    const speakers = s.speakers ?? this.computeSpeakers(arts);
    return { ...s, articles: arts.map((a) => this.articleSummary(a)), entities, speakers };
  }

  /** Who said what in these articles, grouped by speaker; a quote repeated by a reprint is kept once. */
  computeSpeakers(arts: readonly XArticle[]): Speaker[] {
    const groups = new Map<string, Speaker>();
    const seen = new Set<string>();
    for (const a of arts) {
      for (const q of a.quotes) {
        const key = q.speakerId ?? 'n:' + fold(q.speaker);
        const textKey = key + '\u0000' + fold(q.text);
        if (seen.has(textKey)) continue;
        seen.add(textKey);
        let g = groups.get(key);
        if (g === undefined) {
          const name = q.speakerId !== null ? (this.entityMap.get(q.speakerId)?.name ?? q.speaker) : q.speaker;
          g = { entityId: q.speakerId, name, quotes: [] };
          groups.set(key, g);
        }
        g.quotes.push({ articleId: a.id, text: q.text, kind: q.kind, date: q.date ?? a.published, via: q.via });
      }
    }
    const out = [...groups.values()].map((g) => ({ ...g, quotes: byDateAsc(g.quotes, (x) => x.date) }));
    return out.sort((x, y) => y.quotes.length - x.quotes.length || (x.entityId === null ? 1 : 0) - (y.entityId === null ? 1 : 0));
  }

  private filterArticles(q: ArticleQuery): XArticle[] {
    return this.doc.articles.filter(
      (a) =>
        (q.story === undefined || a.storyId === q.story || (this.storyMap.get(q.story)?.articleIds.includes(a.id) ?? false)) &&
        (q.entity === undefined || this.mentionsEntity(a, q.entity)) &&
        (q.outlet === undefined || a.outlet === q.outlet) &&
        (q.role === undefined || a.role === q.role) &&
        inRange(a.published, q.from, q.to),
    );
  }

  async articles(q: ArticleQuery): Promise<ListPage<ArticleSummary>> {
    return paginate(byDateDesc(this.filterArticles(q), (a) => a.published).map((a) => this.articleSummary(a)), q.limit, q.offset);
  }

  async article(id: string): Promise<ArticleDetail | null> {
    const a = this.articleMap.get(id);
    if (a === undefined) return null;
    const ids = [...new Set([...a.mentions.map((m) => m.entityId), ...a.quotes.flatMap((x) => (x.speakerId === null ? [] : [x.speakerId]))])];
    const entities = ids.map((e) => this.entityMap.get(e)).filter((e): e is XEntity => e !== undefined);
    return { ...a, source: this.sourceOf.get(a.pageId) ?? null, entities };
  }

  async entities(q: EntityQuery): Promise<ListPage<EntitySummary>> {
    const query = parseQuery(q.q ?? '');
    const hits = this.doc.entities
      .filter((e) => (q.type === undefined || e.type === q.type) && matchesAll([e.name, ...e.variants, ...e.roles].join(' \n '), query))
      .map((e) => this.entitySummary(e))
      .sort((x, y) => y.mentions - x.mentions || x.name.localeCompare(y.name, 'ar'));
    return paginate(hits, q.limit, q.offset);
  }

  async entity(id: string): Promise<EntityDetail | null> {
    const e = this.entityMap.get(id);
    if (e === undefined) return null;
    const arts = this.doc.articles.filter((a) => this.mentionsEntity(a, id));
    const quotes: QuoteItem[] = [];
    for (const a of arts) {
      for (const x of a.quotes) {
        if (x.speakerId !== id) continue;
        quotes.push({ articleId: a.id, storyId: a.storyId, speakerId: x.speakerId, speaker: x.speaker, text: x.text, kind: x.kind, via: x.via, date: x.date, published: a.published });
      }
    }
    const storyIds = new Set(arts.map((a) => a.storyId).filter((s): s is string => s !== null));
    const artIds = new Set(arts.map((a) => a.id));
    const stories = this.doc.stories.filter((s) => storyIds.has(s.id) || s.articleIds.some((aid) => artIds.has(aid)));
    return {
      ...this.entitySummary(e),
      quotes: byDateAsc(quotes, (x) => x.date ?? x.published),
      stories: byDateDesc(stories, (s) => s.end).map((s) => this.storySummary(s)),
      articles: byDateDesc(arts, (a) => a.published).slice(0, 100).map((a) => this.articleSummary(a)),
    };
  }

  private tokens(a: XArticle): { title: Token[]; text: Token[] } {
    let t = this.tokenCache.get(a.id);
    if (t === undefined) {
      t = { title: tokenize(a.title), text: tokenize(a.text) };
      this.tokenCache.set(a.id, t);
    }
    return t;
  }

  async search(q: SearchQuery): Promise<ListPage<SearchHit>> {
    const query = parseQuery(q.q);
    if (query.length === 0) return paginate([], q.limit, q.offset);
    const hits: SearchHit[] = [];
    for (const a of this.filterArticles(q)) {
      const tk = this.tokens(a);
      const titleSpans: [number, number][] = [];
      const textSpans: [number, number][] = [];
      let score = a.role === 'main' ? 0.5 : 0;
      let all = true;
      for (const term of query) {
        const ti = termSpans(tk.title, term);
        const tx = termSpans(tk.text, term);
        if (ti.length === 0 && tx.length === 0) {
          all = false;
          break;
        }
        score += 3 * Math.min(ti.length, 3) + Math.min(tx.length, 10);
        titleSpans.push(...ti);
        textSpans.push(...tx);
      }
      if (!all) continue;
      const snip = textSpans.length > 0 ? snippetAround(a.text, textSpans) : snippetAround(a.title, titleSpans);
      hits.push({ articleId: a.id, title: a.title, storyId: a.storyId, outlet: a.outlet, published: a.published, role: a.role, ...snip, score });
    }
    hits.sort((x, y) => y.score - x.score || ((y.published ?? '') < (x.published ?? '') ? -1 : (y.published ?? '') > (x.published ?? '') ? 1 : 0));
    return paginate(hits, q.limit, q.offset);
  }

  async facets(): Promise<Facets> {
    const outlets = new Map<string, number>();
    for (const a of this.doc.articles) if (a.outlet !== null && a.outlet !== '') outlets.set(a.outlet, (outlets.get(a.outlet) ?? 0) + 1);
    for (const s of this.doc.stories) for (const o of s.outlets) if (!outlets.has(o)) outlets.set(o, 0);
    const ents = (await this.entities({ limit: 500 })).items;
    return {
      outlets: [...outlets.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0], 'ar')).map(([o]) => o),
      entities: ents.map((e) => ({ id: e.id, name: e.name, type: e.type })),
    };
  }
}
