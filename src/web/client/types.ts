/**
 * The shapes the page works with: the export document (../shared/spec/export.md, mirrored from src/export/types.ts
 * so that the browser build needs nothing outside this folder) and the API's list and detail objects (docs/API.md).
 * DOM-free: Node tests import this folder too.
 */

export interface XMention { entityId: string; text: string; start: number; end: number }
export interface XQuote {
  speakerId: string | null; speaker: string; text: string; kind: 'direct' | 'indirect';
  start: number; end: number; via: string[]; date: string | null;
}
export interface XDate { text: string; value: string; start: number; end: number }
export type Role = 'main' | 'related' | 'teaser';
export type EntityType = 'person' | 'organization' | 'location';

export interface XArticle {
  id: string; pageId: string; role: Role; title: string; text: string; captions: string[];
  published: string | null; outlet: string | null; credits: string[]; duplicateOf: string | null;
  storyId: string | null; mentions: XMention[]; quotes: XQuote[]; dates: XDate[];
}
export interface XEntity { id: string; type: EntityType; name: string; variants: string[]; roles: string[] }
export interface XPage { id: string; source: string; language: string | null; articleIds: string[]; warnings: { rule: string; message: string }[] }
export interface TimelineEvent { date: string; text: string; articleId: string }

export interface SpeakerQuote { articleId: string; text: string; kind: 'direct' | 'indirect'; date: string | null; via: string[] }
export interface Speaker { entityId: string | null; name: string; quotes: SpeakerQuote[] }

export interface XStory {
  id: string; title: string; keywords: string[]; articleIds: string[]; start: string | null; end: string | null;
  outlets: string[]; reports: number; reprints: number; summary: string[]; timeline: TimelineEvent[];
  /** Newer exports carry it; computed from the articles' quotes when absent. */
  speakers?: Speaker[];
}
export interface XDocument {
  format: string; version: number; generatedAt: string;
  pages: XPage[]; articles: XArticle[]; entities: XEntity[]; stories: XStory[];
}

// ---- API shapes (docs/API.md) ----
/** `more`: search only, there are more matches than `total` (counting stopped there). */
export interface ListPage<T> { total: number; more?: boolean; limit: number; offset: number; items: T[] }
export interface StorySummary {
  id: string; title: string; keywords: string[]; start: string | null; end: string | null;
  outlets: string[]; reports: number; reprints: number; articleCount: number;
}
export interface ArticleSummary {
  id: string; pageId: string; role: Role; title: string; published: string | null; outlet: string | null;
  credits: string[]; storyId: string | null; duplicateOf: string | null; lead: string;
}
export interface EntitySummary { id: string; type: EntityType; name: string; variants: string[]; roles: string[]; mentions: number }
export interface QuoteItem {
  articleId: string; storyId: string | null; speakerId: string | null; speaker: string; text: string;
  kind: 'direct' | 'indirect'; via: string[]; date: string | null; published: string | null;
}
export interface StoryDetail extends XStory { articles: ArticleSummary[]; entities: EntitySummary[]; speakers: Speaker[] }
export interface ArticleDetail extends XArticle { source: string | null; entities: XEntity[] }
export interface EntityDetail extends EntitySummary { quotes: QuoteItem[]; stories: StorySummary[]; articles: ArticleSummary[] }
export interface SearchHit {
  articleId: string; title: string; storyId: string | null; outlet: string | null; published: string | null;
  role: Role; snippet: string; highlights: [number, number][]; score: number;
}

// ---- query parameters ----
export interface Paging { limit?: number; offset?: number }
export interface StoryQuery extends Paging { q?: string; entity?: string; outlet?: string; from?: string; to?: string }
export interface ArticleQuery extends Paging { story?: string; entity?: string; outlet?: string; role?: string; from?: string; to?: string }
export interface EntityQuery extends Paging { type?: string; q?: string }
export interface SearchQuery extends Paging { q: string; entity?: string; story?: string; outlet?: string; from?: string; to?: string; role?: string }

/** Choices for the search filters. */
export interface Facets { outlets: string[]; entities: { id: string; name: string; type: EntityType }[] }

/** Everything a view asks for; `null` from a detail call means "no such id". */
export interface DataSource {
  readonly kind: 'api' | 'embedded';
  stories(q: StoryQuery): Promise<ListPage<StorySummary>>;
  story(id: string): Promise<StoryDetail | null>;
  articles(q: ArticleQuery): Promise<ListPage<ArticleSummary>>;
  article(id: string): Promise<ArticleDetail | null>;
  entities(q: EntityQuery): Promise<ListPage<EntitySummary>>;
  entity(id: string): Promise<EntityDetail | null>;
  search(q: SearchQuery): Promise<ListPage<SearchHit>>;
  facets(): Promise<Facets>;
}
