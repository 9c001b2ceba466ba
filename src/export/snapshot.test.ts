import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePage } from '../pipeline.js';
import type { AnalyzedPage } from '../types.js';
import { buildExport, exportPage, Linkers } from './build.js';
import { restoreLinkers, snapshotLinkers } from './snapshot.js';
import type { ExportArticle } from './types.js';

function pages(dir: string): AnalyzedPage[] {
  return readdirSync(dir)
    .filter((f) => /\.(txt|html)$/.test(f))
    .sort()
    .map((f) => analyzePage({ source: join(dir, f), bytes: readFileSync(join(dir, f)), format: f.endsWith('.html') ? 'html' : 'text' }));
}

const all = [...pages('examples/stories'), ...pages('examples/pages')];

test('linkers restored from a snapshot go on exactly as if they had never stopped', () => {
  const whole = buildExport(all, 'now');
  for (const cut of [1, Math.floor(all.length / 3), all.length - 1]) {
    let linkers = new Linkers();
    const articles: ExportArticle[] = [];
    all.forEach((p, i) => {
      if (i === cut) linkers = restoreLinkers(snapshotLinkers(linkers));
      articles.push(...exportPage(p, linkers).articles);
    });
    const { entities, stories, finalize } = linkers.finish();
    assert.deepEqual(entities, whole.entities, `entities, cut at ${cut}`);
    assert.deepEqual(stories, whole.stories, `stories, cut at ${cut}`);
    assert.deepEqual(articles.map(finalize), whole.articles, `articles, cut at ${cut}`);
  }
});

test('taking a snapshot leaves the linkers as they were', () => {
  const whole = buildExport(all, 'now');
  const linkers = new Linkers();
  const articles: ExportArticle[] = [];
  all.forEach((p, i) => {
    if (i % 7 === 3) snapshotLinkers(linkers);
    articles.push(...exportPage(p, linkers).articles);
  });
  const { entities, stories, finalize } = linkers.finish();
  assert.deepEqual({ entities, stories, articles: articles.map(finalize) }, { entities: whole.entities, stories: whole.stories, articles: whole.articles });
});

test('a state holding an object of an unknown class is refused', () => {
  const linkers = new Linkers();
  (linkers as unknown as { extra: unknown }).extra = new (class Odd {})();
  assert.throws(() => snapshotLinkers(linkers), /unknown class/);
});
