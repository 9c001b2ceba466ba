import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalyzedPage } from '../types.js';
import { articleId, buildExport, exportPage, exportToJson, Linkers, pageId } from './build.js';
import { allPages, englishPage, newsPage, textPage, unreadablePage } from './test-fixtures.js';

const T = '2026-01-01T00:00:00.000Z';

test('page id: p + 12 hex of sha256(source), the same on every run', () => {
  assert.equal(pageId('seeds/000.html'), 'pdc450c0c7a74');
  assert.match(pageId('x'), /^p[0-9a-f]{12}$/);
  assert.equal(pageId('seeds/000.html'), pageId('seeds/000.html'));
  assert.notEqual(pageId('seeds/000.html'), pageId('seeds/001.html'));
  assert.equal(articleId('pdc450c0c7a74', 3), 'pdc450c0c7a74-3');
});

test('articles: 1-based ids in page order, duplicateOf as the target id, text joined by blank lines', () => {
  const { page, articles } = exportPage(newsPage, new Linkers());
  const pid = pageId(newsPage.source);
  assert.deepEqual(page, {
    id: pid,
    source: 'seeds/000.html',
    language: 'ar',
    articleIds: [`${pid}-1`, `${pid}-2`, `${pid}-3`, `${pid}-4`],
    warnings: [{ rule: 'input/encoding-guess', message: 'the encoding was not declared and had to be detected' }],
  });
  assert.deepEqual(
    articles.map((a) => [a.id, a.pageId, a.role, a.duplicateOf]),
    [
      [`${pid}-1`, pid, 'main', null],
      [`${pid}-2`, pid, 'related', null],
      [`${pid}-3`, pid, 'teaser', `${pid}-2`],
      [`${pid}-4`, pid, 'teaser', null],
    ],
  );
  const main = articles[0]!;
  assert.equal(main.text, 'قال الناطق باسم الكرملين دميتري بيسكوف إن الرئيس فلاديمير بوتين سيلتقي نظيره التركي.\n\nوأضاف أن اللقاء سيعقد في سوتشي.');
  assert.equal(main.title, 'الكرملين: بوتين يلتقي أردوغان الأسبوع المقبل');
  assert.deepEqual(main.captions, ['بوتين وأردوغان في لقاء سابق (رويترز)'], 'captions once each');
  assert.equal(main.published, '2024-03-05');
  assert.equal(main.outlet, 'إم تي آي نيوز');
  assert.deepEqual(main.credits, ['إم تي آي نيوز / وكالات']);
  assert.equal(articles[3]!.text, '', 'a teaser without lead has empty text');
});

test('every field of the contract is present', () => {
  const doc = buildExport(allPages, T);
  assert.deepEqual(Object.keys(doc), ['format', 'version', 'generatedAt', 'pages', 'articles', 'entities', 'stories']);
  assert.equal(doc.format, 'rasd-export');
  assert.equal(doc.version, 1);
  assert.equal(doc.generatedAt, T);
  assert.deepEqual(doc.entities, []);
  assert.ok(doc.stories.length > 0);
  for (const s of doc.stories) {
    assert.deepEqual(Object.keys(s), ['id', 'title', 'keywords', 'articleIds', 'start', 'end', 'outlets', 'reports', 'reprints', 'summary', 'timeline', 'speakers']);
  }
  const inStory = new Map(doc.stories.flatMap((s) => s.articleIds.map((id) => [id, s.id] as const)));
  for (const p of doc.pages) assert.deepEqual(Object.keys(p), ['id', 'source', 'language', 'articleIds', 'warnings']);
  for (const a of doc.articles) {
    assert.deepEqual(Object.keys(a), ['id', 'pageId', 'role', 'title', 'text', 'captions', 'published', 'outlet', 'credits', 'duplicateOf', 'storyId', 'mentions', 'quotes', 'dates']);
    assert.equal(a.storyId, inStory.get(a.id), 'every article is in exactly the story its storyId names');
    assert.deepEqual([a.mentions, a.quotes, a.dates], [[], [], []]);
  }
  assert.equal(doc.pages.length, 4);
  assert.equal(doc.articles.length, 5);
});

test('unreadable and non-Arabic pages keep their page, warning and language, with no articles', () => {
  const doc = buildExport([unreadablePage, englishPage], T);
  assert.deepEqual(
    doc.pages.map((p) => [p.source, p.language, p.articleIds, p.warnings.map((w) => w.rule)]),
    [
      ['seeds/broken.pdf', 'und', [], ['input/unsupported-type']],
      ['seeds/en.txt', 'en', [], ['language/not-arabic']],
    ],
  );
  assert.deepEqual(doc.articles, []);
});

test('ids do not depend on the other pages or their order', () => {
  const a = buildExport([newsPage, textPage], T);
  const b = buildExport([textPage, unreadablePage, newsPage], T);
  const ids = (d: typeof a) => new Map(d.articles.map((x) => [x.title + x.role + x.text, x.id]));
  assert.deepEqual([...ids(a)].sort(), [...ids(b)].sort());
});

test('a repeated source is exported once; bad duplicateOf and non-day dates are not invented', () => {
  const odd: AnalyzedPage = {
    ...textPage,
    source: 'odd.txt',
    articles: [
      { role: 'main', title: 'a', paragraphs: ['x'], captions: [], published: '2024-03', outlet: null, credits: [], duplicateOf: 0, dates: [], mentions: [], quotes: [] },
      { role: 'teaser', title: 'b', paragraphs: [], captions: [], published: null, outlet: null, credits: [], duplicateOf: 7, dates: [], mentions: [], quotes: [] },
    ],
  };
  const doc = buildExport([odd, textPage, odd], T);
  assert.equal(doc.pages.length, 2);
  assert.deepEqual(doc.articles.map((a) => [a.published, a.duplicateOf]), [[null, null], [null, null], [null, null]]);
});

test('generatedAt defaults to now, as an ISO date-time', () => {
  const doc = buildExport([]);
  assert.match(doc.generatedAt, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
});

test('exportToJson: valid JSON of the same document, keys format/version/generatedAt first, one record a line', () => {
  const doc = buildExport(allPages, T);
  const json = exportToJson(doc);
  assert.deepEqual(JSON.parse(json), doc);
  assert.ok(json.startsWith(`{"format":"rasd-export","version":1,"generatedAt":"${T}",\n"pages":[\n{"id":`));
  assert.equal(json.split('\n').length, 1 + 1 + 4 + 1 + 1 + 5 + 1 + 1 + 1 + doc.stories.length + 1 + 1);
  assert.equal(exportToJson(buildExport([], T)), `{"format":"rasd-export","version":1,"generatedAt":"${T}",\n"pages":[],\n"articles":[],\n"entities":[],\n"stories":[]}\n`);
});
