/**
 * Two processes writing one PostgreSQL store at once (say `rasd ingest` from cron and a `rasd watch` whose feeds
 * list the same pages): simulated by two Store handles on one throw-away schema. The same page added by both at the
 * same moment is stored once, and neither write fails; linking from either then sees every page once.
 * (The embedded store is held by one process at a time, so this is for the server only.)
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { analyzePage } from '../pipeline.js';
import { GOOD_TEXT } from '../input/hostile.js';
import { Store, contentHash } from './store.js';
import { newBackend } from './test-backends.js';

const page = (source: string, text: string) => {
  const raw = { source, bytes: new TextEncoder().encode(text), format: 'text' as const };
  return { analysed: analyzePage(raw), hash: contentHash(raw.bytes) };
};

test('the same page added by two writers at once [postgres]: stored once, no write fails', async (t) => {
  const b = await newBackend('postgres');
  if (b.skip) return t.skip(b.skip);
  await (await b.open()).close(); // creates the schema
  const opts = b.schema ? { schema: b.schema } : {};
  const one = await Store.open(b.spec, { command: 'test 1' }, opts);
  const two = await Store.open(b.spec, { command: 'test 2' }, opts);
  try {
        const statuses: string[][] = [];
    for (let i = 0; i < 10; i++) {
      const p = page(`https://example.com/news/${i}.html`, `${GOOD_TEXT}\n\nخبر رقم ${i}`);
      // each handle's transaction: read the page's row, then insert it; the two run interleaved
      const r = await Promise.allSettled([one.addPage(p.analysed, p.hash), two.addPage(p.analysed, p.hash)]);
      statuses.push(r.map((x) => (x.status === 'fulfilled' ? x.value.status : `failed: ${(x.reason as Error).message}`)).sort());
    }
    for (const s of statuses) assert.deepEqual(s, ['added', 'unchanged']);
    // the same source with different bytes from each: one adds it, the other replaces it
    const first = page('https://example.com/news/late.html', GOOD_TEXT);
    const second = page(first.analysed.source, `${GOOD_TEXT}\n\nتحديث`);
    const r = await Promise.all([one.addPage(first.analysed, first.hash), two.addPage(second.analysed, second.hash)]);
    assert.deepEqual(r.map((x) => x.status).sort(), ['added', 'replaced']);
    // both link at once: the runs take turns, and each ends with every page once
    const [link1, link2] = await Promise.all([one.link(), two.link()]);
    assert.deepEqual([link1.pages, link2.pages], [11, 11]);
    const rows = await one.db.query<{ n: number; pages: number }>('SELECT count(*)::int AS n, count(DISTINCT page_id)::int AS pages FROM articles');
    assert.deepEqual(rows[0], { n: 11, pages: 11 });
  } finally {
    await one.close();
    await two.close();
    await b.cleanup();
  }
});
