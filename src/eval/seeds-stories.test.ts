/**
 * Stories on the five seed pages (issue 4's acceptance): the five main articles form one story (the future of
 * Russia's bases in Syria), the Syria–Israel talks another, the Russia–Iran treaty coverage another; the China–Russia
 * call, the Aleppo clashes, the strike on Kyiv and the unrelated teasers never join the bases story; the bases
 * story's timeline holds the events its articles date. Articles are found by words of their headlines.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePage } from '../pipeline.js';
import { buildExport } from '../export/index.js';
import type { ExportArticle, ExportDocument } from '../export/index.js';
import { repoRoot } from './run.js';

const seeds = join(repoRoot(), '..', 'shared', 'seeds');
const skip = existsSync(seeds) ? false : `no seed pages at ${seeds} (../shared/seeds is outside the package); skipping`;

let cached: ExportDocument | undefined;
function doc(): ExportDocument {
  cached ??= buildExport(
    readdirSync(seeds)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => analyzePage({ source: f, bytes: readFileSync(join(seeds, f)), format: 'text' })),
    '2026-01-01T00:00:00.000Z',
  );
  return cached;
}

/** Every article whose headline holds all the words (any role unless given). */
function find(words: string[], role?: ExportArticle['role']): ExportArticle[] {
  const found = doc().articles.filter((a) => words.every((w) => a.title.includes(w)) && (role === undefined || a.role === role));
  assert.ok(found.length > 0, `no article headed with ${words.join(' ')}`);
  return found;
}

const storyOf = (a: ExportArticle): string => a.storyId ?? `none:${a.id}`;

test('seeds: the five main articles form one story', { skip }, () => {
  const mains = doc().articles.filter((a) => a.role === 'main');
  assert.equal(mains.length, 5);
  assert.equal(new Set(mains.map(storyOf)).size, 1, mains.map((a) => `${a.title} → ${a.storyId}`).join('\n'));
});

test('seeds: the Syria–Israel talks are one story, the Russia–Iran treaty another, apart from the bases story', { skip }, () => {
  const bases = storyOf(doc().articles.find((a) => a.role === 'main') as ExportArticle);
  const talks = [...find(['تل أبيب', 'اتفاق أمني']), ...find(['محادثات باريس']), ...find(['المفاوضات', 'الإسرائيلية'])];
  const treaty = [...find(['الشراكة الاستراتيجية']), ...find(['موسكو وطهران']), ...find(['روسيا وإيران توقعان'])];
  assert.equal(new Set(talks.map(storyOf)).size, 1, talks.map((a) => `${a.title} → ${a.storyId}`).join('\n'));
  assert.equal(new Set(treaty.map(storyOf)).size, 1, treaty.map((a) => `${a.title} → ${a.storyId}`).join('\n'));
  assert.notEqual(storyOf(talks[0] as ExportArticle), bases);
  assert.notEqual(storyOf(treaty[0] as ExportArticle), bases);
  assert.notEqual(storyOf(talks[0] as ExportArticle), storyOf(treaty[0] as ExportArticle));
});

test('seeds: the China–Russia call, Aleppo, Kyiv and the unrelated teasers never join the bases story', { skip }, () => {
  const bases = storyOf(doc().articles.find((a) => a.role === 'main') as ExportArticle);
  for (const words of [['تنسيق صيني'], ['حلب'], ['قصف كييف'], ['الذهب'], ['الفيضانات'], ['النفط'], ['مناورات']]) {
    for (const a of find(words)) assert.notEqual(storyOf(a), bases, `${a.title} joined the bases story`);
  }
  const aleppo = find(['حلب']);
  assert.equal(new Set(aleppo.map(storyOf)).size, 1, 'the Aleppo teaser joins the story of its full text');
});

test('seeds: the bases story has its timeline, summary, outlets and speakers', { skip }, () => {
  const bases = storyOf(doc().articles.find((a) => a.role === 'main') as ExportArticle);
  const story = doc().stories.find((s) => s.id === bases);
  assert.ok(story);
  const dates = story.timeline.map((e) => e.date);
  for (const d of ['1971', '2015-09-30', '2017', '2024-12-19', '2025-04-17']) assert.ok(dates.includes(d), `no ${d} in ${dates.join(', ')}`);
  assert.deepEqual(dates, [...dates].sort(), 'oldest first');
  const ids = new Set(story.articleIds);
  for (const e of story.timeline) assert.ok(ids.has(e.articleId), `timeline event from outside the story: ${e.articleId}`);
  assert.ok(story.summary.length >= 2 && story.summary.length <= 4, story.summary.join('\n'));
  assert.equal(story.reports, 5);
  assert.equal(story.start, '2024-12-19');
  assert.equal(story.end, '2025-04-19');
  assert.ok(story.outlets.length >= 3, story.outlets.join(' | '));
  const names = story.speakers.map((s) => s.name);
  for (const n of ['فلاديمير بوتين', 'ديمتري بيسكوف', 'مصدر في موسكو']) assert.ok(names.includes(n), `no speaker ${n}: ${names.join(', ')}`);
  assert.equal(story.speakers.find((s) => s.name === 'مصدر في موسكو')?.entityId, null, 'an unnamed source stays unnamed');
  assert.ok(story.keywords.includes('حميميم'), story.keywords.join('، '));
});
