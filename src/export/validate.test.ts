import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildExport } from './build.js';
import { validateExport } from './validate.js';
import { allPages, englishPage, newsPage, textPage, unreadablePage } from './test-fixtures.js';

test('the export of synthetic pages validates against the schema', () => {
  assert.deepEqual(validateExport(buildExport(allPages)), []);
  for (const p of [newsPage, unreadablePage, englishPage, textPage]) assert.deepEqual(validateExport(buildExport([p])), [], p.source);
  assert.deepEqual(validateExport(buildExport([])), []);
});

test('broken documents are reported with a path', () => {
  const doc = JSON.parse(JSON.stringify(buildExport(allPages))) as Record<string, unknown> & { articles: Record<string, unknown>[] };
  doc.articles[0]!.role = 'sidebar';
  delete doc.articles[1]!.storyId;
  doc.articles[2]!.published = '5 March';
  doc.generatedAt = 'yesterday';
  const errors = validateExport(doc);
  const paths = errors.map((e) => e.path);
  assert.ok(paths.includes('/articles/0/role'), JSON.stringify(errors));
  assert.ok(paths.includes('/articles/1'));
  assert.ok(paths.includes('/articles/2/published'));
  assert.ok(paths.includes('/generatedAt'));
  assert.ok(errors.some((e) => e.message.includes('storyId')));
  assert.notDeepEqual(validateExport(null), []);
  assert.notDeepEqual(validateExport({ format: 'rasd-export', version: 2 }), []);
});
