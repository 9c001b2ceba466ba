/**
 * The store against both backends (PGlite in a folder, a PostgreSQL server in a throw-away schema): it holds what
 * the export of the same pages holds, ingesting again changes nothing, a changed page replaces its old version, and
 * both backends give the same hits in the same order.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePage } from '../pipeline.js';
import { buildExport } from '../export/index.js';
import { repoRoot } from '../eval/run.js';
import { Store, contentHash } from './store.js';
import { search, listStories, getStory, getArticle } from './queries.js';
import { newBackend, KINDS, type Backend } from './test-backends.js';
import type { RawPage } from '../types.js';

const pagesDir = join(repoRoot(), 'examples', 'pages');
const seedsDir = join(repoRoot(), '..', 'shared', 'seeds');

function raws(dir: string): RawPage[] {
  return readdirSync(dir)
    .filter((f) => /\.(txt|html?)$/.test(f))
    .sort()
    .map((f) => ({ source: f, bytes: readFileSync(join(dir, f)), format: /\.html?$/.test(f) ? ('html' as const) : ('text' as const) }));
}

async function openStore(b: Backend): Promise<Store> {
  const db = await b.open(); // a fresh database (the PGlite template copied in place)
  await db.close();
  return Store.open(b.spec, { command: 'test' }, b.schema ? { schema: b.schema } : {});
}

async function ingest(store: Store, pages: RawPage[]): Promise<string[]> {
  const statuses: string[] = [];
  for (const r of pages) statuses.push((await store.addPage(analyzePage(r), contentHash(r.bytes))).status);
  if (await store.needsLink()) await store.link();
  return statuses;
}

const QUERIES = ['قاعدة', 'الأسد', 'وزير الخارجية', '"وزير الخارجية"', 'بوتين', 'النفط', 'أمطار'];

for (const kind of KINDS) {
  test(`store [${kind}]: holds what the export holds; idempotent; a changed page replaces the old`, async (t) => {
    const b = await newBackend(kind);
    if (b.skip) return t.skip(b.skip);
    const store = await openStore(b);
    try {
      const pages = raws(pagesDir);
      assert.deepEqual(new Set(await ingest(store, pages)), new Set(['added']));
      const doc = buildExport(pages.map(analyzePage));
      const rows = await store.db.query<{ id: string; story_id: string | null; duplicate_of: string | null }>('SELECT id, story_id, duplicate_of FROM articles ORDER BY id');
      assert.deepEqual(
        rows.map((r) => [r.id, r.story_id, r.duplicate_of]),
        [...doc.articles].sort((x, y) => (x.id < y.id ? -1 : 1)).map((a) => [a.id, a.storyId, a.duplicateOf]),
      );
      const story = doc.stories.find((s) => s.articleIds.length > 1) ?? doc.stories[0];
      assert.ok(story);
      assert.deepEqual((await getStory(store.db, story.id))?.timeline, story.timeline);
      const a = doc.articles[0];
      assert.ok(a);
      const stored = await getArticle(store.db, a.id);
      assert.deepEqual(stored?.mentions, a.mentions);
      assert.deepEqual(stored?.quotes, a.quotes);

      // the same pages again: nothing changes
      assert.deepEqual(new Set(await ingest(store, pages)), new Set(['unchanged']));
      assert.equal(await store.needsLink(), false);
      // a changed page replaces its old version, under the same id
      const first = pages[0] as RawPage;
      const changed = { ...first, bytes: Buffer.concat([first.bytes, Buffer.from('\n\nفقرة جديدة أضيفت إلى الخبر بعد نشره بساعات، وفيها تفاصيل إضافية عن الحدث.\n')]) };
      assert.deepEqual(await ingest(store, [changed]), ['replaced']);
      const n = await store.db.query<{ n: number }>('SELECT count(*)::int AS n FROM pages');
      assert.equal(n[0]?.n, pages.length);
      assert.ok((await listStories(store.db, {}, 500, 0)).total > 0);
    } finally {
      await store.close();
      await b.cleanup();
    }
  });
}

test('store: PGlite and PostgreSQL give the same hits in the same order', async (t) => {
  const bs = await Promise.all(KINDS.map(newBackend));
  const skip = bs.find((b) => b.skip)?.skip;
  if (skip) {
    await Promise.all(bs.map((b) => b.cleanup()));
    return t.skip(skip);
  }
  const results: string[][] = [];
  try {
    for (const b of bs) {
      const store = await openStore(b);
      try {
        await ingest(store, raws(pagesDir));
        const out: string[] = [];
        for (const q of QUERIES) {
          const r = await search(store.db, q, {}, 50, 0);
          out.push(`${q}: ${r.total}: ${r.items.map((h) => `${h.articleId}@${h.score}`).join(' ')}`);
        }
        results.push(out);
      } finally {
        await store.close();
      }
    }
    assert.deepEqual(results[0], results[1]);
    assert.ok((results[0] ?? []).some((l) => !l.includes(': 0: ')), 'some query finds something');
  } finally {
    await Promise.all(bs.map((b) => b.cleanup()));
  }
});

test('store on the seeds: "حميميم" finds every main article that names it, with any diacritics or hamza form', { skip: existsSync(seedsDir) ? false : `no seed pages at ${seedsDir}; skipping` }, async (t) => {
  const b = await newBackend('pglite');
  if (b.skip) return t.skip(b.skip);
  const store = await openStore(b);
  try {
    const pages = raws(seedsDir);
    await ingest(store, pages);
    const doc = buildExport(pages.map(analyzePage));
    const naming = doc.articles.filter((a) => a.role === 'main' && /حميميم/.test(a.text + a.title)).map((a) => a.id).sort();
    assert.ok(naming.length >= 2);
    const hits = async (q: string): Promise<string[]> => (await search(store.db, q, {}, 100, 0)).items.map((h) => h.articleId);
    const plain = await hits('حميميم');
    for (const id of naming) assert.ok(plain.includes(id), `${id} not found`);
    assert.deepEqual(await hits('حُمَيْمِيم'), plain);
    assert.deepEqual(await hits('بحميميم'), plain);
    assert.deepEqual(await hits('الاسد'), await hits('الأسد'));
    assert.deepEqual(await hits('قاعدة'), await hits('القاعدتين'));
    for (const h of (await search(store.db, 'حميميم', {}, 100, 0)).items) {
      for (const [s, e] of h.highlights) assert.match(h.snippet.slice(s, e), /حميميم/);
    }
  } finally {
    await store.close();
    await b.cleanup();
  }
});
