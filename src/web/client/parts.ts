/** Pieces several views share: story cards, article rows, entity links, snippets with highlights, paging. */
import type { ArticleSummary, EntitySummary, ListPage, StorySummary } from './types.js';
import { chips, h, joined, link, time, to, withParams } from './dom.js';
import { count, fmtRange, KIND_LABEL, NOUNS, ROLE_LABEL, TYPE_LABEL } from './format.js';
import { usableHighlights } from './spans.js';
import type { Route } from './route.js';

export function storyCard(s: StorySummary): HTMLElement {
  const range = fmtRange(s.start, s.end);
  return h(
    'li',
    { class: 'card story-card' },
    h('h3', null, link(to.story(s.id), null, s.title || 'قصة بلا عنوان')),
    h('p', { class: 'sub' }, range === '' ? h('span', { class: 'nodate' }, 'بلا تاريخ') : h('span', null, range)),
    h(
      'p',
      { class: 'stats' },
      h('span', null, count(s.articleCount, NOUNS.article)),
      h('span', null, 'تقارير مستقلة: ', h('b', null, String(s.reports))),
      h('span', { class: s.reprints > 0 ? 'has-reprints' : null }, 'إعادات نشر: ', h('b', null, String(s.reprints))),
    ),
    s.outlets.length > 0 ? h('p', { class: 'outlets' }, h('span', { class: 'label' }, 'المنافذ: '), joined(s.outlets)) : null,
    chips(s.keywords, 'keywords'),
  );
}

/**
 * What a copy points to: a teaser to the full text it announces (on the same page), any other copy to the earliest
 * article it repeats (a reprint). Named by its title, never by its id.
 */
export function copyOf(role: string, original: string, title: string | null): HTMLElement {
  const label = role === 'teaser' ? 'النص الكامل: ' : 'إعادة نشر لـ ';
  return h('p', { class: 'reprint' }, label, link(to.article(original), null, title !== null && title !== '' ? ['«', title, '»'] : 'المقال الأصلي'));
}

/** One article in a list; `titles` names the article a reprint repeats. */
export function articleItem(a: ArticleSummary, titles: ReadonlyMap<string, string> = new Map(), showLead = true): HTMLElement {
  const dup = a.duplicateOf;
  return h(
    'li',
    { class: 'article-item' + (dup !== null ? ' is-reprint' : '') },
    h('h3', null, link(to.article(a.id), null, a.title || 'بلا عنوان')),
    h(
      'p',
      { class: 'sub' },
      a.outlet !== null ? h('span', { class: 'outlet' }, a.outlet) : h('span', { class: 'nodate' }, 'منفذ غير معروف'),
      h('span', { class: 'dot', 'aria-hidden': 'true' }, ' · '),
      time(a.published),
      h('span', { class: 'dot', 'aria-hidden': 'true' }, ' · '),
      h('span', { class: 'role role-' + a.role }, ROLE_LABEL[a.role] ?? a.role),
    ),
    dup !== null ? copyOf(a.role, dup, titles.get(dup) ?? null) : null,
    showLead && a.lead !== '' ? h('p', { class: 'lead' }, a.lead) : null,
  );
}

export function articleList(items: readonly ArticleSummary[], titles?: ReadonlyMap<string, string>, showLead = true): HTMLElement {
  const map = new Map(titles ?? []);
  for (const a of items) if (!map.has(a.id)) map.set(a.id, a.title);
  return h('ol', { class: 'articles' }, items.map((a) => articleItem(a, map, showLead)));
}

export function entityLink(e: { id: string; name: string; type?: string }): HTMLAnchorElement {
  return link(to.entity(e.id), { class: 'entity ent-' + (e.type ?? 'x'), title: e.type !== undefined ? (TYPE_LABEL[e.type] ?? '') : null }, e.name || e.id);
}

export function entityChips(items: readonly EntitySummary[]): HTMLElement | null {
  return chips(items.map((e) => entityLink(e)), 'entities');
}

/** A snippet with its highlights as <mark>, from [start, end) UTF-16 offsets. */
export function snippet(text: string, highlights: readonly (readonly [number, number])[] | undefined): HTMLElement {
  const p = h('p', { class: 'snippet' });
  let at = 0;
  for (const [s, e] of usableHighlights(highlights, text.length)) {
    if (s > at) p.append(text.slice(at, s));
    p.append(h('mark', null, text.slice(s, e)));
    at = e;
  }
  if (at < text.length) p.append(text.slice(at));
  return p;
}

/** The quoted words, marked direct (in «») or reported. */
export function quoteText(text: string, kind: 'direct' | 'indirect'): HTMLElement {
  return h('blockquote', { class: 'quote q-' + kind, title: KIND_LABEL[kind] ?? '' }, kind === 'direct' ? ['«', text, '»'] : text);
}

/** Previous / next links for a list route. */
export function pager(route: Route, page: ListPage<unknown>): HTMLElement | null {
  if (page.total <= page.limit && page.offset === 0) return null;
  const base = '#/' + route.name;
  const params: Record<string, string> = {};
  route.params.forEach((v, k) => {
    params[k] = v;
  });
  const at = (offset: number): string => withParams(base, { ...params, offset: offset > 0 ? String(offset) : '' });
  const from = Math.min(page.total, page.offset + 1);
  const until = Math.min(page.total, page.offset + page.items.length);
  return h(
    'nav',
    { class: 'pager', 'aria-label': 'الصفحات' },
    page.offset > 0 ? link(at(Math.max(0, page.offset - page.limit)), { rel: 'prev' }, '→ السابق') : h('span'),
    h('span', { class: 'range' }, `${from}–${until} من ${page.total}`),
    page.offset + page.limit < page.total ? link(at(page.offset + page.limit), { rel: 'next' }, 'التالي ←') : h('span'),
  );
}

/** A heading for a view (the router focuses it after navigation). */
export function viewTitle(text: string, ...extra: (HTMLElement | string | null)[]): HTMLElement {
  return h('header', { class: 'view-head' }, h('h1', { tabindex: '-1' }, text), ...extra);
}
