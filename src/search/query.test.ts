import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseQuery, toTermsTsQuery, toTsQuery, MAX_TERMS, type ParsedQuery } from './query.js';

function parsed(q: string): ParsedQuery {
  const p = parseQuery(q);
  if ('error' in p) throw new Error(`${q}: ${p.error}`);
  return p;
}

// [query, words, phrases]
const queries: Array<[string, string[], string[][]]> = [
  ['قاعدة', ['قاعد'], []],
  ['القاعدة', ['قاعد'], []],
  ['بالقاعدة', ['قاعد'], []],
  ['القاعدتين', ['قاعد'], []],
  ['قاعِدة', ['قاعد'], []],
  ['قاعـــدة', ['قاعد'], []],
  ['القاعدة قاعدة بالقاعدة', ['قاعد'], []],
  ['أحمد إبراهيم آمال مستشفى', ['احمد', 'ابراهيم', 'امال', 'مستشفي'], []],
  ['"قاعدة حميميم" بوتين', ['بوتين'], [['قاعد', 'حميميم']]],
  ['«وزير الخارجية» لافروف', ['لافروف'], [['وزير', 'خارجي']]],
  ['»وزير الخارجية« لافروف', ['لافروف'], [['وزير', 'خارجي']]],
  ['“وزير الخارجية” لافروف', ['لافروف'], [['وزير', 'خارجي']]],
  ['„وزير الخارجية“', [], [['وزير', 'خارجي']]],
  ['بوتين «قاعدة حميميم» و«وزير الخارجية»', ['بوتين'], [['قاعد', 'حميميم'], ['وزير', 'خارجي']]],
  ['«قاعدة حميميم» «القاعدة في حميميم» «قاعدة حميميم»', [], [['قاعد', 'حميميم'], ['قاعد', 'في', 'حميميم']]],
  ['"بوتين" روسيا', ['بوتين', 'روسيا'], []], // a one-word phrase is a word
  ['"" روسيا «»', ['روسيا'], []],
  ['"وزير الخارجية', [], [['وزير', 'خارجي']]], // an unclosed quote runs to the end
  ['وزير في روسيا', ['وزير', 'في', 'روسيا'], []], // stopwords are kept
  ['و«الشرق» الأوسط', ['شرق', 'اوسط'], []], // a detached proclitic is no term, as in the index
  ['Putin OR -Russia', ['putin', 'or', 'russia'], []],
];

for (const [q, words, phrases] of queries) {
  test(`parseQuery ${JSON.stringify(q)}`, () => {
    const p = parsed(q);
    assert.deepEqual(p.words, words);
    assert.deepEqual(p.phrases, phrases);
    assert.deepEqual(new Set(p.all), new Set([...words, ...phrases.flat()]));
    assert.equal(new Set(p.all).size, p.all.length);
  });
}

for (const q of ['', '   ', '!!! ... ؟', '«»', '""', '& | ! ( ) : *', '😀', 'ـــ', '\u064e\u0650']) {
  test(`parseQuery ${JSON.stringify(q)} is an error`, () => {
    const p = parseQuery(q);
    assert.ok('error' in p);
    assert.equal(typeof p.error, 'string');
  });
}

// [query, tsquery]
const tsqueries: Array<[string, string]> = [
  ['قاعدة', "'قاعد'"],
  ['"قاعدة حميميم" بوتين', "'بوتين' & ('قاعد' <-> 'حميميم')"],
  ['روسيا «وزير الخارجية في موسكو»', "'روسيا' & ('وزير' <-> 'خارجي' <-> 'في' <-> 'موسكو')"],
  ["it's a 'test' \\ & | ! ( ) : * <-> <2>", "'its' & 'a' & 'test' & '2'"],
  ["'; DROP TABLE articles; --", "'drop' & 'table' & 'articles'"],
  ['a:* & !b | (c)', "'a' & 'b' & 'c'"],
];

for (const [q, expected] of tsqueries) {
  test(`toTsQuery ${JSON.stringify(q)}`, () => {
    assert.equal(toTsQuery(parsed(q)), expected);
  });
}

test('toTsQuery quotes hostile lexemes whatever a caller puts in a ParsedQuery', () => {
  const p: ParsedQuery = { words: ["a'b", 'c\\', '', "x' | 'y"], phrases: [["d'", '\\e'], ['', 'f']], all: [] };
  assert.equal(toTsQuery(p), "'a''b' & 'c\\\\' & 'x'' | ''y' & ('d''' <-> '\\\\e') & 'f'");
  assert.equal(toTsQuery({ words: [], phrases: [], all: [] }), '');
});

test('toTermsTsQuery: every term ANDed, phrases taken apart, quoted like toTsQuery', () => {
  assert.equal(toTermsTsQuery(parsed('روسيا «وزير الخارجية في موسكو» روسيا')), "'روسيا' & 'وزير' & 'خارجي' & 'في' & 'موسكو'");
  assert.equal(toTermsTsQuery(parsed('"قاعدة حميميم" «القاعدة في حميميم»')), "'قاعد' & 'حميميم' & 'في'");
  assert.equal(toTermsTsQuery({ words: [], phrases: [], all: ["a'b", '', 'c\\'] }), "'a''b' & 'c\\\\'");
});

test('a very long query is cut to MAX_TERMS terms', () => {
  const words = Array.from({ length: 500 }, (_, i) => `w${i}`);
  const p = parsed(words.join(' '));
  assert.equal(p.all.length, MAX_TERMS);
  assert.deepEqual(p.words, words.slice(0, MAX_TERMS));
  const phrase = parsed(`"${words.join(' ')}"`);
  assert.equal(phrase.phrases[0]?.length, MAX_TERMS);
  const huge = parsed('قاعدة '.repeat(200_000));
  assert.deepEqual(huge.all, ['قاعد']);
  assert.equal(toTsQuery(parsed('x'.repeat(100_000))).length, 64 + 2);
});
