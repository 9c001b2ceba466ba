import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzePage } from '../pipeline.js';
import type { Article, BlockPage } from '../types.js';
import { htmlToBlocks } from './index.js';
import { ARTICLE_PARAGRAPHS } from './test-pages.js';

const TITLE = 'افتتاح جسر جديد يربط ضفتي النهر في العاصمة';
const BODY = ARTICLE_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('');
const ld = (author: string): string =>
  `<script type="application/ld+json">{"@type":"NewsArticle","headline":"${TITLE}","author":${author},"publisher":{"@type":"Organization","name":"صحيفة النهر"}}</script>`;
const page = (headExtra: string, header = '', after = ''): string =>
  `<!DOCTYPE html><html lang="ar"><head><title>${TITLE}</title><meta property="og:site_name" content="صحيفة النهر">${headExtra}</head><body>
  <article><h1>${TITLE}</h1>${header}<div class="body">${BODY}</div>${after}</article></body></html>`;

const blocks = (html: string): BlockPage => htmlToBlocks({ source: 'a.html', format: 'html', text: html, encoding: 'utf-8', language: 'ar', warnings: [] });
const main = (html: string): Article => {
  const m = analyzePage({ source: 'a.html', bytes: new TextEncoder().encode(html), format: 'html' }).articles.find((a) => a.role === 'main');
  assert.ok(m, 'no main article');
  return m;
};

test('a JSON-LD author the header shows as a plain line: that line is the byline, the name the credit', () => {
  const html = page(ld('{"@type":"Person","name":"منى الشريف"}'), '<p class="meta">منى الشريف · <time datetime="2025-01-05">5 يناير 2025</time></p>');
  assert.equal(blocks(html).blocks.find((b) => b.text === 'منى الشريف')?.hint, 'byline');
  assert.deepEqual(main(html).credits, ['منى الشريف']);
});

test('a JSON-LD author the page shows nowhere: a byline after the headline, once; never in the paragraphs', () => {
  const html = page(ld('[{"@type":"Person","name":"منى الشريف"},{"@type":"Person","name":"كريم داود"}]'));
  const out = blocks(html).blocks;
  const at = out.findIndex((b) => b.hint === 'title');
  assert.deepEqual(out.slice(at + 1, at + 3).map((b) => [b.text, b.hint]), [['منى الشريف', 'byline'], ['كريم داود', 'byline']]);
  const m = main(html);
  assert.deepEqual(m.credits, ['منى الشريف', 'كريم داود']);
  assert.deepEqual(m.paragraphs, ARTICLE_PARAGRAPHS);
  assert.equal(m.title, TITLE);
});

test('an author already in a byline element is not added again; the outlet as author is no credit', () => {
  const shown = page(ld('{"@type":"Person","name":"منى الشريف"}'), '<div class="author">بقلم: منى الشريف</div>');
  assert.equal(blocks(shown).blocks.filter((b) => b.text.includes('منى الشريف')).length, 1);
  assert.deepEqual(main(shown).credits, ['منى الشريف']);
  assert.deepEqual(main(page(ld('{"@type":"Organization","name":"صحيفة النهر"}'))).credits, []);
});

test('an author box with a bio is no byline (its text is left out), and separators cut off by a <time> go', () => {
  const html = page(
    '',
    '<p class="post-meta">كريم داود · <time datetime="2025-01-05">5 يناير 2025</time> · قراءة في 4 دقائق</p>',
    '<div class="author-box"><p><b>كريم داود</b> صحفي يكتب عن المدن والنقل منذ عشرين عاما. له كتابان عن تاريخ الجسور في المنطقة.</p></div>',
  );
  const out = blocks(html).blocks;
  for (const t of ['كريم داود', 'قراءة في 4 دقائق']) assert.ok(out.some((b) => b.text === t), t);
  assert.equal(out.find((b) => b.text.startsWith('كريم داود صحفي'))?.hint, 'boilerplate');
  const m = main(html);
  assert.ok(!m.credits.some((c) => c.includes('صحفي')), JSON.stringify(m.credits));
  assert.ok(!m.paragraphs.some((p) => p.includes('صحفي يكتب')));
});
