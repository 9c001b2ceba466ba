import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RawPage } from '../types.js';
import { decode, isSkipped, readInputs, type SkippedInput } from './index.js';
import { MAX_PAGE_BYTES, cutPoint, looksLikeHtmlDocument } from './walk.js';
import { concat, utf16le, utf8 } from './test-text.js';

type Item = RawPage | SkippedInput;

async function collect(args: string[]): Promise<Item[]> {
  const out: Item[] = [];
  for await (const item of readInputs(args)) out.push(item);
  return out;
}

/** source → 'text' | 'html' for pages, or the warning rule for skipped inputs. */
function summary(items: Item[], root: string): Array<[string, string]> {
  return items.map((i) => [i.source.replace(root, 'ROOT'), isSkipped(i) ? i.warning.rule : i.format]);
}

async function tree(t: { after: (fn: () => Promise<void>) => void }): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'rasd-input-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  const files: Record<string, string | Uint8Array> = {
    'a.txt': 'خبر أول',
    'b.HTML': '<p>خبر</p>',
    'doc.pdf': '%PDF-1.4',
    'img.jpg': Uint8Array.of(0xff, 0xd8, 0xff, 0xe0),
    'notes': 'no extension',
    '.hidden.txt': 'hidden',
    '.git/config.txt': 'hidden folder',
    'sub-2.txt': 'after "sub" as a path, since "-" sorts before "/"',
    'sub/c.htm': '<p>ج</p>',
    'sub/page.txt': '\uFEFF  <!DOCTYPE html><html><body>نص</body></html>',
    'sub/deeper/d.txt': 'د',
    'sub/deeper/e.TXT': 'هـ',
    'z.txt': 'آخر',
  };
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), content);
  }
  await symlink(root, join(root, 'sub', 'loop')); // a symlink back to the root folder
  await symlink(join(root, 'missing.txt'), join(root, 'dangling.txt'));
  return root;
}

test('folders are walked recursively in sorted path order; other types skipped, hidden entries ignored', async (t) => {
  const root = await tree(t);
  const items = await collect([root]);
  assert.deepEqual(summary(items, root), [
    ['ROOT/a.txt', 'text'],
    ['ROOT/b.HTML', 'html'],
    ['ROOT/dangling.txt', 'input/unreadable'],
    ['ROOT/doc.pdf', 'input/unsupported-type'],
    ['ROOT/img.jpg', 'input/unsupported-type'],
    ['ROOT/notes', 'input/unsupported-type'],
    ['ROOT/sub-2.txt', 'text'],
    ['ROOT/sub/c.htm', 'html'],
    ['ROOT/sub/deeper/d.txt', 'text'],
    ['ROOT/sub/deeper/e.TXT', 'text'],
    ['ROOT/sub/loop', 'input/unreadable'],
    ['ROOT/sub/page.txt', 'html'],
    ['ROOT/z.txt', 'text'],
  ]);
  const first = items[0] as RawPage;
  assert.equal(Buffer.from(first.bytes).toString('utf8'), 'خبر أول');
  const loop = items.find((i) => i.source.endsWith('/loop')) as SkippedInput;
  assert.match(loop.warning.message, /loop/);
});

test('source naming: folder argument with or without a trailing slash, and file arguments as given', async (t) => {
  const root = await tree(t);
  const withSlash = (await collect([`${root}/`])).map((i) => i.source);
  const without = (await collect([root])).map((i) => i.source);
  assert.deepEqual(withSlash, without);
  assert.equal(without[0], `${root}/a.txt`);
  // From "sub", the symlink to the root is not a loop yet: the root is walked once through it, and the loop is
  // caught when the walk comes back to "sub".
  const sub = join(root, 'sub');
  const fromSub = summary(await collect([`${sub}//`]), root);
  assert.deepEqual(fromSub.slice(0, 4), [
    ['ROOT/sub/c.htm', 'html'],
    ['ROOT/sub/deeper/d.txt', 'text'],
    ['ROOT/sub/deeper/e.TXT', 'text'],
    ['ROOT/sub/loop/a.txt', 'text'],
  ]);
  assert.deepEqual(fromSub.filter(([, kind]) => kind === 'input/unreadable'), [
    ['ROOT/sub/loop/dangling.txt', 'input/unreadable'],
    ['ROOT/sub/loop/sub', 'input/unreadable'],
  ]);
  assert.deepEqual(fromSub.at(-1), ['ROOT/sub/page.txt', 'html']);
  const explicit = `${root}/sub/../a.txt`;
  assert.deepEqual((await collect([explicit])).map((i) => i.source), [explicit]);
});

test('explicit arguments: missing paths are unreadable with the OS reason; other types skipped; hidden files read', async (t) => {
  const root = await tree(t);
  const missing = join(root, 'nope', 'x.txt');
  const items = await collect([missing, join(root, 'doc.pdf'), join(root, '.hidden.txt'), join(root, 'z.txt')]);
  assert.deepEqual(summary(items, root), [
    ['ROOT/nope/x.txt', 'input/unreadable'],
    ['ROOT/doc.pdf', 'input/unsupported-type'],
    ['ROOT/.hidden.txt', 'text'],
    ['ROOT/z.txt', 'text'],
  ]);
  assert.match((items[0] as SkippedInput).warning.message, /ENOENT/);
  assert.match((items[1] as SkippedInput).warning.message, /\.pdf/);
});

test('files are read lazily, one at a time as the consumer pulls', async (t) => {
  const root = await tree(t);
  const it = readInputs([root]);
  const first = await it.next();
  assert.equal(first.value?.source, `${root}/a.txt`);
  // z.txt was listed but not read yet: deleting it now makes it unreadable when its turn comes.
  await unlink(join(root, 'z.txt'));
  const rest: Item[] = [];
  for (let r = await it.next(); !r.done; r = await it.next()) rest.push(r.value);
  assert.deepEqual(summary(rest.slice(-1), root), [['ROOT/z.txt', 'input/unreadable']]);
});

test('an empty argument list yields nothing', async () => {
  assert.deepEqual(await collect([]), []);
});

const htmlSniff: Array<[string, Uint8Array, boolean]> = [
  ['doctype', utf8('<!DOCTYPE html>\n<html>'), true],
  ['lower-case html tag after BOM and blank lines', utf8('\n\n  <html lang="ar">', true), true],
  ['UTF-16LE with BOM', utf16le('<!doctype html><html>', true), true],
  ['html tag with nothing after it', utf8('<html>'), true],
  ['plain text', utf8('خبر عاجل <html> في النص'), false],
  ['a fragment', utf8('<p>خبر</p>'), false],
  ['<htmlx> is not html', utf8('<htmlx>'), false],
  ['XML', concat('<?xml version="1.0"?><rss>'), false],
  ['XHTML: XML declaration, then the doctype', utf8('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN">'), true],
  ['a browser\'s "saved from url" comment, then the html tag', utf8('<!-- saved from url=(0022)http://example.com/ -->\n<html dir="rtl">'), true],
  ['a comment, then text', utf8('<!-- نسخة -->\nخبر عاجل <b>اليوم</b>'), false],
  ['text with stray tags', utf8('خبر <b>عاجل</b><br>\nوزارة الصحة تعلن'), false],
];
for (const [name, bytes, expected] of htmlSniff) {
  test(`looksLikeHtmlDocument: ${name}`, () => assert.equal(looksLikeHtmlDocument(bytes), expected));
}

test('a .txt file that is a whole HTML document is read as HTML with a warning; text with stray tags stays text', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'rasd-input-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  await writeFile(join(root, 'page.txt'), '<!DOCTYPE html><html><body><p>نص</p></body></html>');
  await writeFile(join(root, 'tags.txt'), 'خبر <b>عاجل</b>\nوزارة الصحة تعلن');
  await writeFile(join(root, 'page.html'), '<!DOCTYPE html><html><body><p>نص</p></body></html>');
  const items = (await collect([root])) as RawPage[];
  assert.deepEqual(
    items.map((i) => [i.source.slice(root.length + 1), i.format, (i.warnings ?? []).map((w) => w.rule)]),
    [
      ['page.html', 'html', []],
      ['page.txt', 'html', ['input/html-in-text']],
      ['tags.txt', 'text', []],
    ],
  );
});

// The head of a file cut at the cap ends on a whole character, whatever the encoding.
const cuts: Array<[string, Uint8Array, number]> = [
  ['after the last line feed', utf8('سطر أول\nسطر ثان'), utf8('سطر أول\n').length],
  ['UTF-16LE: the NUL after the line feed kept', utf16le('سطر\nثان'), utf16le('سطر\n').length],
  ['UTF-16BE: the line feed is the second byte', Buffer.from(utf16le('سطر\nثان')).swap16(), utf16le('سطر\n').length],
  ['no line feed: a cut 2-byte character dropped', utf8('خبر').subarray(0, 5), 4],
  ['no line feed: a cut 3-byte character dropped', concat('ab', utf8('…').subarray(0, 2)), 2],
  ['no line feed: a cut 4-byte character dropped', concat('ab', utf8('😀').subarray(0, 3)), 2],
  ['no line feed: whole characters kept', utf8('خبر…'), utf8('خبر…').length],
  ['single-byte text', concat('abc'), 3],
];
for (const [name, bytes, want] of cuts) test(`cutPoint: ${name}`, () => assert.equal(cutPoint(bytes), want));

test('a file over the cap is read up to a whole character, with a warning that says how large it was', async (t) => {
  const root = await mkdtemp(join(tmpdir(), 'rasd-input-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  // 'x' then two-byte letters with no line feed: the cap falls in the middle of a letter
  const body = Buffer.from(`x${'خبرعاجل'.repeat(Math.ceil(MAX_PAGE_BYTES / 12) + 1000)}`, 'utf8');
  assert.equal(body[MAX_PAGE_BYTES - 1]! & 0xc0, 0xc0, 'the cap falls after a lead byte');
  await writeFile(join(root, 'big.txt'), body);
  const [item] = (await collect([root])) as RawPage[];
  assert.equal(item!.bytes.length, MAX_PAGE_BYTES - 1);
  const page = decode(item!);
  assert.deepEqual(page.warnings.map((w) => w.rule), ['input/too-large']);
  const size = Number((body.length / 1024 / 1024).toFixed(1));
  assert.ok(page.warnings[0]!.message.endsWith(`: ${size} MB; only the first 4 MB were read`), page.warnings[0]!.message);
  assert.ok(!page.text.includes('\uFFFD'));
});
