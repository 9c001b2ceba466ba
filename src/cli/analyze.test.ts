import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnalyzedPage } from '../types.js';
import { pageId } from '../export/build.js';
import { validateExport } from '../export/validate.js';
import { englishPage, newsPage, textPage } from '../export/test-fixtures.js';
import { main } from './main.js';
import { fakeIO, raw, skipped } from './test-helpers.js';

async function tempDir(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'rasd-cli-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

const pdf = skipped('seeds/broken.pdf', 'input/unsupported-type', 'file type is not one rasd reads (.txt, .html, .htm)');
const items = () => [raw(newsPage.source), pdf, raw(englishPage.source), raw(textPage.source)];
const pages = [newsPage, englishPage, textPage];

test('one summary a page on stdout; warnings and the total on stderr; the export validates', async (t) => {
  const dir = await tempDir(t);
  const out = join(dir, 'out.json');
  const io = fakeIO(items(), pages);
  assert.equal(await main(['analyze', 'seeds', '--json', out], io), 0);

  const pid = pageId(newsPage.source);
  const so = io.stdout.text;
  // the news page: source, language, main headline and date, counts, related and teasers with titles indented
  assert.ok(so.includes('seeds/000.html  (ar)\n'), so);
  assert.ok(so.includes('  main [2024-03-05]: الكرملين: بوتين يلتقي أردوغان الأسبوع المقبل\n'));
  assert.ok(so.includes('  2 paragraphs, 2 captions, 1 credit\n'));
  assert.ok(so.includes('  1 related article\n    - أنقرة ترحب بالوساطة الروسية\n'));
  assert.ok(so.includes(`  2 teasers\n    - أنقرة ترحب بالوساطة الروسية (→ duplicate of related ${pid}-2)\n    - أسعار النفط ترتفع\n`));
  // encoding shown when not utf-8; "no date"
  assert.ok(so.includes('seeds/001.txt  (ar, windows-1256)\n  main [no date]: أمطار غزيرة في صنعاء\n'));
  // pages without articles
  assert.ok(so.includes('seeds/broken.pdf  (und)\n  no articles (input/unsupported-type)\n'));
  assert.ok(so.includes('seeds/en.txt  (en)\n  no articles (language/not-arabic)\n'));
  assert.ok(so.indexOf('seeds/000.html') < so.indexOf('seeds/broken.pdf'), 'in input order');

  const se = io.stderr.text.split('\n');
  assert.deepEqual(se.filter((l) => l.startsWith('warning: ')), [
    'warning: seeds/000.html: input/encoding-guess: the encoding was not declared and had to be detected',
    'warning: seeds/broken.pdf: input/unsupported-type: file type is not one rasd reads (.txt, .html, .htm)',
    'warning: seeds/en.txt: language/not-arabic: the page is not in Arabic and was not analysed',
  ]);
  const total = se.find((l) => l.startsWith('total: '));
  assert.match(total ?? '', /^total: 4 pages read \(2 analysed, 2 skipped\), 5 articles \(2 main, 1 related, 2 teasers\), 3 warnings, 0\.01 MB in \d+\.\d+ s$/);
  assert.doesNotMatch(io.stderr.text, /analysed \d+ pages \(/, 'no progress on a small run');

  const doc = JSON.parse(await readFile(out, 'utf8'));
  assert.deepEqual(validateExport(doc), []);
  assert.deepEqual(doc.pages.map((p: { source: string; language: string }) => [p.source, p.language]), [
    ['seeds/000.html', 'ar'],
    ['seeds/broken.pdf', 'und'],
    ['seeds/en.txt', 'en'],
    ['seeds/001.txt', 'ar'],
  ]);
  const skippedPage = doc.pages[1];
  assert.deepEqual(skippedPage.warnings, [pdf.warning]);
  assert.deepEqual(skippedPage.articleIds, []);
  assert.equal(doc.articles.length, 5);
  assert.deepEqual(await readdir(dir), ['out.json']);
});

test('--quiet: no summaries, still warnings and total', async () => {
  const io = fakeIO(items(), pages);
  assert.equal(await main(['analyze', 'seeds', '-q'], io), 0);
  assert.equal(io.stdout.text, '');
  assert.match(io.stderr.text, /warning: seeds\/broken\.pdf/);
  assert.match(io.stderr.text, /^total: /m);
});

test('exit 1 when no page could be analysed; the export file is then not written', async (t) => {
  const dir = await tempDir(t);
  const out = join(dir, 'out.json');
  await writeFile(out, 'previous run');
  const io = fakeIO([pdf, raw(englishPage.source), skipped('empty.txt', 'input/empty', 'the file is empty')], pages);
  assert.equal(await main(['analyze', 'x', '--json', out], io), 1);
  assert.match(io.stderr.text, /^error: no page could be analysed .*out\.json was not written$/m);
  assert.equal(await readFile(out, 'utf8'), 'previous run');
  assert.deepEqual(await readdir(dir), ['out.json']);

  const none = fakeIO([], []);
  assert.equal(await main(['analyze', 'empty-folder'], none), 1);
  assert.match(none.stderr.text, /^error: no page was found$/m);
});

test('exit 1 when the export cannot be written, before any page is read', async (t) => {
  const dir = await tempDir(t);
  let pulled = 0;
  const io = fakeIO(items(), pages, {
    readInputs: async function* () {
      pulled++;
      yield raw(textPage.source);
    },
  });
  assert.equal(await main(['analyze', 'x', '--json', join(dir, 'no', 'such', 'dir', 'out.json')], io), 1);
  assert.match(io.stderr.text, /^error: .*out\.json: cli\/write-failed: the output file could not be written: /m);
  assert.equal(pulled, 0);
  assert.equal(io.stdout.text, '');
  const io2 = fakeIO(items(), pages);
  assert.equal(await main(['analyze', 'x', '--json', dir], io2), 1);
  assert.match(io2.stderr.text, /cli\/write-failed: .*is a folder/);
});

test('a failing input stage ends the run with exit 1 and no export', async (t) => {
  const dir = await tempDir(t);
  const io = fakeIO([], pages, {
    readInputs: async function* () {
      yield raw(textPage.source);
      throw new Error('EIO: i/o error, read');
    },
  });
  assert.equal(await main(['analyze', 'x', '--json', join(dir, 'o.json')], io), 1);
  assert.match(io.stderr.text, /^error: EIO: i\/o error, read$/m);
  assert.deepEqual(await readdir(dir), []);
});

test('a page the pipeline throws on is kept with a warning and the run goes on', async () => {
  const io = fakeIO([raw('bad.html'), raw(textPage.source)], [textPage]);
  assert.equal(await main(['analyze', 'x'], io), 0);
  assert.match(io.stderr.text, /^warning: bad\.html: cli\/analyze-failed: the page could not be analysed: no fake page for bad\.html$/m);
  assert.match(io.stdout.text, /seeds\/001\.txt/);
  assert.match(io.stderr.text, /\(1 analysed, 1 skipped\)/);
});

test('untrusted text reaches the terminal without control characters or bidi overrides', async () => {
  const evil: AnalyzedPage = {
    ...textPage,
    source: 'evil\x1b]0;owned\x07\u202E.txt',
    encoding: 'utf-8',
    articles: [{ role: 'main', title: 'عنوان\x1b[2J\u2066مخفي\u2069\nسطر', paragraphs: [], captions: [], published: null, outlet: null, credits: [], duplicateOf: null, dates: [], mentions: [], quotes: [] }],
    warnings: [{ rule: 'segment/no-title', message: 'رسالة\r\x1b[1Aمع\u202Dتحكم' }],
  };
  const io = fakeIO([raw(evil.source)], [evil]);
  assert.equal(await main(['analyze', 'x'], io), 0);
  const unsafe = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  assert.doesNotMatch(io.stdout.text, unsafe);
  assert.doesNotMatch(io.stderr.text, unsafe);
  assert.ok(io.stdout.text.includes('main [no date]: عنوان[2Jمخفي سطر\n'));
  assert.ok(io.stderr.text.includes('warning: evil]0;owned.txt: segment/no-title: رسالة [1Aمعتحكم\n'));
});

test('progress on stderr for large runs (every N pages) and on a terminal (every few seconds)', async () => {
  const many = Array.from({ length: 7 }, (_, i): AnalyzedPage => ({ ...textPage, source: `p/${i}.txt`, size: 1_000_000 }));
  const io = fakeIO(many.map((p) => raw(p.source)), many, { progress: { everyPages: 3, everyMs: 2000 } });
  assert.equal(await main(['analyze', 'p', '-q'], io), 0);
  assert.deepEqual(io.stderr.text.split('\n').filter((l) => l.startsWith('analysed')), ['analysed 3 pages (3.00 MB)…', 'analysed 6 pages (6.00 MB)…']);

  let clock = 0;
  const tty = fakeIO(many.map((p) => raw(p.source)), many, { progress: { everyPages: 500, everyMs: 2000 }, now: () => (clock += 1100) });
  tty.stderr.isTTY = true;
  assert.equal(await main(['analyze', 'p', '-q'], tty), 0);
  assert.deepEqual(tty.stderr.text.split('\n').filter((l) => l.startsWith('analysed')), ['analysed 2 pages (2.00 MB)…', 'analysed 4 pages (4.00 MB)…', 'analysed 6 pages (6.00 MB)…']);
});

test('an interrupted run stops between pages, removes its temporary files and returns 130', async (t) => {
  const dir = await tempDir(t);
  const stop = new AbortController();
  const many = Array.from({ length: 5 }, (_, i): AnalyzedPage => ({ ...textPage, source: `p/${i}.txt` }));
  const io = fakeIO(many.map((p) => raw(p.source)), many, { signal: stop.signal });
  const analyzePage = io.analyzePage!;
  io.analyzePage = (r) => {
    if (r.source === 'p/2.txt') stop.abort();
    return analyzePage(r);
  };
  assert.equal(await main(['analyze', 'p', '--json', join(dir, 'o.json')], io), 130);
  assert.match(io.stderr.text, /^interrupted after 3 pages; .*o\.json was not written$/m);
  assert.deepEqual(await readdir(dir), []);
});
