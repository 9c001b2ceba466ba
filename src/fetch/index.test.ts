import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as api from './index.js';
import { EXTRA_PAGES, PAGES, startTestServer } from './test-server.js';

test('the public API', () => {
  assert.deepEqual(Object.keys(api).sort(), ['DEFAULT_USER_AGENT', 'Fetcher', 'HostLimiter', 'MAX_FEED_ITEMS', 'formatOf', 'looksLikeFeed', 'parseFeed']);
  const f = new api.Fetcher();
  assert.deepEqual([typeof f.get, typeof f.running, typeof f.userAgent], ['function', 'function', 'string']);
  assert.equal(api.MAX_FEED_ITEMS, 500);
});

test('test server: routes given at start replace built-in ones; pages outside the feeds are served; hits counted', async () => {
  const s = await startTestServer({ '/feed.xml': { body: 'replaced', headers: { 'content-type': 'text/plain' } } });
  try {
    assert.equal(await (await fetch(`${s.url}/feed.xml`)).text(), 'replaced');
    const extra = Object.keys(EXTRA_PAGES)[0]!;
    assert.match(await (await fetch(s.url + extra)).text(), /المخابز/);
    const atom = await (await fetch(`${s.url}/atom.xml`)).text();
    assert.equal(atom.match(/<entry>/g)?.length, Object.keys(PAGES).length);
    assert.ok(!atom.includes(extra));
    assert.equal((await fetch(`${s.url}/nothing-here`)).status, 404);
    assert.deepEqual([s.hits('/feed.xml'), s.hits(extra), s.hits('/nothing-here'), s.hits('/never')], [1, 1, 1, 0]);
  } finally {
    await s.close();
  }
});
