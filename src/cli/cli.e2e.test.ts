/**
 * The real `rasd` command in a child process, on real files: exit codes, stdout/stderr, and the export file.
 * From src/ it runs `node --import tsx src/cli/index.ts`; compiled (dist/), it runs dist/src/cli/index.js.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateExport } from '../export/validate.js';

const here = fileURLToPath(import.meta.url);
const fromSource = here.endsWith('.ts');
let root = dirname(here);
while (!existsSync(join(root, 'package.json'))) root = dirname(root);
const bin = fromSource ? ['--import', 'tsx', join(root, 'src', 'cli', 'index.ts')] : [join(root, 'dist', 'src', 'cli', 'index.js')];

function rasd(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [...bin, ...args], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const PAGE_A = `الكرملين: بوتين يلتقي أردوغان في سوتشي الأسبوع المقبل

موسكو - قال الناطق باسم الكرملين دميتري بيسكوف، يوم الاثنين، إن الرئيس الروسي فلاديمير بوتين سيلتقي نظيره التركي رجب طيب أردوغان في مدينة سوتشي الأسبوع المقبل لبحث العلاقات الثنائية والأوضاع في المنطقة.

وأضاف بيسكوف في تصريحات للصحفيين أن الجانبين سيناقشان ملفات الطاقة والتجارة، مشيراً إلى أن التحضيرات للقاء تجري على قدم وساق.

من جهتها، أكدت وزارة الخارجية التركية أن أنقرة تولي أهمية كبيرة لهذه الزيارة، وأنها تأمل في أن تسفر عن نتائج إيجابية للبلدين.
`;

const PAGE_B = `أمطار غزيرة تغرق شوارع صنعاء وتوقف حركة السير

صنعاء - شهدت العاصمة اليمنية صنعاء، مساء الأحد، هطول أمطار غزيرة تسببت في غرق عدد من الشوارع الرئيسية وتوقف حركة السير لساعات.

وقال مسؤول في الدفاع المدني إن فرق الإنقاذ تعاملت مع عشرات البلاغات، دون أن تسجل أي إصابات بشرية حتى الآن.

وتوقعت الأرصاد الجوية استمرار هطول الأمطار خلال الأيام المقبلة على المرتفعات الغربية، داعية المواطنين إلى توخي الحذر.
`;

let dir = '';
let pages = '';

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rasd-e2e-'));
  pages = join(dir, 'pages');
  await mkdir(join(pages, 'nested', 'deeper'), { recursive: true });
  await writeFile(join(pages, 'a.txt'), PAGE_A);
  await writeFile(join(pages, 'nested', 'deeper', 'b.txt'), PAGE_B);
  await writeFile(join(pages, 'nested', 'empty.txt'), '');
  await writeFile(join(pages, 'report.pdf'), Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n', 'latin1'));
});

after(() => rm(dir, { recursive: true, force: true }));

test('analyze a folder: exit 0, a summary per page, warnings for the bad files, a valid export', async () => {
  const out = join(dir, 'out.json');
  const r = rasd('analyze', pages, '--json', out);
  assert.equal(r.code, 0, r.err);
  const a = join(pages, 'a.txt');
  const b = join(pages, 'nested', 'deeper', 'b.txt');
  const empty = join(pages, 'nested', 'empty.txt');
  const pdf = join(pages, 'report.pdf');

  // stdout: a summary for every page, in the walk's order (how the pages are cut is the pipeline's business)
  const [pagesOut = '', storiesOut = ''] = r.out.split('\nstories: ');
  const headers = pagesOut.split('\n').filter((l) => !l.startsWith(' '));
  assert.deepEqual(headers, [`${a}  (ar)`, `${b}  (ar)`, `${empty}  (und)`, `${pdf}  (und)`, ''], r.out);
  // then the stories found across the pages (here each page's article is a story of its own)
  assert.match(storiesOut, /^\d+ \(\d+ of several articles\)\n/, r.out);
  assert.match(storiesOut, /^ {2}- \[main\] الكرملين: بوتين يلتقي أردوغان/m, r.out);
  for (const s of [a, b]) {
    const next = r.out.slice(r.out.indexOf(`${s}  (ar)\n`)).split('\n')[1] ?? '';
    assert.match(next, /^ {2}(main \[(\d{4}-\d{2}-\d{2}|no date)\]: .+|main: none|no articles.*)$/);
  }
  if (r.out.includes('  main [')) assert.match(r.out, /^ {2}\d+ paragraphs?, \d+ captions?, \d+ credits?$/m);
  // stderr: the empty file and the PDF as warnings, then the total
  const warnings = r.err.split('\n').filter((l) => l.startsWith('warning: '));
  assert.ok(warnings.some((l) => l.startsWith(`warning: ${empty}: input/`)), r.err);
  assert.ok(warnings.some((l) => l.startsWith(`warning: ${pdf}: input/`)), r.err);
  for (const l of warnings) assert.match(l, /^warning: .+: [a-z]+\/[a-z0-9-]+: .+$/);
  assert.match(r.err, /^total: 4 pages read \(2 analysed, 2 skipped\), \d+ articles? \(\d+ main, \d+ related, \d+ teasers?\), \d+ warnings?, [\d.]+ MB in [\d.]+ s$/m);
  assert.doesNotMatch(r.err, /^analysed /m, 'no progress lines in a small run on a pipe');

  const doc = JSON.parse(await readFile(out, 'utf8'));
  assert.deepEqual(validateExport(doc), []);
  const bySource = new Map<string, { id: string; language: string; articleIds: string[]; warnings: { rule: string }[] }>(doc.pages.map((p: { source: string }) => [p.source, p]));
  assert.deepEqual([...bySource.keys()].sort(), [a, b, empty, pdf].sort());
  for (const s of [a, b]) assert.equal(bySource.get(s)!.language, 'ar');
  assert.ok(doc.articles.length >= 1, 'two Arabic news pages give at least one article');
  for (const s of [empty, pdf]) {
    assert.deepEqual(bySource.get(s)!.articleIds, []);
    assert.ok(bySource.get(s)!.warnings.length >= 1);
  }
  const ids = doc.articles.map((x: { id: string }) => x.id);
  assert.equal(new Set(ids).size, ids.length, 'article ids are unique');
  const byId = new Map([...bySource.values()].map((p) => [p.id, p]));
  for (const art of doc.articles) assert.ok(byId.get(art.pageId)?.articleIds.includes(art.id), `${art.id} is listed by its page`);
  assert.deepEqual((await readdir(dir)).sort(), ['out.json', 'pages']);

  // the same input gives the same ids and the same document (apart from generatedAt)
  const again = join(dir, 'again.json');
  assert.equal(rasd('analyze', pages, '--json', again, '--quiet').code, 0);
  const doc2 = JSON.parse(await readFile(again, 'utf8'));
  assert.deepEqual({ ...doc2, generatedAt: '' }, { ...doc, generatedAt: '' });
  await rm(again);
});

test('exit 1 when every input is bad, and the export is not written', () => {
  const out = join(dir, 'bad.json');
  const r = rasd('analyze', join(pages, 'report.pdf'), join(pages, 'nested', 'empty.txt'), '--json', out);
  assert.equal(r.code, 1, r.err);
  assert.match(r.err, /^warning: .*report\.pdf: input\//m);
  assert.match(r.err, /^error: no page could be analysed/m);
  assert.ok(!existsSync(out));
});

test('exit 1 when the export cannot be written', () => {
  const r = rasd('analyze', pages, '--json', join(dir, 'missing', 'out.json'));
  assert.equal(r.code, 1);
  assert.match(r.err, /cli\/write-failed/);
});

test('usage: exit 2 on errors, 0 for --help and --version', () => {
  for (const args of [[], ['analyze'], ['bogus'], ['analyze', pages, '--bogus']]) {
    const r = rasd(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, /Usage: rasd analyze/);
    assert.equal(r.out, '');
  }
  const h = rasd('--help');
  assert.equal(h.code, 0);
  assert.match(h.out, /^Usage: rasd <command>/);
  const v = rasd('--version');
  assert.equal(v.code, 0);
  assert.match(v.out, /^rasd \d+\.\d+\.\d+/);
});
