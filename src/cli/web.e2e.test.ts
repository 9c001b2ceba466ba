/**
 * The real `rasd` against a local web server (src/fetch/test-server.ts): ingest of page and feed URLs and of a
 * file of URLs, with a warning for each source that fails and every good page stored; `watch` taking only what is
 * new or changed; `watch` while `rasd serve` holds the store, through the server, which keeps answering.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PAGES, startTestServer, type TestServer } from '../fetch/test-server.js';

const here = fileURLToPath(import.meta.url);
let root = dirname(here);
while (!existsSync(join(root, 'package.json'))) root = dirname(root);
const bin = here.endsWith('.ts') ? ['--import', 'tsx', join(root, 'src', 'cli', 'index.ts')] : [join(root, 'dist', 'src', 'cli', 'index.js')];

/** Runs rasd without blocking this process (the test server answers in it). */
function rasd(...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (err += c.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

let web: TestServer;
let dir = '';
before(async () => {
  web = await startTestServer();
  dir = await mkdtemp(join(tmpdir(), 'rasd-web-'));
});
after(async () => {
  await web.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

test('ingest URLs: a feed brings its items; a page whose charset only the header names; a warning for each bad source', async () => {
  const db = join(dir, 'a');
  const urls = join(dir, 'urls.txt');
  await writeFile(urls, `# sources\n${web.url}/cp1256.html\n\nnot a url\n${web.url}/image.png\n`);
  const r = await rasd('ingest', `${web.url}/feed.xml`, `${web.url}/missing`, '--urls', urls, '--db', db);
  assert.equal(r.code, 0, r.err);
  for (const p of Object.keys(PAGES)) assert.match(r.out, new RegExp(`^added\\s+${web.url}${p}`, 'm'));
  assert.match(r.out, new RegExp(`^added\\s+${web.url}/cp1256.html`, 'm'));
  assert.match(r.err, /feed .*feed\.xml: 3 items/);
  assert.match(r.err, /missing: fetch\/failed: .*HTTP 404/);
  assert.match(r.err, /image\.png: fetch\/not-a-page/);
  assert.match(r.err, /urls\.txt:4: fetch\/bad-url/);
  assert.match(r.err, /ingest: 4 added, 0 replaced, 0 unchanged, 2 skipped/);
  assert.doesNotMatch(r.err, /cp1256\.html: /, 'the windows-1256 page raises no warning');
  const s = await rasd('search', 'التطعيم', '--db', db, '--json');
  assert.equal((JSON.parse(s.out) as unknown[]).length, 1, 'the windows-1256 page was read right');
  // again: nothing new
  const again = await rasd('ingest', `${web.url}/feed.xml`, '--db', db);
  assert.match(again.err, /ingest: 0 added, 0 replaced, 3 unchanged/);
});

test('watch: only what is new or changed, with a log', async () => {
  const db = join(dir, 'w');
  const log = join(dir, 'watch.log');
  const first = await rasd('watch', `${web.url}/atom.xml`, '--db', db, '--every', '1s', '--passes', '2', '--log', log);
  assert.equal(first.code, 0, first.err);
  const lines = (await readFile(log, 'utf8')).trim().split('\n');
  assert.match(lines[1] ?? '', /pass 1: 3 new, 0 changed, 0 unchanged/);
  assert.match(lines[2] ?? '', /pass 2: 0 new, 0 changed, 3 unchanged/);
  const fetched = web.hits('/news/1.html');
  // a new item in the feed: only it is fetched
  PAGES['/news/4.html'] = { title: 'انطلاق معرض الكتاب بمشاركة ثلاثمئة دار نشر', date: '2025-05-07', html: PAGES['/news/1.html']!.html.replace(/محطة جديدة لتحلية مياه البحر/g, 'معرضا للكتاب') };
  try {
    const next = await rasd('watch', `${web.url}/atom.xml`, '--db', db, '--every', '1s', '--passes', '1', '--log', log);
    assert.equal(next.code, 0, next.err);
    assert.match((await readFile(log, 'utf8')).trim().split('\n').at(-2) ?? '', /pass 1: 1 new, 0 changed, 3 unchanged/);
    assert.equal(web.hits('/news/1.html'), fetched, 'a known item is not fetched again');
  } finally {
    delete PAGES['/news/4.html'];
  }
});

test('watch killed with kill -9 in the middle of a pass: the next pass loses and duplicates nothing', async () => {
  const db = join(dir, 'k');
  // a feed of 40 pages
  const items: string[] = [];
  for (let i = 1; i <= 40; i++) {
    const path = `/many/${i}.html`;
    const base = PAGES['/news/2.html']!.html;
    web.set(path, { body: base.replace('ارتفاع أسعار الخضار', `ارتفاع أسعار الخضار في السوق رقم ${i}`).replace('خلال الأيام الأخيرة', `خلال الأيام الأخيرة في الحي ${i} من أحياء المدينة القديمة`), headers: { 'content-type': 'text/html; charset=utf-8' }, delayMs: 30 });
    items.push(`<item><title>خبر ${i}</title><link>${web.url}${path}</link><pubDate>${new Date(Date.UTC(2025, 4, 1, i)).toUTCString()}</pubDate></item>`);
  }
  web.set('/many.xml', { body: `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>كثير</title>${items.join('')}</channel></rss>`, headers: { 'content-type': 'application/rss+xml' } });
  const killed = await new Promise<boolean>((resolve) => {
    const child = spawn(process.execPath, [...bin, 'watch', `${web.url}/many.xml`, '--db', db, '--every', '1h'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let added = 0;
    child.stdout.on('data', (c: Buffer) => {
      added += (c.toString('utf8').match(/^added/gm) ?? []).length;
      if (added >= 5 && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => resolve(signal === 'SIGKILL'));
  });
  assert.ok(killed);
  const again = await rasd('watch', `${web.url}/many.xml`, '--db', db, '--passes', '1');
  assert.equal(again.code, 0, again.err);
  const n = await rasd('search', 'الخضار', '--db', db, '--json', '--limit', '100');
  const hits = JSON.parse(n.out) as { articleId: string }[];
  assert.equal(hits.length, 40, 'every page once');
  assert.equal(new Set(hits.map((h) => h.articleId)).size, 40);
  const third = await rasd('watch', `${web.url}/many.xml`, '--db', db, '--passes', '1');
  assert.match(third.err, /pass 1: 0 new, 0 changed, 40 unchanged/);
});

test('watch while rasd serve holds the store: through the server, which keeps answering', async () => {
  const db = join(dir, 's');
  const port = await freePort();
  const serve = spawn(process.execPath, [...bin, 'serve', '--db', db, '--port', String(port)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  try {
    await new Promise<void>((resolve, reject) => {
      let err = '';
      serve.stderr.on('data', (c: Buffer) => {
        err += c.toString('utf8');
        if (err.includes('rasd serve: http')) resolve();
      });
      serve.on('exit', () => reject(new Error(`serve ended: ${err}`)));
    });
    const base = `http://127.0.0.1:${port}`;
    let answered = 0;
    let failed = 0;
    let polling = true;
    const poll = (async () => {
      while (polling) {
        const res = await fetch(`${base}/api/stories`).catch(() => null);
        if (res?.ok) answered++;
        else failed++;
        await res?.arrayBuffer();
        await new Promise((r) => setTimeout(r, 50));
      }
    })();
    const w = await rasd('watch', `${web.url}/feed.xml`, '--db', db, '--passes', '1');
    polling = false;
    await poll;
    assert.equal(w.code, 0, w.err);
    assert.match(w.err, /sending the pages through/);
    assert.match(w.err, /pass 1: 3 new/);
    assert.equal(failed, 0);
    assert.ok(answered > 0);
    const hits = (await (await fetch(`${base}/api/search?q=${encodeURIComponent('تحلية')}`)).json()) as { total: number };
    assert.equal(hits.total, 1);
  } finally {
    serve.kill('SIGTERM');
    await new Promise((r) => serve.once('exit', r));
  }
});
