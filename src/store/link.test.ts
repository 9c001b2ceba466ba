/**
 * Incremental linking against both backends: pages ingested in several runs — by one process (its linkers kept in
 * memory) and by a new process (the linkers restored from the snapshot, the pages after it replayed) — leave the
 * store holding exactly what one export of all the pages holds; a replaced page makes the next run a full rebuild.
 */
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePage } from '../pipeline.js';
import { buildExport } from '../export/index.js';
import type { ExportDocument } from '../export/types.js';
import { repoRoot } from '../eval/run.js';
import { exportDocument } from '../server/export.js';
import type { AnalyzedPage } from '../types.js';
import { linkTuning } from './link.js';
import { listEntities } from './queries.js';
import { Store, contentHash, type LinkResult } from './store.js';
import { newBackend, KINDS, type Backend } from './test-backends.js';

interface Input {
  page: AnalyzedPage;
  hash: string;
}

function inputs(dir: string): Input[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => /\.(txt|html?)$/.test(f))
    .sort()
    .map((f) => {
      const bytes = readFileSync(join(dir, f));
      return { page: analyzePage({ source: join(dir, f).replace(repoRoot() + '/', ''), bytes, format: /\.html?$/.test(f) ? 'html' : 'text' }), hash: contentHash(bytes) };
    });
}

const root = repoRoot();
// the seeds (when present) bring the most merges of spellings into one entity
const all = [...inputs(join(root, 'examples', 'stories')), ...inputs(join(root, '..', 'shared', 'seeds')), ...inputs(join(root, 'examples', 'pages'))];

async function open(b: Backend): Promise<Store> {
  return Store.open(b.spec, { command: 'test' }, b.schema ? { schema: b.schema } : {});
}

async function run(store: Store, pages: Input[]): Promise<LinkResult> {
  for (const p of pages) await store.addPage(p.page, p.hash);
  return store.link();
}

/** The parts of the document the store must reproduce, in a stable order. */
function comparable(doc: ExportDocument, mentions?: Map<string, number>): unknown {
  const byId = <T extends { id: string }>(xs: T[]): T[] => [...xs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return {
    articles: byId(doc.articles),
    entities: byId(doc.entities).map((e) => ({ ...e, mentions: mentions?.get(e.id) })),
    stories: byId(doc.stories),
  };
}

function mentionCounts(doc: ExportDocument): Map<string, number> {
  const m = new Map<string, number>();
  for (const a of doc.articles) for (const x of a.mentions) m.set(x.entityId, (m.get(x.entityId) ?? 0) + 1);
  return m;
}

// held: the new articles of a run written once, finished; spilled: a run too large to hold writes them provisional
for (const [kind, hold] of KINDS.flatMap((k) => [[k, 'held'], [k, 'spilled']] as const)) {
  test(`link [${kind}, ${hold}]: pages linked in several runs give what one export of them all gives`, async (t) => {
    const b = await newBackend(kind);
    if (b.skip) return t.skip(b.skip);
    const saved = linkTuning.holdArticles;
    if (hold === 'spilled') linkTuning.holdArticles = 7;
    try {
      const db = await b.open();
      await db.close();
      const cuts = [0, 9, 17, Math.floor(all.length * 0.6), all.length - 3, all.length];
      let store = await open(b);
      const modes: string[] = [];
      for (let i = 1; i < cuts.length; i++) {
        // runs 3 and 5 come from a new process: the linkers are restored from the snapshot
        if (i === 3 || i === 5) {
          await store.close();
          store = await open(b);
        }
        const r = await run(store, all.slice(cuts[i - 1], cuts[i]));
        modes.push(r.mode);
        if (r.mode === 'incremental') assert.ok(r.written.articles < r.articles, `run ${i} wrote ${r.written.articles} of ${r.articles} articles`);
      }
      assert.deepEqual(modes, ['full', 'incremental', 'incremental', 'incremental', 'incremental']);
      const expected = buildExport(all.map((p) => p.page), 'now');
      const stored = await exportDocument(store.db, { generatedAt: 'now' });
      const counts = new Map((await store.db.query<{ id: string; mentions: number }>('SELECT id, mentions FROM entities')).map((r) => [r.id, r.mentions]));
      assert.deepEqual(comparable(stored, counts), comparable(expected, mentionCounts(expected)));

      // a replaced page: the next run starts again from nothing, and still agrees
      const first = all[0]!;
      const changed = { ...first.page, articles: first.page.articles.map((a, k) => (k === 0 ? { ...a, paragraphs: [...a.paragraphs, 'فقرة أضيفت بعد النشر بساعات وفيها تفاصيل جديدة عن الحدث.'] } : a)) };
      await store.addPage(changed, first.hash + '-changed');
      assert.equal((await store.link()).mode, 'full');
      const expected2 = buildExport([changed, ...all.slice(1).map((p) => p.page)], 'now');
      const stored2 = await exportDocument(store.db, { generatedAt: 'now' });
      assert.deepEqual(comparable(stored2), comparable(expected2));
      await store.close();
    } finally {
      linkTuning.holdArticles = saved;
      await b.cleanup();
    }
  });
}

const BODY = [
  'أعلن وزير الطاقة كريمي أن الحكومة ستبدأ الشهر المقبل تنفيذ خطة لإصلاح شبكة الكهرباء في المحافظات الجنوبية بعد أسابيع من الانقطاعات المتكررة التي أثارت غضب السكان.',
  'وقال كريمي في مؤتمر صحفي إن الخطة تشمل بناء ثلاث محطات تحويل جديدة وصيانة خطوط النقل القديمة، مشيرا إلى أن تمويلها سيأتي من الموازنة العامة ومن قرض ميسر.',
  'وأضاف أن ساعات التغذية ستزداد تدريجيا خلال الصيف، وأن الوزارة ستنشر جدولا أسبوعيا للانقطاعات حتى يعرف المواطنون مواعيدها مسبقا.',
].join('\n\n');

function page(source: string, published: string, title: string, text: string, names: string[]): AnalyzedPage {
  const mentions = names.flatMap((name) => {
    const start = text.indexOf(name);
    return start < 0 ? [] : [{ text: name, start, end: start + name.length, type: 'person' as const, roles: ['وزير الطاقة'] }];
  });
  return {
    source, format: 'text', encoding: 'utf-8', language: 'ar', size: text.length, warnings: [],
    articles: [{ role: 'main', title, paragraphs: text.split('\n\n'), captions: [], published, outlet: null, credits: [], duplicateOf: null, dates: [], mentions, quotes: [] }],
  };
}

for (const kind of KINDS) {
  test(`link [${kind}]: a later page that merges a name or brings an earlier copy changes the older articles`, async (t) => {
    const b = await newBackend(kind);
    if (b.skip) return t.skip(b.skip);
    try {
      const db = await b.open();
      await db.close();
      const p1 = page('a.txt', '2025-03-05', 'خطة لإصلاح شبكة الكهرباء في الجنوب', BODY, ['كريمي']);
      const full = 'علي رضا كريمي';
      const other = `قال وزير الطاقة ${full} إن أسعار الوقود لن ترتفع هذا العام رغم ارتفاع كلفة الاستيراد، وإن الدعم سيبقى كما هو حتى نهاية السنة المالية.`;
      const p2 = page('b.txt', '2025-03-06', 'الحكومة: لا زيادة في أسعار الوقود', other, [full]);
      const p3 = page('c.txt', '2025-03-01', 'وزير الطاقة يعلن خطة الكهرباء', BODY, ['كريمي']);
      let store = await open(b);
      await store.addPage(p1, 'h1');
      assert.equal((await store.link()).mode, 'full');
      await store.close();
      store = await open(b);
      await store.addPage(p2, 'h2');
      await store.addPage(p3, 'h3');
      assert.equal((await store.link()).mode, 'incremental');
      const expected = buildExport([p1, p2, p3], 'now');
      // the premise: the older article's entity and its earliest copy both changed
      const a1 = expected.articles.find((a) => a.pageId === expected.pages[0]!.id)!;
      assert.equal(expected.entities.find((e) => e.id === a1.mentions[0]?.entityId)?.name, full);
      assert.notEqual(a1.duplicateOf, null);
      const stored = await exportDocument(store.db, { generatedAt: 'now' });
      assert.deepEqual(comparable(stored), comparable(expected));
      // the entity is found by any of its spellings, diacritics and hamza forms folded
      for (const q of ['كريمي', 'كَرِيمي', 'علي رضا', 'عليّ']) assert.deepEqual((await listEntities(store.db, { q }, 10, 0)).items.map((e) => e.name), [full], q);
      await store.close();
    } finally {
      await b.cleanup();
    }
  });
}
