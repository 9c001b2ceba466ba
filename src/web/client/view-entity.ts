/** The entity page (name, type, variants, roles, what it said, its stories and articles) and the entity list. */
import type { DataSource, EntityDetail } from './types.js';
import { chips, empty, h, joined, link, meta, section, to } from './dom.js';
import { count, NOUNS, TYPE_LABEL, TYPES_LABEL } from './format.js';
import { articleList, entityLink, pager, quoteText, storyCard, viewTitle } from './parts.js';
import { offsetParam, param } from './route.js';
import type { View } from './view.js';
import { whenSaid } from './view-story.js';
import { statements } from './said.js';

export function entityBody(e: EntityDetail): HTMLElement {
  const titles = new Map(e.articles.map((a) => [a.id, a.title] as const));
  return h(
    'article',
    { class: 'entity-page', 'data-type': e.type },
    viewTitle(
      e.name || e.id,
      meta([
        ['النوع', TYPE_LABEL[e.type] ?? e.type],
        ['مرات الذكر', String(e.mentions)],
        ['صيغ أخرى', e.variants.length > 0 ? chips(e.variants, 'variants') : null],
        ['الصفات', e.roles.length > 0 ? chips(e.roles, 'roles') : null],
      ]),
    ),
    section(
      'الأقوال المنسوبة',
      'entity-quotes',
      e.quotes.length === 0
        ? empty('لا أقوال منسوبة.')
        : h(
            'ol',
            { class: 'said' },
            statements(e.quotes).map(({ quote: q, also }) =>
              h(
                'li',
                null,
                h('p', { class: 'when' }, ...whenSaid(q.date, q.published)),
                quoteText(q.text, q.kind),
                h(
                  'p',
                  { class: 'from' },
                  q.speaker !== e.name ? ['بصيغة «', q.speaker, '» — '] : null,
                  q.via.length > 0 ? ['نقلاً عن ', q.via.join('، '), ' — '] : null,
                  link(to.article(q.articleId), null, titles.get(q.articleId) ?? 'المقال'),
                ),
                also.length > 0
                  ? h('p', { class: 'from also' }, 'والكلام نفسه في: ', joined(also.map((id, k) => link(to.article(id), null, titles.get(id) ?? `مقال ${k + 2}`))))
                  : null,
              ),
            ),
          ),
    ),
    section('القصص', 'entity-stories', e.stories.length > 0 ? h('ol', { class: 'cards' }, e.stories.map(storyCard)) : empty('لا قصص.')),
    section('المقالات', 'entity-articles', e.articles.length > 0 ? articleList(e.articles, titles) : empty('لا مقالات.')),
    h('p', { class: 'more' }, link(to.search({ entity: e.id }), null, 'ابحث في مقالات هذا الاسم ←')),
  );
}

export const entityView: View = async (src: DataSource, route) => {
  const e = await src.entity(route.id ?? '');
  if (e === null) return null;
  return { title: e.name, node: entityBody(e) };
};

const TYPES = ['', 'person', 'organization', 'location'];

export const entitiesView: View = async (src: DataSource, route) => {
  const type = param(route, 'type');
  const q = param(route, 'q');
  const page = await src.entities({ limit: 100, offset: offsetParam(route), ...(type !== undefined ? { type } : {}), ...(q !== undefined ? { q } : {}) });
  const tabs = h(
    'nav',
    { class: 'tabs', 'aria-label': 'الأنواع' },
    TYPES.map((t) => {
      const a = link(to.entities({ type: t, q: q ?? '' }), null, t === '' ? 'الكل' : (TYPES_LABEL[t] ?? t));
      if ((type ?? '') === t) a.setAttribute('aria-current', 'page');
      return a;
    }),
  );
  const form = filterForm('entities', q ?? '', type ?? '');
  const list = h(
    'ol',
    { class: 'entity-list' },
    page.items.map((e) =>
      h(
        'li',
        { class: 'card' },
        h('h3', null, entityLink(e)),
        h('p', { class: 'sub' }, TYPE_LABEL[e.type] ?? e.type, ' · ', 'مرات الذكر: ', String(e.mentions)),
        e.roles.length > 0 ? h('p', { class: 'roles' }, e.roles.slice(0, 3).join('، ')) : null,
      ),
    ),
  );
  return {
    title: 'الأسماء',
    node: h('div', { class: 'entities-view' }, viewTitle('الأسماء', h('p', { class: 'sub' }, `${count(page.total, NOUNS.name)}: أشخاص وهيئات وأماكن`)), tabs, form, page.items.length > 0 ? list : empty('لا أسماء مطابقة.'), pager(route, page)),
  };
};

/** A small filter form that rewrites the route's `q` (keeping `type`). */
function filterForm(routeName: 'entities', q: string, type: string): HTMLElement {
  const input = h('input', { type: 'search', id: 'ent-q', name: 'q', value: q, placeholder: 'اسم أو صفة' });
  const form = h('form', { class: 'inline-filter', role: 'search' }, h('label', { for: 'ent-q' }, 'تصفية'), input, h('button', { type: 'submit' }, 'تصفية'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = to[routeName]({ q: input.value.trim(), type });
  });
  return form;
}
