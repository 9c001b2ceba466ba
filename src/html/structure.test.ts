import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Block, BlockPage } from '../types.js';
import { htmlToBlocks } from './index.js';
import { ARTICLE_PARAGRAPHS } from './test-pages.js';

const run = (text: string): BlockPage => htmlToBlocks({ source: 's.html', format: 'html', text, encoding: 'utf-8', language: 'ar', warnings: [] });
const main = (page: BlockPage): string[] => page.blocks.filter((b) => b.zone === 'main').map((b) => b.text);
const find = (page: BlockPage, text: string): Block => {
  const b = page.blocks.find((x) => x.text === text);
  assert.ok(b, `no block "${text}"`);
  return b;
};
const P = ARTICLE_PARAGRAPHS;
const TITLE = 'افتتاح أكبر محطة للطاقة الشمسية في المنطقة';
const RELATED = ['توقيع اتفاقية لإنشاء مزرعة رياح جديدة في الجنوب', 'انخفاض استهلاك الكهرباء بنسبة عشرة في المئة', 'شركة محلية تطلق ألواحا شمسية بأسعار منافسة'];
const RECENT = ['الحكومة تعلن موعد بدء العام الدراسي الجديد', 'افتتاح مستشفى جديد في العاصمة بسعة مئتي سرير'];

/** A WordPress-like page: entry header and meta, a caption inside the content, tags, related posts, comments, sidebar widgets. */
const wordpress = `<!DOCTYPE html><html lang="ar" dir="rtl"><head><title>${TITLE} &#8211; مدونة الطاقة</title></head>
<body class="post-template-default single single-post">
<div id="page" class="site"><a class="skip-link screen-reader-text" href="#content">تخطي إلى المحتوى</a>
<header id="masthead" class="site-header"><p class="site-title"><a href="/">مدونة الطاقة</a></p>
  <nav id="site-navigation" class="main-navigation"><ul id="primary-menu" class="menu"><li><a href="/">الرئيسية</a></li><li><a href="/c">تصنيفات</a></li></ul></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article id="post-12" class="post-12 post type-post status-publish">
  <header class="entry-header"><h1 class="entry-title">${TITLE}</h1>
    <div class="entry-meta"><span class="posted-on">نشر في <a href="/2024/02/10/"><time class="entry-date published" datetime="2024-02-10T18:00:00+02:00">10 فبراير 2024</time></a></span>
    <span class="byline"> بواسطة <span class="author vcard"><a class="url fn n" href="/author/sara">سارة محمود</a></span></span></div></header>
  <div class="entry-content">
    <p>${P[0]}</p><p>${P[1]}</p>
    <div class="wp-caption aligncenter"><img src="/solar.jpg" alt="ألواح"><p class="wp-caption-text">ألواح المحطة الشمسية في الصحراء (الصورة من الشركة)</p></div>
    <p>${P[2]}</p><p>${P[3]}</p><p>${P[4]}</p>
    <div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">شارك هذا:</h3><ul><li><a href="#">فيسبوك</a></li></ul></div>
  </div>
  <footer class="entry-footer"><span class="tags-links">الوسوم: <a href="/tag/a" rel="tag">طاقة</a>، <a href="/tag/b" rel="tag">شمس</a></span></footer>
</article>
<div class="related-posts"><h3>قد يعجبك أيضا</h3>
  ${RELATED.map((t, i) => `<div class="related-item"><a href="/p/${i}"><img src="/r${i}.jpg" alt=""></a><a class="related-title" href="/p/${i}">${t}</a><span class="date">فبراير ${i + 1}، 2024</span></div>`).join('')}
</div>
<div id="comments" class="comments-area"><h2 class="comments-title">تعليق واحد</h2><ol class="comment-list"><li><article class="comment-body"><p>تعليق من قارئ يقول إن المشروع ممتاز ومفيد جدا للبلد.</p></article></li></ol>
  <div id="respond" class="comment-respond"><h3>اترك تعليقاً</h3><form><p>لن يتم نشر عنوان بريدك الإلكتروني.</p><textarea></textarea></form></div></div>
</main></div>
<aside id="secondary" class="widget-area">
  <section class="widget widget_recent_entries"><h2 class="widget-title">أحدث المقالات</h2><ul>${RECENT.map((t, i) => `<li><a href="/n/${i}">${t}</a></li>`).join('')}</ul></section>
  <section class="widget widget_categories"><h2 class="widget-title">تصنيفات</h2><ul><li><a href="/c/1">طاقة</a></li><li><a href="/c/2">بيئة</a></li></ul></section>
</aside></div>
<footer id="colophon" class="site-footer"><div class="site-info">مدعوم بواسطة ووردبريس</div></footer></div></body></html>`;

test('WordPress-like page: main zone, caption inside the content, tags hinted boilerplate', () => {
  const page = run(wordpress);
  assert.deepEqual(page.warnings, []);
  assert.deepEqual(main(page), [TITLE, P[0], P[1], 'ألواح المحطة الشمسية في الصحراء (الصورة من الشركة)', P[2], P[3], P[4]]);
  assert.equal(find(page, TITLE).hint, 'title');
  assert.equal(find(page, 'ألواح المحطة الشمسية في الصحراء (الصورة من الشركة)').hint, 'caption');
  assert.equal(find(page, '10 فبراير 2024').hint, 'date');
  assert.equal(find(page, 'سارة محمود').hint, 'byline');
  const tags = page.blocks.filter((b) => b.hint === 'boilerplate').map((b) => b.text);
  assert.ok(tags.some((t) => t.includes('طاقة')), JSON.stringify(tags));
  assert.deepEqual(page.meta, { title: TITLE, published: '2024-02-10' });
});

test('WordPress-like page: related posts are cards titled by their link; comments, share, nav, footer gone', () => {
  const page = run(wordpress);
  assert.equal(find(page, 'قد يعجبك أيضا').hint, 'label');
  const titles = RELATED.map((t) => find(page, t));
  assert.ok(titles.every((b) => b.hint === 'heading' && b.zone === 'aside'));
  assert.equal(new Set(titles.map((b) => b.group)).size, 3);
  assert.equal(find(page, 'فبراير 1، 2024').group, titles[0]?.group);
  // a widget of headline links stays (a teaser list), a widget of short links goes
  assert.equal(find(page, 'أحدث المقالات').hint, 'label');
  assert.ok(RECENT.every((t) => find(page, t).hint === 'heading'));
  const all = page.blocks.map((b) => b.text).join('\n');
  for (const gone of ['تخطي إلى المحتوى', 'الرئيسية', 'شارك هذا', 'فيسبوك', 'تعليق من قارئ', 'اترك تعليقاً', 'بريدك', 'ووردبريس', 'بيئة']) {
    assert.ok(!all.includes(gone), gone);
  }
});

test('headline before the article body, a lead paragraph, an "also read" box inside the body', () => {
  const html = `<html><head><meta property="og:title" content="${TITLE}"></head><body><div class="page">
    <h1 class="title">${TITLE}</h1><p class="excerpt">ملخص المقال: المحطة تنتج ما يكفي لتزويد مئة ألف منزل بالكهرباء.</p>
    <span class="date">2024-01-02</span>
    <div class="entry-content"><p>${P[0]}</p><p>${P[1]}</p>
      <div class="inline-related"><h4>اقرأ أيضا</h4><ul><li><a href="/a">${RELATED[0]}</a></li><li><a href="/b">${RELATED[1]}</a></li></ul></div>
      <p>${P[2]}</p><p>${P[3]}</p></div></div></body></html>`;
  const page = run(html);
  assert.deepEqual(main(page), [TITLE, 'ملخص المقال: المحطة تنتج ما يكفي لتزويد مئة ألف منزل بالكهرباء.', P[0], P[1], P[2], P[3]]);
  assert.deepEqual(find(page, '2024-01-02'), { text: '2024-01-02', hint: 'date', zone: 'aside', group: find(page, TITLE).group });
  assert.equal(find(page, 'اقرأ أيضا').hint, 'label');
  assert.equal(find(page, RELATED[0] as string).hint, 'heading');
  assert.equal(find(page, RELATED[0] as string).zone, 'aside');
});

test('old table layout, lines split by <br>, no <h1>: a short article (Readability re-parses) is still found, its bold headline is the title', () => {
  const html = `<html><head><title>خطة لدعم المزارعين | موقع الأخبار</title></head><body><table><tr><td class="menu"><a href="/">الرئيسية</a></td></tr>
    <tr><td><font size="5"><b>خطة لدعم المزارعين</b></font><br><br>${P[0]?.slice(0, 9)}<b>${P[0]?.slice(9, 20)}</b>${P[0]?.slice(20)}<br><br>${P[1]}<br><br>المصدر: وكالات</td></tr></table></body></html>`;
  const page = run(html);
  assert.deepEqual(main(page), ['خطة لدعم المزارعين', P[0], P[1], 'المصدر: وكالات']);
  assert.equal(page.blocks[0]?.hint, 'title');
  assert.ok(!page.blocks.some((b) => b.text === 'الرئيسية'));
});

test('no <h1> and no headline in the text: the title block is made from the page title', () => {
  const html = `<html><head><title>${TITLE} - الموقع</title></head><body><div class="story">${P.map((p) => `<p>${p}</p>`).join('')}</div></body></html>`;
  const page = run(html);
  assert.deepEqual(page.blocks[0], { text: TITLE, hint: 'title', zone: 'main', group: 1 });
  assert.deepEqual(main(page), [TITLE, ...P]);
});

test('cookie wall: no main content, and the banner is not kept', () => {
  const html = `<html><head><title>الموقع</title></head><body><div id="consent-wall" class="cmp"><h2>نحن نهتم بخصوصيتك</h2>
    <p>نستخدم نحن وشركاؤنا ملفات تعريف الارتباط لتخزين المعلومات والوصول إليها على جهازك لتقديم إعلانات ومحتوى مخصص.</p><button>أوافق</button></div></body></html>`;
  const page = run(html);
  assert.deepEqual(page.warnings.map((w) => w.rule), ['html/no-main-content']);
  assert.deepEqual(page.blocks, []);
});

test('cards without heading elements: the one link of three words or more is the heading', () => {
  const html = `<html><body><h1>${TITLE}</h1><div class="body">${P.map((p) => `<p>${p}</p>`).join('')}</div>
    <div class="more"><h2>أخبار أخرى</h2><ul>${RELATED.map((t, i) => `<li><a href="/c">طاقة</a> <a href="/x/${i}">${t}</a> <span class="time">منذ ساعة</span></li>`).join('')}</ul></div></body></html>`;
  const page = run(html);
  assert.equal(find(page, 'أخبار أخرى').hint, 'label');
  for (const t of RELATED) {
    const b = find(page, t);
    assert.equal(b.hint, 'heading');
    assert.equal(page.blocks.filter((x) => x.group === b.group).length, 3);
  }
});

test('a card wrapped in one link (heading and lead inside the <a>) is one group', () => {
  const html = `<html><body><h1>${TITLE}</h1><div class="body">${P.map((p) => `<p>${p}</p>`).join('')}</div>
    <div class="grid">${RELATED.map((t, i) => `<div class="item"><a href="/r/${i}"><img src="/i.jpg" alt=""><h3>${t}</h3><p>مقتطف قصير من الخبر رقم ${i + 1} للقارئ</p></a><span class="date">أمس</span></div>`).join('')}</div></body></html>`;
  const page = run(html);
  for (const [i, t] of RELATED.entries()) {
    const b = find(page, t);
    assert.equal(b.hint, 'heading');
    assert.equal(find(page, `مقتطف قصير من الخبر رقم ${i + 1} للقارئ`).group, b.group);
  }
  assert.equal(new Set(RELATED.map((t) => find(page, t).group)).size, 3);
});

test('content Readability finds only on a retry (it re-parses the page): matched back by text', () => {
  // "extra" makes Readability strip the body on its first pass; the second pass works on a re-parsed copy.
  const html = `<html><head><title>${TITLE}</title></head><body><div class="page"><h1>${TITLE}</h1>
    <div class="story-extra"><p>${P[0]?.slice(0, 9)}<b>${P[0]?.slice(9, 20)}</b>${P[0]?.slice(20)}</p><p>${P[1]}</p><p>${P[2]}</p></div>
    <p>سطر قصير</p></div></body></html>`;
  const page = run(html);
  assert.deepEqual(main(page), [TITLE, P[0], P[1], P[2]]);
  assert.equal(find(page, 'سطر قصير').zone, 'aside');
});

test('a figure above the headline inside the article, and a section title that is a link', () => {
  const html = `<html><body><article><figure><img src="/a.jpg" alt=""><figcaption>صورة المحطة من الجو</figcaption></figure>
    <span class="date">2024-02-01</span><h1>${TITLE}</h1><div class="content">${P.map((p) => `<p>${p}</p>`).join('')}</div></article>
    <section><h2><a href="/energy">طاقة</a></h2>${RELATED.map((t, i) => `<article><h3><a href="/e/${i}">${t}</a></h3></article>`).join('')}</section></body></html>`;
  const page = run(html);
  assert.deepEqual(main(page), [TITLE, 'صورة المحطة من الجو', ...P]);
  assert.equal(page.blocks[0]?.hint, 'title');
  assert.equal(find(page, '2024-02-01').group, find(page, TITLE).group);
  assert.equal(find(page, 'طاقة').hint, 'label');
});
