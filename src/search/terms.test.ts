import { test } from 'node:test';
import assert from 'node:assert/strict';
import { indexTerms, termString, MAX_TERM } from './terms.js';

// [written forms, the one term they all give]
const folds: Array<[string, string[], string]> = [
  ['diacritics', ['قاعِدَة', 'قاعدة', 'قَاعِدَةٌ'], 'قاعد'],
  ['tatweel', ['قاعـــدة', 'قاعدة'], 'قاعد'],
  ['hamza on alef', ['أمن', 'امن'], 'امن'],
  ['hamza under alef', ['إسرائيل', 'اسرائيل'], 'اسراييل'],
  ['madda and wasla', ['آمال', 'امال'], 'امال'],
  ['alef wasla article', ['ٱلقاعدة', 'القاعدة'], 'قاعد'],
  ['alef maqsura', ['مستشفى', 'مستشفي', 'المستشفى'], 'مستشفي'],
  ['taa marbuta', ['قاعدة', 'قاعده'], 'قاعد'],
  ['conjunction و', ['وقاعدة', 'والقاعدة'], 'قاعد'],
  ['conjunction ف', ['فالقاعدة'], 'قاعد'],
  ['preposition ب', ['بالقاعدة', 'وبالقاعدة'], 'قاعد'],
  ['preposition ل', ['للقاعدة', 'لقاعدة'], 'قاعد'],
  ['preposition ل before a name', ['لروسيا', 'روسيا'], 'روسيا'],
  ['preposition ك', ['كالقاعدة'], 'قاعد'],
  ['article', ['القاعدة'], 'قاعد'],
  ['dual', ['القاعدتين', 'قاعدتان', 'القاعدتان'], 'قاعد'],
  ['pronoun', ['قاعدتها', 'قاعدتنا'], 'قاعد'],
  ['sound plural', ['المفاوضات', 'مفاوضات'], 'مفاوض'],
  ['names are kept', ['بوتين', 'وبوتين'], 'بوتين'],
  ['presentation forms', ['ﻻ', 'لا'], 'لا'],
  ['Latin case and accents', ['ÉCOLE', 'école', 'école'], 'école'],
  ['Latin dotted I', ['İstanbul', 'istanbul', 'ISTANBUL'], 'istanbul'],
  ['Latin inner punctuation', ['U.S.', 'US', 'us'], 'us'],
  ['hyphen', ['e-mail', 'Email'], 'email'],
  ['thousands separators', ['1,000', '1000', '١٬٠٠٠', '١٠٠٠'], '1000'],
  ['decimals', ['3,5', '3.5', '٣٫٥'], '3.5'],
];

for (const [name, forms, expected] of folds) {
  test(`fold: ${name}`, () => {
    const terms = forms.map((f) => termString(f));
    assert.equal(new Set(terms).size, 1, `${forms.join(' / ')} → ${terms.join(' / ')}`);
    assert.equal(terms[0], expected);
  });
}

test('indexTerms: one term per word, in order, with offsets on the original words', () => {
  // "و1.8": the conjunction written on a number is a detached proclitic, not a term.
  const text = 'قالَ الرئيسُ  (بوتين)، إنّ «القاعدةَ» باقيةٌ: 1,000 جندي في U.S. و1.8 مليار';
  const terms = indexTerms(text);
  assert.deepEqual(
    terms.map((t) => t.term),
    ['قال', 'رييس', 'بوتين', 'ان', 'قاعد', 'اقي', '1000', 'جندي', 'في', 'us', '1.8', 'مليار'],
  );
  assert.deepEqual(
    terms.map((t) => text.slice(t.start, t.end)),
    ['قالَ', 'الرئيسُ', 'بوتين', 'إنّ', 'القاعدةَ', 'باقيةٌ', '1,000', 'جندي', 'في', 'U.S.', '1.8', 'مليار'],
  );
});

test('detached proclitics are not terms', () => {
  assert.equal(termString('وقّع الاتفاق لـ«الشراكة» و«الشرق» بـ5 مليارات'), 'وقع اتفاق شراك شرق 5 مليار');
});

test('punctuation, symbols and emoji give no term', () => {
  assert.equal(termString('!!! ... «» — 😀 ؟ ، * & | : () \' " \\'), '');
  assert.deepEqual(indexTerms(''), []);
});

test('term strings hold only letters, marks, digits and inner dots of numbers', () => {
  const text = "don't 19.04.2025 a_b C++ x@y.com https://t.co/abc 5G ١٢٣ café naïve #وسم @حساب";
  const s = termString(text);
  assert.equal(s, 'dont 19.04.2025 a b c x y com https t co abc 5g 123 café naïve وسم حساب');
  for (const t of s.split(' ')) assert.match(t, /^(?:[\p{L}\p{M}\p{N}]+|\p{N}+(?:\.\p{N}+)+)$/u);
});

test('very long tokens are cut to MAX_TERM units', () => {
  const long = 'a'.repeat(5000);
  const terms = indexTerms(`x ${long} y`);
  assert.equal(terms[0]?.term, 'x');
  assert.equal(terms[1]?.term.length, MAX_TERM);
  assert.equal(terms[1]?.end, 2 + long.length);
  assert.equal(terms[2]?.term, 'y');
});
