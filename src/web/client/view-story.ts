/** The story page: summary, drawn timeline, who said what by speaker, entities, outlets, articles with reprints. */
import type { DataSource, Speaker, StoryDetail } from './types.js';
import { chips, empty, h, link, meta, section, time, to } from './dom.js';
import { count, fmtRange, NOUNS, TYPES_LABEL } from './format.js';
import { articleList, entityChips, quoteText, viewTitle } from './parts.js';
import { drawTimeline } from './timeline.js';
import type { View } from './view.js';

function speakerBlock(sp: Speaker, titles: ReadonlyMap<string, string>, published: ReadonlyMap<string, string | null>): HTMLElement {
  const name = sp.entityId !== null ? link(to.entity(sp.entityId), { class: 'entity' }, sp.name || sp.entityId) : h('span', { class: 'unnamed' }, sp.name || 'مصدر غير مسمى');
  const quotes = sp.quotes ?? [];
  return h(
    'li',
    { class: 'speaker' },
    h('h3', null, name, ' ', h('span', { class: 'count' }, count(quotes.length, NOUNS.quote))),
    sp.entityId === null ? h('p', { class: 'note' }, 'مصدر لم يسمّه النص') : null,
    h(
      'ol',
      { class: 'said' },
      quotes.map((q) =>
        h(
          'li',
          null,
          h('p', { class: 'when' }, ...whenSaid(q.date, published.get(q.articleId) ?? null)),
          quoteText(q.text, q.kind),
          h(
            'p',
            { class: 'from' },
            (q.via ?? []).length > 0 ? ['نقلاً عن ', (q.via ?? []).join('، '), ' — '] : null,
            link(to.article(q.articleId), null, titles.get(q.articleId) ?? 'المقال'),
          ),
        ),
      ),
    ),
  );
}

/** The date a quote was said, else its article's publication date, marked as such. */
export function whenSaid(date: string | null, published: string | null): (HTMLElement | string)[] {
  if (date !== null) return [time(date)];
  if (published !== null) return [time(published), h('small', null, ' (تاريخ نشر المقال)')];
  return [time(null, 'تاريخ غير معروف')];
}

function timelineWidth(): number {
  const w = document.querySelector('main')?.clientWidth ?? window.innerWidth;
  return Math.min(1200, Math.max(300, w - 20));
}

export function storyBody(st: StoryDetail): HTMLElement {
  const titles = new Map(st.articles.map((a) => [a.id, a.title] as const));
  const published = new Map(st.articles.map((a) => [a.id, a.published] as const));
  const speakers = st.speakers ?? [];
  const byType = new Map<string, typeof st.entities>();
  for (const e of st.entities) byType.set(e.type, [...(byType.get(e.type) ?? []), e]);
  const range = fmtRange(st.start, st.end);
  return h(
    'article',
    { class: 'story' },
    viewTitle(
      st.title || 'قصة بلا عنوان',
      meta([
        ['المدة', range === '' ? 'بلا تاريخ' : range],
        ['المقالات', String(st.articleIds.length)],
        ['تقارير مستقلة', String(st.reports)],
        ['إعادات نشر', String(st.reprints)],
      ]),
      chips(st.keywords, 'keywords'),
    ),
    st.summary.length > 0 ? section('الخلاصة', 'summary', st.summary.map((p) => h('p', null, p))) : null,
    section('الخط الزمني', 'timeline-sec', st.timeline.length > 0 ? drawTimeline(st.timeline, titles, timelineWidth()) : empty('لا أحداث مؤرخة في هذه القصة.')),
    section(
      'من قال ماذا',
      'speakers',
      speakers.length > 0 ? h('ol', { class: 'speakers' }, speakers.map((sp) => speakerBlock(sp, titles, published))) : empty('لا أقوال منسوبة في مقالات هذه القصة.'),
    ),
    section(
      'الأسماء',
      'story-entities',
      st.entities.length === 0
        ? empty('لا أسماء.')
        : ['person', 'organization', 'location'].map((t) => {
            const list = byType.get(t) ?? [];
            return list.length === 0 ? null : h('div', { class: 'entity-group' }, h('h3', null, TYPES_LABEL[t] ?? t), entityChips(list));
          }),
    ),
    section('المنافذ', 'outlets', chips(st.outlets, 'outlets') ?? empty('لا منافذ معروفة.')),
    section(
      'المقالات',
      'story-articles',
      h('p', { class: 'note' }, 'بترتيب القصة؛ إعادة النشر مُعلَّمة ومربوطة بالمقال الذي تكرره، وعناوين الإحالة بنصها الكامل.'),
      articleList(st.articles, titles, false),
    ),
  );
}

export const storyView: View = async (src: DataSource, route) => {
  const st = await src.story(route.id ?? '');
  if (st === null) return null;
  return { title: st.title, node: storyBody(st) };
};

