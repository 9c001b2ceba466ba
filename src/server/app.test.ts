/**
 * The API's read side on both backends, in process (`app.request`, no network): the example pages go in through
 * POST /api/pages, then every GET endpoint is checked for its shape, order, pagination, filters and errors, search
 * for Arabic-aware matching and highlights that land on words. The last test asserts that both backends answer
 * the same searches with the same hits in the same order. startServer is checked over real HTTP on the same stores
 * (port 0 on 127.0.0.1).
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { KINDS, type BackendKind } from '../store/test-backends.js';
import type { ArticleSummary, EntitySummary, QuoteItem, SearchHit, StorySummary } from '../store/queries.js';
import type { ExportArticle, ExportEntity, ExportStory } from '../export/types.js';
import { indexTerms, parseQuery } from '../search/index.js';
import { CONTENT_SECURITY_POLICY } from '../web/assets.js';
import { createApp } from './app.js';
import { startServer } from './serve.js';
import { fixturePages, get, post, testStore, type ErrorAnswer, type List } from './test-helpers.js';

type StoryDetail = ExportStory & { articles: ArticleSummary[]; entities: EntitySummary[] };
type ArticleDetail = ExportArticle & { source: string; entities: ExportEntity[] };
type EntityDetail = EntitySummary & { quotes: QuoteItem[]; stories: StorySummary[]; articles: ArticleSummary[] };

/** Searches run on each backend, compared at the end. */
const SEARCHES = ['غرداية', 'فيضانات غرداية', '"فيضانات غرداية"', 'الأمطار', 'قتلى', 'مسقط', 'الجزائر', 'في', 'غرداية&role=main', 'الجزائر&limit=3&offset=2'];
const STORY_KEYS = ['id', 'title', 'keywords', 'articleIds', 'start', 'end', 'outlets', 'reports', 'reprints', 'summary', 'timeline', 'speakers'];
const ARTICLE_KEYS = ['id', 'pageId', 'role', 'title', 'text', 'captions', 'published', 'outlet', 'credits', 'duplicateOf', 'storyId', 'mentions', 'quotes', 'dates'];
const answers = new Map<BackendKind, unknown[]>();

const ids = (l: { items: { id: string }[] }): string[] => l.items.map((i) => i.id);
const hitIds = (l: List<SearchHit>): string[] => l.items.map((h) => h.articleId);
const q = encodeURIComponent;

function assertList(l: List<unknown>, limit: number, offset: number): void {
  assert.deepEqual(Object.keys(l), ['total', 'limit', 'offset', 'items']);
  assert.equal(l.limit, limit);
  assert.equal(l.offset, offset);
  assert.ok(Array.isArray(l.items) && l.items.length <= limit);
  assert.equal(l.items.length, Math.max(0, Math.min(limit, l.total - offset)));
}

/** Every highlight is inside the snippet, on word boundaries, and is one word whose term the query asked for. */
function assertHighlights(hit: SearchHit, query: string): void {
  const parsed = parseQuery(query);
  assert.ok(!('error' in parsed));
  assert.ok(hit.highlights.length > 0, `no highlight in ${hit.articleId}`);
  for (const [s, e] of hit.highlights) {
    assert.ok(0 <= s && s < e && e <= hit.snippet.length);
    const word = hit.snippet.slice(s, e);
    assert.doesNotMatch(hit.snippet.slice(Math.max(0, s - 1), s), /[\p{L}\p{N}]/u, `highlight starts inside a word: ${word}`);
    assert.doesNotMatch(hit.snippet.slice(e, e + 1), /[\p{L}\p{N}]/u, `highlight ends inside a word: ${word}`);
    const terms = indexTerms(word);
    assert.equal(terms.length, 1, `highlight is not one word: ${word}`);
    assert.ok(parsed.all.includes(terms[0]?.term ?? ''), `highlight ${word} is no word of ${query}`);
  }
}

for (const kind of KINDS) {
  test(`API reads [${kind}]`, async (t) => {
    const ts = await testStore(kind);
    if ('skip' in ts) return void t.skip(ts.skip);
    const logged: unknown[] = [];
    const app = createApp(ts.store, { log: (_m, err) => void logged.push(err) });
    try {
      const ingest = await post<{ pages: { status: string; articleIds: string[] }[] }>(app, { pages: fixturePages() });
      assert.equal(ingest.status, 200);
      assert.deepEqual(ingest.body.pages.map((p) => p.status), fixturePages().map(() => 'added'));

      await t.test('stories: list, order, pagination, filters, detail', async () => {
        const all = (await get<List<StorySummary>>(app, '/api/stories?limit=500')).body;
        assertList(all, 500, 0);
        assert.ok(all.total > 10);
        assert.deepEqual(Object.keys(all.items[0] ?? {}), ['id', 'title', 'keywords', 'start', 'end', 'outlets', 'reports', 'reprints', 'articleCount']);
        const ends = all.items.map((s) => s.end ?? '');
        const dated = ends.filter((e) => e !== '');
        assert.deepEqual(dated, [...dated].sort().reverse(), 'newest end first');
        assert.ok(ends.indexOf('') === -1 || ends.slice(ends.indexOf('')).every((e) => e === ''), 'undated last');
        const deflt = (await get<List<StorySummary>>(app, '/api/stories')).body;
        assertList(deflt, 50, 0);
        const p1 = (await get<List<StorySummary>>(app, '/api/stories?limit=3')).body;
        const p2 = (await get<List<StorySummary>>(app, '/api/stories?limit=3&offset=3')).body;
        assertList(p2, 3, 3);
        assert.deepEqual([...ids(p1), ...ids(p2)], ids(all).slice(0, 6));
        const past = (await get<List<StorySummary>>(app, `/api/stories?offset=${all.total}`)).body;
        assert.deepEqual(past.items, []);
        assert.equal(past.total, all.total);
        const flood = (await get<List<StorySummary>>(app, `/api/stories?q=${q('غرداية')}&from=2024-06-01&to=2024-06-30`)).body;
        assert.ok(flood.total > 0 && flood.items.every((s) => s.title.includes('غرداية') && (s.end ?? '') >= '2024-06-01' && (s.start ?? '') <= '2024-06-30'));
        const big = all.items.reduce((a, b) => (b.articleCount > a.articleCount ? b : a));
        const detail = await get<StoryDetail>(app, `/api/stories/${big.id}`);
        assert.equal(detail.status, 200);
        assert.deepEqual(Object.keys(detail.body), [...STORY_KEYS, 'articles', 'entities']);
        assert.deepEqual(detail.body.articles.map((a) => a.id), detail.body.articleIds);
        assert.ok(Array.isArray(detail.body.speakers) && Array.isArray(detail.body.entities));
        const outlet = detail.body.outlets[0] as string;
        assert.ok((await get<List<StorySummary>>(app, `/api/stories?outlet=${q(outlet)}`)).body.items.some((s) => s.id === big.id));
        const nf = await get<ErrorAnswer>(app, '/api/stories/s-none');
        assert.equal(nf.status, 404);
        assert.equal(nf.body.error.code, 'not_found');
      });

      await t.test('articles: list, filters, detail', async () => {
        const all = (await get<List<ArticleSummary>>(app, '/api/articles?limit=500')).body;
        assertList(all, 500, 0);
        assert.equal(all.total, ingest.body.pages.reduce((n, p) => n + p.articleIds.length, 0));
        const pub = all.items.map((a) => a.published ?? '').filter((d) => d !== '');
        assert.deepEqual(pub, [...pub].sort().reverse(), 'newest first');
        assert.ok(all.items.every((a) => a.lead.length <= 300));
        const main = (await get<List<ArticleSummary>>(app, '/api/articles?role=main&limit=500')).body;
        assert.ok(main.total > 0 && main.total < all.total && main.items.every((a) => a.role === 'main'));
        const june = (await get<List<ArticleSummary>>(app, '/api/articles?from=2024-06-11&to=2024-06-12&limit=500')).body;
        assert.ok(june.total > 0 && june.items.every((a) => a.published !== null && a.published >= '2024-06-11' && a.published <= '2024-06-12'));
        const first = main.items.find((a) => a.storyId !== null) as ArticleSummary;
        const inStory = (await get<List<ArticleSummary>>(app, `/api/articles?story=${first.storyId}&limit=500`)).body;
        assert.ok(inStory.items.some((a) => a.id === first.id) && inStory.items.every((a) => a.storyId === first.storyId));
        const byOutlet = (await get<List<ArticleSummary>>(app, `/api/articles?outlet=${q(first.outlet ?? '')}&limit=500`)).body;
        assert.ok(byOutlet.items.every((a) => a.outlet === first.outlet || a.credits.includes(first.outlet ?? '')));
        const detail = await get<ArticleDetail>(app, `/api/articles/${first.id}`);
        assert.equal(detail.status, 200);
        assert.deepEqual(Object.keys(detail.body), [...ARTICLE_KEYS, 'source', 'entities']);
        assert.ok(detail.body.text.length > 0 && detail.body.source.startsWith('examples/pages/'));
        const entity = detail.body.entities[0] as ExportEntity;
        assert.ok(detail.body.mentions.some((m) => m.entityId === entity.id));
        const named = (await get<List<ArticleSummary>>(app, `/api/articles?entity=${entity.id}&limit=500`)).body;
        assert.ok(named.items.some((a) => a.id === first.id));
        assert.equal((await get(app, `/api/articles/${first.id}x`)).status, 404);
        assert.equal((await get(app, '/api/articles/%00')).status, 404);
      });

      await t.test('entities and quotes', async () => {
        const all = (await get<List<EntitySummary>>(app, '/api/entities?limit=500')).body;
        assertList(all, 500, 0);
        const counts = all.items.map((e) => e.mentions);
        assert.deepEqual(counts, [...counts].sort((a, b) => b - a), 'most mentioned first');
        const people = (await get<List<EntitySummary>>(app, '/api/entities?type=person&limit=500')).body;
        assert.ok(people.total > 0 && people.items.every((e) => e.type === 'person'));
        const top = all.items[0] as EntitySummary;
        assert.ok((await get<List<EntitySummary>>(app, `/api/entities?q=${q(top.name)}`)).body.items.some((e) => e.id === top.id));
        const quotes = (await get<List<QuoteItem>>(app, '/api/quotes?limit=500')).body;
        assertList(quotes, 500, 0);
        const said = quotes.items.find((x) => x.speakerId !== null) as QuoteItem;
        const detail = await get<EntityDetail>(app, `/api/entities/${said.speakerId}`);
        assert.equal(detail.status, 200);
        assert.ok(detail.body.quotes.some((x) => x.text === said.text) && detail.body.articles.some((a) => a.id === said.articleId));
        const bySpeaker = (await get<List<QuoteItem>>(app, `/api/quotes?speaker=${said.speakerId}`)).body;
        assert.ok(bySpeaker.items.length > 0 && bySpeaker.items.every((x) => x.speakerId === said.speakerId));
        const byArticle = (await get<List<QuoteItem>>(app, `/api/quotes?article=${said.articleId}`)).body;
        assert.ok(byArticle.items.every((x) => x.articleId === said.articleId));
        if (said.storyId !== null) assert.ok((await get<List<QuoteItem>>(app, `/api/quotes?story=${said.storyId}`)).body.items.every((x) => x.storyId === said.storyId));
        assert.equal((await get(app, '/api/entities/e-none')).status, 404);
      });

      await t.test('search: Arabic-aware words, phrases, filters, highlights', async () => {
        const base = (await get<List<SearchHit>>(app, `/api/search?q=${q('غرداية')}&limit=500`)).body;
        assertList(base, 500, 0);
        assert.ok(base.total >= 5);
        for (const h of base.items) assertHighlights(h, 'غرداية');
        // diacritics, tatweel and a clitic change nothing
        for (const v of ['غَرْدَايَةَ', 'غـرداية', 'بغرداية']) assert.deepEqual(hitIds((await get<List<SearchHit>>(app, `/api/search?q=${q(v)}&limit=500`)).body), hitIds(base), v);
        // hamza forms are folded
        const hamza = (await get<List<SearchHit>>(app, `/api/search?q=${q('الأمطار')}&limit=500`)).body;
        assert.ok(hamza.total > 0);
        for (const v of ['الامطار', 'امطار', 'إمطار']) assert.deepEqual(hitIds((await get<List<SearchHit>>(app, `/api/search?q=${q(v)}&limit=500`)).body), hitIds(hamza), v);
        for (const h of hamza.items) assertHighlights(h, 'الأمطار');
        // AND, phrase, filters, paging
        const both = (await get<List<SearchHit>>(app, `/api/search?q=${q('فيضانات غرداية')}&limit=500`)).body;
        const phrase = (await get<List<SearchHit>>(app, `/api/search?q=${q('"فيضانات غرداية"')}&limit=500`)).body;
        assert.ok(phrase.total > 0 && phrase.total <= both.total && both.total <= base.total);
        for (const h of phrase.items) assertHighlights(h, '"فيضانات غرداية"');
        const mains = (await get<List<SearchHit>>(app, `/api/search?q=${q('غرداية')}&role=main&limit=500`)).body;
        assert.ok(mains.total > 0 && mains.items.every((h) => h.role === 'main'));
        const page = (await get<List<SearchHit>>(app, `/api/search?q=${q('غرداية')}&limit=2&offset=1`)).body;
        assertList(page, 2, 1);
        assert.deepEqual(hitIds(page), hitIds(base).slice(1, 3));
        const scores = base.items.map((h) => h.score);
        assert.deepEqual(scores, [...scores].sort((a, b) => b - a), 'best first');
        assert.equal((await get<List<SearchHit>>(app, `/api/search?q=${q('غرداية')}&from=2030-01-01`)).body.total, 0);
        answers.set(kind, await Promise.all(SEARCHES.map(async (s) => (await get(app, `/api/search?q=${q(s).replace('%26', '&').replace(/%3D/g, '=')}`)).body)));
      });

      await t.test('bad parameters: 400 with the parameter named, no stack', async () => {
        const bad: [string, string][] = [
          ['/api/stories?limit=0', 'limit'],
          ['/api/stories?limit=abc', 'limit'],
          ['/api/articles?limit=501', 'limit'],
          ['/api/articles?limit=1.5', 'limit'],
          ['/api/quotes?offset=-1', 'offset'],
          ['/api/articles?from=2025-13-45', 'from'],
          ['/api/articles?to=2025-02-30', 'to'],
          ['/api/stories?from=2025-1-1', 'from'],
          ['/api/articles?from=2025-02-02&to=2025-01-01', 'from'],
          ['/api/articles?role=x', 'role'],
          ['/api/search?q=a&role=editorial', 'role'],
          ['/api/entities?type=x', 'type'],
          ['/api/search', 'q'],
          ['/api/search?q=', 'q'],
          ['/api/search?q=%20%20', 'q'],
          ['/api/search?q=...', 'q'],
          ['/api/search?q=%D8%A7%00', 'q'],
        ];
        for (const [path, param] of bad) {
          const res = await get<ErrorAnswer>(app, path);
          assert.equal(res.status, 400, path);
          assert.deepEqual(Object.keys(res.body), ['error']);
          assert.equal(res.body.error.code, 'bad_request', path);
          assert.ok(res.body.error.message.includes(param), `${path}: ${res.body.error.message}`);
          assert.doesNotMatch(JSON.stringify(res.body), /\bat .*\.ts:\d+/);
          assert.equal(res.headers.get('Cache-Control'), 'no-store');
        }
        const nowhere = await get<ErrorAnswer>(app, '/api/nothing');
        assert.equal(nowhere.status, 404);
        assert.equal(nowhere.body.error.code, 'not_found');
      });

      await t.test('headers and the web page', async () => {
        const api = await app.request('/api/stories');
        assert.equal(api.headers.get('Cache-Control'), 'no-store');
        assert.match(api.headers.get('Content-Type') ?? '', /^application\/json/);
        assert.equal(api.headers.get('X-Content-Type-Options'), 'nosniff');
        const page = await app.request('/');
        assert.equal(page.status, 200);
        assert.match(page.headers.get('Content-Type') ?? '', /^text\/html/);
        assert.equal(page.headers.get('Content-Security-Policy'), CONTENT_SECURITY_POLICY);
        assert.equal(page.headers.get('X-Content-Type-Options'), 'nosniff');
        assert.equal(page.headers.get('Referrer-Policy'), 'no-referrer');
        assert.match(await page.text(), /<html/i);
        const css = await app.request('/app.css');
        assert.equal(css.status, 200);
        assert.match(css.headers.get('Content-Type') ?? '', /^text\/css/);
        assert.equal((await app.request('/fonts/OFL.txt')).status, 200);
        assert.equal((await app.request('/fonts/../../package.json')).status, 404);
        assert.equal((await app.request('/nothing.html')).status, 404);
      });
      await t.test('startServer: port 0 on 127.0.0.1, real HTTP, close; a taken port rejects', async () => {
        const server = await startServer(ts.store, { port: 0, log: (_m, err) => void logged.push(err) });
        let closed = false;
        try {
          assert.match(server.url, /^http:\/\/127\.0\.0\.1:[1-9]\d*$/);
          const res = await fetch(`${server.url}/api/stories?limit=5`);
          assert.equal(res.status, 200);
          assert.equal(res.headers.get('Cache-Control'), 'no-store');
          const body = (await res.json()) as List<StorySummary>;
          assertList(body, 5, 0);
          assert.deepEqual(body, (await get(app, '/api/stories?limit=5')).body);
          const bad = await fetch(`${server.url}/api/stories?limit=0`);
          assert.equal(bad.status, 400);
          assert.equal(((await bad.json()) as ErrorAnswer).error.code, 'bad_request');
          await assert.rejects(startServer(ts.store, { port: Number(new URL(server.url).port) }), /EADDRINUSE/);
          await server.close();
          closed = true;
          await assert.rejects(fetch(`${server.url}/api/stories`));
        } finally {
          if (!closed) await server.close();
        }
      });
      assert.deepEqual(logged, [], 'no internal error');
    } finally {
      await ts.done();
    }
  });
}

test('both backends give the same hits in the same order', (t) => {
  const [a, b] = KINDS.map((k) => answers.get(k));
  if (a === undefined || b === undefined) return void t.skip('a backend did not run');
  assert.equal(a.length, SEARCHES.length);
  assert.deepEqual(b, a);
});
