import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract, type RawBlock } from './dom.js';
import { parseDocument } from './parse.js';
import { classWords, readClassWords } from './words.js';

const cut = (body: string): RawBlock[] => extract(parseDocument(`<!DOCTYPE html><html><body>${body}</body></html>`)).blocks;
const texts = (body: string): string[] => cut(body).map((b) => b.text);
const hints = (body: string): [string, string | undefined][] => cut(body).map((b) => [b.text, b.hint]);

test('one block per block element, <br> starts a new one, inline text stays whole', () => {
  assert.deepEqual(texts('<p>سطر أول<br>سطر ثان<br/><br>سطر ثالث</p>'), ['سطر أول', 'سطر ثان', 'سطر ثالث']);
  assert.deepEqual(texts('<div>مقدمة <p>فقرة</p> خاتمة</div>'), ['مقدمة', 'فقرة', 'خاتمة']);
  assert.deepEqual(texts('<p>كلمة<b>ملتصقة</b> و<a href="/x">رابط</a> <em>مائل</em></p>'), ['كلمةملتصقة ورابط مائل']);
  assert.deepEqual(texts('<ul><li>أول</li><li>ثان</li></ul><table><tr><td>خلية</td><th>رأس</th></tr></table><dl><dt>مصطلح</dt><dd>تعريف</dd></dl>'), ['أول', 'ثان', 'خلية', 'رأس', 'مصطلح', 'تعريف']);
  assert.deepEqual(texts('<blockquote>«اقتباس»</blockquote><section>نص قسم</section><hr>بعد الخط'), ['«اقتباس»', 'نص قسم', 'بعد الخط']);
});

test('whitespace collapsed; comments, scripts, controls, alt text and hidden elements give no text', () => {
  assert.deepEqual(texts('<p>  نص\n\t  على\u00a0\u00a0أسطر  </p>'), ['نص على أسطر']);
  const body = `<p>ظاهر<!-- تعليق --></p><script>var x = 'سكربت';</script><style>p{}</style><noscript>بلا سكربت</noscript>
    <img src="a.jpg" alt="نص بديل"><figure><img alt="بديل"><figcaption>تعليق الصورة</figcaption></figure>
    <p hidden>مخفي 1</p><div aria-hidden="true">مخفي 2</div><span style="display: none">مخفي 3</span><p style="color:red;visibility:hidden">مخفي 4</p>
    <button>زر</button><select><option>خيار</option></select><textarea>نص حر</textarea><iframe>إطار</iframe><svg><text>رسم</text></svg>
    <template><p>قالب</p></template><dialog>حوار</dialog>`;
  assert.deepEqual(texts(body), ['ظاهر', 'تعليق الصورة']);
});

test('hints from tags, attributes and class words; a hinted inline element is its own block', () => {
  assert.deepEqual(
    hints(`<h1>عنوان</h1><h2>فرعي</h2><h5>صغير</h5><figure><figcaption><p>شرح</p></figcaption></figure>
      <p class="wp-caption-text">شرح آخر</p><span class="photo-credit">تصوير: رويترز</span>
      <p>نشر في <time datetime="2024-01-01">1 يناير</time> بقلم <a rel="author" href="/a">كاتب</a></p>
      <div class="post-date">2024/01/01</div><span itemprop="author">محرر</span><div class="byline">مراسلنا</div>
      <ul class="post-tags"><li><a href="/t">وسم</a></li></ul><p>فقرة عادية</p>`),
    [
      ['عنوان', 'heading'], ['فرعي', 'heading'], ['صغير', 'heading'], ['شرح', 'caption'], ['شرح آخر', 'caption'], ['تصوير: رويترز', 'caption'],
      ['نشر في', undefined], ['1 يناير', 'date'], ['بقلم', undefined], ['كاتب', 'byline'], ['2024/01/01', 'date'], ['محرر', 'byline'],
      ['مراسلنا', 'byline'], ['وسم', 'boilerplate'], ['فقرة عادية', undefined],
    ],
  );
});

test('class-word hints apply to short text only', () => {
  const long = 'نص طويل جدا '.repeat(40);
  assert.deepEqual(hints(`<div class="date-and-content"><p>${long}</p></div>`), [[long.trim(), undefined]]);
});

test('a block that is one link’s text keeps the href', () => {
  const [a, b, c] = cut('<li><a href="/news/1">عنوان الخبر</a></li><li><a href="/a">جزء</a> و<a href="/b">جزء</a></li><li><a href="#">لا</a></li>');
  assert.equal(a?.link, '/news/1');
  assert.equal(b?.link, null);
  assert.equal(c?.link, null);
});

test('boilerplate elements are recorded as ranges, not cut: nav, footer outside articles, class words', () => {
  const x = extract(parseDocument(`<html><body><nav><a href="/">الرئيسية</a></nav><div class="share-bar">شارك</div>
    <article><p>نص</p><footer><time datetime="2024-01-01">تاريخ</time></footer></article><footer>حقوق</footer>
    <div class="widget"><a href="/">رابط</a></div></body></html>`));
  assert.deepEqual(x.blocks.map((b) => b.text), ['الرئيسية', 'شارك', 'نص', 'تاريخ', 'حقوق', 'رابط']);
  assert.deepEqual(x.drops.map((d) => [d.start, d.end, d.soft]), [[0, 1, false], [1, 2, false], [4, 5, false], [5, 6, true]]);
});

test('class words: split at case and punctuation, whole words only', () => {
  assert.deepEqual(classWords('mainNav post_meta--date'), ['main', 'nav', 'post', 'meta', 'date']);
  assert.equal(readClassWords('site-navigation', '').drop, 'hard');
  assert.equal(readClassWords('canvas-wrapper', '').drop, null);
  assert.equal(readClassWords('hidden-xs', '').drop, null);
  assert.equal(readClassWords('hidden', '').drop, 'hard');
  assert.equal(readClassWords('', 'sidebar-widget').drop, 'soft');
  assert.equal(readClassWords('uploads header', '').drop, null);
  assert.deepEqual(readClassWords('entry-footer', ''), { drop: null, hint: null, pageFrame: true });
  assert.equal(readClassWords('image-caption', '').hint, 'caption');
  assert.equal(readClassWords('author-name', '').hint, 'byline');
  assert.equal(readClassWords('post-date', '').hint, 'date');
  assert.equal(readClassWords('reading-time', '').hint, null);
});

test('runs of links: one block per link, a breadcrumb is one boilerplate block, a headline link and its date are two', () => {
  assert.deepEqual(hints('<div><a href="/c">طاقة</a> <a href="/n/1">عنوان خبر عن الطاقة</a></div>'), [['طاقة', undefined], ['عنوان خبر عن الطاقة', undefined]]);
  assert.deepEqual(hints('<div>آخر الأخبار: <a href="/1">خبر أول مهم جدا</a> - <a href="/2">خبر ثان مهم جدا</a></div>'), [
    ['آخر الأخبار:', undefined], ['خبر أول مهم جدا', undefined], ['خبر ثان مهم جدا', undefined],
  ]);
  assert.deepEqual(hints('<div class="path"><a href="/">الرئيسية</a> &gt; <a href="/s">صحة</a> &gt; عنوان المقال</div>'), [['الرئيسية > صحة > عنوان المقال', 'boilerplate']]);
  assert.deepEqual(hints('<li><a href="/n/2">الصحة تنفي تسجيل إصابات بالكوليرا</a> <span>06/08/2025</span></li>'), [['الصحة تنفي تسجيل إصابات بالكوليرا', undefined], ['06/08/2025', 'date']]);
  // a link inside a sentence stays in it
  assert.deepEqual(texts('<p>قال <a href="/p">وزير الخارجية</a> إن المحادثات ستستأنف في 12 مارس.</p>'), ['قال وزير الخارجية إن المحادثات ستستأنف في 12 مارس.']);
  assert.deepEqual(cut('<li><a href="/n/2">الصحة تنفي تسجيل إصابات بالكوليرا</a> <span>06/08/2025</span></li>')[0]?.link, '/n/2');
});
