import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PageMeta } from '../types.js';
import { htmlToBlocks } from './index.js';
import { isoDate, stripSiteName } from './meta.js';
import { ARTICLE_PARAGRAPHS } from './test-pages.js';

const TITLE = 'ارتفاع أسعار النفط إلى أعلى مستوى منذ عامين';
const BODY = ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');

/** An article page with the given head and the given article header (between h1 and body). */
const page = (headExtra: string, header = '', after = ''): string =>
  `<!DOCTYPE html><html lang="ar"><head><title>${TITLE} - الموقع</title>${headExtra}</head><body>
  <article><h1>${TITLE}</h1>${header}<div class="body">${BODY}</div></article>${after}</body></html>`;

const meta = (html: string): PageMeta => htmlToBlocks({ source: 'm.html', format: 'html', text: html, encoding: 'utf-8', language: 'ar', warnings: [] }).meta;
const ld = (json: string): string => `<script type="application/ld+json">${json}</script>`;

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
