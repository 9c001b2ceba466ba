import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Block, BlockPage } from '../types.js';
import { htmlToBlocks } from './index.js';
import {
  ARTICLE_CAPTION, ARTICLE_PARAGRAPHS, ARTICLE_TITLE, BOILERPLATE_PHRASES, BOILERPLATE_WORDS, CARDS, MOST_READ,
  articlePage, deepPage, listingPage, notFoundPage,
} from './test-pages.js';

const run = (text: string): BlockPage => htmlToBlocks({ source: 'page.html', format: 'html', text, encoding: 'utf-8', language: 'ar', warnings: [] });
const texts = (blocks: Block[]): string[] => blocks.map((b) => b.text);
const find = (page: BlockPage, text: string): Block => {
  const b = page.blocks.find((x) => x.text === text);
  assert.ok(b, `no block "${text}"`);
  return b;
};
const rules = (page: BlockPage): string[] => page.warnings.map((w) => w.rule);

function assertNoBoilerplate(page: BlockPage): void {
  for (const b of page.blocks) {
    assert.ok(!BOILERPLATE_WORDS.includes(b.text), `boilerplate block "${b.text}"`);
    for (const p of BOILERPLATE_PHRASES) assert.ok(!b.text.includes(p), `"${p}" in block "${b.text}"`);
  }
}

test('article page: the main zone is exactly the title, the caption and the body, title first', () => {
  const page = run(articlePage());
  const main = page.blocks.filter((b) => b.zone === 'main');
  assert.deepEqual(texts(main), [ARTICLE_TITLE, ARTICLE_CAPTION, ...ARTICLE_PARAGRAPHS]);
  assert.equal(main[0]?.hint, 'title');
  assert.equal(main[1]?.hint, 'caption');
  assert.ok(main.slice(2).every((b) => b.hint === undefined));
  assert.equal(page.blocks.filter((b) => b.hint === 'title').length, 1);
  assert.equal(new Set(main.map((b) => b.group)).size, 1);
  assert.deepEqual(page.warnings, []);
});

test('article page: byline and date are the main article’s (its group), outside the main zone', () => {
  const page = run(articlePage());
  const group = page.blocks.find((b) => b.hint === 'title')?.group;
  assert.ok(group !== undefined);
  assert.deepEqual(find(page, 'أحمد خالد'), { text: 'أحمد خالد', hint: 'byline', zone: 'aside', group });
  assert.deepEqual(find(page, '5 مارس 2024'), { text: '5 مارس 2024', hint: 'date', zone: 'aside', group });
});

test('article page: nothing from nav, breadcrumb, footer, forms, scripts, share bar, ads, cookie banner or hidden text', () => {
  const page = run(articlePage());
  assertNoBoilerplate(page);
  // the breadcrumb's last item repeats the title: only the title block may hold it
  assert.equal(page.blocks.filter((b) => b.text === ARTICLE_TITLE).length, 1);
});

test('article page: related cards are aside, each its own group with a heading, caption, lead and date', () => {
  const page = run(articlePage());
  const groups = new Set<number>();
  for (const c of CARDS) {
    const title = find(page, c.title);
    assert.equal(title.zone, 'aside');
    assert.equal(title.hint, 'heading');
    assert.ok(title.group !== undefined && !groups.has(title.group));
    groups.add(title.group);
    assert.deepEqual(find(page, c.caption), { text: c.caption, hint: 'caption', zone: 'aside', group: title.group });
    assert.deepEqual(find(page, c.lead), { text: c.lead, zone: 'aside', group: title.group });
    assert.deepEqual(find(page, c.date), { text: c.date, hint: 'date', zone: 'aside', group: title.group });
  }
  assert.ok(!groups.has(page.blocks[0]?.group as number));
});

test('article page: list labels and the "most read" teasers', () => {
  const page = run(articlePage());
  assert.deepEqual(find(page, 'مقالات ذات صلة'), { text: 'مقالات ذات صلة', hint: 'label', zone: 'aside' });
  assert.deepEqual(find(page, 'الأكثر قراءة'), { text: 'الأكثر قراءة', hint: 'label', zone: 'aside' });
  const items = MOST_READ.map((t) => find(page, t));
  assert.ok(items.every((b) => b.hint === 'heading' && b.zone === 'aside'));
  assert.equal(new Set(items.map((b) => b.group)).size, MOST_READ.length);
  // page order is kept: label, then its cards
  const order = texts(page.blocks);
  assert.ok(order.indexOf('الأكثر قراءة') < order.indexOf(MOST_READ[0] as string));
  assert.ok(order.indexOf('مقالات ذات صلة') < order.indexOf(CARDS[0]?.caption as string));
});

test('article page: groups are numbered from 1 in page order', () => {
  const page = run(articlePage());
  const seen: number[] = [];
  for (const b of page.blocks) if (b.group !== undefined && !seen.includes(b.group)) seen.push(b.group);
  assert.deepEqual(seen, seen.map((_, i) => i + 1));
});

test('article page: meta from og:, article: and JSON-LD', () => {
  assert.deepEqual(run(articlePage()).meta, { title: ARTICLE_TITLE, published: '2024-03-05', outlet: 'صحيفة الوطن اليوم' });
});

test('listing page: no main zone, a warning, every card a group with its heading', () => {
  const page = run(listingPage());
  assert.deepEqual(rules(page), ['html/no-main-content']);
  assert.ok(page.blocks.every((b) => b.zone === 'aside'));
  assert.ok(!page.blocks.some((b) => b.hint === 'title'));
  const headings = page.blocks.filter((b) => b.hint === 'heading');
  assert.equal(headings.length, 6);
  assert.equal(new Set(headings.map((b) => b.group)).size, 6);
  assert.equal(find(page, 'اقتصاد').hint, 'label');
  assertNoBoilerplate({ ...page, blocks: page.blocks.filter((b) => b.hint !== 'label') });
  assert.equal(page.meta.title, 'أخبار الاقتصاد');
});

test('404 page: no main zone and a warning; its text stays for the segmenter', () => {
  const page = run(notFoundPage());
  assert.deepEqual(rules(page), ['html/no-main-content']);
  assert.deepEqual(texts(page.blocks), ['عذرا، الصفحة غير موجودة', 'ربما تم نقل الصفحة أو حذفها.', 'العودة إلى الصفحة الرئيسية']);
  assert.ok(page.blocks.every((b) => b.zone === 'aside' && b.hint !== 'title'));
  assert.deepEqual(page.meta, { title: 'الصفحة غير موجودة', outlet: 'صحيفة الوطن اليوم' });
});

test('10,000 nested elements: no stack overflow, the article is still found', () => {
  const page = run(deepPage(10_000));
  // Readability reads a flattened copy of the deepest levels: said so, and the article is still whole.
  assert.deepEqual(rules(page), ['html/too-deep']);
  assert.deepEqual(texts(page.blocks.filter((b) => b.zone === 'main')), [ARTICLE_TITLE, ...ARTICLE_PARAGRAPHS]);
});

test('10,000 nested elements each with text, and 10,000 nested inline elements: no throw', () => {
  const divs = run(`<html><body>${'<div>نص '.repeat(10_000)}${'</div>'.repeat(10_000)}</body></html>`);
  assert.equal(divs.blocks.length, 10_000);
  assert.ok(!rules(divs).includes('html/parse'));
  const spans = run(`<html><body><p>${'<span>كلمة '.repeat(10_000)}${'</span>'.repeat(10_000)}</p></body></html>`);
  assert.equal(spans.blocks.length, 1);
  assert.ok(!rules(spans).includes('html/parse'));
});

test('entities and RTL marks: decoded, whitespace collapsed, a block of marks only is no block', () => {
  const html = `<html><body><h1>عنوان&nbsp;الخبر &amp; &quot;التفاصيل&quot;</h1>
    <p>&#1575;&#1604;&#1606;&#1589; &rlm;الأول&lrm; مع&nbsp;&nbsp;مسافات   كثيرة
    &#x0627;&#x062E;&#x0631;</p><p>&rlm;&#8207; &nbsp;</p><p>&#x202B;نص مضمن&#x202C;</p></body></html>`;
  const page = run(html);
  assert.deepEqual(texts(page.blocks), ['عنوان الخبر & "التفاصيل"', 'النص \u200fالأول\u200e مع مسافات كثيرة اخر', 'نص مضمن']);
});

test('never throws: empty, plain text, broken markup, a fragment', () => {
  for (const text of ['', '   ', 'مجرد نص بلا وسوم', '<<<>>><html<body><p>نص</b></i></html></html><div', '<p>فقرة</p><div>نص', '<!-- only a comment -->', '<html><body></body></html>']) {
    const page = run(text);
    assert.ok(Array.isArray(page.blocks));
    assert.ok(!rules(page).includes('html/parse'), text);
    assert.equal(page.source, 'page.html');
  }
  assert.deepEqual(texts(run('<p>فقرة</p><div>نص</div>').blocks), ['فقرة', 'نص']);
});

test('a failure inside the stage gives no blocks and html/parse', () => {
  const bad = { toString: (): string => { throw new Error('boom'); } } as unknown as string;
  const page = run(bad);
  assert.deepEqual(page.blocks, []);
  assert.deepEqual(rules(page), ['html/parse']);
});

test('pages without <html>, with upper-case tags, or XHTML with a prolog', () => {
  assert.deepEqual(texts(run('<body><p>بلا وسم html</p></body>').blocks), ['بلا وسم html']);
  assert.deepEqual(texts(run('<head><title>t</title></head><body><p>رأس وجسم</p></body>').blocks), ['رأس وجسم']);
  const xhtml = '\ufeff<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "x">' +
    '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head><body><P>فقرة<BR>ثانية</P><DIV CLASS="NAV-BAR"><A HREF="/">الرئيسية</A></DIV></body></html>';
  assert.deepEqual(texts(run(xhtml).blocks), ['فقرة', 'ثانية']);
  assert.deepEqual(texts(run('<HTML><BODY><H1>عنوان</H1><TABLE><TR><TD>خلية<TD>أخرى</TABLE></BODY></HTML>').blocks), ['عنوان', 'خلية', 'أخرى']);
});
