import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize, analyzeWord, createTokenizer, isDetachedProclitic, type Token } from './tokenize.js';

// [word, base, prefixes, candidates]
const words: Array<[string, string, string[], string[]]> = [
  // clitics before names
  ['وبوتين', 'بوتين', ['و'], ['وبوتين', 'بوتين']],
  ['بوتين', 'بوتين', [], ['بوتين']],
  ['لروسيا', 'روسيا', ['ل'], ['لروسيا', 'روسيا']],
  ['بالكرملين', 'كرملين', ['ب', 'ال'], ['بالكرملين', 'الكرملين', 'كرملين']],
  ['والقاعدة', 'قاعده', ['و', 'ال'], ['والقاعده', 'القاعده', 'قاعده']],
  ['للقاعدة', 'قاعده', ['ل', 'ال'], ['للقاعده', 'لقاعده', 'قاعده']],
  ['وبالقاعدة', 'قاعده', ['و', 'ب', 'ال'], ['وبالقاعده', 'بالقاعده', 'القاعده', 'قاعده']],
  ['فلاديمير', 'فلاديمير', [], ['فلاديمير']],
  ['لندن', 'لندن', [], ['لندن']],
  ['ولندن', 'لندن', ['و'], ['ولندن', 'لندن']],
  ['كييف', 'كييف', [], ['كييف']],
  ['باريس', 'باريس', [], ['باريس']],
  ['وباريس', 'باريس', ['و'], ['وباريس', 'باريس']],
  ['لبنان', 'لبنان', [], ['لبنان']],
  ['للبنان', 'لبنان', ['ل'], ['للبنان', 'لبنان']],
  ['ألمانيا', 'المانيا', [], ['المانيا']],
  ['بألمانيا', 'المانيا', ['ب'], ['بالمانيا', 'المانيا']],
  ['واشنطن', 'واشنطن', [], ['واشنطن']],
  ['لواشنطن', 'واشنطن', ['ل'], ['لواشنطن', 'واشنطن']],
  // verbs and common words
  ['وقال', 'قال', ['و'], ['وقال', 'قال']],
  ['وأضافت', 'اضافت', ['و'], ['واضافت', 'اضافت']],
  ['فقال', 'قال', ['ف'], ['فقال', 'قال']],
  ['وزير', 'وزير', [], ['وزير']],
  ['ووزير', 'وزير', ['و'], ['ووزير', 'وزير']],
  ['كانت', 'كانت', [], ['كانت']],
  ['وكانت', 'كانت', ['و'], ['وكانت', 'كانت']],
  ['وفي', 'في', ['و'], ['وفي', 'في']],
  ['فيها', 'فيها', [], ['فيها']],
  ['الذي', 'الذي', [], ['الذي']],
  ['الولايات', 'ولايات', ['ال'], ['الولايات', 'ولايات']],
  ['بالتزامات', 'التزامات', ['ب'], ['بالتزامات', 'التزامات']],
  ['الاتحاد', 'اتحاد', ['ال'], ['الاتحاد', 'اتحاد']],
  ['كالعادة', 'عاده', ['ك', 'ال'], ['كالعاده', 'العاده', 'عاده']],
  ['وللمرة', 'مره', ['و', 'ل', 'ال'], ['وللمره', 'للمره', 'لمره', 'مره']],
  ['لتحقيق', 'تحقيق', ['ل'], ['لتحقيق', 'تحقيق']],
  ['بغزة', 'غزه', ['ب'], ['بغزه', 'غزه']],
  // the guard: never a base under 2 letters, lone clitics only before 3 letters or more
  ['بين', 'بين', [], ['بين']],
  ['لدى', 'لدي', [], ['لدي']],
  ['وله', 'وله', [], ['وله', 'له']],
  ['الى', 'الي', [], ['الي']],
  ['بها', 'بها', [], ['بها', 'ها']],
  ['لله', 'لله', [], ['لله', 'له']],
  ['كل', 'كل', [], ['كل']],
  // diacritics and tatweel do not matter
  ['وَبِالْقَاعِدَةِ', 'قاعده', ['و', 'ب', 'ال'], ['وبالقاعده', 'بالقاعده', 'القاعده', 'قاعده']],
  ['والـقـاعـدة', 'قاعده', ['و', 'ال'], ['والقاعده', 'القاعده', 'قاعده']],
];

test('clitics: base, prefixes and candidates', async (t) => {
  for (const [word, base, prefixes, candidates] of words) {
    await t.test(word, () => {
      const toks = tokenize(word);
      assert.equal(toks.length, 1);
      const tok = toks[0] as Token;
      assert.equal(tok.kind, 'word');
      assert.equal(tok.text, word);
      assert.deepEqual({ base: tok.base, prefixes: tok.prefixes, candidates: tok.candidates }, { base, prefixes, candidates });
      assert.deepEqual(analyzeWord(word), { base, prefixes, candidates });
    });
  }
});

type Row = [string, string, Token['kind'], string]; // text, norm, kind, base
// [input, tokens as [text, norm, kind, base]]
const sequences: Array<[string, Row[]]> = [
  [
    'لـ«الشراكة»',
    [
      ['لـ', 'ل', 'word', 'ل'],
      ['«', '"', 'punct', '"'],
      ['الشراكة', 'الشراكه', 'word', 'شراكه'],
      ['»', '"', 'punct', '"'],
    ],
  ],
  [
    'و"الجزيرة"',
    [
      ['و', 'و', 'word', 'و'],
      ['"', '"', 'punct', '"'],
      ['الجزيرة', 'الجزيره', 'word', 'جزيره'],
      ['"', '"', 'punct', '"'],
    ],
  ],
  [
    'نما الاقتصاد 1.8% في 2024، و٣٫٥ بالمئة بـ٥ ملايين',
    [
      ['نما', 'نما', 'word', 'نما'],
      ['الاقتصاد', 'الاقتصاد', 'word', 'اقتصاد'],
      ['1.8', '1.8', 'number', '1.8'],
      ['%', '%', 'punct', '%'],
      ['في', 'في', 'word', 'في'],
      ['2024', '2024', 'number', '2024'],
      ['،', ',', 'punct', ','],
      ['و', 'و', 'word', 'و'],
      ['٣٫٥', '3.5', 'number', '3.5'],
      ['بالمئة', 'بالميه', 'word', 'ميه'],
      ['بـ', 'ب', 'word', 'ب'],
      ['٥', '5', 'number', '5'],
      ['ملايين', 'ملايين', 'word', 'ملايين'],
    ],
  ],
  [
    'في 19.04.2025 بلغ 1,000,000 دولار',
    [
      ['في', 'في', 'word', 'في'],
      ['19.04.2025', '19.04.2025', 'number', '19.04.2025'],
      ['بلغ', 'بلغ', 'word', 'بلغ'],
      ['1,000,000', '1,000,000', 'number', '1,000,000'],
      ['دولار', 'دولار', 'word', 'دولار'],
    ],
  ],
  [
    'قالت Reuters إن شركة Apple طرحت iPhone 16 في U.S. (رويترز)',
    [
      ['قالت', 'قالت', 'word', 'قالت'],
      ['Reuters', 'reuters', 'latin', 'reuters'],
      ['إن', 'ان', 'word', 'ان'],
      ['شركة', 'شركه', 'word', 'شركه'],
      ['Apple', 'apple', 'latin', 'apple'],
      ['طرحت', 'طرحت', 'word', 'طرحت'],
      ['iPhone', 'iphone', 'latin', 'iphone'],
      ['16', '16', 'number', '16'],
      ['في', 'في', 'word', 'في'],
      ['U.S.', 'u.s.', 'latin', 'u.s.'],
      ['(', '(', 'punct', '('],
      ['رويترز', 'رويترز', 'word', 'رويترز'],
      [')', ')', 'punct', ')'],
    ],
  ],
  [
    'شبكة 5G وفيروس COVID-19 وتقرير al-Monitor',
    [
      ['شبكة', 'شبكه', 'word', 'شبكه'],
      ['5G', '5g', 'latin', '5g'],
      ['وفيروس', 'وفيروس', 'word', 'فيروس'],
      ['COVID-19', 'covid-19', 'latin', 'covid-19'],
      ['وتقرير', 'وتقرير', 'word', 'تقرير'],
      ['al-Monitor', 'al-monitor', 'latin', 'al-monitor'],
    ],
  ],
  [
    'ماذا بعد؟! انتظروا...',
    [
      ['ماذا', 'ماذا', 'word', 'ماذا'],
      ['بعد', 'بعد', 'word', 'بعد'],
      ['؟', '?', 'punct', '?'],
      ['!', '!', 'punct', '!'],
      ['انتظروا', 'انتظروا', 'word', 'انتظروا'],
      ['...', '...', 'punct', '...'],
    ],
  ],
  [
    'الرئيسُ\u200f بوتين 👍',
    [
      ['الرئيسُ', 'الرييس', 'word', 'رييس'],
      ['بوتين', 'بوتين', 'word', 'بوتين'],
      ['👍', '👍', 'punct', '👍'],
    ],
  ],
  ['', []],
  ['  \n\t ', []],
];

test('tokenize: kinds, spans and normalized forms', async (t) => {
  for (const [input, expected] of sequences) {
    await t.test(input, () => {
      const toks = tokenize(input);
      assert.deepEqual(
        toks.map((x) => [x.text, x.norm, x.kind, x.base]),
        expected,
      );
      for (const x of toks) assert.equal(input.slice(x.start, x.end), x.text);
    });
  }
});

test('isDetachedProclitic: clitics written apart from their word', () => {
  const cases: Array<[string, number, boolean]> = [
    ['لـ«الشراكة»', 0, true],
    ['بـ5 ملايين', 0, true],
    ['و«الشرق»', 0, true],
    ['الـ20', 0, true],
    ['و قال', 0, false],
    ['بين الدول', 0, false],
  ];
  for (const [input, i, expected] of cases) assert.equal(isDetachedProclitic(tokenize(input), i), expected, input);
});

test('createTokenizer: extra stems from a gazetteer', () => {
  assert.equal(tokenize('وبنيت')[0]?.base, 'نيت');
  const tk = createTokenizer({ stems: ['بنيت'] });
  assert.deepEqual(tk('وبنيت').map((x) => [x.base, x.candidates]), [['بنيت', ['وبنيت', 'بنيت']]]);
});

test('clitics: a known noun in ة keeps its first letter in its plural and before a suffix (بوابة → بوابات, بوابتها)', () => {
  for (const w of ['بوابة', 'بوابات', 'البوابات', 'بوابتها', 'بوابتين', 'وبوابات']) assert.equal(analyzeWord(w).base.startsWith('بواب'), true, w);
  // a preposition before a word that is no known stem is still stripped
  assert.equal(analyzeWord('بمحادثات').base, 'محادثات');
});
