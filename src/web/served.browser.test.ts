/**
 * The web page served by the real server on a real store, in chromium (served-helpers.ts): a PGlite store in a
 * temp folder filled with the seed pages (or, where ../shared/seeds is absent, the labelled story set of
 * examples/stories), the server on a free port, and the page driven as a journalist would use it:
 * story list → the bases story (summary, drawn timeline, speakers) → one of its articles (mentions and quotes
 * highlighted) → an entity named in it (variants, roles, quotes, stories) → a search typed in the header, the same
 * search with diacritics, then narrowed by a filter. A second test posts pages to POST /api/pages while the page
 * keeps loading stories: the page never shows an error and every API answer is 200.
 * Each step checks right-to-left layout, no horizontal overflow, no raw id where a name belongs, no console error,
 * no CSP violation and no request outside the server. Screenshots go to $RASD_SCREENSHOTS (default
 * <tmpdir>/rasd-screenshots). Skipped, with the reason, when chromium or the built client is missing.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import type { ArticleDetail, EntityDetail, ListPage, SearchHit, StoryDetail, StorySummary } from './client/types.js';
import type { PageDocument, PageElement } from './page-globals.js';
import { statements } from './client/said.js';
import { browserSkip, launch, mainText, settled, shot, SHOTS, watchedPage, type Watched } from './browser-helpers.js';
import { corpus, exampleStories, getJson, holdAfterFirstPage, pagesBody, postPages, serveStore, type Served } from './served-helpers.js';

declare const document: PageDocument;
declare const location: { hash: string };
declare const getComputedStyle: (el: PageElement) => { direction: string; fontFamily: string };

/** A DOM node as the page.evaluate callbacks below read it. */
interface PageNode {
  nodeType: number;
  textContent: string | null;
  childNodes: Iterable<PageNode>;
  getAttribute?(name: string): string | null;
}

const skip = browserSkip();
if (skip !== false) console.log(`# served.browser.test: skipped: ${skip}`);

/** The story about Russia's military bases in Syria: its title or keywords name the bases, Hmeimim or Tartus. */
const BASES = /قاعد|القواعد|حميميم|طرطوس/;
const HMEIMIM = 'حميميم';
const HMEIMIM_VOWELLED = 'حُمَيْمِيم';

/** The view for the current hash is drawn and is no error message. */
async function drawn(page: Page): Promise<void> {
  await settled(page);
  assert.equal(await page.locator('main .message').count(), 0, `an error or not-found message: ${(await mainText(page)).slice(0, 200)}`);
}

/** What every view must be: right to left, in the Arabic font (loaded), and no wider than the window. */
async function layoutOk(page: Page, what: string): Promise<void> {
  const look = await page.evaluate(() => {
    const main = document.querySelector('main') as PageElement;
    const style = getComputedStyle(main);
    return {
      dir: document.documentElement.getAttribute('dir'),
      lang: document.documentElement.getAttribute('lang'),
      direction: style.direction,
      font: style.fontFamily,
      fontLoaded: document.fonts.check('18px "Noto Naskh Arabic"', 'رصد'),
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
    };
  });
  assert.equal(look.dir, 'rtl', what);
  assert.equal(look.lang, 'ar', what);
  assert.equal(look.direction, 'rtl', what);
  assert.match(look.font, /Noto Naskh Arabic/, what);
  assert.ok(look.fontLoaded, `${what}: the Arabic font is loaded`);
  assert.ok(look.overflow <= 0, `${what}: ${look.overflow}px of horizontal overflow`);
}

/** No id of the store is shown where a name or a title belongs. */
async function noRawIds(page: Page, ids: Iterable<string>, what: string): Promise<void> {
  const text = await mainText(page);
  const shown = [...new Set(ids)].filter((id) => id.length >= 6 && text.includes(id));
  assert.deepEqual(shown, [], `${what}: ids shown as text`);
}

async function clean(w: Watched): Promise<void> {
  assert.deepEqual(w.errors, [], 'no script or console error');
  assert.deepEqual(w.dialogs, [], 'no dialog');
  assert.deepEqual(w.outside, [], 'no request outside the server');
  assert.deepEqual(await w.csp(), [], 'no CSP violation');
}

async function elementShot(loc: Locator, name: string): Promise<void> {
  await loc.scrollIntoViewIfNeeded();
  await loc.screenshot({ path: join(SHOTS, name + '.png') });
}

/** The hits' article ids, in the order shown. */
async function hitIds(page: Page): Promise<string[]> {
  const hrefs = await page.locator('ol.hits > li h3 a').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.map((h) => decodeURIComponent(h.replace(/^#\/article\//, '')));
}

const c = corpus();

describe(`the page on the real server and store, ${c.name} (chromium)`, { skip }, () => {
  let browser: Browser;
  let served: Served;
  const api = <T>(path: string): Promise<T> => getJson<T>(served.url, path);

  before(async () => {
    console.log(`# served.browser.test: pages from ${c.name} (${c.dir}, ${c.files.length} files); screenshots in ${SHOTS}`);
    served = await serveStore(c);
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
    await served?.close();
  });

  test('stories → bases story → article → entity → search, with diacritics and a filter', async () => {
    const stories = await api<ListPage<StorySummary>>('/api/stories?limit=500');
    const bases = stories.items.filter((s) => BASES.test(s.title) || s.keywords.some((k) => BASES.test(k))).sort((a, b) => b.articleCount - a.articleCount)[0];
    assert.ok(bases !== undefined, `a story about the bases among ${stories.items.map((s) => s.title).join(' | ')}`);
    const story = await api<StoryDetail>('/api/stories/' + encodeURIComponent(bases.id));
    const ids = new Set([story.id, ...story.articleIds, ...story.entities.map((e) => e.id), ...story.speakers.flatMap((s) => (s.entityId !== null ? [s.entityId] : []))]);

    const w = await watchedPage(browser, { width: 1280, height: 900 }, (u) => u.startsWith(served.url + '/'));
    const { page } = w;

    // 1. the story list
    await page.goto(served.url + '/');
    await drawn(page);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.source), 'api');
    assert.equal(await page.locator('.story-card').count(), Math.min(50, stories.total));
    await layoutOk(page, 'story list');
    await noRawIds(page, stories.items.map((s) => s.id), 'story list');
    await shot(page, 'served-1-stories', false);

    // 2. the bases story: summary, a drawn timeline with a mark per dated event, speakers by name
    await page.locator(`.story-card h3 a[href="#/story/${encodeURIComponent(bases.id)}"]`).click();
    await drawn(page);
    assert.equal((await page.locator('main h1').textContent())?.trim(), story.title);
    assert.ok(story.summary.length > 0, 'the story has a summary');
    assert.equal(await page.locator('.summary p').count(), story.summary.length);
    assert.ok(story.timeline.length >= 3, `timeline events: ${story.timeline.length}`);
    const marks = await page.locator('.timeline-svg .mark').count();
    assert.ok(marks >= 3, `marks on the drawn timeline: ${marks}`);
    assert.equal(await page.locator('.timeline-list > li').count(), story.timeline.length);
    assert.ok((await page.locator('.timeline-svg .tick-label').count()) >= 2, 'the axis has dates');
    assert.ok(story.speakers.length >= 2, `speakers: ${story.speakers.length}`);
    assert.equal(await page.locator('ol.speakers > li').count(), story.speakers.length);
    const speakerNames = (await page.locator('ol.speakers > li > h3 > :first-child').allTextContents()).map((s) => s.trim());
    assert.deepEqual(speakerNames, story.speakers.map((s) => s.name || 'مصدر غير مسمى'));
    assert.equal(await page.locator('.story-articles ol.articles > li').count(), story.articles.length);
    await layoutOk(page, 'story page');
    await noRawIds(page, ids, 'story page');
    await shot(page, 'served-2-story', false);
    await elementShot(page.locator('figure.timeline'), 'served-2a-story-timeline');
    await elementShot(page.locator('section.speakers'), 'served-2b-story-speakers');

    // 3. an article of the story with mentions and quotes: the main one that has the most quotes
    const details = await Promise.all(story.articles.map((a) => api<ArticleDetail>('/api/articles/' + encodeURIComponent(a.id))));
    const withQuotes = details.filter((a) => a.quotes.length > 0 && a.mentions.length > 0).sort((a, b) => Number(b.role === 'main') - Number(a.role === 'main') || b.quotes.length - a.quotes.length);
    const art = withQuotes[0];
    assert.ok(art !== undefined, 'an article of the story has mentions and quotes');
    await page.locator(`.story-articles h3 a[href="#/article/${encodeURIComponent(art.id)}"]`).click();
    await drawn(page);
    assert.equal((await page.locator('main h1').textContent())?.trim(), art.title);
    assert.ok((await page.locator('.reader-text a.mention').count()) > 0, 'mentions are links');
    assert.ok((await page.locator('.reader-text .q').count()) > 0, 'quotes are highlighted');
    const listed = await page.locator('.quote-list > li').count();
    assert.ok(listed > 0 && listed <= art.quotes.length, `quotes listed beside the text: ${listed} of ${art.quotes.length}`);
    assert.equal(await page.locator('.reader-text .qref').count(), listed, 'each listed quote is numbered in the text');
    // the text is shown whole: the reader's text is the article's text without the paragraph breaks
    // (no named function inside: tsx would wrap it in a helper the page does not have)
    const shownText = await page.locator('.reader-text').evaluate((el: PageNode) => {
      let out = '';
      const stack: PageNode[] = [el];
      for (let n = stack.pop(); n !== undefined; n = stack.pop()) {
        if (n.nodeType === 3) out += n.textContent ?? '';
        else if (!/\bqref\b/.test(n.getAttribute?.('class') ?? '')) stack.push(...[...n.childNodes].reverse());
      }
      return out;
    });
    assert.equal(shownText.replace(/\s+/g, ''), art.text.replace(/\s+/g, ''));
    await layoutOk(page, 'article');
    await noRawIds(page, [art.id, art.pageId, ...art.entities.map((e) => e.id)], 'article');
    await shot(page, 'served-3-article', false);
    await elementShot(page.locator('.reader-aside'), 'served-3a-article-quotes');

    // 4. click a mention: the entity it names, with variants, roles, quotes and stories; the richest one named
    const named = new Set(art.mentions.map((m) => m.entityId));
    const entities = await Promise.all([...named].map((id) => api<EntityDetail>('/api/entities/' + encodeURIComponent(id))));
    const richness = (e: EntityDetail): number => Number(e.variants.length > 0) + Number(e.roles.length > 0) + Number(e.quotes.length > 0) + Number(e.stories.length > 0) + e.quotes.length / 1000;
    const ent = entities.sort((a, b) => richness(b) - richness(a))[0];
    assert.ok(ent !== undefined && ent.quotes.length > 0 && ent.stories.length > 0, 'a speaker of the story is named in the article');
    console.log(`# served.browser.test: bases story "${story.title}" (${story.articles.length} articles), article "${art.title}", entity ${ent.name}`);
    const mention = page.locator(`.reader-text a.mention[href="#/entity/${encodeURIComponent(ent.id)}"]`).first();
    await mention.click();
    await drawn(page);
    assert.equal((await page.locator('main h1').textContent())?.trim(), ent.name);
    assert.equal(await page.locator('ul.variants > li').count(), ent.variants.length);
    assert.equal(await page.locator('ul.roles > li').count(), ent.roles.length);
    assert.equal(await page.locator('.entity-quotes ol.said > li').count(), statements(ent.quotes).length, 'each statement once');
    assert.equal(await page.locator('.entity-stories .story-card').count(), ent.stories.length);
    assert.ok((await page.locator(`.entity-stories .story-card h3 a[href="#/story/${encodeURIComponent(story.id)}"]`).count()) === 1, 'its stories hold the bases story');
    await layoutOk(page, 'entity');
    await noRawIds(page, [ent.id, ...ent.articles.map((a) => a.id), ...ent.stories.map((s) => s.id)], 'entity');
    await shot(page, 'served-4-entity', false);
    await shot(page, 'served-4a-entity-full');

    // 5. search from the header: hits with the matched words marked
    await page.locator('#quick-q').fill(HMEIMIM);
    await page.locator('#quick-q').press('Enter');
    await drawn(page);
    const plain = await hitIds(page);
    const expected = await api<ListPage<SearchHit>>('/api/search?limit=20&q=' + encodeURIComponent(HMEIMIM));
    assert.deepEqual(plain, expected.items.map((x) => x.articleId));
    assert.ok(plain.length >= 2, `hits for ${HMEIMIM}: ${plain.length}`);
    const unmarked = await page.locator('ol.hits > li').evaluateAll((lis) => lis.filter((li) => li.querySelector('mark') === null).length);
    assert.equal(unmarked, 0, 'every hit has its words marked');
    for (const m of await page.locator('ol.hits mark').allTextContents()) assert.match(m, new RegExp(HMEIMIM), `marked: ${m}`);
    await layoutOk(page, 'search');
    await shot(page, 'served-5-search', false);

    // the same words with diacritics, typed in the search form: the same hits in the same order
    await page.locator('#s-q').fill(HMEIMIM_VOWELLED);
    await page.locator('form.search-form button[type=submit]').click();
    await drawn(page);
    assert.equal(await page.locator('#s-q').inputValue(), HMEIMIM_VOWELLED);
    assert.deepEqual(await hitIds(page), plain, 'diacritics change nothing');
    assert.equal(await page.locator('#quick-q').inputValue(), HMEIMIM_VOWELLED, 'the header shows the words searched');
    await shot(page, 'served-5a-search-diacritics', false);

    // a filter narrows them: from the newest hit's date when the hits have several dates, else one outlet
    const dates = [...new Set(expected.items.map((x) => x.published).filter((d): d is string => d !== null))].sort();
    const outlets = [...new Set(expected.items.map((x) => x.outlet).filter((o): o is string => o !== null))];
    const newest = dates[dates.length - 1];
    let narrowed: string[];
    if (dates.length >= 2 && newest !== undefined) {
      await page.locator('#s-from').fill(newest);
      narrowed = expected.items.filter((x) => x.published !== null && x.published >= newest).map((x) => x.articleId);
    } else {
      const outlet = outlets[0];
      assert.ok(outlets.length >= 2 && outlet !== undefined, `the hits differ by date or by outlet: ${dates.join(',')} / ${outlets.join(',')}`);
      await page.locator('#s-outlet').fill(outlet);
      narrowed = expected.items.filter((x) => x.outlet === outlet).map((x) => x.articleId);
    }
    await page.locator('form.search-form button[type=submit]').click();
    await drawn(page);
    const filtered = await hitIds(page);
    assert.ok(filtered.length > 0 && filtered.length < plain.length, `the filter narrows ${plain.length} hits to ${filtered.length}`);
    assert.deepEqual([...filtered].sort(), [...narrowed].sort());
    assert.match(await page.evaluate(() => location.hash), newest !== undefined && dates.length >= 2 ? /from=/ : /outlet=/);
    await layoutOk(page, 'filtered search');
    await shot(page, 'served-6-search-filtered', false);

    await clean(w);
  });

  test('the page keeps answering while pages are posted to POST /api/pages', async () => {
    // the pages posted: the story set (or, when it is already in the store, nothing new would change: a fresh store)
    const more = c.name === 'seeds' ? exampleStories() : null;
    const target = more === null ? await serveStore(c, c.files.slice(0, 30)) : served;
    const posting = more ?? c;
    const files = more === null ? c.files.slice(30) : more.files.slice(0, 30);
    try {
      const was = await getJson<ListPage<StorySummary>>(target.url, '/api/stories?limit=1');
      const w = await watchedPage(browser, { width: 1280, height: 900 }, (u) => u.startsWith(target.url + '/'));
      const { page } = w;
      const answers: string[] = [];
      page.on('response', (r) => {
        if (r.url().includes('/api/')) answers.push(`${r.status()} ${r.request().method()} ${new URL(r.url()).pathname}`);
      });
      page.on('requestfailed', (r) => answers.push(`failed ${r.url()}`));
      await page.goto(target.url + '/');
      await drawn(page);

      // the page's loads: the story list, a story, the list again, a search, over and over
      let loads = 0;
      const storyIds = (await getJson<ListPage<StorySummary>>(target.url, '/api/stories?limit=5')).items.map((s) => s.id);
      const hashes = ['#/stories', ...storyIds.map((id) => '#/story/' + encodeURIComponent(id)), '#/stories?q=' + encodeURIComponent('سوريا'), '#/search?q=' + encodeURIComponent('قاعدة')];
      const loadOnce = async (): Promise<void> => {
        const hash = hashes[loads % hashes.length] as string;
        // from the same hash, go elsewhere first so that the view is drawn again
        if ((await page.evaluate(() => location.hash)) === hash) await page.evaluate(() => (location.hash = '#/entities'));
        await page.evaluate((h) => (location.hash = h), hash);
        await drawn(page);
        loads++;
      };

      // the ingest is held after its first page is stored until the page has loaded every view once more, so that
      // loads run in the middle of an ingest whatever the machine's speed; then the loads go on until the post answers
      const gate = holdAfterFirstPage(target.store);
      const post = postPages(target.url, pagesBody(posting, files));
      let res: Awaited<typeof post.done>;
      try {
        while (gate.stored === 0 && !post.answered()) await loadOnce();
        const during = loads + hashes.length;
        while (loads < during) await loadOnce();
        gate.release();
        while (!post.answered()) await loadOnce();
        res = await post.done;
      } finally {
        gate.restore();
      }
      assert.equal(res.status, 200);
      assert.equal(res.body.pages.length, files.length);
      assert.ok(res.body.pages.every((p) => p.status === 'added'), JSON.stringify(res.body.pages.map((p) => p.status)));

      // the new pages are there: the story list counts more stories
      await page.evaluate(() => (location.hash = '#/entities'));
      await drawn(page);
      await page.evaluate(() => (location.hash = '#/stories'));
      await drawn(page);
      const now = await getJson<ListPage<StorySummary>>(target.url, '/api/stories?limit=1');
      assert.ok(now.total > was.total, `stories ${was.total} → ${now.total}`);
      assert.equal(await page.locator('.story-card').count(), Math.min(50, now.total));
      await shot(page, 'served-7-stories-after-ingest', false);

      console.log(`# served.browser.test: ${loads} views loaded while ${files.length} pages were posted; stories ${was.total} → ${now.total}`);
      assert.ok(loads > hashes.length);
      const bad = answers.filter((a) => !a.startsWith('200 '));
      assert.deepEqual(bad, [], 'every API answer is 200');
      assert.ok(answers.length > loads, `${answers.length} API answers`);
      await clean(w);
    } finally {
      if (target !== served) await target.close();
    }
  });
});
