/**
 * The web page served by the real server on a real store, in chromium: story list → the bases story (drawn
 * timeline, summary, speakers) → one of its articles (mentions and quotes highlighted) → an entity → search, with
 * and without diacritics, then narrowed by a filter. Pages: the five seed pages when ../shared/seeds is there, and
 * the labelled story set of examples/stories (which holds a bases story of its own). Screenshots go to
 * $RASD_SCREENSHOTS (default /tmp/rasd-screenshots).
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { analyzePage } from '../pipeline.js';
import { repoRoot } from '../eval/run.js';
import { Store, contentHash } from '../store/store.js';
import { startServer, type RunningServer } from '../server/serve.js';
import { browserSkip, go, launch, settled, shot, watchedPage } from './browser-helpers.js';
import type { PageDocument } from './page-globals.js';

declare const document: PageDocument;

const skip = browserSkip();
if (skip !== false) console.log(`# served.browser.test: skipped: ${skip}`);

const root = repoRoot();
const seeds = join(root, '..', 'shared', 'seeds');
const dirs = [...(existsSync(seeds) ? [seeds] : []), join(root, 'examples', 'stories')];

describe('the page on the real server and store (chromium)', { skip }, () => {
  let browser: Browser;
  let store: Store;
  let server: RunningServer;
  let dbDir = '';

  before(async () => {
    console.log(`# served.browser.test: pages from ${dirs.join(' and ')}`);
    dbDir = mkdtempSync(join(tmpdir(), 'rasd-served-'));
    store = await Store.open(join(dbDir, 'db'), { command: 'test' });
    for (const d of dirs) {
      for (const f of readdirSync(d).filter((x) => /\.(txt|html?)$/.test(x)).sort()) {
        const bytes = readFileSync(join(d, f));
        await store.addPage(analyzePage({ source: `${d === seeds ? 'seeds' : 'stories'}/${f}`, bytes, format: /\.html?$/.test(f) ? 'html' : 'text' }), contentHash(bytes));
      }
    }
    await store.link();
    server = await startServer(store, { port: 0 });
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
    if (dbDir) rmSync(dbDir, { recursive: true, force: true });
  });

  test('stories → bases story → article → entity → search', async () => {
    const w = await watchedPage(browser, { width: 1280, height: 900 }, (u) => u.startsWith(server.url));
    const { page } = w;
    await page.goto(server.url + '/');
    await settled(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.source), 'api');
    assert.ok((await page.locator('.story-card').count()) >= 5);
    await shot(page, 'served-1-stories', false);

    // the bases story: the biggest story whose title names the bases or Hmeimim/Tartus
    const card = page.locator('.story-card h3 a', { hasText: /قاعد|حميميم|طرطوس/ }).first();
    await card.click();
    await settled(page);
    assert.ok((await page.locator('.timeline-svg .mark').count()) >= 3, 'the timeline is drawn');
    assert.ok((await page.locator('ol.speakers > li').count()) >= 2, 'speakers listed');
    const text = (await page.locator('main').textContent()) ?? '';
    assert.match(text, /حميميم/);
    await shot(page, 'served-2-story', false);
    await page.locator('ol.speakers').first().scrollIntoViewIfNeeded();
    await shot(page, 'served-2b-story-speakers', false);

    await page.locator('.story-articles h3 a').first().click();
    await settled(page);
    assert.ok((await page.locator('.reader-text a.mention').count()) > 0, 'mentions highlighted');
    await shot(page, 'served-3-article', false);
    const name = ((await page.locator('.reader-text a.mention').first().textContent()) ?? '').trim();
    await page.locator('.reader-text a.mention').first().click();
    await settled(page);
    const h1 = ((await page.locator('main h1').textContent()) ?? '').trim();
    assert.ok(h1.length > 0 && !/^[a-z]\w+$/i.test(h1), `the entity page shows a name (${h1}), from the mention ${name}`);
    await shot(page, 'served-4-entity', false);

    await go(page, '#/search?q=' + encodeURIComponent('حميميم'));
    const plain = await page.locator('ol.hits > li').count();
    assert.ok(plain >= 3, `hits for حميميم: ${plain}`);
    assert.ok((await page.locator('ol.hits mark').count()) > 0, 'highlights');
    await shot(page, 'served-5-search', false);
    const titles = async (): Promise<string[]> => page.locator('ol.hits > li h3').allTextContents();
    const a = await titles();
    await go(page, '#/search?q=' + encodeURIComponent('حُمَيْمِيم'));
    assert.deepEqual(await titles(), a, 'diacritics change nothing');
    await go(page, '#/search?q=' + encodeURIComponent('حميميم') + '&from=2025-04-01');
    const narrowed = await page.locator('ol.hits > li').count();
    assert.ok(narrowed < plain && narrowed > 0, `a date filter narrows ${plain} hits to ${narrowed}`);
    await shot(page, 'served-6-search-filtered', false);

    assert.deepEqual(w.errors, []);
    assert.deepEqual(w.outside, []);
    assert.deepEqual(await w.csp(), []);
  });
});
