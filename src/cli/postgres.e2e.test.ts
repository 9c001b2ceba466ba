/**
 * The real `rasd` on a PostgreSQL server (a throw-away database each, src/store/test-backends.ts), where nothing
 * holds the store: `rasd serve` keeps answering while an ingest and a watch write the same store directly, at the
 * same time and partly the same pages, and at the end it shows every page once; a killed ingest (kill -9, while
 * pages are added and while they are linked) is completed by the next run, as if never interrupted.
 * Skipped with the reason when the server is unreachable (failed instead when RASD_REQUIRE_PG is set, as in CI).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ServerResponse } from 'node:http';
import { EXTRA_PAGES, PAGES, startTestServer, type Route, type TestServer } from '../fetch/test-server.js';
import { newDatabase, type TestDatabase } from '../store/test-backends.js';
import { rasd, startServe } from './e2e-helpers.js';

let web: TestServer;
let dir = '';
const databases: TestDatabase[] = [];
before(async () => {
  web = await startTestServer();
  dir = await mkdtemp(join(tmpdir(), 'rasd-pg-e2e-'));
});
after(async () => {
  await web.close();
  await Promise.all(databases.map((d) => d.drop()));
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** A throw-away database, or the reason to skip. */
async function database(): Promise<TestDatabase | string> {
  const db = await newDatabase(); // throws when RASD_REQUIRE_PG is set and the server is unreachable
  if (db.skip) return db.skip;
  databases.push(db);
  return db;
}

/** `n` pages under `prefix` (each a market report with its own district), served with a small delay. */
function marketPages(prefix: string, n: number): string[] {
  const base = PAGES['/news/2.html']!.html;
  const paths: string[] = [];
  for (let i = 1; i <= n; i++) {
    const path = `${prefix}/${i}.html`;
    const html = base
      .replace('ارتفاع أسعار الخضار', `ارتفاع أسعار الخضار في سوق ${prefix.slice(1)} رقم ${i}`)
      .replace('خلال الأيام الأخيرة', `خلال الأيام الأخيرة في الحي ${i} من أحياء ${prefix === '/pg-a' ? 'المدينة القديمة' : 'الضواحي الشرقية'}`);
    web.set(path, { body: html, headers: { 'content-type': 'text/html; charset=utf-8' }, delayMs: 20 });
    paths.push(path);
  }
  return paths;
}

/**
 * A page held back until two requests for it arrived (or 3 s passed), then given to both at once: the ingest and
 * the watch then analyse and store the same page at the same moment.
 */
function together(html: string): Route {
  const waiting: ServerResponse[] = [];
  let timer: NodeJS.Timeout | undefined;
  const release = (): void => {
    clearTimeout(timer);
    for (const res of waiting.splice(0)) res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
  };
  return {
    handler: (_req, res) => {
      waiting.push(res);
      if (waiting.length >= 2) release();
      else timer = setTimeout(release, 3000);
    },
  };
}

interface List {
  total: number;
  items: Record<string, unknown>[];
}

/** GET a list from the API; throws with what was wrong unless it is a 200 with a well-formed list. */
async function list(url: string): Promise<List> {
  const res = await fetch(url);
  const text = await res.text();
  if (res.status !== 200) throw new Error(`${url}: HTTP ${res.status}: ${text.slice(0, 300)}`);
  if (!/^application\/json/.test(res.headers.get('content-type') ?? '')) throw new Error(`${url}: content-type ${res.headers.get('content-type')}`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`${url}: not JSON: ${text.slice(0, 300)}`);
  }
  const l = body as Partial<List>;
  if (typeof l.total !== 'number' || !Array.isArray(l.items)) throw new Error(`${url}: not a list: ${text.slice(0, 300)}`);
  return l as List;
}

test('rasd serve on PostgreSQL keeps answering while an ingest and a watch write the store directly; every page once', async (t) => {
  const db = await database();
  if (typeof db === 'string') return t.skip(db);
  const N = 12;
  const forIngest = marketPages('/pg-a', N);
  const forWatch = marketPages('/pg-b', N);
  const items = forWatch.map((p, i) => `<item><title>سوق ${i + 1}</title><link>${web.url}${p}</link><pubDate>${new Date(Date.UTC(2025, 4, 1, i)).toUTCString()}</pubDate></item>`);
  web.set('/pg-b.xml', { body: `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>أسواق</title>${items.join('')}</channel></rss>`, headers: { 'content-type': 'application/rss+xml' } });
  // the ingest and the watch both take the three pages of the feeds (feed.xml and atom.xml list the same URLs), at once
  for (const [path, p] of Object.entries(PAGES)) web.set(path, together(p.html));
  const expected = new Set([...Object.keys(PAGES), ...Object.keys(EXTRA_PAGES), ...forIngest, ...forWatch].map((p) => `${web.url}${p}`));

  const serve = await startServe(db.url);
  try {
    assert.equal((await list(`${serve.url}/api/stories`)).total, 0, 'an empty store to begin with');
    const polls = { answered: 0, problems: [] as string[], searchTotals: [] as number[] };
    let writing = true;
    const q = encodeURIComponent('أسعار');
    const poll = (async () => {
      while (writing) {
        for (const path of ['/api/stories?limit=500', `/api/search?q=${q}&limit=100`]) {
          try {
            const l = await list(`${serve.url}${path}`);
            polls.answered++;
            if (path.startsWith('/api/search')) polls.searchTotals.push(l.total);
          } catch (e) {
            polls.problems.push((e as Error).message);
          }
        }
        await new Promise((r) => setTimeout(r, 25));
      }
    })();
    const log = join(dir, 'watch.log');
    const [ing, wat] = await Promise.all([
      rasd(['ingest', `${web.url}/feed.xml`, `${web.url}/archive/2025/05/05/bread.html`, ...forIngest.map((p) => `${web.url}${p}`), '--db', db.url]),
      rasd(['watch', `${web.url}/atom.xml`, `${web.url}/pg-b.xml`, '--db', db.url, '--every', '1s', '--passes', '2', '--log', log]),
    ]);
    writing = false;
    await poll;
    console.log(`# ${polls.answered} answers while writing; ${/ingest: [^(]*/.exec(ing.err)?.[0] ?? ing.err}; watch ${/pass 1: [^;→(]*/.exec(wat.err)?.[0] ?? wat.err}`);

    // the writers went to the store itself (no server in between) and neither failed
    assert.equal(ing.code, 0, ing.err);
    assert.equal(wat.code, 0, wat.err);
    assert.doesNotMatch(ing.err + wat.err, /sending the pages through|failed|warning/);
    const ingested = /ingest: (\d+) added, 0 replaced, (\d+) unchanged in/.exec(ing.err);
    assert.ok(ingested, ing.err);
    assert.equal(Number(ingested[1]) + Number(ingested[2]), 4 + N);
    const passes = (await readFile(log, 'utf8')).match(/pass \d: .*/g) ?? [];
    assert.equal(passes.length, 2, passes.join('\n'));
    const first = /pass 1: (\d+) new, 0 changed, (\d+) unchanged, 0 skipped/.exec(passes[0]!);
    assert.ok(first, passes[0]);
    assert.equal(Number(first[1]) + Number(first[2]), 3 + N);
    assert.match(passes[1]!, new RegExp(`pass 2: 0 new, 0 changed, ${3 + N} unchanged`));

    // every request answered 200 with a well-formed list, all along; a reader never saw the store go back
    assert.deepEqual(polls.problems, []);
    assert.ok(polls.answered >= 10, `${polls.answered} answers while the store was written`);
    polls.searchTotals.forEach((n, i) => assert.ok(i === 0 || n >= polls.searchTotals[i - 1]!, `search total went from ${polls.searchTotals[i - 1]} to ${n}`));

    // at the end the server shows every page once
    const mains = await list(`${serve.url}/api/articles?role=main&limit=500`);
    assert.equal(mains.total, expected.size);
    const pageIds = new Set(mains.items.map((a) => a['pageId']));
    assert.equal(pageIds.size, expected.size, 'one main article per page');
    const sources = new Set<unknown>();
    for (const a of mains.items) {
      const full = (await (await fetch(`${serve.url}/api/articles/${encodeURIComponent(String(a['id']))}`)).json()) as { source: string };
      sources.add(full.source);
    }
    assert.deepEqual([...sources].sort(), [...expected].sort());
    const all = await list(`${serve.url}/api/articles?limit=500`);
    assert.equal(new Set(all.items.map((a) => a['id'])).size, all.total, 'no article twice');
    const stories = await list(`${serve.url}/api/stories?limit=500`);
    assert.equal(stories.items.reduce((n, s) => n + Number(s['articleCount']), 0), all.total, 'every article in one story');
    const hits = await list(`${serve.url}/api/search?q=${q}&limit=100`);
    assert.equal(hits.total, polls.searchTotals.at(-1), 'the last answer while writing was already complete');
    assert.equal(new Set(hits.items.map((h) => h['articleId'])).size, hits.items.length);
    assert.ok(hits.total >= 2 * N + 1, `${hits.total} articles with أسعار`);
  } finally {
    await serve.stop();
  }
});

const INPUTS = ['examples/stories', 'examples/pages'];
/** The export without its time stamp. */
const body = (json: string): string => json.replace(/"generatedAt":"[^"]*"/, '');

test('kill -9 of an ingest on PostgreSQL (while adding, while linking): the next run completes the store, every page once', async (t) => {
  const ref = await database();
  if (typeof ref === 'string') return t.skip(ref);
  const once = await rasd(['ingest', ...INPUTS, '--db', ref.url, '-q']);
  assert.equal(once.code, 0, once.err);
  assert.equal((await rasd(['export', '--db', ref.url, '--json', join(dir, 'reference.json')])).code, 0);
  const reference = body(await readFile(join(dir, 'reference.json'), 'utf8'));
  for (const [name, when] of [
    ['while pages are added', /^added /m],
    ['while pages are linked', /linking entities/],
  ] as const) {
    await t.test(name, async () => {
      const db = await database();
      assert.ok(typeof db !== 'string');
      const killed = await rasd(['ingest', ...INPUTS, '--db', db.url], { killWhen: when });
      assert.equal(killed.signal, 'SIGKILL', 'the ingest ended before it could be killed');
      const again = await rasd(['ingest', ...INPUTS, '--db', db.url, '-q']);
      assert.equal(again.code, 0, again.err);
      assert.match(again.err, /ingest: \d+ added, 0 replaced, \d+ unchanged/);
      const out = join(dir, `${name.replace(/\W+/g, '-')}.json`);
      assert.equal((await rasd(['export', '--db', db.url, '--json', out])).code, 0);
      assert.equal(body(await readFile(out, 'utf8')), reference);
      const third = await rasd(['ingest', ...INPUTS, '--db', db.url, '-q']);
      assert.match(third.err, /ingest: 0 added, 0 replaced, \d+ unchanged/);
    });
  }
});
