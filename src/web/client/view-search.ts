/**
 * Search with filters (outlet, entity, dates, role): hits with snippets and their matched words highlighted.
 * Without words, the same filters list the articles (route #/articles).
 */
import type { DataSource, Facets, SearchHit } from './types.js';
import { empty, h, link, time, to, withParams } from './dom.js';
import { count, NOUNS, ROLE_LABEL, TYPES_LABEL } from './format.js';
import { articleList, pager, snippet, viewTitle } from './parts.js';
import { offsetParam, param, type Route } from './route.js';
import type { View } from './view.js';

const KEYS = ['q', 'outlet', 'entity', 'from', 'to', 'role'] as const;
type Key = (typeof KEYS)[number];

function field(label: string, id: string, control: HTMLElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control);
}

function option(value: string, label: string, selected: boolean): HTMLOptionElement {
  const o = h('option', { value }, label);
  o.selected = selected;
  return o;
}

/** The filters, folded away on a narrow screen unless one is set. */
function filtersBox(values: Partial<Record<Key, string>>, filters: HTMLElement): HTMLElement {
  const set = KEYS.filter((k) => k !== 'q' && values[k] !== undefined).length;
  const box = h('details', { class: 'filter-box' }, h('summary', null, set > 0 ? `المرشحات (${set})` : 'المرشحات'), filters);
  box.open = set > 0 || window.innerWidth >= 700;
  return box;
}

function searchForm(values: Partial<Record<Key, string>>, facets: Facets): HTMLFormElement {
  const q = h('input', { type: 'search', id: 's-q', name: 'q', value: values.q ?? '', placeholder: 'مثال: قاعدة حميميم، أو "البنك المركزي"' });
  const outlet = h('input', { type: 'text', id: 's-outlet', name: 'outlet', list: 's-outlets', value: values.outlet ?? '', autocomplete: 'off' });
  const outlets = h('datalist', { id: 's-outlets' }, facets.outlets.map((o) => h('option', { value: o })));
  const entity = h('select', { id: 's-entity', name: 'entity' }, option('', 'الكل', values.entity === undefined));
  const known = new Set(facets.entities.map((e) => e.id));
  if (values.entity !== undefined && !known.has(values.entity)) entity.append(option(values.entity, values.entity, true));
  for (const t of ['person', 'organization', 'location']) {
    const list = facets.entities.filter((e) => e.type === t);
    if (list.length > 0) entity.append(h('optgroup', { label: TYPES_LABEL[t] ?? t }, list.map((e) => option(e.id, e.name, e.id === values.entity))));
  }
  const from = h('input', { type: 'date', id: 's-from', name: 'from', value: values.from ?? '' });
  const until = h('input', { type: 'date', id: 's-to', name: 'to', value: values.to ?? '' });
  const role = h('select', { id: 's-role', name: 'role' }, option('', 'الكل', values.role === undefined), ['main', 'related', 'teaser'].map((r) => option(r, ROLE_LABEL[r] ?? r, values.role === r)));
  const form = h(
    'form',
    { class: 'search-form', role: 'search', 'aria-label': 'البحث في المقالات' },
    h('div', { class: 'field wide' }, h('label', { for: 's-q' }, 'الكلمات'), q),
    filtersBox(values, h('div', { class: 'filters' }, field('المنفذ', 's-outlet', outlet), field('الاسم', 's-entity', entity), field('من تاريخ', 's-from', from), field('إلى تاريخ', 's-to', until), field('النوع', 's-role', role))),
    outlets,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'ابحث'), link(to.search(), { class: 'reset' }, 'مسح الحقول')),
    h('p', { class: 'hint' }, 'تُطابَق الكلمات كلها، مع تجاهل التشكيل والهمزات و«ال» والحروف المتصلة. ضع العبارة بين علامتي تنصيص "…" لتُطابَق كما هي.'),
  );
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const params: Record<string, string> = { q: q.value.trim(), outlet: outlet.value.trim(), entity: entity.value, from: from.value, to: until.value, role: role.value };
    location.hash = withParams(params.q === '' ? '#/articles' : '#/search', params);
  });
  return form;
}

function hitItem(hit: SearchHit): HTMLElement {
  return h(
    'li',
    { class: 'hit' },
    h('h3', null, link(to.article(hit.articleId), null, hit.title || 'بلا عنوان')),
    h(
      'p',
      { class: 'sub' },
      hit.outlet ?? 'منفذ غير معروف',
      ' · ',
      time(hit.published),
      ' · ',
      ROLE_LABEL[hit.role] ?? hit.role,
      hit.storyId !== null ? [' · ', link(to.story(hit.storyId), null, 'القصة')] : null,
    ),
    snippet(hit.snippet, hit.highlights),
  );
}

function values(route: Route): Partial<Record<Key, string>> {
  const out: Partial<Record<Key, string>> = {};
  for (const k of KEYS) {
    const v = param(route, k);
    if (v !== undefined) out[k] = v;
  }
  return out;
}

export const searchView: View = async (src: DataSource, route) => {
  const v = values(route);
  const { q, ...filters } = v;
  const facets = await src.facets().catch((): Facets => ({ outlets: [], entities: [] }));
  const offset = offsetParam(route);
  let results: HTMLElement;
  let summary: string;
  let pageNav: HTMLElement | null;
  if (q !== undefined) {
    const page = await src.search({ q, limit: 20, offset, ...filters });
    summary = page.total === 0 ? 'لا نتائج.' : `${page.more === true ? 'أكثر من ' : ''}${count(page.total, NOUNS.result)}، الأقرب أولًا.`;
    results = page.items.length > 0 ? h('ol', { class: 'hits' }, page.items.map(hitItem)) : empty('لم يطابق البحث أي مقال. جرّب كلمات أقل أو أزل بعض المرشحات.');
    pageNav = pager(route, page);
  } else {
    const page = await src.articles({ limit: 50, offset, ...filters });
    summary = `${count(page.total, NOUNS.article)}، الأحدث أولًا.`;
    results = page.items.length > 0 ? articleList(page.items) : empty('لا مقالات مطابقة.');
    pageNav = pager(route, page);
  }
  const title = q !== undefined ? `بحث: ${q}` : route.name === 'search' ? 'البحث' : 'المقالات';
  return {
    title,
    node: h(
      'div',
      { class: 'search-view' },
      viewTitle(q !== undefined ? 'نتائج البحث' : title),
      searchForm(v, facets),
      h('section', { class: 'results', 'aria-live': 'polite', 'aria-label': 'النتائج' }, h('p', { class: 'sub count' }, summary), results, pageNav),
    ),
  };
};
