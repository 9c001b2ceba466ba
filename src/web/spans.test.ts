/** The DOM-free parts of the views: text runs from offsets, the timeline's layout, routes, dates. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentText, usableHighlights, usableSpans } from './client/spans.js';
import { sameWordsKey, statements } from './client/said.js';
import type { QuoteItem } from './client/types.js';
import { axisTicks, BREAK_DAYS, layoutTimeline, placeEvents, ticks } from './client/timeline-layout.js';
import { offsetParam, param, parseRoute } from './client/route.js';
import { count, dayRange, fmtDate, fmtRange, isoDay, NOUNS } from './client/format.js';

test('usableSpans: out of range, empty and overlapping spans are dropped', () => {
  const spans = [{ start: 5, end: 9 }, { start: 0, end: 3 }, { start: 7, end: 12 }, { start: -1, end: 2 }, { start: 4, end: 4 }, { start: 20, end: 99 }];
  assert.deepEqual(usableSpans(spans, 30), [1, 0]);
});

test('segmentText: paragraphs of runs, mentions inside quotes, every character kept', () => {
  const text = 'قال بيسكوف إن «موسكو ستناقش».\n\nوأضاف بوتين شيئا.';
  const m1 = { start: text.indexOf('بيسكوف'), end: text.indexOf('بيسكوف') + 6 };
  const m2 = { start: text.indexOf('موسكو'), end: text.indexOf('موسكو') + 5 };
  const q = { start: text.indexOf('موسكو'), end: text.indexOf('ستناقش') + 6 };
  const paras = segmentText(text, [m1, m2], [q]);
  assert.equal(paras.length, 2);
  assert.equal(paras.map((p) => p.map((r) => r.text).join('')).join('\n\n'), text);
  const moscow = paras[0]?.find((r) => r.text === 'موسكو');
  assert.deepEqual([moscow?.mention, moscow?.quote], [1, 0]);
  const rest = paras[0]?.find((r) => r.text === ' ستناقش');
  assert.deepEqual([rest?.mention, rest?.quote], [null, 0]);
  assert.equal(paras[1]?.[0]?.text, 'وأضاف بوتين شيئا.');
});

test('segmentText: bad offsets never lose text', () => {
  const text = 'نص قصير';
  const paras = segmentText(text, [{ start: 3, end: 100 }, { start: 2.5, end: 4 }], [{ start: 5, end: 2 }]);
  assert.deepEqual(paras, [[{ text, start: 0, mention: null, quote: null }]]);
  assert.deepEqual(segmentText('', [], []), []);
});

test('usableHighlights: sorted, in range, no overlap, tolerant of junk', () => {
  assert.deepEqual(usableHighlights([[5, 8], [0, 2], [6, 9], [10, 50]], 20), [[0, 2], [5, 8]]);
  assert.deepEqual(usableHighlights(undefined, 10), []);
});

test('placeEvents: numbered by date, undated last', () => {
  const placed = placeEvents([
    { date: '2025-03-12', text: 'ب', articleId: 'a' },
    { date: 'غدا', text: 'ج', articleId: 'a' },
    { date: '2025-03', text: 'أ', articleId: 'a' },
  ]);
  assert.deepEqual(placed.map((p) => [p.n, p.ev.text, p.range === null]), [[1, 'أ', false], [2, 'ب', false], [3, 'ج', true]]);
});

test('layoutTimeline: proportional to time, earliest on the right', () => {
  const L = layoutTimeline([
    { date: '2025-03-10', text: 'a', articleId: 'x' },
    { date: '2025-03-20', text: 'b', articleId: 'x' },
    { date: '2025-03-12', text: 'c', articleId: 'x' },
  ], 1000);
  const [a, c, b] = L.marks;
  assert.ok(a && b && c);
  assert.ok(a.cx > c.cx && c.cx > b.cx, 'later is further left');
  assert.ok(Math.abs((a.cx - c.cx) / (a.cx - b.cx) - 0.2) < 0.01, 'two days of ten');
  assert.equal(L.breaks.length, 0);
});

test('layoutTimeline: a long gap is cut out as a break; same-day marks stack', () => {
  const L = layoutTimeline([
    { date: '2017', text: 'old', articleId: 'x' },
    { date: '2025-03-10', text: 'a', articleId: 'x' },
    { date: '2025-03-10', text: 'b', articleId: 'x' },
    { date: '2025-03-11', text: 'c', articleId: 'x' },
  ], 800);
  assert.equal(L.stretches.length, 2);
  assert.equal(L.breaks.length, 1);
  assert.deepEqual(L.marks.map((m) => m.level), [0, 0, 1, 0]);
  const old = L.marks[0];
  assert.ok(old !== undefined && old.x0 - old.x1 > 10, 'a year is drawn as a band');
  assert.equal(L.stretches[0]?.grain, 'year');
  assert.equal(L.stretches[0]?.ticks[0]?.date, '2017');
  assert.ok(BREAK_DAYS > 0);
  assert.deepEqual(layoutTimeline([{ date: 'x', text: '', articleId: '' }], 500).marks, []);
});

test('axisTicks: a year or a month is labelled as such, never as a day inside it', () => {
  const day = (iso: string): number => (dayRange(iso) as [number, number])[0];
  const end = (iso: string): number => (dayRange(iso) as [number, number])[1];
  // the year 2015 and a day in it: one label, the year (not "2 يوليو 2015")
  assert.deepEqual(axisTicks(day('2015'), end('2015'), 1, 'year').map((t) => t.date), ['2015']);
  assert.deepEqual(axisTicks(day('2015'), end('2015'), 4, 'year').map((t) => t.date), ['2015']);
  // days over a few months: months, at most as many as asked, both ends kept
  assert.deepEqual(axisTicks(day('2025-01-10'), day('2025-06-20'), 3, 'day').map((t) => t.date), ['2025-01', '2025-04', '2025-06']);
  // too little room for two months: the year
  assert.deepEqual(axisTicks(day('2024-03-10'), day('2024-08-20'), 1, 'day').map((t) => t.date), ['2024']);
  // a few days: days
  assert.deepEqual(axisTicks(day('2025-03-10'), day('2025-03-20'), 3, 'day').map((t) => t.date), ['2025-03-10', '2025-03-15', '2025-03-20']);
  // years over a long span, each at the middle of the part it covers
  const ys = axisTicks(day('2019-07-01'), end('2023'), 10, 'day');
  assert.deepEqual(ys.map((t) => t.date), ['2019', '2020', '2021', '2022', '2023']);
  assert.equal(isoDay(ys[0]?.day ?? 0), '2019-10-01');
  // the timeline's stretch for the seeds' 2015 and 2015-09-30 carries the year
  const L = layoutTimeline([
    { date: '1971', text: 'a', articleId: 'x' },
    { date: '2015', text: 'b', articleId: 'x' },
    { date: '2015-09-30', text: 'c', articleId: 'x' },
    { date: '2025-04-17', text: 'd', articleId: 'x' },
  ], 700);
  assert.deepEqual(L.stretches.map((st) => st.ticks.map((t) => t.date)), [['1971'], ['2015'], ['2025-04-17']]);
});

test('ticks: both ends, at most as many as asked', () => {
  assert.deepEqual(ticks(0, 10, 3), [0, 5, 10]);
  assert.deepEqual(ticks(5, 5, 4), [5]);
  assert.deepEqual(ticks(0, 2, 10), [0, 1, 2]);
  assert.deepEqual(ticks(0, 10, 1), [5]);
});

test('parseRoute: views, ids decoded, parameters, unknown paths', () => {
  assert.deepEqual(parseRoute('').name, 'stories');
  assert.deepEqual(parseRoute('#/').name, 'stories');
  const r = parseRoute('#/story/' + encodeURIComponent('s/1 x'));
  assert.deepEqual([r.name, r.id], ['story', 's/1 x']);
  const s = parseRoute('#/search?q=' + encodeURIComponent('قاعدة حميميم') + '&offset=20');
  assert.equal(param(s, 'q'), 'قاعدة حميميم');
  assert.equal(offsetParam(s), 20);
  assert.equal(param(s, 'outlet'), undefined);
  assert.equal(parseRoute('#/story').name, 'unknown');
  assert.equal(parseRoute('#/admin/x').name, 'unknown');
  assert.equal(parseRoute('#/article/%E0%A4%A').name, 'unknown');
});

test('count: Arabic number agreement (1, 2, 3–10 plural, 11–99 accusative singular, hundreds singular)', () => {
  const table: [number, string][] = [
    [0, '0 مقال'], [1, 'مقال واحد'], [2, 'مقالان'], [3, '3 مقالات'], [10, '10 مقالات'], [11, '11 مقالًا'],
    [15, '15 مقالًا'], [99, '99 مقالًا'], [100, '100 مقال'], [102, '102 مقال'], [103, '103 مقالات'], [115, '115 مقالًا'],
  ];
  for (const [n, text] of table) assert.equal(count(n, NOUNS.article), text, String(n));
  assert.equal(count(14, NOUNS.quote), '14 قولًا');
  assert.equal(count(2, NOUNS.story), 'قصتان');
  assert.equal(count(24, NOUNS.story), '24 قصة');
});

test('statements: the same words carried by several articles are one statement, first one first', () => {
  const q = (articleId: string, text: string, kind: 'direct' | 'indirect' = 'direct', date: string | null = null): QuoteItem => ({
    articleId, storyId: null, speakerId: 'e', speaker: 'x', text, kind, via: [], date, published: null,
  });
  const list = statements([
    q('a1', 'لم تتخذ قرارا نهائيا بعد', 'direct', '2025-03-10'),
    q('a2', 'الحوار مستمر'),
    q('a3', '«لم تتّخذ قرارًا  نهائيا بعد».', 'direct', '2025-03-11'),
    q('a4', 'لم تتخذ قرارا نهائيا بعد', 'indirect'),
    q('a3', 'لم تتخذ قرارا نهائيا بعد'),
    q('a1', 'لم تتخذ قرارا نهائيا بعد'),
  ]);
  assert.deepEqual(list.map((s) => [s.quote.articleId, s.quote.kind, s.quote.date, s.also]), [
    ['a1', 'direct', '2025-03-10', ['a3']],
    ['a2', 'direct', null, []],
    ['a4', 'indirect', null, []],
  ]);
  assert.equal(sameWordsKey('  «حُمَيْمِيم» ـ  قاعدة. '), 'حميميم قاعدة');
});

test('dates in Arabic, day ranges of coarse dates', () => {
  assert.equal(fmtDate('2025-03-09'), '9 مارس 2025');
  assert.equal(fmtDate('2025-12'), 'ديسمبر 2025');
  assert.equal(fmtDate('2017'), '2017');
  assert.equal(fmtDate('أمس'), 'أمس');
  assert.equal(fmtRange('2025-03-01', '2025-03-01'), '1 مارس 2025');
  assert.equal(fmtRange(null, null), '');
  const feb = dayRange('2024-02');
  assert.ok(feb !== null);
  assert.deepEqual([isoDay(feb[0]), isoDay(feb[1])], ['2024-02-01', '2024-02-29']);
  assert.equal(dayRange('2025-13'), null);
});
