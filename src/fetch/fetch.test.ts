import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Fetcher, parseFeed, looksLikeFeed, type FetchResult } from './index.js';
import { startTestServer, PAGES, type TestServer } from './test-server.js';

let s: TestServer;
before(async () => {
  s = await startTestServer();
});
after(async () => {
  await s.close();
});

const fast = (o: ConstructorParameters<typeof Fetcher>[0] = {}): Fetcher => new Fetcher({ backoffMs: 10, timeoutMs: 1500, ...o });
const ok = (r: FetchResult): Extract<FetchResult, { kind: 'ok' }> => {
  assert.equal(r.kind, 'ok', JSON.stringify(r));
  return r as Extract<FetchResult, { kind: 'ok' }>;
};

test('a page: bytes, type, charset, format, our user agent', async () => {
  let ua = '';
  s.set('/ua', { handler: (req, res) => ((ua = String(req.headers['user-agent'])), res.writeHead(200, { 'content-type': 'text/html; charset=UTF-8' }).end('<!DOCTYPE html><html></html>')) });
  const r = ok(await fast({ userAgent: 'rasd-test/1' }).get(`${s.url}/ua`));
  assert.equal(ua, 'rasd-test/1');
  assert.equal(r.charset, 'utf-8');
  assert.equal(r.format, 'html');
  const p = ok(await fast().get(`${s.url}/news/1.html`));
  assert.match(Buffer.from(p.bytes).toString('utf8'), /محطة لتحلية المياه/);
});

test('a feed is recognised by its content, whatever its type', async () => {
  assert.equal(ok(await fast().get(`${s.url}/feed.xml`)).format, 'feed');
  assert.equal(ok(await fast().get(`${s.url}/atom.xml`)).format, 'feed'); // served as text/xml
  assert.equal(ok(await fast().get(`${s.url}/image.png`)).format, 'other');
});

test('ETag and Last-Modified: a second fetch costs a 304', async () => {
  const first = ok(await fast().get(`${s.url}/etag.html`));
  assert.equal(first.etag, '"v1"');
  assert.equal((await fast().get(`${s.url}/etag.html`, { etag: first.etag })).kind, 'not-modified');
  assert.equal((await fast().get(`${s.url}/etag.html`, { lastModified: first.lastModified })).kind, 'not-modified');
});

test('retries: a 500 twice then the page; a 429 waits for Retry-After; no retry on 404', async () => {
  const r = ok(await fast().get(`${s.url}/flaky`));
  assert.equal(s.hits('/flaky'), 3);
  assert.equal(r.status, 200);
  const waits: number[] = [];
  ok(await fast({ sleep: async (ms) => void waits.push(ms) }).get(`${s.url}/busy`));
  assert.deepEqual(waits, [1000], 'waited for Retry-After: 1');
  const m = await fast().get(`${s.url}/missing`);
  assert.equal(m.kind, 'error');
  assert.equal(s.hits('/missing'), 1);
  assert.match((m as { message: string }).message, /HTTP 404/);
});

test('redirects are followed and recorded; a loop and a non-http target are refused', async () => {
  const r = ok(await fast().get(`${s.url}/redirect`));
  assert.equal(r.finalUrl, `${s.url}/news/1.html`);
  assert.equal(r.url, `${s.url}/redirect`);
  const loop = await fast().get(`${s.url}/loop`); // /loop → /loop/back → /loop
  assert.deepEqual([loop.kind, (loop as { code?: string }).code], ['error', 'redirects']);
  assert.deepEqual([s.hits('/loop'), s.hits('/loop/back')], [1, 1]);
  const ftp = await fast().get(`${s.url}/to-ftp`);
  assert.deepEqual([ftp.kind, (ftp as { code?: string }).code], ['error', 'scheme']);
  assert.equal((await fast().get('file:///etc/passwd')).kind, 'error');
});

test('a slow answer times out (and is retried, then given up); a body past the limit is cut off', async () => {
  const slow = await fast({ timeoutMs: 200, retries: 1 }).get(`${s.url}/slow`);
  assert.deepEqual([slow.kind, (slow as { code?: string }).code], ['error', 'timeout']);
  const before = process.memoryUsage().rss;
  const huge = await fast({ maxBytes: 2 * 1024 * 1024 }).get(`${s.url}/huge`);
  assert.deepEqual([huge.kind, (huge as { code?: string }).code], ['error', 'too-large']);
  assert.ok(process.memoryUsage().rss - before < 64 * 1024 * 1024);
});

test('at most perHostConcurrency requests to one host at a time', async () => {
  s.set('/slowish', { delayMs: 80, body: 'x', headers: { 'content-type': 'text/plain' } });
  const f = fast({ perHostConcurrency: 2 });
  await Promise.all(Array.from({ length: 8 }, () => f.get(`${s.url}/slowish`)));
  assert.equal(s.peak('/slowish'), 2);
});

test('the charset named only by the header is reported', async () => {
  const r = ok(await fast().get(`${s.url}/cp1256.html`));
  assert.equal(r.charset, 'windows-1256');
  assert.equal(new TextDecoder('windows-1256').decode(r.bytes).includes('وزارة الصحة'), true);
});

test('feeds: RSS with CDATA and relative links, Atom, RDF, JSON Feed; malformed input does not throw', async () => {
  const rss = parseFeed(ok(await fast().get(`${s.url}/feed.xml`)).bytes, `${s.url}/feed.xml`);
  assert.equal(rss?.title, 'أخبار الاختبار');
  assert.deepEqual(rss?.items.map((i) => i.url), ['/news/3.html', '/news/2.html', '/news/1.html'].map((p) => s.url + p));
  assert.equal(rss?.items[0]?.title, PAGES['/news/3.html']?.title);
  assert.equal(rss?.items[0]?.published, '2025-05-06T09:30:00.000Z');
  const atom = parseFeed(ok(await fast().get(`${s.url}/atom.xml`)).bytes, s.url);
  assert.equal(atom?.items.length, 3);
  assert.equal(atom?.items[2]?.published, '2025-05-04T09:30:00.000Z');
  const rdf = parseFeed(
    '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>R</title></channel><item><title>خبر &amp; تعليق</title><link>https://x.test/a</link><dc:date>2025-01-02T03:04:05Z</dc:date></item></rdf:RDF>',
    'https://x.test/',
  );
  assert.deepEqual(rdf?.items, [{ url: 'https://x.test/a', title: 'خبر & تعليق', published: '2025-01-02T03:04:05.000Z', id: null }]);
  const json = parseFeed('{"version":"https://jsonfeed.org/version/1.1","title":"J","items":[{"id":"1","url":"/b","title":"ب","date_published":"2025-02-03T00:00:00Z"}]}', 'https://y.test/feed.json');
  assert.equal(json?.items[0]?.url, 'https://y.test/b');
  assert.equal(parseFeed('<rss><channel><item><title>بلا رابط</title></item><item><link>https://z.test/1</link><title>مكسور', 'https://z.test/')?.items.length, 0);
  assert.equal(parseFeed('<html><body>not a feed</body></html>', 'https://z.test/'), null);
  assert.equal(looksLikeFeed(new TextEncoder().encode('{"version":"https://jsonfeed.org/version/1","items":[]}')), true);
  assert.equal(parseFeed('{"version":"https://jsonfeed.org/version/1", broken', 'https://z.test/'), null);
});
