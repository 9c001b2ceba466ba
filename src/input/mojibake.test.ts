import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../eval/run.js';
import { decode } from './index.js';
import { repairMojibake } from './mojibake.js';
import { GOOD_TEXT, asCp1252, asCp1256, asCp874 } from './hostile.js';
import { ARABIC, ENGLISH, PERSIAN, URDU } from './test-text.js';

/** UTF-8 read as true ISO-8859-1 (0x80–0x9F as C1 controls), as Buffer's latin1 does: the windows-1252 table undoes it. */
const asLatin1 = (text: string): string => Buffer.from(text, 'utf8').toString('latin1');

const TEMPLATE_TOP = 'الرئيسية | أخبار محلية | عربي ودولي | رياضة | اقتصاد | ثقافة وفنون';
const TEMPLATE_END = 'جميع الحقوق محفوظة لمؤسسة الصحافة العربية ٢٠٢٤، ويمنع النسخ أو إعادة النشر دون إذن مسبق';
const page = (article: string): string => `${TEMPLATE_TOP}\n\n${article}\n\n${TEMPLATE_END}`;

// [name, damaged text, code page, layers]: each must come back exactly as GOOD_TEXT (or the page around it)
const exact: Array<[string, string, string, number, string]> = [
  ['windows-1256', asCp1256(GOOD_TEXT), 'windows-1256', 1, GOOD_TEXT],
  ['windows-1256, the article only (the template is correct Arabic)', page(asCp1256(GOOD_TEXT)), 'windows-1256', 1, page(GOOD_TEXT)],
  ['windows-1256 twice', asCp1256(asCp1256(GOOD_TEXT)), 'windows-1256', 2, GOOD_TEXT],
  ['windows-1256, then its UTF-8 read as windows-1252', asCp1252(asCp1256(GOOD_TEXT), false), 'windows-1256', 2, GOOD_TEXT],
  ['latin-1 (C1 controls)', asLatin1(GOOD_TEXT), 'windows-1252', 1, GOOD_TEXT],
  ['windows-1252, the article only', page(asCp1252(GOOD_TEXT, false)), 'windows-1252', 1, page(GOOD_TEXT)],
  ['windows-874, the article only', page(asCp874(GOOD_TEXT)), 'windows-874', 1, page(GOOD_TEXT)],
  ['a short damaged headline', asCp1256('وزارة الصحة تطلق حملة'), 'windows-1256', 1, 'وزارة الصحة تطلق حملة'],
  ['the example of the issue', 'Ø§Ù„Ø¹Ø±Ø¨ÙŠØ© Ù„Ù„Ø£Ø®Ø¨Ø§Ø±', 'windows-1252', 1, 'العربية للأخبار'],
];
for (const [name, damaged, codePage, layers, want] of exact) {
  test(`mojibake undone exactly: ${name}`, () => {
    const r = repairMojibake(damaged);
    assert.equal(r.codePage, codePage);
    assert.equal(r.layers, layers);
    assert.equal(r.text, want);
    assert.equal(r.lost + r.guessed, 0);
  });
}

// Correct text of many scripts, with the characters the code pages write (accents, ‹› «» €, Thai, Persian ک گ پ چ,
// ZWNJ, Urdu ٹ ڈ ڑ ں ھ ے, Arabic commas after ط): never touched.
const clean: Array<[string, string]> = [
  ['Arabic paragraphs', ARABIC.join('\n\n')],
  ['Arabic words ending in ط, ظ, ع, غ before punctuation', 'ارتفع سعر النفط، وتراجع الضغط؛ فقط» «ضبط؟ البلاغ، الوعظ، الربع؟ المبلغ»'.repeat(20)],
  ['Persian', PERSIAN.repeat(3)],
  ['Urdu', URDU.repeat(3)],
  ['English', ENGLISH.repeat(3)],
  ['French', 'Le ministère a lancé « une campagne » : où ? À Alger, Oran — coût : 5 € ; œuvre, Œdipe, naïveté, Noël…'.repeat(5)],
  ['German and Nordic', 'Straße“ „Grüße“ Ørsted Ærø Søren Århus Øresund ØÙÚÛ ÀÉÎÕÜ ß‘ Ð¼ Þ¾'.repeat(6)],
  ['Turkish and Vietnamese', 'Ünal Çağlar Şükrü Öztürk İstanbul — Việt Nam, Hà Nội, Thành phố Hồ Chí Minh'.repeat(6)],
  ['Thai', 'กระทรวงสาธารณสุขประกาศเริ่มรณรงค์ฉีดวัคซีนป้องกันโรคหัดให้เด็กทั่วประเทศ คุณครู บุญคุณ ผู้ปกครองทุกท่าน'.repeat(5)],
];
for (const [name, text] of clean) {
  test(`no mojibake in correct text: ${name}`, () => {
    const r = repairMojibake(text);
    assert.equal(r.codePage, null);
    assert.equal(r.text, text);
  });
}

test('no mojibake found in the fixture pages and the seed pages (decoded as rasd decodes them)', () => {
  const root = repoRoot();
  const dirs = [join(root, 'examples', 'pages'), join(root, '..', 'shared', 'seeds')].filter((d) => existsSync(d));
  let pages = 0;
  for (const dir of dirs) {
    for (const name of readdirSync(dir).filter((n) => /\.(txt|html?)$/.test(n))) {
      const decoded = decode({ source: name, format: name.endsWith('.txt') ? 'text' : 'html', bytes: readFileSync(join(dir, name)) });
      assert.ok(!decoded.warnings.some((w) => w.rule.startsWith('input/mojibake')), name);
      assert.equal(repairMojibake(decoded.text).codePage, null, name);
      pages++;
    }
  }
  assert.ok(pages >= 18, `${pages} pages looked at`);
});

test('decode: a windows-1256 mojibake page is repaired before its language is judged (it read as Urdu before)', () => {
  const p = decode({ source: 'x.txt', format: 'text', bytes: Buffer.from(asCp1256(GOOD_TEXT)) });
  assert.equal(p.text, GOOD_TEXT);
  assert.equal(p.language, 'ar');
  assert.deepEqual(p.warnings.map((w) => w.rule), ['input/mojibake-repaired']);
  assert.match(p.warnings[0]!.message, /windows-1256; \d+ characters repaired/);
});

test('mojibake: the gate scans a large correct page, and repairs a large damaged one (timings printed, never asserted)', { timeout: 120_000 }, () => {
  const correct = ARABIC.join('\n\n').repeat(3000); // ~4 M characters
  let t0 = performance.now();
  assert.equal(repairMojibake(correct).codePage, null);
  const cleanMs = performance.now() - t0;
  const damaged = asCp1256(GOOD_TEXT).repeat(2000); // ~1.9 M characters
  t0 = performance.now();
  assert.equal(repairMojibake(damaged).text, GOOD_TEXT.repeat(2000));
  const damagedMs = performance.now() - t0;
  console.log(`# ${correct.length} correct characters scanned in ${cleanMs.toFixed(0)} ms; ${damaged.length} damaged repaired in ${damagedMs.toFixed(0)} ms`);
});
