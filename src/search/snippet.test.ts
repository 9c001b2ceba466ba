import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findHits, hitsIn, snippet, type Snippet } from './snippet.js';
import { parseQuery, type ParsedQuery } from './query.js';
import { indexTerms } from './terms.js';

function q(s: string): ParsedQuery {
  const p = parseQuery(s);
  if ('error' in p) throw new Error(p.error);
  return p;
}

const marked = (s: Snippet): string[] => s.highlights.map(([a, b]) => s.snippet.slice(a, b));

/** Highlights sorted, not overlapping, inside the snippet, each on a whole word. */
function wellFormed(s: Snippet): void {
  let last = 0;
  for (const [a, b] of s.highlights) {
    assert.ok(a >= last && a < b && b <= s.snippet.length, JSON.stringify(s));
    assert.ok(a === 0 || /[\s«"(…]/u.test(s.snippet[a - 1] as string), `highlight starts inside a word: ${JSON.stringify(s)}`);
    last = b;
  }
  assert.equal(s.snippet, s.snippet.trim());
  assert.doesNotMatch(s.snippet, /\s\s|\n/u);
}

const filler = (n: number): string => 'وأضاف المتحدث أن الاجتماع سيعقد الأسبوع المقبل. '.repeat(n);
const article =
  'قال مسؤول روسي إن القاعدةَ الجوية في حميميم باقية.\n\nوأضاف أن موسكو لن تتخلى عن قاعدتها البحرية في طرطوس. ' +
  filler(8) +
  'وأكد وزير الخارجية الروسي سيرغي لافروف أن القاعدتين في حميميم وطرطوس ستبقيان. ' +
  filler(8);

// [query, width, words that must be highlighted (in order), starts with "…", ends with "…"]
const cases: Array<[string, number, string[], boolean, boolean]> = [
  ['قاعدة حميميم', 120, ['القاعدةَ', 'حميميم', 'قاعدتها'], false, true],
  ['لافروف', 120, ['لافروف'], true, true],
  ['"وزير الخارجية" قاعدة', 240, ['وزير', 'الخارجية', 'القاعدتين'], true, true], // the phrase weighs 2
  ['«وزير الخارجية» لافروف', 160, ['وزير', 'الخارجية', 'لافروف'], true, true],
  ['لافروف القاعدتين طرطوس', 120, ['لافروف', 'القاعدتين', 'وطرطوس'], true, true],
  ['"القاعدة الجوية"', 60, ['القاعدةَ', 'الجوية'], false, true],
];

for (const [query, width, words, lead, trail] of cases) {
  test(`snippet for ${query} (width ${width})`, () => {
    const s = snippet(article, 'عنوان', q(query), width);
    wellFormed(s);
    assert.deepEqual(marked(s), words);
    assert.equal(s.snippet.startsWith('…'), lead, s.snippet);
    assert.equal(s.snippet.endsWith('…'), trail, s.snippet);
    assert.ok(s.snippet.length <= width + 2, `${s.snippet.length} > ${width}`);
  });
}

test('the densest cluster wins over the first match', () => {
  const text = `لافروف ${filler(10)} قال لافروف إن حميميم وطرطوس باقيتان. ${filler(10)}`;
  const s = snippet(text, '', q('لافروف حميميم طرطوس'), 100);
  wellFormed(s);
  assert.deepEqual(marked(s), ['لافروف', 'حميميم', 'وطرطوس']);
});

test('a phrase is highlighted where its words are next to each other only', () => {
  const text = 'وزير الدفاع التقى نظيره. ' + filler(3) + 'ثم تحدث وزير الخارجية عن المفاوضات.';
  const s = snippet(text, '', q('"وزير الخارجية"'), 80);
  wellFormed(s);
  assert.deepEqual(marked(s), ['وزير', 'الخارجية']);
});

test('a phrase found nowhere falls back to its words', () => {
  const s = snippet('أعلنت الخارجية أن الوزير سافر', '', q('"وزير الخارجية"'), 240);
  assert.deepEqual(marked(s), ['الخارجية', 'الوزير']);
  // وزيرة has the term of وزير, so this one is a phrase occurrence
  assert.deepEqual(marked(snippet('وزير الدفاع التقى وزيرة الخارجية', '', q('"وزير الخارجية"'), 240)), ['وزيرة', 'الخارجية']);
});

test('Arabic text with diacritics, tatweel and clitics: highlights cover the whole written word', () => {
  const text = 'وَقَالَ الرَّئِيسُ إِنَّ بِالقَاعِدَةِ الجَوِّيَّةِ جُنُوداً، وَلِلقـــاعدة دَوْرٌ فِي «حُمَيْمِيم».';
  const s = snippet(text, '', q('قاعدة حميميم'), 240);
  wellFormed(s);
  assert.equal(s.snippet, text);
  assert.deepEqual(marked(s), ['بِالقَاعِدَةِ', 'وَلِلقـــاعدة', 'حُمَيْمِيم']);
});

test('no match in the text but in the title: the title with its highlights', () => {
  const s = snippet(filler(20), 'بوتين يزور قاعدة حميميم', q('حميميم'), 240);
  assert.equal(s.snippet, 'بوتين يزور قاعدة حميميم');
  assert.deepEqual(s.highlights, [[17, 23]]);
});

test('no match at all: the start of the text, cut at a word', () => {
  const text = filler(20);
  const s = snippet(text, 'عنوان', q('لافروف'), 100);
  wellFormed(s);
  assert.deepEqual(s.highlights, []);
  assert.ok(s.snippet.endsWith('…'));
  const body = s.snippet.slice(0, -1);
  assert.ok(text.startsWith(body) && /\s/u.test(text[body.length] as string), s.snippet);
  assert.ok(body.length <= 100);
  assert.deepEqual(snippet('نص قصير', 'عنوان', q('لافروف')), { snippet: 'نص قصير', highlights: [] });
  assert.deepEqual(snippet('  ', 'عنوان الخبر', q('لافروف')), { snippet: 'عنوان الخبر', highlights: [] });
  assert.deepEqual(snippet('', '', q('لافروف')), { snippet: '', highlights: [] });
});

test('cuts never split a surrogate pair or leave a mark without its letter', () => {
  // No spaces at all: the cut is a hard one.
  for (let i = 0; i < 6; i++) {
    const text = 'ب'.repeat(i) + 'قَاعِدَّةٌ😀'.repeat(40);
    for (const width of [5, 10, 11, 12, 13, 37]) {
      const s = snippet(text, '', q('لافروف'), width);
      const body = s.snippet.replace(/…$/u, '');
      assert.ok(text.startsWith(body));
      const last = body.charCodeAt(body.length - 1);
      assert.ok(!(last >= 0xd800 && last <= 0xdbff), 'split surrogate pair');
      assert.doesNotMatch(text.slice(body.length, body.length + 1), /[\p{M}\u0640]/u, 'mark cut from its letter');
      assert.doesNotMatch(text.slice(body.length, body.length + 1), /[\udc00-\udfff]/u, 'split surrogate pair');
    }
  }
});

test('snippet cut around a match in text with emoji and marks', () => {
  const text = `${'😀 كلمةٌ '.repeat(40)}حميميمُ ${'😀 كلمةٌ '.repeat(40)}`;
  const s = snippet(text, '', q('حميميم'), 50);
  wellFormed(s);
  assert.deepEqual(marked(s), ['حميميمُ']);
  assert.ok(s.snippet.startsWith('…😀') || s.snippet.startsWith('…كلمةٌ'), s.snippet);
  assert.match(s.snippet, /(?:😀|كلمةٌ)…$/u);
});

test('line breaks and runs of spaces become one space; offsets follow', () => {
  const s = snippet('أولاً\n\n  القاعدة   في\tحميميم\r\n', '', q('حميميم قاعدة'), 240);
  assert.equal(s.snippet, 'أولاً القاعدة في حميميم');
  assert.deepEqual(marked(s), ['القاعدة', 'حميميم']);
});

// Texts where reading only the pieces that hold a query term could go wrong: ligatures that unfold into several
// words, Unicode spaces, tatweel and detached proclitics, phrases across line breaks and across pieces with no term,
// terms inside other words, numbers and Latin words (read whole), a phrase at the very end.
const pieceTexts = [
  article,
  'قال النبي ﷺ إن الله أكبر، وصلى الله عليه وسلم\u00a0في\u2003المسجد ﷲ ﻻ إله',
  'وقّع الاتفاق لـ«الشراكة» و«الشرق» بـ5 مليارات، والاتفاق لـ الشراكة قائم',
  'القاعدة\n\nالجوية في حميميم. القاعدة — الجوية، القاعدة ... الجوية؛ القاعدة «» الجوية',
  'مقاعد القاعدة قاعدتها مقعد قعد القاعدتين، قا\u200dعدة قاعِـــدة',
  'في عام 2015 وصل 1,000 جندي إلى U.S. base و1.8 مليار دولار، covid-19 ثم ١٬٠٠٠',
  'وزير وزير الخارجية وزير الخارجية الخارجية وزير',
  '  \t\r\n القاعدة الجوية\r\n',
  'روسيا في سوريا: «قاعدة حميميم»؟! (طرطوس) – لافروف/بوتين',
  'الخارجية وزير',
];

test('reading only the pieces with a query term finds exactly what reading the whole text finds', () => {
  let checked = 0;
  for (const text of pieceTexts) {
    const words = text.split(/\s+/u).filter((w) => w !== '');
    const queries = ['قاعدة', 'الله عليه', '"صلى الله"', '"الاتفاق الشراكة"', '«القاعدة الجوية»', '"القاعدة في حميميم"', '"وزير الخارجية" وزير', '1000 دولار', '"us base"', 'الخارجية «وزير وزير»'];
    words.forEach((w, i) => {
      queries.push(w, `"${w} ${words[i + 1] ?? ''}"`, `«${w} ${words[i + 1] ?? ''} ${words[i + 2] ?? ''}» ${words[i + 3] ?? ''}`);
    });
    for (const query of queries) {
      const p = parseQuery(query);
      if ('error' in p) continue;
      assert.deepEqual(findHits(text, p), hitsIn(indexTerms(text), p), `${query} in ${text}`);
      checked++;
    }
  }
  assert.ok(checked > 200, `${checked}`);
});
