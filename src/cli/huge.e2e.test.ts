/**
 * Huge pages through the real `rasd ingest`, with the child's peak memory measured (src/cli/e2e-helpers.ts):
 * - a 60 MB file among good pages: read up to the cap (MAX_PAGE_BYTES) with the warning input/too-large, its head
 *   analysed and stored, the good pages next to it stored; a 3 GiB file (sparse past its head) costs no more memory
 *   than the 60 MB one: what is read, and so the memory, does not grow with the file;
 * - answers of 60 MB or more from URLs (a page streamed with no length, one whose Content-Length says 60 MB, a
 *   feed's item streamed with no length): cut at the fetch size limit (10 MB) with a warning each, the good URLs
 *   stored, and memory no more than an ingest of one small page.
 * The files are written at test time in a temporary folder (never committed). Each run that is measured goes into
 * its own copy of one embedded store made beforehand: its creation (PGlite's initdb, the costliest step of a first
 * ingest) is not counted, and runs compared with each other do the same work (an incremental link replays the pages
 * stored since the last snapshot, so a store that already holds a huge page costs more to ingest into).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, copyFileSync, cpSync, ftruncateSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GOOD_TEXT } from '../input/hostile.js';
import { MAX_PAGE_BYTES } from '../input/walk.js';
import { startTestServer, type Route, type TestServer } from '../fetch/test-server.js';
import { rasd, root } from './e2e-helpers.js';

const MB = 1024 * 1024;
const GOOD = ['01-wadi-egypt-daily-economy.txt', '02-sahel-gulf-paper-politics.html', '07-sada-levantine-site-culture.txt', '11-maydan-sports-site-football.html'];

let dir = '';
let template = '';
let web: TestServer;
const peaks: Record<string, number> = {};

/** An endless-looking answer: `total` bytes of Arabic HTML paragraphs, streamed; `declared` sends Content-Length. */
function streamed(total: number, declared: boolean): Route {
  return {
    handler: (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...(declared ? { 'content-length': String(total) } : {}) });
      const chunk = Buffer.from(`<p>${'سطر من الحشو الطويل '.repeat(1500)}</p>\n`);
      let sent = 0;
      const push = (): void => {
        while (sent < total) {
          const part = chunk.subarray(0, Math.min(chunk.length, total - sent));
          sent += part.length;
          if (!res.write(part)) return void res.once('drain', push);
        }
        res.end();
      };
      res.on('close', () => (sent = Infinity));
      push();
    },
  };
}

/**
 * A huge HTML page: an article under `title` at the start, then paragraphs of filler; `size` bytes in all, of which
 * only the first `written` are written (the rest is a hole: a sparse file, quick to make whatever its size).
 */
function hugePage(path: string, title: string, size: number, written = size): void {
  const fd = openSync(path, 'w');
  try {
    const paragraphs = GOOD_TEXT.split('\n\n').slice(1).map((p) => `<p>${p}</p>`).join('\n');
    let at = writeSync(fd, `<!DOCTYPE html><html lang="ar"><head><meta charset="utf-8"><title>${title}</title></head><body><article><h1>${title}</h1>\n${paragraphs}\n`);
    const filler = Buffer.from(`<p>${'سطر من الحشو الطويل '.repeat(200)}</p>\n`.repeat(140)); // ~1 MB
    while (at < written) at += writeSync(fd, filler, 0, Math.min(filler.length, written - at));
    if (size > written) ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rasd-huge-'));
  template = join(dir, 'template');
  const made = await rasd(['ingest', join(root, 'examples', 'pages', '04-wad-news-agency-wire-flood.txt'), '--db', template, '-q']);
  assert.equal(made.code, 0, made.err);
  web = await startTestServer({
    '/huge.html': streamed(64 * MB, false),
    '/declared.html': streamed(60 * MB, true),
    '/item.html': streamed(80 * MB, false),
  });
  const items = ['/item.html', '/news/2.html'].map((p, i) => `<item><title>خبر ${i}</title><link>${web.url}${p}</link><pubDate>${new Date(Date.UTC(2025, 4, 5, i)).toUTCString()}</pubDate></item>`);
  web.set('/big.xml', { body: `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>خلاصة</title>${items.join('')}</channel></rss>`, headers: { 'content-type': 'application/rss+xml' } });
});
after(async () => {
  await web?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
  console.log(`# peak RSS of the rasd ingest children (MB): ${JSON.stringify(peaks)}`);
});

/** A copy of the store made beforehand (holding one small page). */
function store(name: string): string {
  const db = join(dir, name);
  cpSync(template, db, { recursive: true });
  return db;
}

/** `added <source> (N articles)` with N ≥ 1. */
const added = (out: string, name: string): boolean => new RegExp(`^added\\s+\\S*${name.replace(/[.?]/g, '\\$&')}\\s+\\([1-9]\\d* article`, 'm').test(out);

test('a 60 MB file among good pages: read up to the cap with a warning, its head and every good page stored', async () => {
  const folder = join(dir, 'in');
  mkdirSync(folder);
  for (const f of GOOD) copyFileSync(join(root, 'examples', 'pages', f), join(folder, f));
  hugePage(join(folder, 'huge.html'), 'حملة التطعيم تصل إلى القرى البعيدة', 60 * MB);
  const db = store('db-60m');
  const r = await rasd(['ingest', folder, '--db', db], { measure: true });
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, new RegExp(`huge\\.html: input/too-large: .*: 60 MB; only the first ${MAX_PAGE_BYTES / MB} MB were read`));
  assert.ok(added(r.out, 'huge.html'), r.out);
  for (const f of GOOD) assert.ok(added(r.out, f), `${f}\n${r.out}`);
  assert.match(r.err, new RegExp(`ingest: ${GOOD.length + 1} added, 0 replaced, 0 unchanged in`));
  const s = await rasd(['search', 'القرى البعيدة', '--db', db, '--json']);
  assert.ok((JSON.parse(s.out) as { title: string }[]).some((h) => h.title === 'حملة التطعيم تصل إلى القرى البعيدة'), 'the head of the huge page is searchable');
  peaks['60 MB file'] = r.maxRssMB!;
});

test('a 3 GiB file costs no more memory than a 60 MB one: only its head is read', async () => {
  const folder = join(dir, 'in-3g');
  mkdirSync(folder);
  // the same head as the 60 MB page (with another headline), then a hole up to 3 GiB
  hugePage(join(folder, 'huge-3g.html'), 'حملة التطعيم تبلغ المدارس في الجبال', 3 * 1024 * MB, MAX_PAGE_BYTES + 2 * MB);
  for (const f of GOOD) copyFileSync(join(root, 'examples', 'pages', f), join(folder, f));
  const r = await rasd(['ingest', folder, '--db', store('db-3g')], { measure: true });
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, new RegExp(`huge-3g\\.html: input/too-large: .*: 3072 MB; only the first ${MAX_PAGE_BYTES / MB} MB were read`));
  assert.ok(added(r.out, 'huge-3g.html'), r.out);
  peaks['3 GiB file'] = r.maxRssMB!;
  const sixty = peaks['60 MB file'];
  assert.ok(sixty !== undefined, 'the 60 MB test ran first');
  // ~50 times the file, the same head: the same peak, give or take the garbage collector's timing and which pages
  // the analysis worker holds at once (the files are read in another order)
  assert.ok(r.maxRssMB! < Math.max(sixty + 100, sixty * 1.25), `peak RSS ${r.maxRssMB} MB for 3 GiB against ${sixty} MB for 60 MB`);
  // What the head costs: about 150 MB of RSS per MiB of dense article text (src/who, then linking), on top of
  // the embedded store (~390 MB); measured 850 MB in all here. A file read whole would not fit in this.
  assert.ok(r.maxRssMB! < 1500, `peak RSS ${r.maxRssMB} MB`);
});

test('answers of 60 MB or more from URLs: cut at the 10 MB fetch limit with a warning each, the good URLs stored', async () => {
  const small = await rasd(['ingest', `${web.url}/news/1.html`, '--db', store('db-small')], { measure: true });
  assert.equal(small.code, 0, small.err);
  peaks['one small page'] = small.maxRssMB!;
  const r = await rasd(['ingest', `${web.url}/huge.html`, `${web.url}/declared.html`, `${web.url}/big.xml`, `${web.url}/news/3.html`, '--db', store('db-urls')], { measure: true });
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /\/huge\.html: fetch\/failed: .*huge\.html is larger than the 10 MB limit; the download was stopped there/);
  assert.match(r.err, /\/declared\.html: fetch\/failed: .*declared\.html is 60 MB, more than the 10 MB limit; it was not downloaded/);
  assert.match(r.err, /\/item\.html: fetch\/failed: .*item\.html is larger than the 10 MB limit; the download was stopped there/);
  for (const p of ['/news/2.html', '/news/3.html']) assert.ok(added(r.out, p), `${p}\n${r.out}`);
  assert.match(r.err, /ingest: 2 added, 0 replaced, 0 unchanged, 3 skipped in/);
  peaks['URLs'] = r.maxRssMB!;
  // at most 10 MB of each answer is ever held (and the three are fetched two at a time)
  assert.ok(r.maxRssMB! < small.maxRssMB! + 100, `peak RSS ${r.maxRssMB} MB against ${small.maxRssMB} MB for one small page`);
});
