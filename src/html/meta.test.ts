import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PageMeta } from '../types.js';
import { htmlToBlocks } from './index.js';
import { isoDate, readHeadMeta, stripSiteName, type HeadMeta } from './meta.js';
import { parseDocument } from './parse.js';
import { ARTICLE_PARAGRAPHS } from './test-pages.js';

const TITLE = 'ارتفاع أسعار النفط إلى أعلى مستوى منذ عامين';
const BODY = ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');

/** An article page with the given head and the given article header (between h1 and body). */
const page = (headExtra: string, header = '', after = ''): string =>
  `<!DOCTYPE html><html lang="ar"><head><title>${TITLE} - الموقع</title>${headExtra}</head><body>
  <article><h1>${TITLE}</h1>${header}<div class="body">${BODY}</div></article>${after}</body></html>`;

const meta = (html: string): PageMeta => htmlToBlocks({ source: 'm.html', format: 'html', text: html, encoding: 'utf-8', language: 'ar', warnings: [] }).meta;
const ld = (json: string): string => `<script type="application/ld+json">${json}</script>`;
const head = (html: string): HeadMeta => readHeadMeta(parseDocument(html));

test('isoDate: the date part as written, no time zone shift', () => {
  assert.equal(isoDate('2024-03-05T23:30:00-05:00'), '2024-03-05');
  assert.equal(isoDate('2024-03-05T01:00:00+03:00'), '2024-03-05');
  assert.equal(isoDate(' 2024/3/5 10:00'), '2024-03-05');
  assert.equal(isoDate('2024-03-05'), '2024-03-05');
  assert.equal(isoDate('Tue, 05 Mar 2024 10:00:00 GMT'), null);
  assert.equal(isoDate('2024-13-01'), null);
  assert.equal(isoDate('20240305'), null);
  assert.equal(isoDate(''), null);
});

test('stripSiteName: a known site name at either end, or a short last part', () => {
  assert.equal(stripSiteName('عنوان الخبر الرئيسي - صحيفة الوطن', ['صحيفة الوطن']), 'عنوان الخبر الرئيسي');
  assert.equal(stripSiteName('الجزيرة نت | عنوان الخبر الرئيسي', ['الجزيرة نت']), 'عنوان الخبر الرئيسي');
  assert.equal(stripSiteName('عنوان الخبر | الوطن', ['صحيفة الوطن اليوم']), 'عنوان الخبر');
  assert.equal(stripSiteName('عنوان طويل للخبر هنا | موقع الأخبار', []), 'عنوان طويل للخبر هنا');
  assert.equal(stripSiteName('Oil prices rise again – Site News', []), 'Oil prices rise again');
  assert.equal(stripSiteName('غزة - مراسلنا', []), 'غزة - مراسلنا');
  assert.equal(stripSiteName('غزة: مقتل خمسة في قصف', []), 'غزة: مقتل خمسة في قصف');
  assert.equal(stripSiteName('الوطن', ['الوطن']), 'الوطن');
  assert.equal(stripSiteName('  عنوان بلا فاصل  ', ['الوطن']), 'عنوان بلا فاصل');
});

test('published: article:published_time first, then JSON-LD, then the header <time>, then itemprop', () => {
  const time = '<time datetime="2024-03-03T10:00:00+03:00">3 مارس</time>';
  const json = ld('{"@type":"NewsArticle","datePublished":"2024-03-02T08:00:00Z"}');
  assert.equal(meta(page(`<meta property="article:published_time" content="2024-03-01T23:59:00-08:00">${json}`, time)).published, '2024-03-01');
  assert.equal(meta(page(json, time)).published, '2024-03-02');
  assert.equal(meta(page('', time)).published, '2024-03-03');
  assert.equal(meta(page('', '<meta itemprop="datePublished" content="2024-03-04">')).published, '2024-03-04');
  assert.equal(meta(page('', '<span itemprop="datePublished" content="2024-03-06">6 مارس</span>')).published, '2024-03-06');
  assert.equal(meta(page('<meta name="pubdate" content="2024-03-07">')).published, '2024-03-07');
  assert.equal(meta(page('')).published, undefined);
});

test('published: the dates of related cards are not the page’s', () => {
  const cards = `<aside class="related"><h2>ذات صلة</h2>${[1, 2, 3]
    .map((i) => `<article><h3><a href="/n/${i}">خبر آخر عن أسعار النفط رقم ${i}</a></h3><time datetime="2023-0${i}-01">قديم</time></article>`)
    .join('')}</aside>`;
  assert.equal(meta(page('', '', cards)).published, undefined);
});

test('JSON-LD: arrays, @graph, @type lists, ReportageNewsArticle, broken JSON, publisher name', () => {
  assert.deepEqual(meta(page(ld('[{"@type":"WebPage"},{"@type":"ReportageNewsArticle","datePublished":"2024-05-01","publisher":{"@type":"Organization","name":"وكالة الأنباء"}}]'))), {
    title: TITLE, published: '2024-05-01', outlet: 'وكالة الأنباء',
  });
  assert.equal(meta(page(ld('{"@context":"https://schema.org","@graph":[{"@type":"Organization","name":"x"},{"@type":["Article","NewsArticle"],"datePublished":"2024-05-02T00:00:00+04:00"}]}'))).published, '2024-05-02');
  assert.equal(meta(page(ld('{"@type":"NewsArticle","datePublished":"2024-05-03",\n"headline":"سطر\nجديد",}'))).published, '2024-05-03');
  assert.equal(meta(page(ld('{not json at all'))).published, undefined);
  assert.equal(meta(page(ld('{"@type":"NewsArticle","publisher":[{"name":"الناشر"}]}'))).outlet, 'الناشر');
});

test('title and outlet: og:title and og:site_name first, suffixes stripped, nothing made up', () => {
  assert.deepEqual(meta(page(`<meta property="og:title" content="${TITLE} | الموقع"><meta property="og:site_name" content="الموقع">`)), { title: TITLE, outlet: 'الموقع' });
  assert.deepEqual(meta(page('')), { title: TITLE });
  assert.deepEqual(meta('<p>نص</p>'), {});
});

test('JSON-LD: ReportageNews and LiveBlogPosting, types as URLs, publisher by @id in the @graph, nested author ignored', () => {
  assert.equal(meta(page(ld('{"@type":"ReportageNews","datePublished":"2024-06-01"}'))).published, '2024-06-01');
  assert.equal(meta(page(ld('{"@type":"LiveBlogPosting","datePublished":"2024-06-02T09:00:00+03:00"}'))).published, '2024-06-02');
  assert.equal(meta(page(ld('{"@type":"https://schema.org/NewsArticle","datePublished":"2024-06-03"}'))).published, '2024-06-03');
  const graph = `{"@context":"https://schema.org","@graph":[
    {"@type":"WebPage","@id":"https://x.example/a#page","mainEntity":{"@id":"https://x.example/a#article"}},
    {"@type":["NewsArticle"],"@id":"https://x.example/a#article","datePublished":"2024-06-04T10:00:00Z",
     "author":[{"@type":"Person","name":"كاتب","worksFor":{"@type":"Organization","name":"ليس الناشر"}}],
     "publisher":{"@id":"https://x.example/#org"}},
    {"@type":"NewsMediaOrganization","@id":"https://x.example/#org","name":"صحيفة المثال","logo":{"@type":"ImageObject"}}]}`;
  assert.deepEqual(meta(page(ld(graph))), { title: TITLE, published: '2024-06-04', outlet: 'صحيفة المثال' });
  // A type that is not an article (the site, a video) gives no date.
  assert.equal(meta(page(ld('{"@type":"VideoObject","uploadDate":"2024-06-05","datePublished":"2024-06-05"}'))).published, undefined);
});

test('published: the modified time only when nothing else states a date', () => {
  const modified = '<meta property="article:modified_time" content="2024-07-09T10:00:00Z">';
  const time = '<time datetime="2024-07-02">2 يوليو</time>';
  assert.equal(meta(page(`${modified}<meta property="article:published_time" content="2024-07-01">`)).published, '2024-07-01');
  assert.equal(meta(page(`${modified}${ld('{"@type":"NewsArticle","datePublished":"2024-07-03","dateModified":"2024-07-08"}')}`)).published, '2024-07-03');
  assert.equal(meta(page(modified, time)).published, '2024-07-02');
  assert.equal(meta(page(modified)).published, '2024-07-09');
  assert.equal(meta(page(ld('{"@type":"NewsArticle","dateModified":"2024-07-08"}'))).published, '2024-07-08');
  assert.equal(meta(page('<meta property="og:updated_time" content="2024-07-10">')).published, '2024-07-10');
});

test('published: the article’s own <time datetime> beats the site’s date bar', () => {
  const bar = '<div class="date-bar"><time datetime="2024-08-20">الثلاثاء 20 أغسطس 2024</time></div>';
  const html = `<!DOCTYPE html><html><head><title>${TITLE}</title></head><body>${bar}
    <article><h1>${TITLE}</h1><p class="meta"><time datetime="2024-08-18T21:00:00+03:00">18 أغسطس</time></p>${BODY}</article></body></html>`;
  assert.equal(meta(html).published, '2024-08-18');
  // Without a date of its own the article gets none from the bar.
  assert.equal(meta(html.replace(/<p class="meta">.*?<\/p>/, '')).published, undefined);
});

test('JSON-LD: malformed, deep or huge data never throws and gives nothing made up', () => {
  const bad = [
    'null', '42', '"NewsArticle"', '[null, 1, "x"]', '{"@type": 5}', '{"@type": null, "@graph": null}', '}{', '',
    '{"@graph": {"@type": "NewsArticle", "datePublished": "not a date"}}',
    '{"@type":"NewsArticle","publisher":{"@id":"#nowhere"}}',
    `${'['.repeat(100_000)}${']'.repeat(100_000)}`,
    `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
    `[${Array.from({ length: 200_000 }, () => '{"@type":"Thing"}').join(',')},{"@type":"NewsArticle","datePublished":"2024-09-01"}]`,
  ];
  for (const json of bad) {
    const m = meta(page(ld(json)));
    assert.equal(m.outlet, undefined, json.slice(0, 40));
    assert.equal(m.title, TITLE);
    assert.ok(m.published === undefined, json.slice(0, 40));
  }
});

test('og:url (or the canonical link) picks the page’s own article when the JSON-LD lists several', () => {
  const list = ld(`[{"@type":"NewsArticle","url":"https://x.example/news/other","headline":"خبر آخر","datePublished":"2024-01-01"},
    {"@type":"NewsArticle","mainEntityOfPage":{"@id":"https://x.example/news/own/"},"headline":"غير مطابق","datePublished":"2024-02-02"}]`);
  assert.equal(meta(page(`<meta property="og:url" content="https://x.example/news/own">${list}`)).published, '2024-02-02');
  assert.equal(meta(page(`<link rel="canonical" href="https://x.example/news/own?utm=1">${list}`)).published, '2024-02-02');
  // Without the page's address: the article with the page's headline, else the first.
  const titled = ld(`[{"@type":"NewsArticle","headline":"خبر آخر","datePublished":"2024-01-01"},{"@type":"NewsArticle","headline":"${TITLE}","datePublished":"2024-03-03"}]`);
  assert.equal(meta(page(titled)).published, '2024-03-03');
  assert.equal(meta(page(list)).published, '2024-01-01');
  assert.equal(head(page('<meta property="og:url" content="https://x.example/a">')).url, 'https://x.example/a');
});

test('authors: people from JSON-LD (lists, @id, strings) and author meta tags; never the outlet or a URL', () => {
  const graph = ld(`{"@graph":[{"@type":"NewsArticle","author":[{"@type":"Person","name":"سارة يوسف"},{"@id":"#p2"},"عمر خالد",
    {"@type":"Organization","name":"غرفة الأخبار"},{"@type":"Person","name":"صحيفة المثال"}],"publisher":{"@type":"Organization","name":"صحيفة المثال"}},
    {"@type":"Person","@id":"#p2","name":"هدى سالم"}]}`);
  assert.deepEqual(head(page(graph)).authors, ['سارة يوسف', 'هدى سالم', 'عمر خالد']);
  const metas = '<meta name="author" content="نادر حسن"><meta property="article:author" content="https://facebook.com/nader"><meta property="og:site_name" content="الموقع">';
  assert.deepEqual(head(page(metas)).authors, ['نادر حسن']);
  assert.deepEqual(head(page('<meta name="author" content="الموقع"><meta property="og:site_name" content="الموقع">')).authors, []);
  assert.deepEqual(head(page(ld('{"@type":"NewsArticle","author":{"@type":"Organization","name":"وكالة"}}'))).authors, []);
});
