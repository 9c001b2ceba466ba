import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildExport } from '../export/index.js';
import { EmbeddedSource, lead, paginate } from './client/data.js';
import { normalizeDocument } from './client/normalize.js';
import type { XDocument } from './client/types.js';
import { handDoc, hostileDoc, HOSTILE } from './test-fixtures.js';

test('the export type fits the page’s document type', () => {
  const doc: XDocument = buildExport([]);
  assert.equal(doc.format, 'rasd-export');
});

test('paginate clamps limit (1–500, default 50) and offset', () => {
  const all = Array.from({ length: 700 }, (_, i) => i);
  assert.deepEqual(paginate(all).items.length, 50);
  assert.equal(paginate(all, 1000).limit, 500);
  assert.equal(paginate(all, 0).limit, 50);
  assert.deepEqual(paginate(all, 2, -5), { total: 700, limit: 2, offset: 0, items: [0, 1] });
  assert.deepEqual(paginate(all, 2, 698).items, [698, 699]);
});

test('lead: first paragraph, at most 300 characters', () => {
  assert.equal(lead('أول\n\nثان'), 'أول');
  const long = lead('كلمة '.repeat(100));
  assert.ok(long.length <= 300 && long.endsWith('…'));
});

test('stories: newest end first, filtered by words, entity, outlet and dates', async () => {
  const src = new EmbeddedSource(handDoc());
  const all = await src.stories({});
  assert.deepEqual(all.items.map((s) => s.id), ['s-bases', 's-remit']);
  assert.deepEqual(all.items[0], {
    id: 's-bases', title: 'مستقبل القواعد الروسية في سوريا', keywords: ['طرطوس', 'حميميم', 'الكرملين'], start: '2025-03-10', end: '2025-03-18',
    outlets: ['وكالة الأنباء', 'صحيفة الخليج', 'بوابة الشام'], reports: 2, reprints: 1, articleCount: 3,
  });
  assert.deepEqual((await src.stories({ q: 'القاعدة' })).items.map((s) => s.id), ['s-bases']);
  assert.deepEqual((await src.stories({ q: 'تحويلات' })).items.map((s) => s.id), ['s-remit']);
  assert.deepEqual((await src.stories({ entity: 'e-cbe' })).items.map((s) => s.id), ['s-remit']);
  assert.deepEqual((await src.stories({ outlet: 'بوابة الشام' })).items.map((s) => s.id), ['s-bases']);
  assert.deepEqual((await src.stories({ from: '2025-03-01' })).items.map((s) => s.id), ['s-bases']);
  assert.deepEqual((await src.stories({ to: '2025-02-28' })).items.map((s) => s.id), ['s-remit']);
});

test('story detail: articles in order, entities most mentioned first, speakers from the export', async () => {
  const src = new EmbeddedSource(handDoc());
  const st = await src.story('s-bases');
  assert.ok(st !== null);
  assert.deepEqual(st.articles.map((a) => [a.id, a.duplicateOf]), [['pa-1', null], ['pb-1', 'pa-1'], ['pc-1', null]]);
  assert.equal(st.entities[0]?.id, 'e-peskov');
  assert.equal(st.entities[0]?.mentions, 3);
  assert.deepEqual(st.speakers.map((s) => s.name), ['أحمد الشرع', 'دميتري بيسكوف', 'مصدر في موسكو']);
  assert.equal(await src.story('nope'), null);
});

test('story detail: speakers computed when the story has none, reprinted quotes once, oldest first', async () => {
  const doc = handDoc();
  const bases = doc.stories[0] as { speakers?: unknown };
  delete bases.speakers;
  const src = new EmbeddedSource(doc);
  const st = await src.story('s-bases');
  assert.ok(st !== null);
  const peskov = st.speakers.find((s) => s.entityId === 'e-peskov');
  assert.equal(peskov?.name, 'دميتري بيسكوف');
  assert.equal(peskov?.quotes.length, 2, 'the reprint’s copy of the quote is not repeated');
  const unnamed = st.speakers.find((s) => s.entityId === null);
  assert.deepEqual(unnamed?.quotes[0], { articleId: 'pc-1', text: 'الجولة المقبلة ستعقد في أبريل', kind: 'indirect', date: '2025-03-18', via: ['بلومبرغ'] });
  const remit = await src.story('s-remit');
  assert.deepEqual(remit?.speakers.map((s) => [s.entityId, s.name, s.quotes.length]), [['e-cbe', 'البنك المركزي المصري', 1]]);
});

test('articles: newest first, filters; article detail with source and entities', async () => {
  const src = new EmbeddedSource(handDoc());
  assert.deepEqual((await src.articles({})).items.map((a) => a.id), ['pc-1', 'pb-1', 'pa-1', 'pe-1', 'pd-1']);
  assert.deepEqual((await src.articles({ role: 'related' })).items.map((a) => a.id), ['pe-1']);
  assert.deepEqual((await src.articles({ story: 's-remit' })).items.map((a) => a.id), ['pe-1', 'pd-1']);
  assert.deepEqual((await src.articles({ entity: 'e-sharaa' })).items.map((a) => a.id), ['pa-1']);
  assert.deepEqual((await src.articles({ from: '2025-03-11', to: '2025-03-12' })).items.map((a) => a.id), ['pb-1']);
  const a = await src.article('pa-1');
  assert.equal(a?.source, 'hand/pa.txt');
  assert.deepEqual(a?.entities.map((e) => e.id).sort(), ['e-kremlin', 'e-peskov', 'e-sharaa', 'e-tartus']);
  assert.equal(await src.article('nope'), null);
});

test('entities: most mentioned first, by type and words; entity detail', async () => {
  const src = new EmbeddedSource(handDoc());
  const list = await src.entities({});
  assert.equal(list.items[0]?.id, 'e-peskov');
  assert.deepEqual((await src.entities({ type: 'location' })).items.map((e) => e.id), ['e-tartus']);
  assert.deepEqual((await src.entities({ q: 'الناطق' })).items.map((e) => e.id), ['e-peskov']);
  const e = await src.entity('e-peskov');
  assert.ok(e !== null);
  assert.deepEqual(e.quotes.map((q) => [q.articleId, q.date ?? q.published]), [['pa-1', '2025-03-10'], ['pa-1', '2025-03-10'], ['pb-1', '2025-03-12']]);
  assert.deepEqual(e.stories.map((s) => s.id), ['s-bases']);
  assert.deepEqual(e.articles.map((a) => a.id), ['pb-1', 'pa-1']);
});

test('search: folded words, filters, snippets whose highlights are the matched words', async () => {
  const src = new EmbeddedSource(handDoc());
  const res = await src.search({ q: 'قاعدة طرطوس' });
  assert.deepEqual(res.items.map((h) => h.articleId).sort(), ['pa-1', 'pb-1']);
  for (const hit of res.items) {
    assert.ok(hit.highlights.length > 0);
    for (const [s, e] of hit.highlights) assert.match(hit.snippet.slice(s, e), /قاعد|طرطوس/);
  }
  assert.deepEqual((await src.search({ q: 'قاعدة', outlet: 'صحيفة الخليج' })).items.map((h) => h.articleId), ['pb-1']);
  assert.equal((await src.search({ q: 'قاعدة', role: 'teaser' })).total, 0);
  assert.equal((await src.search({ q: '' })).total, 0);
  const phrase = await src.search({ q: '"الجولة المقبلة"' });
  assert.deepEqual(phrase.items.map((h) => h.articleId), ['pc-1']);
  const titleOnly = await src.search({ q: 'خبراء' });
  assert.deepEqual(titleOnly.items.map((h) => h.articleId), ['pe-1']);
});

test('facets: outlets by frequency, entities', async () => {
  const f = await new EmbeddedSource(handDoc()).facets();
  assert.ok(f.outlets.includes('وكالة الأنباء'));
  assert.equal(f.entities.length, 5);
});

test('normalizeDocument: a broken or partial document still has every field', () => {
  const d = normalizeDocument({ articles: [{ id: 'a', mentions: 'x', quotes: [{ kind: 'weird' }] }], stories: [{ id: 's', speakers: [{ quotes: [{}] }] }], entities: null });
  assert.deepEqual(d.pages, []);
  assert.deepEqual(d.entities, []);
  assert.equal(d.articles[0]?.text, '');
  assert.deepEqual(d.articles[0]?.mentions, []);
  assert.equal(d.articles[0]?.quotes[0]?.kind, 'indirect');
  assert.equal(d.stories[0]?.speakers?.[0]?.quotes[0]?.articleId, '');
  assert.equal(normalizeDocument({ stories: [{ id: 's' }] }).stories[0]?.speakers, undefined);
  assert.deepEqual(normalizeDocument(null).articles, []);
});

test('hostile strings pass through the data layer untouched (the views show them as text)', async () => {
  const src = new EmbeddedSource(hostileDoc());
  const st = await src.story('javascript:alert("story")');
  assert.equal(st?.title, HOSTILE.title);
  const e = await src.entity(HOSTILE.id);
  assert.equal(e?.name, HOSTILE.name);
});
