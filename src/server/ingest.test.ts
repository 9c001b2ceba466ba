/**
 * POST /api/pages on both backends: what the body must look like (415, 400, 413), the format taken from the
 * source, per-page statuses (added, unchanged for the same page again, replaced for a changed one, failed for a
 * page the pipeline cannot take), one link per request that changed something, and concurrent requests that
 * never link at the same time.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { KINDS } from '../store/test-backends.js';
import type { PageResult, Store } from '../store/store.js';
import type { ArticleSummary, SearchHit } from '../store/queries.js';
import { pageId } from '../export/build.js';
import { analyzePage } from '../pipeline.js';
import { createApp } from './app.js';
import { formatOf, Ingester, readPages } from './ingest.js';
import { fixturePages, get, post, testStore, type ErrorAnswer, type List } from './test-helpers.js';

type Answer = { pages: PageResult[] };
const [A, B, C] = fixturePages(['03-hidab-algerian-site-flood.txt', '07-sada-levantine-site-culture.txt', '02-sahel-gulf-paper-politics.html']) as [
  { source: string; content: string },
  { source: string; content: string },
  { source: string; content: string },
];

/** Counts store.link calls and the most that ever ran at once. */
function spyLink(store: Store): { calls: number; most: number } {
  const spy = { calls: 0, most: 0 };
  let running = 0;
  const link = store.link.bind(store);
  store.link = async (...args) => {
    spy.calls++;
    spy.most = Math.max(spy.most, ++running);
    try {
      await new Promise((r) => setTimeout(r, 5));
      return await link(...args);
    } finally {
      running--;
    }
  };
  return spy;
}

test('readPages and formatOf check the body without a store', () => {
  assert.deepEqual(readPages({ source: 'a.txt', content: 'x' }), [{ source: 'a.txt', bytes: Buffer.from('x'), format: 'text' }]);
  // base64: the bytes as read (here windows-1256), untouched
  const cp1256 = Buffer.from([0xc7, 0xe1, 0xce, 0xc8, 0xd1]);
  assert.deepEqual(readPages({ source: 'a.txt', base64: cp1256.toString('base64') })[0]?.bytes, cp1256);
  assert.throws(() => readPages({ source: 'a.txt', base64: 'not base64!' }), /base64/);
  assert.throws(() => readPages({ source: 'a.txt', base64: 'eA==', content: 'x' }), /not both/);
  assert.equal(readPages({ pages: [{ source: 'https://x.test/a.HTM?q=1', content: '' }] })[0]?.format, 'html');
  assert.equal(readPages({ source: 'a.html', content: 'x', format: 'text' })[0]?.format, 'text');
  assert.equal(formatOf('page.txt', Buffer.from('<!DOCTYPE html><html>')), 'html');
  assert.equal(formatOf('https://x.test/news/123', Buffer.from('خبر')), 'text');
});

for (const kind of KINDS) {
  test(`POST /api/pages [${kind}]`, async (t) => {
    const ts = await testStore(kind);
    if ('skip' in ts) return void t.skip(ts.skip);
    const logged: unknown[] = [];
    const app = createApp(ts.store, { log: (_m, err) => void logged.push(err) });
    const spy = spyLink(ts.store);
    const articles = async (): Promise<number> => (await get<List<ArticleSummary>>(app, '/api/articles')).body.total;
    try {
      await t.test('415, 400, 413: nothing stored', async () => {
        for (const headers of [{ 'Content-Type': 'text/plain' }, {}, { 'Content-Type': 'application/x-www-form-urlencoded' }]) {
          const res = await post<ErrorAnswer>(app, { source: 'a.txt', content: 'x' }, headers);
          assert.equal(res.status, 415);
          assert.equal(res.body.error.code, 'unsupported_media_type');
        }
        const bad: [unknown, string][] = [
          ['not json', 'JSON'],
          ['', 'JSON'],
          [[A], 'object'],
          [{}, 'source'],
          [{ pages: 'x' }, 'pages'],
          [{ pages: [] }, 'pages'],
          [{ pages: [A, { source: '', content: 'x' }] }, 'pages[1].source'],
          [{ source: 'x'.repeat(2001), content: 'x' }, 'source'],
          [{ source: 'a\u0000.txt', content: 'x' }, 'source'],
          [{ source: 'a.txt', content: 42 }, 'content'],
          [{ source: 'a.txt' }, 'content'],
          [{ source: 'a.txt', content: 'x', format: 'pdf' }, 'format'],
        ];
        for (const [body, name] of bad) {
          const res = await post<ErrorAnswer>(app, body);
          assert.equal(res.status, 400, JSON.stringify(body).slice(0, 60));
          assert.equal(res.body.error.code, 'bad_request');
          assert.ok(res.body.error.message.includes(name), res.body.error.message);
        }
        const small = createApp(ts.store, { maxBodyBytes: 1000 });
        const big = JSON.stringify({ source: 'big.txt', content: 'ب'.repeat(1000) });
        for (const headers of [{ 'Content-Type': 'application/json' }, { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(big)) }]) {
          const res = await post<ErrorAnswer>(small, big, headers);
          assert.equal(res.status, 413);
          assert.equal(res.body.error.code, 'payload_too_large');
          assert.equal(res.headers.get('Cache-Control'), 'no-store');
        }
        assert.equal(await articles(), 0);
        assert.equal(spy.calls, 0);
      });

      await t.test('added, then unchanged, then replaced', async () => {
        const first = await post<Answer>(app, { pages: [A, B] });
        assert.equal(first.status, 200);
        assert.deepEqual(first.body.pages.map((p) => [p.source, p.pageId, p.status]), [A, B].map((p) => [p.source, pageId(p.source), 'added']));
        assert.ok(first.body.pages.every((p) => p.articleIds.length > 0 && p.articleIds.every((id) => id.startsWith(p.pageId + '-'))));
        assert.equal(spy.calls, 1);
        const n = await articles();
        assert.equal(n, first.body.pages.reduce((k, p) => k + p.articleIds.length, 0));
        // the same page again, under the single-object form: nothing changes, no link
        const again = await post<Answer>(app, { source: A.source, content: A.content });
        assert.deepEqual(again.body.pages.map((p) => p.status), ['unchanged']);
        assert.deepEqual(again.body.pages[0]?.articleIds, first.body.pages[0]?.articleIds);
        assert.equal(spy.calls, 1);
        assert.equal(await articles(), n);
        // a changed page replaces its old version under the same id
        const changed = { ...A, content: A.content.replaceAll('غرداية', 'تمنراست') };
        assert.notEqual(changed.content, A.content);
        const replaced = await post<Answer>(app, { pages: [changed] });
        assert.deepEqual(replaced.body.pages.map((p) => [p.pageId, p.status]), [[pageId(A.source), 'replaced']]);
        assert.equal(spy.calls, 2);
        assert.equal(await articles(), n);
        const hits = (await get<List<SearchHit>>(app, `/api/search?q=${encodeURIComponent('تمنراست')}`)).body;
        assert.ok(hits.total > 0 && hits.items.every((h) => h.articleId.startsWith(pageId(A.source))));
      });

      await t.test('format from the source: .html is HTML', async () => {
        const res = await post<Answer>(app, C);
        assert.equal(res.body.pages[0]?.status, 'added');
        const rows = await ts.store.db.query<{ format: string }>('SELECT format FROM pages WHERE id = $1', [pageId(C.source)]);
        assert.equal(rows[0]?.format, 'html');
        const text = await post<Answer>(app, { source: 'as-text.html', content: C.content, format: 'text' });
        assert.equal(text.body.pages[0]?.status, 'added');
        assert.equal((await ts.store.db.query<{ format: string }>('SELECT format FROM pages WHERE id = $1', [pageId('as-text.html')]))[0]?.format, 'text');
      });

      await t.test('concurrent requests are serialized: links never overlap', async () => {
        const before = spy.calls;
        const pages = fixturePages(['01-wadi-egypt-daily-economy.txt', '04-wad-news-agency-wire-flood.txt', '05-nabd-aggregator-flood-reprint.txt', '09-atlas-moroccan-site-court.txt']);
        const answers = await Promise.all(pages.map((p) => post<Answer>(app, { pages: [p] })));
        assert.deepEqual(answers.map((a) => a.body.pages[0]?.status), ['added', 'added', 'added', 'added']);
        assert.equal(spy.calls - before, 4);
        assert.equal(spy.most, 1);
        const ids = answers.flatMap((a) => a.body.pages[0]?.articleIds ?? []);
        const listed = (await get<List<ArticleSummary>>(app, '/api/articles?limit=500')).body.items.map((a) => a.id);
        for (const id of ids) assert.ok(listed.includes(id), id);
      });

      await t.test('a page the pipeline cannot take fails alone', async () => {
        const ingester = new Ingester(ts.store, {
          analyze: (raw) => {
            if (raw.source === 'broken.txt') throw new Error('boom');
            return analyzePage(raw);
          },
        });
        const results = await ingester.ingest([
          { source: 'broken.txt', bytes: Buffer.from(A.content), format: 'text' },
          { source: 'fine.txt', bytes: Buffer.from(B.content), format: 'text' },
        ]);
        assert.deepEqual(results.map((r) => [r.source, r.status]), [['broken.txt', 'failed'], ['fine.txt', 'added']]);
        assert.deepEqual(results[0]?.articleIds, []);
        assert.equal(results[0]?.warnings[0]?.rule, 'cli/analyze-failed');
        assert.doesNotMatch(JSON.stringify(results), /boom/);
        assert.equal(await ts.store.needsLink(), false);
      });
      assert.deepEqual(logged, []);
    } finally {
      await ts.done();
    }
  });
}
