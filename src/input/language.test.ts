import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decode } from './index.js';
import { identifyLanguage, visibleText } from './language.js';
import { ARABIC, ENGLISH, PERSIAN, URDU, utf8 } from './test-text.js';

const TAG_LINE = 'كلمات دلالية: فی سوریا بوتین أن';

function htmlPage(body: string, lang = 'ar'): string {
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><title>News</title>
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('config', 'UA-000000');</script>
<style>body { font-family: Tahoma, Arial, sans-serif; } .menu li { display: inline-block; }</style></head>
<body><header><ul class="menu"><li><a href="/">Home</a></li><li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li></ul></header>
<main>${body}</main><footer>Copyright 2024. All rights reserved.</footer></body></html>`;
}

const cases: Array<{ name: string; text: string; html?: boolean; language: string; rules: string[] }> = [
  { name: 'Arabic news text', text: ARABIC.join('\n\n'), language: 'ar', rules: [] },
  { name: 'Persian page', text: PERSIAN, language: 'fa', rules: ['language/not-arabic'] },
  { name: 'Urdu page', text: URDU, language: 'ur', rules: ['language/not-arabic'] },
  { name: 'English page', text: ENGLISH, language: 'en', rules: ['language/not-arabic'] },
  { name: 'Arabic page with a Persian-spelled tag line', text: `${ARABIC[4]}\n\n${ARABIC[0]}\n\n${TAG_LINE}\n`, language: 'ar', rules: [] },
  { name: 'the tag line alone', text: TAG_LINE, language: 'ar', rules: [] },
  { name: 'short Arabic error page', text: 'الصفحة غير موجودة', language: 'ar', rules: [] },
  { name: 'three-letter Arabic page', text: 'خطأ 404', language: 'ar', rules: [] },
  { name: 'Arabic page quoting a Persian paragraph', text: [ARABIC[0], ARABIC[1], PERSIAN, ARABIC[2], ARABIC[3]].join('\n'), language: 'ar', rules: [] },
  { name: 'Persian page quoting an Arabic verse', text: `${PERSIAN}\nبسم الله الرحمن الرحيم\n${PERSIAN}`, language: 'fa', rules: ['language/not-arabic'] },
  { name: 'Persian typed with Arabic ي and ك', text: PERSIAN.replace(/ی/g, 'ي').replace(/ک/g, 'ك'), language: 'fa', rules: ['language/not-arabic'] },
  { name: 'short Persian title', text: 'صفحه پیدا نشد', language: 'fa', rules: ['language/not-arabic'] },
  { name: 'short Urdu title', text: 'صفحہ نہیں ملا', language: 'ur', rules: ['language/not-arabic'] },
  // No function words at all: letters and franc-min decide.
  { name: 'a list of Persian city names', text: 'تهران مشهد اصفهان شیراز تبریز کرمانشاه اهواز قم رشت زاهدان', language: 'fa', rules: ['language/not-arabic'] },
  { name: 'a list of Urdu city names', text: 'کراچی لاہور اسلام آباد راولپنڈی فیصل آباد ملتان پشاور کوئٹہ', language: 'ur', rules: ['language/not-arabic'] },
  { name: 'a list of Arabic city names', text: 'القاهرة الإسكندرية الجيزة أسوان الأقصر بورسعيد السويس دمياط', language: 'ar', rules: [] },
  { name: 'English page quoting a little Arabic', text: `${ENGLISH} He said: "نحن مستعدون للحوار". ${ENGLISH}`, language: 'en', rules: ['language/not-arabic'] },
  { name: 'French page', text: 'Le ministère de la santé a annoncé mardi que le nombre de cas de grippe saisonnière a augmenté dans plusieurs provinces du sud.', language: 'fr', rules: ['language/not-arabic'] },
  { name: 'Russian page', text: 'Министерство здравоохранения объявило во вторник, что число случаев сезонного гриппа выросло в нескольких южных провинциях.', language: 'ru', rules: ['language/not-arabic'] },
  { name: 'digits and punctuation only', text: '2024-05-01 | 12:30 | 404', language: 'und', rules: ['language/undetermined'] },
  { name: 'Arabic-Indic digits only', text: '١٢٣ ٤٥٦ ٧٨٩', language: 'und', rules: ['language/undetermined'] },
  { name: 'too little Latin text to tell', text: 'Not Found', language: 'und', rules: ['language/undetermined'] },
  // HTML: judged on the text, not the tags, scripts and styles.
  { name: 'HTML Arabic article in an English-labelled template', html: true, text: htmlPage(`<h1>${ARABIC[1]!.slice(0, 40)}</h1><p>${ARABIC[1]}</p>`), language: 'ar', rules: [] },
  { name: 'HTML short Arabic error page', html: true, text: htmlPage('<h1>الصفحة غير موجودة</h1>'), language: 'ar', rules: [] },
  { name: 'HTML Persian page', html: true, text: htmlPage(`<p>${PERSIAN}</p>`, 'fa'), language: 'fa', rules: ['language/not-arabic'] },
  { name: 'HTML Urdu page', html: true, text: htmlPage(`<p>${URDU}</p>`, 'ur'), language: 'ur', rules: ['language/not-arabic'] },
  { name: 'HTML Arabic written as numeric entities', html: true, text: htmlPage('<p>&#1582;&#1576;&#1585; &#x639;&#x627;&#x62C;&#x644;</p>'), language: 'ar', rules: [] },
  { name: 'HTML with no text at all', html: true, text: '<html><head><script>var title = "Arabic news";</script></head><body></body></html>', language: 'und', rules: ['language/undetermined'] },
];

for (const c of cases) {
  test(`language: ${c.name}`, () => {
    const result = identifyLanguage(c.text, c.html === true);
    assert.equal(result.language, c.language);
    assert.deepEqual(result.warnings.map((w) => w.rule), c.rules);
  });
}

test('the not-arabic warning names the language found', () => {
  const page = decode({ source: 'fa.txt', format: 'text', bytes: utf8(PERSIAN) });
  assert.equal(page.language, 'fa');
  assert.deepEqual(page.warnings.map((w) => w.rule), ['language/not-arabic']);
  assert.match(page.warnings[0]!.message, /Persian \(fa\)/);
});

test('a long Arabic page with a Persian tag line at its end stays Arabic', () => {
  const text = `${Array.from({ length: 20 }, (_, i) => ARABIC[i % ARABIC.length]).join('\n\n')}\n\n${TAG_LINE}\n${TAG_LINE}`;
  assert.equal(identifyLanguage(text, false).language, 'ar');
});

test('visibleText drops scripts, styles, comments and tags and decodes entities', () => {
  const html = '<p>خبر&nbsp;<b>عاجل</b></p><script>var a = "<p>no</p>";</script><!-- hidden --><style>p{}</style>&#1605;&amp;';
  assert.equal(visibleText(html).replace(/\s+/g, ' ').trim(), 'خبر عاجل م&');
});

test('an HTML page whose only text is in its header is judged on the header', () => {
  const html = '<html><body><header><h1>الصفحة غير موجودة</h1></header><main></main></body></html>';
  assert.equal(identifyLanguage(html, true).language, 'ar');
  const english = '<html><body><header><h1>This page could not be found on our server</h1></header></body></html>';
  assert.equal(identifyLanguage(english, true).language, 'en');
});

test('Arabic typed with a Persian keyboard (ی and ک throughout) stays Arabic', () => {
  for (const paragraph of ARABIC) {
    const persianKeyboard = paragraph.replace(/[يى]/g, 'ی').replace(/ك/g, 'ک');
    assert.equal(identifyLanguage(persianKeyboard, false).language, 'ar', persianKeyboard);
  }
});
