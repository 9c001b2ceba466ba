/**
 * Pages written to attack the web page (examples/hostile-web: an HTML page and a scraped-text page whose headline,
 * byline, captions, body, quotes and metadata carry `<script>`, `<img src=x onerror=…>`, `" onmouseover="…`,
 * `javascript:` links, `</textarea>`, `{{constructor.constructor(…)()}}`, U+2028 and U+2029) ingested through
 * POST /api/pages into a real PGlite store beside two ordinary pages, then:
 * - what the pipeline keeps is printed, and the attacks must reach the headline, a paragraph, a caption, a credit,
 *   the outlet and a quote as text;
 * - the API gives them back as JSON data (application/json, nosniff), the page comes with its CSP;
 * - in chromium, the story list, the hostile story, its article, the entity page of its speaker, the entity list and
 *   searches (a word of the article, and the attack itself typed as the query): no dialog, no script error, no CSP
 *   violation, `window.__pwned` (set by the payloads) undefined, no `img[src="x"]`, no `on*` attribute, no link that
 *   is not the page's own, and the attack text shown as literal text.
 * Screenshots go to $RASD_SCREENSHOTS (default <tmpdir>/rasd-screenshots), named hostile-served-*. The browser part is
 * skipped, with the reason, when chromium or the built client is missing; the API part runs wherever Node runs.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import type { ArticleDetail, ArticleSummary, EntityDetail, ListPage, SearchHit, StoryDetail } from './client/types.js';
import type { PageDocument, PageWindow } from './page-globals.js';
import { CONTENT_SECURITY_POLICY } from './assets.js';
import { browserSkip, launch, settled, shot, SHOTS, watchedPage, type Watched } from './browser-helpers.js';
import { exampleStories, getJson, hostileWeb, pagesBody, postPages, serveStore, type Served } from './served-helpers.js';

declare const document: PageDocument;
declare const window: PageWindow;
declare const location: { hash: string };

const skip = browserSkip();
if (skip !== false) console.log(`# served-hostile.browser.test: browser part skipped: ${skip}`);

/** The attacks as the pages carry them in their text. */
const A = {
  script: '<script>alert(1)</script>',
  imgPwned: '<img src=x onerror=window.__pwned=1>',
  imgAlert: '<img src=x onerror=alert(1)>',
  mouseover: '" onmouseover="window.__pwned=1',
  textarea: '</textarea>',
  template: "{{constructor.constructor('alert(1)')()}}",
  js: 'javascript:alert(1)',
} as const;
/** The ordinary pages beside them: the first two of the bases story. */
const ORDINARY = exampleStories();
const HOSTILE = hostileWeb();
/** A word of the hostile articles, next to the attack in their first paragraphs ("بحقن شيفرات خبيثة مثل <script>…"). */
const WORD = 'شيفرة';

const has = (s: string | null | undefined, attack: string): boolean => s !== null && s !== undefined && s.includes(attack);
const which = (s: string): string[] => Object.entries(A).filter(([, v]) => s.includes(v)).map(([k]) => k);

interface Found {
  html: ArticleDetail;
  text: ArticleDetail;
  story: StoryDetail;
  /** the named person whose statements in the HTML article carry an attack */
  speaker: EntityDetail;
}

let served: Served;
let found: Found;
const api = <T>(path: string): Promise<T> => getJson<T>(served.url, path);

/** Prints what the pipeline kept of one hostile article: where each attack ended up. */
function printKept(label: string, a: ArticleDetail): void {
  const out = (where: string, s: string): void => {
    const w = which(s);
    if (w.length > 0) console.log(`#   ${where}: ${w.join(', ')}: ${JSON.stringify(s.length > 160 ? s.slice(0, 160) + '…' : s)}`);
  };
  console.log(`# ${label} (${a.source ?? '?'}): title ${JSON.stringify(a.title)}`);
  out('title', a.title);
  out('outlet', a.outlet ?? '');
  a.credits.forEach((c) => out('credit', c));
  a.captions.forEach((c) => out('caption', c));
  a.text.split('\n\n').forEach((p, i) => out(`paragraph ${i + 1}`, p));
  a.quotes.forEach((q) => out(`quote of ${q.speaker}`, q.text));
  const names = a.entities.map((e) => e.name);
  console.log(`#   U+2028 kept: ${a.text.includes('\u2028')}, U+2029 kept: ${a.text.includes('\u2029')}; names: ${names.join('، ')} (with an attack: ${names.filter((n) => which(n).length > 0).length})`);
}

before(async () => {
  served = await serveStore(ORDINARY, ORDINARY.files.slice(0, 2));
  // the hostile pages through the HTTP ingest, as `rasd ingest` sends them to a running server
  const res = await postPages(served.url, pagesBody(HOSTILE, HOSTILE.files)).done;
  assert.equal(res.status, 200);
  assert.deepEqual(res.body.pages.map((p) => p.status), HOSTILE.files.map(() => 'added'));

  const mains = await api<ListPage<ArticleSummary>>('/api/articles?role=main&limit=100');
  const detail = (id: string): Promise<ArticleDetail> => api<ArticleDetail>('/api/articles/' + encodeURIComponent(id));
  const hostile = await Promise.all(mains.items.filter((a) => has(a.title, A.script)).map((a) => detail(a.id)));
  const html = hostile.find((a) => a.source?.endsWith('.html') === true);
  const text = hostile.find((a) => a.source?.endsWith('.txt') === true);
  assert.ok(html !== undefined && text !== undefined, `both hostile pages have a main article titled with ${A.script}: ${mains.items.map((a) => a.title).join(' | ')}`);
  assert.ok(html.storyId !== null, 'the HTML article is in a story');
  const story = await api<StoryDetail>('/api/stories/' + encodeURIComponent(html.storyId));
  const quoted = html.quotes.find((q) => q.speakerId !== null && html.entities.some((e) => e.id === q.speakerId && e.type === 'person') && has(q.text, A.imgPwned));
  assert.ok(quoted?.speakerId !== null && quoted?.speakerId !== undefined, 'a named person says the <img onerror> attack in the HTML article');
  const speaker = await api<EntityDetail>('/api/entities/' + encodeURIComponent(quoted.speakerId));
  found = { html, text, story, speaker };
  printKept('hostile HTML page', html);
  printKept('hostile text page', text);
  const together = story.articles.some((a) => a.id === text.id) ? 'both hostile pages' : 'the HTML page alone';
  console.log(`# story ${JSON.stringify(story.title)} (${story.articles.length} articles, ${together}, outlets ${JSON.stringify(story.outlets)}); speaker ${speaker.name}; screenshots in ${SHOTS}`);
});

after(async () => {
  await served?.close();
});

describe('hostile pages: what the pipeline keeps and what the API answers', () => {
  test('the attacks reach the headline, the paragraphs, captions, credits, the outlet and quotes as text', () => {
    const { html, text, story } = found;
    assert.ok(has(html.title, A.script), 'HTML headline');
    for (const attack of [A.script, A.imgPwned, A.imgAlert, A.textarea, A.mouseover, A.template, A.js]) assert.ok(has(html.text, attack), `HTML paragraphs: ${attack}`);
    assert.ok(html.captions.some((c) => has(c, A.imgPwned)) && html.captions.some((c) => has(c, A.textarea)), 'HTML captions');
    assert.ok(html.credits.some((c) => has(c, A.imgPwned)), 'HTML byline / JSON-LD author');
    assert.ok(has(html.outlet, A.mouseover), 'HTML og:site_name');
    assert.ok(html.quotes.some((q) => has(q.text, A.imgPwned)), 'HTML quote');
    assert.ok(!/<p[ >]|raw script in the body/.test(html.text), 'the page’s own markup and script elements are not text');
    assert.ok(has(text.title, A.script), 'text headline');
    assert.ok(has(text.text, A.imgAlert) && has(text.text, A.imgPwned), 'text paragraphs');
    assert.ok(text.captions.some((c) => has(c, A.imgAlert)), 'text caption');
    assert.ok(text.credits.some((c) => has(c, A.imgPwned)), 'text byline');
    assert.ok(text.quotes.some((q) => has(q.text, A.imgPwned)), 'text quote');
    assert.ok(has(story.title, A.script), 'story title');
  });

  test('GET /api/articles/:id, /api/search, /api/entities/:id: the strings as JSON data, with nosniff', async () => {
    const { html, speaker } = found;
    const paths = ['/api/articles/' + encodeURIComponent(html.id), '/api/search?q=' + encodeURIComponent(WORD), '/api/entities/' + encodeURIComponent(speaker.id)];
    const bodies: unknown[] = [];
    for (const p of paths) {
      const res = await fetch(served.url + p);
      assert.equal(res.status, 200, p);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json\b/, p);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', p);
      assert.equal(res.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, p);
      bodies.push(JSON.parse(await res.text()));
    }
    const [art, hits, ent] = bodies as [ArticleDetail, ListPage<SearchHit>, EntityDetail];
    // the strings as they are, not HTML-escaped: escaping is the page's job, JSON is data
    assert.equal(art.title, html.title);
    assert.equal(art.text, html.text);
    assert.deepEqual(art.credits, html.credits);
    assert.ok(hits.items.some((h) => h.articleId === html.id && has(h.title, A.script)), `a search for ${WORD} finds the hostile article`);
    const snippets = hits.items.map((h) => h.snippet).join('\n');
    assert.ok(has(snippets, A.script), `snippets keep the attack as text: ${snippets}`);
    assert.ok(ent.quotes.some((q) => has(q.text, A.imgPwned)), 'the speaker’s statements keep the attack');
    assert.ok(!JSON.stringify(bodies).includes('&lt;'), 'nothing HTML-escaped in the JSON');
  });

  test('the page and the answers for ids that are attacks: CSP and nosniff, JSON errors', async () => {
    const page = await fetch(served.url + '/');
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html\b/);
    assert.equal(page.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    await page.text();
    for (const p of ['/api/articles/' + encodeURIComponent(A.imgAlert), '/api/entities/' + encodeURIComponent(A.script), '/' + encodeURIComponent(A.script)]) {
      const res = await fetch(served.url + p);
      assert.equal(res.status, 404, p);
      assert.match(res.headers.get('content-type') ?? '', /^application\/json\b/, p);
      assert.equal(res.headers.get('x-content-type-options'), 'nosniff', p);
      const body = JSON.parse(await res.text()) as { error?: { code?: string } };
      assert.equal(body.error?.code, 'not_found', p);
    }
  });
});

/** What the data must never do to the page: checked on the whole document after every view. */
async function unharmed(w: Watched, what: string): Promise<void> {
  // every image settled (loaded or failed), so that an error handler, had one been made, would have run
  await w.page.waitForFunction(() => [...document.querySelectorAll('img')].every((img) => (img as unknown as { complete: boolean }).complete));
  const state = await w.page.evaluate(() => {
    const handlers: string[] = [];
    const links: string[] = [];
    let imgX = 0;
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.getAttributeNames()) if (/^on/i.test(a)) handlers.push(`${el.tagName} ${a}`);
      if (el.tagName.toUpperCase() === 'IMG' && el.getAttribute('src') === 'x') imgX++;
      const href = el.getAttribute('href') ?? el.getAttribute('xlink:href');
      if (href !== null && el.tagName.toLowerCase() === 'a' && !href.startsWith('#')) links.push(href);
    }
    return {
      pwned: window.__pwned === undefined ? 'undefined' : String(window.__pwned),
      handlers,
      links,
      imgX,
      js: [...document.querySelectorAll('a[href^="javascript:" i]')].length,
      scripts: document.scripts.length,
    };
  });
  assert.equal(state.pwned, 'undefined', `${what}: window.__pwned`);
  assert.deepEqual(state.handlers, [], `${what}: no on* attribute`);
  assert.equal(state.imgX, 0, `${what}: no img[src="x"]`);
  assert.equal(state.js, 0, `${what}: no javascript: link`);
  assert.deepEqual(state.links, [], `${what}: every link is one of the page's own routes`);
  assert.equal(state.scripts, 1, `${what}: only the page's own script`);
  assert.deepEqual(w.dialogs, [], `${what}: no dialog`);
  assert.deepEqual(w.errors, [], `${what}: no script or console error`);
  assert.deepEqual(await w.csp(), [], `${what}: no CSP violation`);
  assert.deepEqual(w.outside, [], `${what}: no request outside the server`);
}

/** Each attack is on screen as literal text in `scope`. */
async function shown(page: Page, what: string, attacks: readonly string[], scope = 'main'): Promise<void> {
  for (const attack of attacks) {
    const loc = page.locator(scope).getByText(attack).first();
    assert.ok(await loc.isVisible(), `${what}: ${attack} shown as text`);
  }
}

async function elementShot(loc: Locator, name: string): Promise<void> {
  await loc.scrollIntoViewIfNeeded();
  await loc.screenshot({ path: join(SHOTS, name + '.png') });
}

/** The view for the current hash is drawn, with no error message. */
async function drawn(page: Page): Promise<void> {
  await settled(page);
  assert.equal(await page.locator('main .message').count(), 0, 'no error or not-found message');
}

async function go(page: Page, hash: string): Promise<void> {
  await page.evaluate((h) => (location.hash = h), hash);
  await drawn(page);
}

describe('hostile pages in the served page (chromium)', { skip }, () => {
  let browser: Browser;
  before(async () => {
    browser = await launch();
  });
  after(async () => {
    await browser?.close();
  });

  test('story list → story → article → entity → entity list → search: the attacks stay text', async () => {
    const { html, story, speaker } = found;
    const w = await watchedPage(browser, { width: 1280, height: 900 }, (u) => u.startsWith(served.url + '/'));
    const { page } = w;

    // 1. the story list: the hostile story's title and outlet
    await page.goto(served.url + '/');
    await drawn(page);
    const card = page.locator(`.story-card:has(h3 a[href="#/story/${encodeURIComponent(story.id)}"])`);
    assert.equal(await card.count(), 1, 'the hostile story is listed');
    await unharmed(w, 'story list');
    await shown(page, 'story list', [story.title, A.mouseover], `.story-card:has(h3 a[href="#/story/${encodeURIComponent(story.id)}"])`);
    await shot(page, 'hostile-served-1-stories', false);

    // 2. the story: title, outlets, summary, timeline and speakers carry the attacks
    await card.locator('h3 a').click();
    await drawn(page);
    await unharmed(w, 'story');
    assert.equal((await page.locator('main h1').textContent())?.trim(), story.title);
    await shown(page, 'story', [A.script, A.imgPwned, A.mouseover]);
    await shot(page, 'hostile-served-2-story');
    await elementShot(page.locator('section.summary'), 'hostile-served-2a-story-summary');
    await elementShot(page.locator('section.speakers'), 'hostile-served-2b-story-speakers');

    // 3. the HTML page's article: headline, paragraphs, the quote "قال <img …> إن", captions, byline, outlet
    await page.locator(`main a[href="#/article/${encodeURIComponent(html.id)}"]`).first().click();
    await drawn(page);
    await unharmed(w, 'article');
    assert.equal((await page.locator('main h1').textContent())?.trim(), html.title);
    await shown(page, 'article text', [A.script, A.imgPwned, A.imgAlert, A.textarea, A.mouseover, A.template, A.js], '.reader-text');
    await shown(page, 'article captions', [A.imgPwned, A.textarea], 'ul.captions');
    await shown(page, 'article byline and outlet', [html.credits.find((c) => has(c, A.imgPwned)) ?? A.imgPwned, A.mouseover]);
    assert.ok((await page.locator('.reader-text span.q').getByText(A.imgPwned).count()) > 0, 'the attack inside a highlighted quote');
    assert.ok((await page.locator('.quote-list').getByText(A.imgPwned).count()) > 0, 'the attack inside the listed quote');
    await shot(page, 'hostile-served-3-article');
    await elementShot(page.locator('.reader-grid'), 'hostile-served-3a-article-text');
    await elementShot(page.locator('section.captions'), 'hostile-served-3b-article-captions');

    // 4. the speaker's entity page, from the mention in the text: the statements carry the attacks
    await page.locator(`.reader-text a.mention[href="#/entity/${encodeURIComponent(speaker.id)}"]`).first().click();
    await drawn(page);
    await unharmed(w, 'entity');
    assert.equal((await page.locator('main h1').textContent())?.trim(), speaker.name);
    await shown(page, 'entity', [A.imgPwned, A.script], '.entity-page');
    await shot(page, 'hostile-served-4-entity');

    // 5. the entity list, and the same filtered by an attack typed as a name
    await go(page, '#/entities');
    assert.ok((await page.locator('ol.entity-list > li').count()) > 0, 'entities listed');
    assert.ok((await page.locator('ol.entity-list').getByText(speaker.name).count()) > 0, 'the speaker is listed');
    await unharmed(w, 'entity list');
    await shot(page, 'hostile-served-5-entities', false);
    await go(page, '#/entities?q=' + encodeURIComponent(A.imgAlert));
    assert.equal(await page.locator('#ent-q').inputValue(), A.imgAlert);
    await unharmed(w, 'entity list filtered by an attack');

    // 6. a search for a word of the hostile article, typed in the header: snippets keep the attack as text
    await page.locator('#quick-q').fill(WORD);
    await page.locator('#quick-q').press('Enter');
    await drawn(page);
    await unharmed(w, 'search');
    assert.ok((await page.locator(`ol.hits a[href="#/article/${encodeURIComponent(html.id)}"]`).count()) > 0, 'the hostile article is a hit');
    await shown(page, 'search', [A.script], 'ol.hits');
    assert.ok((await page.locator('ol.hits mark').count()) > 0, 'the words found are marked');
    await shot(page, 'hostile-served-6-search', false);

    // 7. the attack itself typed as the query: shown as the words searched, never as markup
    await page.locator('#quick-q').fill(A.imgAlert);
    await page.locator('#quick-q').press('Enter');
    await drawn(page);
    await unharmed(w, 'search for the attack');
    assert.equal(await page.locator('#s-q').inputValue(), A.imgAlert);
    assert.equal(await page.locator('#quick-q').inputValue(), A.imgAlert);
    // its words (img, src, x, onerror, alert) are searched as words: the hostile articles are hits, the words marked
    assert.ok((await page.locator(`ol.hits a[href="#/article/${encodeURIComponent(html.id)}"]`).count()) > 0, 'the hostile article is a hit');
    await shown(page, 'search for the attack', [A.imgAlert, A.imgPwned], 'ol.hits');
    const marked = await page.locator('ol.hits mark').allTextContents();
    assert.ok(marked.some((m) => /onerror/i.test(m)), `marked: ${marked.join(' ')}`);
    await shot(page, 'hostile-served-7-search-attack', false);
    assert.ok((await page.title()).includes(A.imgAlert), `the window title shows the query as text: ${await page.title()}`);
  });
});
