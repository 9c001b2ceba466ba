/**
 * The served page in chromium: index.html, app.js, app.css and fonts from webAsset() with the server's CSP header,
 * and /api answered by a stand-in (fake-api.ts), so the page runs on ApiSource. Skipped like the report test.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Route } from 'playwright-core';
import { WEB_SECURITY_HEADERS, webAsset } from './assets.js';
import { EmbeddedSource } from './client/data.js';
import { answerApi } from './fake-api.js';
import { handDoc } from './test-fixtures.js';
import type { PageDocument } from './page-globals.js';
import { browserSkip, go, launch, mainText, settled, shot, watchedPage } from './browser-helpers.js';

declare const document: PageDocument;

const skip = browserSkip();
if (skip !== false) console.log(`# page.browser.test: skipped: ${skip}`);

const ORIGIN = 'http://rasd.test';

describe('served page in chromium (ApiSource)', { skip }, () => {
  let browser: Browser;
  const api: string[] = [];
  const src = new EmbeddedSource(handDoc());

  async function serve(route: Route): Promise<void> {
    const url = new URL(route.request().url());
    if (url.origin !== ORIGIN) return route.abort();
    if (url.pathname.startsWith('/api/')) {
      api.push(url.pathname + url.search);
      const { status, body } = await answerApi(src, url);
      return route.fulfill({ status, contentType: 'application/json; charset=utf-8', body: JSON.stringify(body) });
    }
    const asset = webAsset(url.pathname);
    if (asset === null) return route.fulfill({ status: 404, body: 'not found' });
    return route.fulfill({ status: 200, headers: { ...WEB_SECURITY_HEADERS, 'content-type': asset.type }, body: asset.body });
  }

  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('stories → story → article → entity → search through /api, under the server’s CSP', async () => {
    const w = await watchedPage(browser, { width: 1280, height: 800 }, (u) => u.startsWith(ORIGIN));
    const { page } = w;
    await page.route('**/*', serve);
    await page.goto(ORIGIN + '/');
    await settled(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.source), 'api');
    assert.equal(await page.locator('.story-card').count(), 2);
    assert.ok(await page.evaluate(() => document.fonts.check('18px "Noto Naskh Arabic"', 'رصد')));
    await page.locator('.story-card h3 a', { hasText: 'القواعد' }).click();
    await settled(page);
    assert.equal(await page.locator('.timeline-svg .mark').count(), 5);
    assert.equal(await page.locator('ol.speakers > li').count(), 3);
    await page.locator('.story-articles h3 a').first().click();
    await settled(page);
    assert.equal(await page.locator('.reader-text a.mention').count(), 5);
    await page.locator('.reader-text a.mention').first().click();
    await settled(page);
    assert.equal(await page.locator('main h1').textContent(), 'دميتري بيسكوف');
    await go(page, '#/search?q=' + encodeURIComponent('قاعدة') + '&outlet=' + encodeURIComponent('صحيفة الخليج'));
    assert.equal(await page.locator('ol.hits > li').count(), 1);
    await shot(page, 'served-search', false);
    await go(page, '#/article/nope');
    assert.match(await mainText(page), /غير موجود/);
    assert.ok(api.some((u) => u.startsWith('/api/stories?limit=50')), api.join(' '));
    assert.ok(api.some((u) => u.startsWith('/api/search?q=')));
    assert.deepEqual(w.errors.filter((e) => !/404/.test(e)), []);
    assert.deepEqual(w.dialogs, []);
    assert.deepEqual(w.outside, []);
    assert.deepEqual(await w.csp(), []);
  });

  test('window.__RASD_EXPORT__ makes the served page use the embedded export, with no /api call', async () => {
    const w = await watchedPage(browser, { width: 1280, height: 800 }, (u) => u.startsWith(ORIGIN));
    const { page } = w;
    const before = api.length;
    await page.route('**/*', serve);
    await page.addInitScript((doc) => {
      (globalThis as unknown as { __RASD_EXPORT__: unknown }).__RASD_EXPORT__ = doc;
    }, handDoc());
    await page.goto(ORIGIN + '/#/entity/e-sharaa');
    await settled(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.source), 'embedded');
    assert.equal(await page.locator('main h1').textContent(), 'أحمد الشرع');
    assert.equal(api.length, before);
    assert.deepEqual(w.errors, []);
  });
});
