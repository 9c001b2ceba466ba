/**
 * The report in a real browser (Debian chromium through playwright-core), opened from file:// with no network:
 * story list → story → article → entity, a search, on a desktop and a phone screen; a hand-made export with two
 * stories; and a hostile export whose strings try to run script. Screenshots go to RASD_SCREENSHOTS
 * (default: <tmpdir>/rasd-screenshots). Skipped, with the reason, when chromium or the built client is missing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'playwright-core';
import type { ExportDocument } from '../export/types.js';
import { renderReport } from './report.js';
import { projectRoot } from './assets.js';
import { addExampleStories, analyzeFolders, handDoc, HOSTILE, hostileDoc } from './test-fixtures.js';
import type { PageDocument } from './page-globals.js';
import { browserSkip, go, launch, mainText, settled, shot, SHOTS, watchedPage, type Watched } from './browser-helpers.js';

declare const document: PageDocument;
declare const location: { hash: string };

const skip = browserSkip();
if (skip !== false) console.log(`# report.browser.test: skipped: ${skip}`);

const dir = mkdtempSync(join(tmpdir(), 'rasd-report-'));
const own = (url: string): boolean => url.startsWith('file://') || url.startsWith('data:');

function writeReport(name: string, doc: ExportDocument): string {
  const file = join(dir, name + '.html');
  writeFileSync(file, renderReport(doc));
  return pathToFileURL(file).href;
}

async function open(browser: Browser, url: string, viewport = { width: 1280, height: 800 }): Promise<Watched> {
  const w = await watchedPage(browser, viewport, own);
  await w.page.goto(url);
  await settled(w.page);
  return w;
}

async function clean(w: Watched): Promise<void> {
  assert.deepEqual(w.errors, [], 'no script errors');
  assert.deepEqual(w.dialogs, [], 'no dialog');
  assert.deepEqual(w.outside, [], 'no request leaves the file');
  assert.deepEqual(await w.csp(), [], 'no CSP violation');
}

describe('report in chromium', { skip }, () => {
  let browser: Browser;
  let realUrl: string;
  let richest = '';
  before(async () => {
    browser = await launch();
    const root = projectRoot();
    const real = addExampleStories(await analyzeFolders([join(root, 'examples', 'pages'), join(root, 'examples', 'stories')]), root);
    realUrl = writeReport('real', real);
    richest = [...real.stories].sort((a, b) => b.articleIds.length - a.articleIds.length || b.timeline.length - a.timeline.length)[0]?.id ?? '';
    console.log(`# screenshots: ${SHOTS}`);
  });
  after(async () => {
    await browser?.close();
  });

  test('real export: story list → story → article → entity, and a search (1280×800)', async () => {
    const w = await open(browser, realUrl);
    const { page } = w;
    assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.source), 'embedded');
    assert.ok(await page.evaluate(() => document.fonts.check('18px "Noto Naskh Arabic"', 'رصد')), 'the Arabic font is loaded');
    assert.ok((await page.locator('.story-card').count()) >= 5, 'stories listed');
    await shot(page, 'desktop-1-stories', false);

    // the story with the most articles, found in the list (it may be on a later page)
    const card = page.locator(`.story-card h3 a[href="#/story/${richest}"]`);
    while ((await card.count()) === 0) {
      await page.locator('.pager a[rel=next]').click();
      await settled(page);
    }
    await card.click();
    await settled(page);
    assert.equal(await page.locator('main').getAttribute('data-view'), 'story');
    assert.ok((await page.locator('.timeline-svg .mark').count()) > 0, 'timeline marks drawn');
    assert.ok((await page.locator('ol.speakers > li').count()) > 0, 'speakers listed');
    assert.match(await mainText(page), /من قال ماذا/);
    await shot(page, 'desktop-2-story');

    await page.locator('.timeline-list .from a').first().click();
    await settled(page);
    assert.equal(await page.locator('main').getAttribute('data-view'), 'article');
    assert.ok((await page.locator('.reader-text a.mention').count()) > 0, 'mentions linked');
    assert.ok((await page.locator('.reader-text span.q').count()) > 0, 'quotes highlighted');
    await shot(page, 'desktop-3-article');

    const mention = page.locator('.reader-text a.mention').first();
    const name = (await mention.textContent()) ?? '';
    await mention.click();
    await settled(page);
    assert.equal(await page.locator('main').getAttribute('data-view'), 'entity');
    assert.ok(name.length > 0 && ((await page.locator('main h1').textContent()) ?? '').length > 0);
    await shot(page, 'desktop-4-entity');

    await page.fill('#quick-q', 'قاعدة');
    await page.press('#quick-q', 'Enter');
    await settled(page);
    assert.equal(await page.locator('main').getAttribute('data-view'), 'search');
    assert.ok((await page.locator('ol.hits > li').count()) > 0, 'search hits');
    assert.ok((await page.locator('ol.hits mark').count()) > 0, 'highlights drawn');
    await page.selectOption('#s-role', 'main');
    await page.click('.search-form button[type=submit]');
    await settled(page);
    assert.match(await page.evaluate(() => location.hash), /role=main/);
    await shot(page, 'desktop-5-search');

    await go(page, '#/entities');
    assert.ok((await page.locator('ol.entity-list > li').count()) > 10);
    await go(page, '#/articles');
    assert.ok((await page.locator('ol.articles > li').count()) > 10);
    await clean(w);
  });

  test('real export on a phone (390×844): no sideways scrolling', async () => {
    const w = await open(browser, realUrl, { width: 390, height: 844 });
    const { page } = w;
    const overflow = (): Promise<number> => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.ok((await overflow()) <= 0, 'story list fits');
    await shot(page, 'phone-1-stories', false);
    await go(page, '#/story/' + encodeURIComponent(richest));
    assert.ok((await overflow()) <= 0, 'story page fits');
    await shot(page, 'phone-2-story');
    await page.locator('.timeline-list .from a').first().click();
    await settled(page);
    assert.ok((await overflow()) <= 0, 'reader fits');
    await shot(page, 'phone-3-article');
    await go(page, '#/search?q=' + encodeURIComponent('البنك المركزي'));
    assert.ok((await overflow()) <= 0, 'search fits');
    await shot(page, 'phone-4-search');
    await clean(w);
  });

  test('hand-made export: two stories, timeline proportional to time, speakers grouped', async () => {
    const w = await open(browser, writeReport('hand', handDoc()));
    const { page } = w;
    assert.equal(await page.locator('.story-card').count(), 2);
    await go(page, '#/story/s-bases');
    assert.equal(await page.locator('.timeline-svg .mark').count(), 5);
    // earliest on the right: the mark for 9 March is right of the one for 18 March
    const xs = await page.locator('.timeline-svg .mark circle').evaluateAll((els) => els.map((e) => Number(e.getAttribute('cx'))));
    assert.ok((xs[0] ?? 0) > (xs[3] ?? 0), `RTL axis: ${xs.join(',')}`);
    const speakers = await page.locator('ol.speakers > li h3').allTextContents();
    assert.equal(speakers.length, 3);
    assert.match(speakers[1] ?? '', /دميتري بيسكوف/);
    assert.equal(await page.locator('ol.speakers > li').nth(1).locator('h3 a').getAttribute('href'), '#/entity/e-peskov');
    assert.match(await mainText(page), /إعادة نشر لـ «الكرملين: سنناقش مستقبل قاعدة طرطوس مع دمشق»/);
    await shot(page, 'hand-1-story');
    await go(page, '#/story/s-remit');
    assert.match(await mainText(page), /البنك المركزي المصري/, 'speakers computed when the story has none');
    await go(page, '#/article/pa-1');
    assert.equal(await page.locator('.reader-text a.mention').count(), 5);
    assert.equal(await page.locator('.reader-text .qref').count(), 3);
    assert.match((await page.locator('.reader-text span.q').first().getAttribute('title')) ?? '', /دميتري بيسكوف/);
    await page.locator('.reader-text .qref').first().click();
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'quote-1');
    await shot(page, 'hand-2-article');
    await go(page, '#/entity/e-peskov');
    assert.match(await mainText(page), /الناطق باسم الكرملين/);
    await go(page, '#/search?q=' + encodeURIComponent('"مستقبل القاعدة"'));
    assert.ok((await page.locator('ol.hits > li').count()) >= 2);
    await go(page, '#/story/nope');
    assert.match(await mainText(page), /غير موجود/);
    await clean(w);
  });

  test('hostile export: markup and script in the data stay text', async () => {
    const w = await open(browser, writeReport('hostile', hostileDoc()));
    const { page } = w;
    const routes = ['#/stories', '#/story/' + encodeURIComponent('javascript:alert("story")'), '#/article/' + encodeURIComponent('javascript:alert("art")'), '#/entity/' + encodeURIComponent(HOSTILE.id), '#/article/' + encodeURIComponent(HOSTILE.js), '#/entities', '#/articles', '#/search?q=' + encodeURIComponent('نص')];
    const seen: string[] = [];
    for (const r of routes) {
      await go(page, r);
      seen.push(await mainText(page));
      const bad = await page.evaluate(() => {
        const found: string[] = [];
        for (const el of document.querySelectorAll('main *')) {
          if (['SCRIPT', 'IMG', 'IFRAME', 'SVG'].includes(el.tagName.toUpperCase()) && !el.closest('.timeline-svg')) found.push(el.tagName);
          for (const a of el.getAttributeNames()) if (a.startsWith('on')) found.push(a);
          const href = el.getAttribute('href');
          if (href !== null && !href.startsWith('#/')) found.push('href=' + href);
        }
        return found;
      });
      assert.deepEqual(bad, [], `no markup from data on ${r}`);
    }
    if (seen.length > 0) await shot(page, 'hostile-article');
    const all = seen.join('\n');
    for (const s of [HOSTILE.title, HOSTILE.img, HOSTILE.js, HOSTILE.name, HOSTILE.outlet]) assert.ok(all.includes(s), `shown as text: ${s}`);
    assert.ok(all.includes('</script><script>alert("text")</script>'));
    assert.equal(await page.evaluate(() => document.scripts.length), 2, 'only the report’s own scripts');
    await clean(w);
  });
});
