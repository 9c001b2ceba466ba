import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalyzedPage } from '../types.js';
import { buildExport, exportToJson } from './build.js';
import { ExportWriter } from './writer.js';
import { validateExport } from './validate.js';
import { allPages, newsPage } from './test-fixtures.js';

const T = '2026-01-01T00:00:00.000Z';

async function tempDir(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rasd-export-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

async function writeAll(file: string, pages: readonly AnalyzedPage[]): Promise<ExportWriter> {
  const w = await ExportWriter.open(file, { generatedAt: T });
  for (const p of pages) await w.add(p);
  await w.finish();
  return w;
}

test('the streamed file is byte for byte what buildExport + exportToJson give, and valid', async (t) => {
  const dir = await tempDir(t);
  for (const pages of [[], allPages, [newsPage], [...allPages, allPages[0]!]]) {
    const file = join(dir, 'out.json');
    const w = await writeAll(file, pages);
    const text = await readFile(file, 'utf8');
    assert.equal(text, exportToJson(buildExport(pages, T)));
    assert.deepEqual(validateExport(JSON.parse(text)), []);
    assert.equal(w.pages, buildExport(pages, T).pages.length);
    assert.deepEqual(await readdir(dir), ['out.json'], 'no temporary files left');
  }
});

test('many pages: the writer flushes as it goes and the result is the same', async (t) => {
  const dir = await tempDir(t);
  const pages = Array.from({ length: 3000 }, (_, i): AnalyzedPage => ({ ...newsPage, source: `bulk/${i}.html` }));
  const file = join(dir, 'big.json');
  const w = await writeAll(file, pages);
  assert.equal(w.pages, 3000);
  assert.equal(w.articleTotal, 12000);
  const text = await readFile(file, 'utf8');
  assert.ok(text.length > 2 << 20, 'larger than the write buffer');
  assert.equal(text, exportToJson(buildExport(pages, T)));
});

test('a repeated source is written once (add resolves false)', async (t) => {
  const dir = await tempDir(t);
  const w = await ExportWriter.open(join(dir, 'x.json'), { generatedAt: T });
  assert.equal(await w.add(newsPage), true);
  assert.equal(await w.add(newsPage), false);
  await w.finish();
  assert.equal(JSON.parse(await readFile(join(dir, 'x.json'), 'utf8')).pages.length, 1);
});

test('atomic: until finish the target is untouched; abort leaves it as it was and no temporary files', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'out.json');
  await writeFile(file, 'previous');
  const w = await ExportWriter.open(file, { generatedAt: T });
  await w.add(newsPage);
  assert.equal(await readFile(file, 'utf8'), 'previous');
  assert.equal((await readdir(dir)).length, 3, 'the target and two temporary files beside it');
  await w.abort();
  await w.abort();
  assert.equal(await readFile(file, 'utf8'), 'previous');
  assert.deepEqual(await readdir(dir), ['out.json']);
  await assert.rejects(w.add(newsPage));
  await assert.rejects(w.finish());

  const w2 = await writeAll(file, [newsPage]);
  assert.equal(JSON.parse(await readFile(file, 'utf8')).pages.length, 1, 'finish replaces the old file');
  await w2.abort(); // after finish: nothing to undo
  assert.ok((await readFile(file, 'utf8')).startsWith('{"format"'));
});

test('open fails early when the folder is missing or the target is a folder', async (t) => {
  const dir = await tempDir(t);
  await assert.rejects(ExportWriter.open(join(dir, 'missing', 'out.json')), { code: 'ENOENT' });
  await mkdir(join(dir, 'sub'));
  await assert.rejects(ExportWriter.open(join(dir, 'sub')), /is a folder/);
  assert.deepEqual(await readdir(dir), ['sub']);
});

test('a failing finish (target became a folder) leaves no temporary files', async (t) => {
  const dir = await tempDir(t);
  const file = join(dir, 'out.json');
  const w = await ExportWriter.open(file, { generatedAt: T });
  await w.add(newsPage);
  await mkdir(file);
  await writeFile(join(file, 'keep'), '');
  await assert.rejects(w.finish());
  assert.deepEqual(await readdir(dir), ['out.json']);
  await w.abort();
});
