/**
 * An export document as the page reads it: every field the views use is present with its type, whatever the
 * JSON held (an older export without `speakers`, a hand-made one with fields missing, a hostile one with wrong
 * types). Nothing here trusts the content: it only fixes shapes. DOM-free.
 */
import type { Role, Speaker, XArticle, XDocument, XEntity, XPage, XQuote, XStory } from './types.js';

type Obj = Record<string, unknown>;

const obj = (v: unknown): Obj => (typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown, d = ''): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : d);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const strs = (v: unknown): string[] => arr(v).filter((x): x is string => typeof x === 'string');
const kind = (v: unknown): 'direct' | 'indirect' => (v === 'direct' ? 'direct' : 'indirect');

function role(v: unknown): Role {
  return v === 'main' || v === 'related' || v === 'teaser' ? v : 'related';
}

function quote(v: unknown): XQuote {
  const q = obj(v);
  return { speakerId: strOrNull(q.speakerId), speaker: str(q.speaker), text: str(q.text), kind: kind(q.kind), start: num(q.start), end: num(q.end), via: strs(q.via), date: strOrNull(q.date) };
}

function article(v: unknown): XArticle {
  const a = obj(v);
  return {
    id: str(a.id), pageId: str(a.pageId), role: role(a.role), title: str(a.title), text: str(a.text), captions: strs(a.captions),
    published: strOrNull(a.published), outlet: strOrNull(a.outlet), credits: strs(a.credits), duplicateOf: strOrNull(a.duplicateOf),
    storyId: strOrNull(a.storyId),
    mentions: arr(a.mentions).map((m) => {
      const o = obj(m);
      return { entityId: str(o.entityId), text: str(o.text), start: num(o.start), end: num(o.end) };
    }),
    quotes: arr(a.quotes).map(quote),
    dates: arr(a.dates).map((d) => {
      const o = obj(d);
      return { text: str(o.text), value: str(o.value), start: num(o.start), end: num(o.end) };
    }),
  };
}

function entity(v: unknown): XEntity {
  const e = obj(v);
  const type = e.type === 'person' || e.type === 'organization' || e.type === 'location' ? e.type : 'organization';
  return { id: str(e.id), type, name: str(e.name), variants: strs(e.variants), roles: strs(e.roles) };
}

function speaker(v: unknown): Speaker {
  const s = obj(v);
  return {
    entityId: strOrNull(s.entityId),
    name: str(s.name),
    quotes: arr(s.quotes).map((x) => {
      const q = obj(x);
      return { articleId: str(q.articleId), text: str(q.text), kind: kind(q.kind), date: strOrNull(q.date), via: strs(q.via) };
    }),
  };
}

function story(v: unknown): XStory {
  const s = obj(v);
  const out: XStory = {
    id: str(s.id), title: str(s.title), keywords: strs(s.keywords), articleIds: strs(s.articleIds), start: strOrNull(s.start), end: strOrNull(s.end),
    outlets: strs(s.outlets), reports: num(s.reports), reprints: num(s.reprints), summary: strs(s.summary),
    timeline: arr(s.timeline).map((t) => {
      const o = obj(t);
      return { date: str(o.date), text: str(o.text), articleId: str(o.articleId) };
    }),
  };
  if (Array.isArray(s.speakers)) out.speakers = s.speakers.map(speaker);
  return out;
}

function page(v: unknown): XPage {
  const p = obj(v);
  return {
    id: str(p.id), source: str(p.source), language: strOrNull(p.language), articleIds: strs(p.articleIds),
    warnings: arr(p.warnings).map((w) => ({ rule: str(obj(w).rule), message: str(obj(w).message) })),
  };
}

export function normalizeDocument(raw: unknown): XDocument {
  const d = obj(raw);
  return {
    format: str(d.format), version: num(d.version), generatedAt: str(d.generatedAt),
    pages: arr(d.pages).map(page), articles: arr(d.articles).map(article), entities: arr(d.entities).map(entity), stories: arr(d.stories).map(story),
  };
}
