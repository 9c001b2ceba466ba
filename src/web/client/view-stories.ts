/** The story list: title, dates, outlets, counts of reports and reprints, keywords; filtered by words. */
import type { DataSource } from './types.js';
import { empty, h, link, to } from './dom.js';
import { count, NOUNS } from './format.js';
import { pager, storyCard, viewTitle } from './parts.js';
import { offsetParam, param } from './route.js';
import type { View } from './view.js';

export const storiesView: View = async (src: DataSource, route) => {
  const q = param(route, 'q');
  const page = await src.stories({ limit: 50, offset: offsetParam(route), ...(q !== undefined ? { q } : {}) });
  const input = h('input', { type: 'search', id: 'story-q', name: 'q', value: q ?? '', placeholder: 'كلمة من العنوان أو الكلمات المفتاحية' });
  const form = h('form', { class: 'inline-filter', role: 'search' }, h('label', { for: 'story-q' }, 'تصفية القصص'), input, h('button', { type: 'submit' }, 'تصفية'));
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    location.hash = input.value.trim() === '' ? to.stories() : '#/stories?' + new URLSearchParams({ q: input.value.trim() }).toString();
  });
  let content: HTMLElement;
  if (page.items.length > 0) content = h('ol', { class: 'cards' }, page.items.map(storyCard));
  else if (q !== undefined) content = empty('لا قصص مطابقة.');
  else {
    content = h(
      'div',
      { class: 'empty' },
      h('p', null, 'لا قصص بعد: لم تُجمع المقالات في قصص في هذه البيانات.'),
      h('p', null, link(to.articles(), null, 'تصفّح المقالات ←'), ' · ', link(to.entities(), null, 'تصفّح الأسماء ←')),
    );
  }
  return {
    title: 'القصص',
    node: h(
      'div',
      { class: 'stories-view' },
      viewTitle('القصص', h('p', { class: 'sub' }, `${count(page.total, NOUNS.story)}، الأحدث أولًا. كل قصة تجمع ما نشرته المنافذ عن حدث واحد.`)),
      page.total > 0 || q !== undefined ? form : null,
      content,
      pager(route, page),
    ),
  };
};
