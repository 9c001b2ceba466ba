/**
 * The real server on a real store keeps answering while pages are posted to it, at the HTTP level (no browser):
 * a PGlite store holding half of the labelled story set (examples/stories), the other half posted in one
 * POST /api/pages, and meanwhile round after round of what the page asks for — the page itself, its script, the
 * story list, a story, an article, entities, quotes, a search. The ingest is held after its first page is stored
 * until a few rounds have run (served-helpers.ts), so the rounds run in the middle of an ingest whatever the
 * machine's speed; then they go on until the post is answered (the link included). Every answer must be 200 with
 * JSON of the right shape; afterwards the posted pages are there. No timing is asserted.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ArticleSummary, ListPage, SearchHit, StoryDetail, StorySummary } from './client/types.js';
import { exampleStories, getJson, holdAfterFirstPage, pagesBody, postPages, serveStore, type Served } from './served-helpers.js';

const set = exampleStories();
const stored = set.files.slice(0, 30);
const posted = set.files.slice(30);

let served: Served;
before(async () => {
  served = await serveStore(set, stored);
});
after(async () => {
  await served?.close();
});

/** One round of what the page asks for; each answer checked, and a line for anything not 200. */
async function round(base: string, storyId: string, articleId: string, bad: string[]): Promise<number> {
  const asks: [string, (body: string) => boolean][] = [
    ['/', (b) => b.includes('<main id="main"')],
    ['/app.js', (b) => b.length > 1000],
    ['/api/stories?limit=50', (b) => Array.isArray((JSON.parse(b) as ListPage<StorySummary>).items)],
    ['/api/stories/' + encodeURIComponent(storyId), (b) => (JSON.parse(b) as StoryDetail).id === storyId],
    ['/api/articles/' + encodeURIComponent(articleId), (b) => (JSON.parse(b) as { id: string }).id === articleId],
    ['/api/articles?limit=20', (b) => Array.isArray((JSON.parse(b) as ListPage<ArticleSummary>).items)],
    ['/api/entities?limit=20', (b) => Array.isArray((JSON.parse(b) as ListPage<unknown>).items)],
    ['/api/quotes?limit=20', (b) => Array.isArray((JSON.parse(b) as ListPage<unknown>).items)],
    ['/api/search?q=' + encodeURIComponent('قاعدة حميميم'), (b) => (JSON.parse(b) as ListPage<SearchHit>).total > 0],
  ];
  const answers = await Promise.all(
    asks.map(async ([path, ok]) => {
      try {
        const res = await fetch(base + path);
        const body = await res.text();
        if (res.status !== 200) return `${res.status} ${path}: ${body.slice(0, 200)}`;
        return ok(body) ? null : `200 ${path} with an unexpected body: ${body.slice(0, 200)}`;
      } catch (err) {
        return `${path}: ${String(err)}`;
      }
    }),
  );
  for (const a of answers) if (a !== null) bad.push(a);
  return asks.length;
}

test('the server answers 200 throughout a POST /api/pages, and the posted pages are there afterwards', async () => {
  const base = served.url;
  const was = await getJson<ListPage<StorySummary>>(base, '/api/stories?limit=500');
  const bases = was.items.find((s) => /حميميم|طرطوس|القاعدت/.test(s.title + ' ' + s.keywords.join(' ')));
  assert.ok(bases !== undefined, 'the bases story is in the stored half');
  const story = await getJson<StoryDetail>(base, '/api/stories/' + encodeURIComponent(bases.id));
  const articleId = story.articleIds[0];
  assert.ok(articleId !== undefined);

  const bad: string[] = [];
  let asked = 0;
  let rounds = 0;
  const gate = holdAfterFirstPage(served.store);
  const post = postPages(base, pagesBody(set, posted));
  let res: Awaited<typeof post.done>;
  try {
    while (gate.stored === 0 && !post.answered()) {
      asked += await round(base, bases.id, articleId, bad);
      rounds++;
    }
    // held in the middle of the ingest: its first page stored, nothing linked yet
    for (let k = 0; k < 3; k++) {
      asked += await round(base, bases.id, articleId, bad);
      rounds++;
    }
    gate.release();
    while (!post.answered()) {
      asked += await round(base, bases.id, articleId, bad);
      rounds++;
    }
    res = await post.done;
  } finally {
    gate.restore();
  }
  console.log(`# served-ingest.test: ${asked} requests in ${rounds} rounds while ${posted.length} pages were posted`);
  assert.deepEqual(bad, [], 'every answer is 200 with the right shape');
  assert.equal(res.status, 200);
  assert.deepEqual(res.body.pages.map((p) => p.status), posted.map(() => 'added'));

  // afterwards: more stories, the posted pages' stories among them, the bases story still whole
  const now = await getJson<ListPage<StorySummary>>(base, '/api/stories?limit=500');
  assert.ok(now.total > was.total, `stories ${was.total} → ${now.total}`);
  const floods = await getJson<ListPage<SearchHit>>(base, '/api/search?q=' + encodeURIComponent('طاطا'));
  assert.ok(floods.total > 0, 'a posted page is found');
  const again = await getJson<StoryDetail>(base, '/api/stories/' + encodeURIComponent(bases.id));
  assert.deepEqual(again.articleIds, story.articleIds);
});
