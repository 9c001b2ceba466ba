/**
 * `rasd ingest`'s own path in process (ingestInto): pages analysed on worker threads, stored in the order read, a
 * batch per transaction, linked in chunks while more are analysed — and the store holds exactly what one export of
 * the same pages, analysed in this thread, holds.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildExport } from '../export/index.js';
import type { ExportDocument } from '../export/types.js';
import { repoRoot } from '../eval/run.js';
import { readInputs, type SkippedInput } from '../input/index.js';
import { analyzePage } from '../pipeline.js';
import { exportDocument } from '../server/export.js';
import { Store } from '../store/store.js';
import type { AnalyzedPage, RawPage } from '../types.js';
import { ingestInto } from './ingest.js';

const SILENT = { write: (): boolean => true };
const dirs = [join(repoRoot(), 'examples', 'stories'), join(repoRoot(), 'examples', 'pages')];

function comparable(doc: ExportDocument): unknown {
  const byId = <T extends { id: string }>(xs: T[]): T[] => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { pages: byId(doc.pages), articles: byId(doc.articles), entities: byId(doc.entities), stories: byId(doc.stories) };
}

for (const [name, options] of [
  ['one link at the end', {}],
  ['linked in chunks of 7 pages while the workers analyse (window 10)', { linkChunk: 7, window: 10 }],
] as const) {
  test(`ingestInto, ${name}: the store holds what one export of the same pages holds`, async () => {
    const pages: AnalyzedPage[] = [];
    for await (const item of readInputs(dirs)) if (!('warning' in item)) pages.push(analyzePage(item));
    assert.ok(pages.length >= 20, `${pages.length} pages`);
    const dir = mkdtempSync(join(tmpdir(), 'rasd-ingest-'));
    try {
      const store = await Store.open(join(dir, 'db'), { command: 'test' });
      try {
        const r = await ingestInto(store, dirs, { stdout: SILENT, stderr: SILENT }, options);
        assert.equal(r.tally.added, pages.length);
        assert.equal(r.link?.linked, pages.length, 'every page linked once, over all the chunks');
        const stored = await exportDocument(store.db, { generatedAt: 'now' });
        const expected = buildExport(pages, 'now');
        assert.deepEqual(comparable(stored), comparable(expected));
        const again = await ingestInto(store, dirs, { stdout: SILENT, stderr: SILENT }, options);
        assert.equal(again.tally.unchanged, pages.length);
        assert.equal(again.link, null);
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('ingestInto interrupted (Ctrl-C) with pages read ahead: what was stored is linked, the rest is taken by the next run', async () => {
  const pages: AnalyzedPage[] = [];
  for await (const item of readInputs(dirs)) if (!('warning' in item)) pages.push(analyzePage(item));
  const dir = mkdtempSync(join(tmpdir(), 'rasd-ingest-'));
  try {
    const store = await Store.open(join(dir, 'db'), { command: 'test' });
    try {
      const ctrl = new AbortController();
      let read = 0;
      // the signal goes off after 15 pages were read: with a window of 6, some are stored and some still read ahead
      const readAndStop = async function* (paths: string[]): AsyncIterable<RawPage | SkippedInput> {
        for await (const item of readInputs(paths)) {
          yield item;
          if (++read === 15) ctrl.abort();
        }
      };
      const io = { stdout: SILENT, stderr: SILENT, signal: ctrl.signal, readInputs: readAndStop };
      const first = await ingestInto(store, dirs, io, { linkChunk: 4, window: 6 });
      assert.equal(first.interrupted, true);
      assert.ok(first.tally.added > 0 && first.tally.added < 15, `${first.tally.added} stored before the interruption`);
      assert.equal(await store.needsLink(), false, 'what was stored is linked');
      const rest = await ingestInto(store, dirs, { stdout: SILENT, stderr: SILENT });
      assert.equal(first.tally.added + rest.tally.added, pages.length, 'every page stored once over the two runs');
      const stored = await exportDocument(store.db, { generatedAt: 'now' });
      assert.deepEqual(comparable(stored), comparable(buildExport(pages, 'now')));
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
