/**
 * The page's entry: picks the data source (the export embedded in the page when there is one, else the server's
 * /api), routes the hash to a view, and keeps the shell (navigation, quick search, skip link) working.
 */
import type { DataSource } from './types.js';
import { ApiError, ApiSource } from './api.js';
import { EmbeddedSource } from './data.js';
import { h, link, to } from './dom.js';
import { parseRoute, type Route, type RouteName } from './route.js';
import type { View } from './view.js';
import { storiesView } from './view-stories.js';
import { storyView } from './view-story.js';
import { articleView } from './view-article.js';
import { entitiesView, entityView } from './view-entity.js';
import { searchView } from './view-search.js';

const VIEWS: Record<Exclude<RouteName, 'unknown'>, View> = {
  stories: storiesView,
  story: storyView,
  article: articleView,
  entity: entityView,
  entities: entitiesView,
  articles: searchView,
  search: searchView,
};

const NAV_FOR: Partial<Record<RouteName, string>> = { stories: 'stories', story: 'stories', entities: 'entities', entity: 'entities', articles: 'articles', article: 'articles', search: 'search' };

/** The embedded export (window.__RASD_EXPORT__ or <script type="application/json" id="rasd-data">), else the API. */
export function pickSource(): DataSource {
  const w = window as unknown as { __RASD_EXPORT__?: unknown };
  if (w.__RASD_EXPORT__ !== undefined && w.__RASD_EXPORT__ !== null) return new EmbeddedSource(w.__RASD_EXPORT__);
  const el = document.getElementById('rasd-data');
  if (el !== null && el.getAttribute('type') === 'application/json') return new EmbeddedSource(JSON.parse(el.textContent ?? 'null'));
  return new ApiSource('.');
}

function message(title: string, text: string): HTMLElement {
  return h('div', { class: 'message' }, h('h1', { tabindex: '-1' }, title), h('p', null, text), h('p', null, link(to.stories(), null, 'إلى القصص ←')));
}

let generation = 0;

async function render(src: DataSource, main: HTMLElement, hash: string, focus: boolean): Promise<void> {
  const route: Route = parseRoute(hash);
  const mine = ++generation;
  main.setAttribute('aria-busy', 'true');
  let node: Node;
  let title: string;
  if (route.name === 'unknown') {
    node = message('الصفحة غير موجودة', 'هذا الرابط لا يدل على صفحة في رصد.');
    title = 'غير موجودة';
  } else {
    try {
      const out = await VIEWS[route.name](src, route);
      if (out === null) {
        node = message('غير موجود', 'لا يوجد عنصر بهذا المعرّف في البيانات.');
        title = 'غير موجود';
      } else ({ node, title } = out);
    } catch (err) {
      const text = err instanceof ApiError ? `${err.code}: ${err.message}` : err instanceof Error ? err.message : String(err);
      node = message('تعذّر التحميل', text);
      title = 'خطأ';
    }
  }
  if (mine !== generation) return;
  main.replaceChildren(node);
  main.removeAttribute('aria-busy');
  main.dataset.view = route.name;
  main.dataset.hash = hash;
  document.title = `${title} — رصد`;
  const nav = NAV_FOR[route.name];
  for (const a of document.querySelectorAll<HTMLAnchorElement>('.site-nav a')) {
    if (a.dataset.nav === nav) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  const quick = document.getElementById('quick-q');
  // the header's search box shows the words searched, whichever form searched them
  if (quick instanceof HTMLInputElement) quick.value = route.name === 'search' ? (route.params.get('q') ?? '').trim() : '';
  if (focus) {
    window.scrollTo(0, 0);
    main.querySelector<HTMLElement>('h1')?.focus({ preventScroll: true });
  }
}

export function start(): void {
  const main = document.getElementById('main');
  if (main === null) return;
  let src: DataSource;
  try {
    src = pickSource();
  } catch (err) {
    main.replaceChildren(message('تعذّرت قراءة البيانات', err instanceof Error ? err.message : String(err)));
    return;
  }
  document.documentElement.dataset.source = src.kind;
  if (src instanceof EmbeddedSource) {
    const badge = document.getElementById('data-note');
    if (badge !== null) badge.textContent = `تقرير مستقل — المقالات: ${src.doc.articles.length}، الصفحات: ${src.doc.pages.length}${src.doc.generatedAt !== '' ? '، أُعدّ في ' + src.doc.generatedAt.slice(0, 10) : ''}`;
  }
  const go = (focus: boolean): void => {
    const hash = location.hash;
    // an in-page anchor (the skip link) is no route: leave the view as it is
    if (hash !== '' && !hash.startsWith('#/') && document.getElementById(hash.slice(1)) !== null) return;
    void render(src, main, hash, focus);
  };
  window.addEventListener('hashchange', () => go(true));
  const skip = document.querySelector<HTMLAnchorElement>('.skip');
  skip?.addEventListener('click', (ev) => {
    ev.preventDefault();
    main.focus();
  });
  const form = document.getElementById('quick-search');
  const input = document.getElementById('quick-q');
  if (form instanceof HTMLFormElement && input instanceof HTMLInputElement) {
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      const q = input.value.trim();
      location.hash = q === '' ? to.search() : to.search({ q });
    });
  }
  go(false);
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
