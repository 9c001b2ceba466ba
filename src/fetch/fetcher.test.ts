import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_USER_AGENT, Fetcher, formatOf, type FetchResult } from './index.js';
import { startTestServer, type TestServer } from './test-server.js';

let s: TestServer;
before(async () => {
  s = await startTestServer();
});
after(async () => {
  await s.close();
});

const fast = (o: ConstructorParameters<typeof Fetcher>[0] = {}): Fetcher => new Fetcher({ backoffMs: 5, timeoutMs: 1500, ...o });
/** A Fetcher whose waits between attempts are recorded, not slept. */
const recording = (o: ConstructorParameters<typeof Fetcher>[0] = {}): { f: Fetcher; waits: number[] } => {
  const waits: number[] = [];
  return { f: fast({ sleep: async (ms) => void waits.push(ms), ...o }), waits };
};
/** A fetch that sends http://HOST/PATH to the test server's /HOST/PATH, so that tests can use many host names. */
const viaHosts = (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const u = new URL(String(input));
  return fetch(`${s.url}/${u.hostname}${u.pathname}`, init);
};
type Err = Extract<FetchResult, { kind: 'error' }>;
const err = (r: FetchResult): Err => {
  assert.equal(r.kind, 'error', JSON.stringify(r));
  return r as Err;
};
const ok = (r: FetchResult): Extract<FetchResult, { kind: 'ok' }> => {
  assert.equal(r.kind, 'ok', JSON.stringify(r));
  return r as Extract<FetchResult, { kind: 'ok' }>;
};
/** A route that answers `first` statuses in turn, then 200. */
const sequence = (path: string, first: { status: number; headers?: Record<string, string> }[]): void => {
  let n = 0;
  s.set(path, {
    handler: (_req, res) => {
      const step = first[n++];
      if (step) res.writeHead(step.status, { 'content-type': 'text/plain', ...step.headers }).end('no');
      else res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' }).end('نعم');
    },
  });
};

test('conditional headers are sent only when known', async () => {
  const seen: IncomingHttpHeaders[] = [];
  s.set('/cond', { handler: (req, res) => (seen.push(req.headers), res.writeHead(200, { 'content-type': 'text/plain' }).end('x')) });
  await fast().get(`${s.url}/cond`, { etag: '"abc"', lastModified: 'Sun, 04 May 2025 09:30:00 GMT' });
  await fast().get(`${s.url}/cond`, { etag: null, lastModified: null });
  await fast().get(`${s.url}/cond`, {});
  assert.equal(seen[0]?.['if-none-match'], '"abc"');
  assert.equal(seen[0]?.['if-modified-since'], 'Sun, 04 May 2025 09:30:00 GMT');
  for (const h of seen.slice(1)) assert.deepEqual([h['if-none-match'], h['if-modified-since']], [undefined, undefined]);
  assert.match(String(seen[0]?.['user-agent']), /rasd/);
});

test('304 after a redirect reports the final URL', async () => {
  s.set('/old-etag', { status: 301, headers: { location: '/etag.html' } });
  assert.deepEqual(await fast().get(`${s.url}/old-etag`, { etag: '"v1"' }), { kind: 'not-modified', url: `${s.url}/old-etag`, finalUrl: `${s.url}/etag.html` });
});

test('retries: 408 and 503 are retried, 403 and 404 are not; giving up says how often it tried', async () => {
  sequence('/r408', [{ status: 408 }]);
  ok(await fast().get(`${s.url}/r408`));
  assert.equal(s.hits('/r408'), 2);
  sequence('/r503', [{ status: 503 }, { status: 503 }, { status: 503 }]);
  const e = err(await fast({ retries: 2 }).get(`${s.url}/r503`));
  assert.equal(s.hits('/r503'), 3);
  assert.deepEqual([e.code, e.status], ['http', 503]);
  assert.match(e.message, /^HTTP 503 Service Unavailable from http:\/\/127\.0\.0\.1:\d+\/r503; gave up after 3 attempts$/);
  sequence('/r403', [{ status: 403 }]);
  const f = err(await fast().get(`${s.url}/r403`));
  assert.equal(s.hits('/r403'), 1);
  assert.equal(f.message, `HTTP 403 Forbidden from ${s.url}/r403`);
  const m = err(await fast().get(`${s.url}/missing`));
  assert.deepEqual([m.code, m.status, m.message], ['http', 404, `HTTP 404 Not Found from ${s.url}/missing`]);
});

test('Retry-After: seconds or an HTTP date, waited for; a long one is capped', async () => {
  sequence('/secs', [{ status: 429, headers: { 'retry-after': '2' } }]);
  let r = recording();
  ok(await r.f.get(`${s.url}/secs`));
  assert.deepEqual(r.waits, [2000]);
  sequence('/date', [{ status: 503, headers: { 'retry-after': new Date(Date.now() + 5000).toUTCString() } }]);
  r = recording();
  ok(await r.f.get(`${s.url}/date`));
  assert.ok(r.waits.length === 1 && r.waits[0]! > 3000 && r.waits[0]! <= 5000, `waited ${r.waits.join()}`);
  sequence('/long', [{ status: 429, headers: { 'retry-after': '3600' } }]);
  r = recording({ maxRetryAfterMs: 50 });
  ok(await r.f.get(`${s.url}/long`));
  assert.deepEqual(r.waits, [50]);
  // really waited when no sleep is injected
  sequence('/real', [{ status: 503, headers: { 'retry-after': '0' } }]);
  const t = Date.now();
  ok(await fast({ backoffMs: 60, random: () => 0.5 }).get(`${s.url}/real`));
  assert.ok(Date.now() - t >= 55, `waited ${Date.now() - t} ms`);
});

test('back-off: exponential from backoffMs, with ±25% jitter; a Retry-After shorter than it does not shorten it', async () => {
  sequence('/backoff', [{ status: 500 }, { status: 502 }, { status: 504 }]);
  const r = recording({ backoffMs: 100, random: () => 0.5 });
  ok(await r.f.get(`${s.url}/backoff`));
  assert.deepEqual(r.waits, [100, 200, 400]);
  for (const [random, want] of [[0, 75], [0.999, 124.95]] as const) {
    sequence(`/jitter${random}`, [{ status: 503, headers: { 'retry-after': '0' } }]);
    const j = recording({ backoffMs: 100, random: () => random });
    ok(await j.f.get(`${s.url}/jitter${random}`));
    assert.equal(Math.round(j.waits[0]! * 100) / 100, want);
  }
  sequence('/none', [{ status: 500 }]);
  const none = recording({ retries: 0 });
  assert.equal(err(await none.f.get(`${s.url}/none`)).status, 500);
  assert.deepEqual(none.waits, []);
});

test('redirects: relative Location, too many, no Location, credentials and bad URLs refused', async () => {
  s.set('/a', { status: 302, headers: { location: 'b' } });
  s.set('/b', { status: 307, headers: { location: '/c' } });
  s.set('/c', { status: 308, headers: { location: '/news/2.html' } });
  assert.equal(ok(await fast().get(`${s.url}/a`)).finalUrl, `${s.url}/news/2.html`);
  const many = err(await fast({ maxRedirects: 2 }).get(`${s.url}/a`));
  assert.equal(many.code, 'redirects');
  assert.match(many.message, /more than 2 redirects/);
  s.set('/nowhere', { status: 302 });
  assert.equal(err(await fast().get(`${s.url}/nowhere`)).code, 'http');
  const loop = err(await fast().get(`${s.url}/loop`));
  assert.equal(s.hits('/loop'), 1, 'a loop is not retried');
  assert.match(loop.message, /redirect loop/);
  s.set('/to-creds', { status: 302, headers: { location: 'http://user:pw@127.0.0.1/' } });
  assert.equal(err(await fast().get(`${s.url}/to-creds`)).code, 'scheme');
  assert.equal(err(await fast().get('http://user:pw@127.0.0.1/')).code, 'scheme');
  assert.equal(err(await fast().get('not a url')).code, 'scheme');
  assert.match(err(await fast().get('ftp://127.0.0.1/x')).message, /only http and https/);
});

test('timeouts: the whole request counts, body included; time queueing for a slot does not', async () => {
  const t = Date.now();
  const e = err(await fast({ timeoutMs: 150, retries: 0 }).get(`${s.url}/trickle`)); // headers at once, then 64 bytes every 50 ms
  assert.equal(e.code, 'timeout');
  assert.ok(Date.now() - t < 1000);
  assert.match(e.message, /^no complete answer from 127\.0\.0\.1 within 150 ms/);
  s.set('/q', { delayMs: 60, body: 'x', headers: { 'content-type': 'text/plain' } });
  const f = fast({ perHostConcurrency: 1, timeoutMs: 150, retries: 0 });
  const rs = await Promise.all(Array.from({ length: 4 }, () => f.get(`${s.url}/q`))); // the last waits 180 ms for its slot
  assert.deepEqual(rs.map((r) => r.kind), ['ok', 'ok', 'ok', 'ok']);
});

test('size limit: a declared Content-Length past it is refused unread; a streamed body is cut off', async () => {
  s.set('/declared', {
    handler: (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': String(50 * 1024 * 1024) });
      res.write('x'.repeat(1000));
    },
  });
  const d = err(await fast({ maxBytes: 1024 * 1024 }).get(`${s.url}/declared`));
  assert.equal(d.code, 'too-large');
  assert.match(d.message, /is 50 MB, more than the 1 MB limit/);
  const h = err(await fast({ maxBytes: 100 * 1024 }).get(`${s.url}/huge`));
  assert.equal(h.code, 'too-large');
  assert.match(h.message, /larger than the 100 KB limit/);
  s.set('/empty', { status: 200, body: '', headers: { 'content-type': 'text/plain' } });
  assert.equal(ok(await fast({ maxBytes: 1 }).get(`${s.url}/empty`)).bytes.length, 0);
});

test('total concurrency is limited across paths, per-host concurrency per host', async () => {
  s.set('/t/1', { delayMs: 60, body: 'x', headers: { 'content-type': 'text/plain' } });
  s.set('/t/2', { delayMs: 60, body: 'x', headers: { 'content-type': 'text/plain' } });
  const f = fast({ perHostConcurrency: 5, totalConcurrency: 3 });
  let peak = 0;
  const watch = setInterval(() => (peak = Math.max(peak, f.running())), 5);
  await Promise.all(Array.from({ length: 12 }, (_, i) => f.get(`${s.url}/t/${(i % 2) + 1}`)));
  clearInterval(watch);
  assert.equal(s.peak('/t'), 3);
  assert.ok(peak <= 3);
  assert.equal(f.running(), 0);
});

test('per-host limits are keyed by host name: each host has its own slots, all within the total', async () => {
  for (const host of ['a.test', 'b.test', 'c.test']) s.set(`/${host}/p`, { delayMs: 50, body: 'x', headers: { 'content-type': 'text/plain' } });
  const f = fast({ fetch: viaHosts, perHostConcurrency: 2, totalConcurrency: 5 });
  const started = Date.now();
  const rs = await Promise.all(['a.test', 'b.test', 'c.test'].flatMap((h) => Array.from({ length: 6 }, () => f.get(`http://${h}/p`))));
  assert.ok(rs.every((r) => r.kind === 'ok'));
  assert.deepEqual(['/a.test', '/b.test', '/c.test'].map((p) => s.peak(p)), [2, 2, 2]);
  assert.ok(s.peak('/a.test') + s.peak('/b.test') + s.peak('/c.test') >= 5);
  assert.ok(Date.now() - started < 18 * 50, 'hosts were fetched side by side');
});

test('a redirect to another host waits for a slot of that host', async () => {
  for (let i = 0; i < 6; i++) s.set(`/s${i % 3}.test/r/${i}`, { status: 302, headers: { location: `http://site.test/p/${i}` } });
  for (let i = 0; i < 6; i++) s.set(`/site.test/p/${i}`, { delayMs: 40, body: 'x', headers: { 'content-type': 'text/plain' } });
  const f = fast({ fetch: viaHosts, perHostConcurrency: 2, totalConcurrency: 8 });
  const rs = await Promise.all(Array.from({ length: 6 }, (_, i) => f.get(`http://s${i % 3}.test/r/${i}`)));
  assert.deepEqual(rs.map((r) => (r.kind === 'ok' ? r.finalUrl : r.kind)), Array.from({ length: 6 }, (_, i) => `http://site.test/p/${i}`));
  assert.equal(s.peak('/site.test'), 2);
  assert.equal(f.running(), 0);
});

test('options: the default user agent names rasd and its version; bad numbers are refused', () => {
  assert.match(DEFAULT_USER_AGENT, /^rasd\/\d+\.\d+\.\d+ \(.*Arabic news monitor/);
  assert.equal(new Fetcher().userAgent, DEFAULT_USER_AGENT);
  assert.throws(() => new Fetcher({ timeoutMs: -1 }), RangeError);
  assert.throws(() => new Fetcher({ retries: Number.NaN }), RangeError);
  assert.throws(() => new Fetcher({ perHostConcurrency: 0 }), RangeError);
});

test('network errors: a refused connection is retried, then explained', async () => {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as AddressInfo).port;
  await new Promise<void>((r) => srv.close(() => r()));
  const t = Date.now();
  const e = err(await fast({ retries: 2, backoffMs: 20 }).get(`http://127.0.0.1:${port}/x`));
  assert.equal(e.code, 'network');
  assert.match(e.message, /127\.0\.0\.1 refused the connection.*gave up after 3 attempts/);
  assert.ok(Date.now() - t >= 40, 'backed off between attempts');
});

test('a connection closed mid-body is a network error', async () => {
  s.set('/cut', {
    handler: (req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '1000' });
      res.write('partial');
      setTimeout(() => req.socket.destroy(), 20);
    },
  });
  assert.equal(err(await fast({ retries: 0 }).get(`${s.url}/cut`)).code, 'network');
});

test('format: feed by content first, then HTML by content or type, text, binary as other', () => {
  const b = (t: string | number[]): Uint8Array => (typeof t === 'string' ? new TextEncoder().encode(t) : Uint8Array.from(t));
  const cases: [Uint8Array, string | null, string][] = [
    [b('<?xml version="1.0"?><rss version="2.0"><channel/></rss>'), 'text/html', 'feed'],
    [b('<feed xmlns="http://www.w3.org/2005/Atom"></feed>'), 'application/octet-stream', 'feed'],
    [b('{"version":"https://jsonfeed.org/version/1.1","items":[]}'), 'application/json', 'feed'],
    [b('\uFEFF<!DOCTYPE html><html><body>ص</body></html>'), 'text/plain', 'html'],
    [b('<html lang="ar"><p>x</p></html>'), null, 'html'],
    [b('\n\n<head><title>t</title></head>'), 'application/octet-stream', 'html'],
    [b('<p>fragment</p>'), 'text/html; charset=utf-8', 'html'],
    [b('نص عادي'), 'text/plain; charset=utf-8', 'text'],
    [b('نص عادي'), null, 'text'],
    [b('نص عادي'), 'application/octet-stream', 'text'],
    [b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'image/png', 'other'],
    [b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'application/octet-stream', 'other'],
    [b([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), null, 'other'],
    [b('%PDF-1.7'), 'application/pdf', 'other'],
    [b('PK\x03\x04'), 'application/zip', 'other'],
    [b('{"a":1}'), 'application/json', 'other'],
  ];
  for (const [bytes, type, want] of cases) assert.equal(formatOf(bytes, type), want, `${type}: ${Buffer.from(bytes).toString('latin1').slice(0, 30)}`);
});

test('charset comes from the Content-Type parameter, in any spelling', async () => {
  for (const [type, want] of [
    ['text/html; charset=windows-1256', 'windows-1256'],
    ['text/html;charset="UTF-8"', 'utf-8'],
    ['text/html; Charset = ISO-8859-6 ; q=1', 'iso-8859-6'],
    ['text/html', null],
  ] as const) {
    s.set('/cs', { body: '<html></html>', headers: { 'content-type': type } });
    assert.equal(ok(await fast().get(`${s.url}/cs`)).charset, want, type);
  }
});
