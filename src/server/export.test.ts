/**
 * The export read back from a store, on both backends: it validates against the contract, `writeExport` writes
 * exactly `exportToJson(exportDocument(db))`, it is byte for byte what `buildExport` gives for the same pages (the
 * store keeps no entity order, so entities are compared sorted by id), GET /api/export serves it, and both backends
 * export the same text.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { KINDS, type BackendKind } from '../store/test-backends.js';
import { contentHash } from '../store/store.js';
import { buildExport, exportToJson } from '../export/build.js';
import { validateExport } from '../export/validate.js';
import type { ExportDocument } from '../export/types.js';
import { analyzePage } from '../pipeline.js';
import { createApp } from './app.js';
import { exportDocument, writeExport } from './export.js';
import { formatOf } from './ingest.js';
import { fixturePages, testStore } from './test-helpers.js';

const AT = '2026-01-01T00:00:00.000Z';
const texts = new Map<BackendKind, string>();

const raws = fixturePages().map((p) => {
  const bytes = Buffer.from(p.content, 'utf8');
  return { source: p.source, bytes, format: formatOf(p.source, bytes) };
});

for (const kind of KINDS) {
  test(`export from the store [${kind}]`, async (t) => {
    const ts = await testStore(kind);
    if ('skip' in ts) return void t.skip(ts.skip);
    try {
      const db = ts.store.db;
      const empty = await exportDocument(db, { generatedAt: AT });
      assert.deepEqual(validateExport(empty), []);
      assert.deepEqual([empty.pages, empty.articles, empty.entities, empty.stories], [[], [], [], []]);

      const analyzed = raws.map((r) => analyzePage(r));
      for (const [i, page] of analyzed.entries()) await ts.store.addPage(page, contentHash((raws[i] as (typeof raws)[number]).bytes));
      await ts.store.link();

      const doc = await exportDocument(db, { generatedAt: AT });
      assert.deepEqual(validateExport(doc), []);
      assert.ok(doc.pages.length === raws.length && doc.articles.length > 0 && doc.entities.length > 0 && doc.stories.length > 0);

      const chunks: string[] = [];
      const counts = await writeExport(db, (s) => void chunks.push(s), { generatedAt: AT });
      const text = chunks.join('');
      assert.equal(text, exportToJson(doc));
      assert.deepEqual(counts, { pages: doc.pages.length, articles: doc.articles.length, entities: doc.entities.length, stories: doc.stories.length });
      texts.set(kind, text);

      const expected: ExportDocument = buildExport(analyzed, AT);
      expected.entities.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
      assert.equal(text, exportToJson(expected), 'the store exports what analyze --json writes');

      const app = createApp(ts.store);
      const res = await app.request('/api/export');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('Content-Type') ?? '', /^application\/json/);
      assert.equal(res.headers.get('Cache-Control'), 'no-store');
      const served = (await res.json()) as ExportDocument;
      assert.deepEqual(validateExport(served), []);
      assert.deepEqual({ ...served, generatedAt: AT }, doc);
      assert.ok(!Number.isNaN(Date.parse(served.generatedAt)));
    } finally {
      await ts.done();
    }
  });
}

test('both backends export the same text', (t) => {
  const [a, b] = KINDS.map((k) => texts.get(k));
  if (a === undefined || b === undefined) return void t.skip('a backend did not run');
  assert.equal(b, a);
});
