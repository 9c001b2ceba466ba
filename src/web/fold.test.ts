import { test } from 'node:test';
import assert from 'node:assert/strict';
import { bases, fold, matchesAll, parseQuery, queryKeys, snippetAround, termSpans, tokenize } from './client/fold.js';

test('fold: diacritics, tatweel, hamza and alef forms, ى, ة, digits', () => {
  assert.equal(fold('مُحَمَّد'), 'محمد');
  assert.equal(fold('القاعـــدة'), 'القاعده');
  assert.equal(fold('أإآٱ'), 'اااا');
  assert.equal(fold('مؤتمر'), 'موتمر');
  assert.equal(fold('رئيس'), 'رييس');
  assert.equal(fold('مستشفى'), 'مستشفي');
  assert.equal(fold('٢٠٢٥'), '2025');
  assert.equal(fold('CNN'), 'cnn');
});

test('bases: leading clitics off, at least two letters left', () => {
  assert.ok(bases(fold('بالقاعدة')).includes('قاعده'));
  assert.ok(bases(fold('والقاعدة')).includes('قاعده'));
  assert.ok(bases(fold('للبنك')).includes('بنك'));
  assert.ok(bases(fold('وموسكو')).includes('موسكو'));
  assert.deepEqual(bases('ال'), ['ال']);
});

test('queryKeys: a light suffix off the query word', () => {
  assert.ok(queryKeys('قاعدة').includes('قاعد'));
  assert.ok(queryKeys('المفاوضات').includes('مفاوض'));
});

test('word search: قاعدة finds القاعدتين and بالقاعدة; every term must match', () => {
  const text = 'ناقش الوفد مستقبل القاعدتين، وقال إن الحوار بالقاعدة مستمر.';
  assert.ok(matchesAll(text, parseQuery('قاعدة')));
  assert.ok(matchesAll(text, parseQuery('قاعدة الحوار')));
  assert.ok(!matchesAll(text, parseQuery('قاعدة طرطوس')));
  assert.ok(matchesAll(text, parseQuery('')));
  const spans = termSpans(tokenize(text), parseQuery('قاعدة')[0] as string[][]);
  assert.deepEqual(spans.map(([s, e]) => text.slice(s, e)), ['القاعدتين', 'بالقاعدة']);
});

test('phrase search: words next to each other, in order', () => {
  const text = 'قال البنك المركزي المصري إن المركزي البنك';
  const [phrase] = parseQuery('"البنك المركزي"');
  assert.equal(phrase?.length, 2);
  const spans = termSpans(tokenize(text), phrase as string[][]);
  assert.deepEqual(spans.map(([s, e]) => text.slice(s, e)), ['البنك المركزي']);
});

test('a short word does not match as a prefix of a longer one', () => {
  assert.ok(!matchesAll('موسكو', parseQuery('مو')));
});

test('snippetAround: a window around the first match, highlights moved into it', () => {
  const text = 'أ'.repeat(400) + ' كلمة ' + 'ب'.repeat(400);
  const at = text.indexOf('كلمة');
  const { snippet, highlights } = snippetAround(text, [[at, at + 4]]);
  assert.ok(snippet.startsWith('… '));
  assert.ok(snippet.endsWith(' …') || snippet.length < 300);
  const [h] = highlights;
  assert.ok(h !== undefined);
  assert.equal(snippet.slice(h[0], h[1]), 'كلمة');
});

test('snippetAround: a short text is whole, newlines become spaces, offsets kept', () => {
  const text = 'سطر أول\n\nسطر ثان';
  const { snippet, highlights } = snippetAround(text, [[10, 13]]);
  assert.equal(snippet, 'سطر أول  سطر ثان');
  assert.deepEqual(highlights, [[10, 13]]);
});
