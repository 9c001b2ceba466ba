import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzePage } from '../pipeline.js';
import type { AnalyzedPage, RawPage } from '../types.js';
import { decode, readInputs, isSkipped } from './index.js';
import { GOOD_TEXT, asCp1252, asCp874, writeHostileFolder } from './hostile.js';
import { repairMojibake } from './mojibake.js';
import { MAX_PAGE_BYTES } from './walk.js';
import { win1256 } from './test-text.js';

const dir = mkdtempSync(join(tmpdir(), 'rasd-hostile-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const MB = 1024 * 1024;

interface Seen {
  rules: string[];
  articles: number;
  title: string | null;
  format: RawPage['format'] | null;
  ms: number;
}

test('a folder of hostile inputs: a warning for each bad file, every good page analysed, nothing throws', async (t) => {
  const manifest = writeHostileFolder(dir, { huge: true });
  assert.ok(manifest.filter((f) => f.good && !f.rule).length >= 4, 'at least 4 good pages');
  const rss = process.memoryUsage().rss;
  let peak = rss;
  const seen = new Map<string, Seen>();
  for await (const item of readInputs([dir])) {
    const name = item.source.slice(dir.length + 1);
    if (isSkipped(item)) {
      seen.set(name, { rules: [item.warning.rule], articles: 0, title: null, format: null, ms: 0 });
      continue;
    }
    const t0 = performance.now();
    const page: AnalyzedPage = analyzePage(item);
    const ms = performance.now() - t0;
    peak = Math.max(peak, process.memoryUsage().rss);
    const main = page.articles.find((a) => a.role === 'main');
    seen.set(name, { rules: page.warnings.map((w) => w.rule), articles: page.articles.length, title: main?.title ?? null, format: item.format, ms });
  }
  assert.equal(seen.size, manifest.length, 'one result per file, no more');
  for (const f of ['nested.html', 'scripts.html', 'huge.html']) console.log(`# ${f}: analysed in ${Math.round(seen.get(f)?.ms ?? 0)} ms`);
  for (const f of manifest) {
    // 20,000 nested divs: src/html keeps the text but (in progress there) does not yet find the headline
    const todo = f.file === 'nested.html' ? 'src/html: the headline of an article under 20,000 nested divs' : undefined;
    await t.test(f.file, { todo }, () => {
      const got = seen.get(f.file);
      assert.ok(got, `${f.file} was read`);
      if (f.rule) assert.ok(got.rules.includes(f.rule), `${f.rule} expected, got ${got.rules.join(', ') || 'no warning'}`);
      if (f.good) assert.ok(got.articles >= 1, 'an article expected');
      else assert.equal(got.articles, 0);
      if (f.title) assert.equal(got.title, f.title);
      if (f.file.endsWith('.txt') && f.file.startsWith('html-')) assert.equal(got.format, 'html', 'HTML saved as .txt is read as HTML');
      // the 4 MiB head of the 60 MB page costs ~10 s, nearly all in src/who (measured: html 1.3 s, segment 0.3 s);
      // timings are printed above, never asserted
    });
  }
  // With the 60 MB page analysed up to its cap (MAX_PAGE_BYTES, 4 MiB), memory is bounded by what the DOM of 4 MiB
  // of HTML costs in src/html (about 330 MB of RSS at the peak, GC garbage included), not by the file's size.
  assert.ok(peak - rss < 450 * MB, `memory grew by ${Math.round((peak - rss) / MB)} MB`);
});

test('a 60 MB page: readInputs reads only its head and decode warns; memory stays well under 200 MB', async () => {
  const big = join(dir, 'big');
  rmSync(big, { recursive: true, force: true });
  mkdirSync(big, { recursive: true });
  const out = openSync(join(big, 'huge.txt'), 'w');
  try {
    writeSync(out, `${GOOD_TEXT}\n\n`);
    const chunk = Buffer.from(`${'سطر من الحشو الطويل '.repeat(400)}\n`);
    for (let written = 0; written < 60 * MB; written += chunk.length) writeSync(out, chunk);
  } finally {
    closeSync(out);
  }
  global.gc?.();
  const before = process.memoryUsage();
  let peak = before.rss;
  const pages = [];
  for await (const item of readInputs([big])) {
    assert.ok(!isSkipped(item));
    // the head ends at its last line feed before the cap (cutPoint): no character is cut
    assert.ok(item.bytes.length <= MAX_PAGE_BYTES && item.bytes.length > MAX_PAGE_BYTES - 64 * 1024, `${item.bytes.length} bytes read`);
    assert.equal(item.bytes[item.bytes.length - 1], 0x0a);
    const page = decode(item);
    peak = Math.max(peak, process.memoryUsage().rss);
    pages.push({ rules: page.warnings.map((w) => w.rule), language: page.language, length: page.text.length, message: page.warnings[0]?.message ?? '' });
  }
  rmSync(big, { recursive: true, force: true });
  assert.equal(pages.length, 1);
  assert.deepEqual(pages[0]!.rules, ['input/too-large'], 'a character cut at the cap is no invalid UTF-8');
  assert.match(pages[0]!.message, /60 MB; only the first 4 MB/);
  assert.equal(pages[0]!.language, 'ar');
  const grew = (peak - before.rss) / MB;
  console.log(`# 60 MB page: readInputs + decode grew RSS by ${grew.toFixed(0)} MB`);
  assert.ok(grew < 100, `memory grew by ${grew.toFixed(0)} MB`);
});

test('mojibake: undone exactly when no byte was lost, once or twice, per span; French, Thai and correct Arabic left alone', () => {
  const exact: Array<[string, string, string]> = [
    ['windows-1252', asCp1252(GOOD_TEXT, false), GOOD_TEXT],
    ['windows-1252', asCp1252(asCp1252(GOOD_TEXT, false), false), GOOD_TEXT],
    ['windows-874', asCp874(GOOD_TEXT), GOOD_TEXT],
    ['windows-874', asCp874(asCp874(GOOD_TEXT)), GOOD_TEXT],
    ['windows-874', asCp1252(asCp874(GOOD_TEXT), false), GOOD_TEXT],
    // a page whose template is fine (Arabic, French, Thai) and whose article is damaged
    ['windows-1252', `القائمة الرئيسية\n\n${asCp1252(GOOD_TEXT, false)}\n\nجميع الحقوق محفوظة`, `القائمة الرئيسية\n\n${GOOD_TEXT}\n\nجميع الحقوق محفوظة`],
    ['windows-1252', `Accueil · Société — Été «Élysée»\n${asCp1252(GOOD_TEXT, false)}\nÀ propos · Mentions légales`, `Accueil · Société — Été «Élysée»\n${GOOD_TEXT}\nÀ propos · Mentions légales`],
    ['windows-874', `กระทรวงสาธารณสุข\n${asCp874(GOOD_TEXT)}\nหน้าแรก`, `กระทรวงสาธารณสุข\n${GOOD_TEXT}\nหน้าแรก`],
  ];
  for (const [cp, damaged, want] of exact) {
    const r = repairMojibake(damaged);
    assert.equal(r.codePage, cp);
    assert.equal(r.text, want);
    assert.equal(r.lost + r.guessed, 0);
  }
  assert.equal(repairMojibake(asCp1252(asCp1252(GOOD_TEXT, false), false)).layers, 2);
  assert.ok(repairMojibake('Ø§Ù„Ø¨ÙŠØ§Ù† Ø§Ù„Ø±Ø³Ù…ÙŠ Ù„Ù„ÙˆØ²Ø§Ø±Ø©').text === 'البيان الرسمي للوزارة');
  assert.ok(repairMojibake('ุงู\u0084ุจู\u008Aุงู\u0086 ุงู\u0084ุฑุณู…ู\u008A ู\u0084ู\u0084ู\u0088ุฒุงุฑุฉ').text === 'البيان الرسمي للوزارة');
  // the same with windows-874's C1 controls dropped, as they often are: ل, ي, ن, م, و are lost and flagged
  const dropped = repairMojibake('ุงูุจูุงู ุงูุฑุณูู ูููุฒุงุฑุฉ');
  assert.equal(dropped.codePage, 'windows-874');
  assert.equal(dropped.lost, 9);
  assert.equal(dropped.text, 'ا\uFFFDب\uFFFDا\uFFFD ا\uFFFDرس\uFFFD\uFFFD \uFFFD\uFFFD\uFFFDزارة');
  for (const clean of [
    GOOD_TEXT,
    'Le ministère de la Santé a lancé une campagne de vaccination : « Nous visons tous les élèves », a déclaré le directeur. Où ? À Alger, Oran et Constantine. Ça coûte 5 €.'.repeat(3),
    'กระทรวงสาธารณสุขประกาศเริ่มรณรงค์ฉีดวัคซีนป้องกันโรคหัดให้เด็กทั่วประเทศ ทุกคนต้องรู้ ผู้ปกครองทุกท่าน'.repeat(3),
    'Ørsted og Ærø: Søren, Århus, Øresund — Ünal Çağlar Şükrü Öztürk; ØÙÚÛ ÀÉÎÕÜ'.repeat(4),
  ]) {
    const r = repairMojibake(clean);
    assert.equal(r.codePage, null);
    assert.equal(r.text, clean);
  }
});

test('mojibake with lost bytes: what decodes is repaired, the rest flagged', () => {
  // windows-1252 has no 0x81: ف lost as U+FFFD, as "?" or dropped; after 0xD9 it can only have been ف
  for (const lose of [(s: string) => s, (s: string) => s.replace(/\uFFFD/g, '?'), (s: string) => s.replace(/\uFFFD/g, '')]) {
    const r = repairMojibake(lose(asCp1252(GOOD_TEXT, true)));
    assert.equal(r.codePage, 'windows-1252');
    assert.equal(r.text, GOOD_TEXT);
    assert.ok(r.guessed > 0);
  }
  // windows-874 read by a converter that turns its undefined bytes into "?": ل, ن, ه, و, ي… are lost
  const r = repairMojibake(asCp874(GOOD_TEXT, true));
  assert.equal(r.codePage, 'windows-874');
  assert.ok(r.lost > 0);
  assert.ok(!/[\u0E00-\u0E7F]/.test(r.text), 'no Thai left');
  const page = decode({ source: 'x.txt', format: 'text', bytes: Buffer.from(asCp874(GOOD_TEXT, true)) });
  assert.deepEqual(page.warnings.map((w) => w.rule), ['input/mojibake-repaired', 'input/mojibake']);
  assert.equal(page.language, 'ar');
});

test('mojibake repair of 2 MB of damaged text (a quadratic repair would hit the timeout)', { timeout: 120_000 }, () => {
  const big = asCp1252(GOOD_TEXT, false).repeat(1000);
  const r = repairMojibake(big);
  assert.equal(r.codePage, 'windows-1252');
});

test('decode honours the transport charset (an HTTP Content-Type header) like a meta charset', () => {
  const text = 'أعلنت وزارة الصحة عن إطلاق حملة وطنية للتطعيم ضد الحصبة تستهدف الأطفال في جميع المحافظات';
  const page = (charset: string | null): RawPage => ({ source: 'x.html', format: 'html', charset, bytes: win1256(`<!DOCTYPE html><html><head><title>خبر</title></head><body><p>${text}</p></body></html>`) });
  const told = decode(page('windows-1256'));
  assert.equal(told.encoding, 'windows-1256');
  assert.ok(told.text.includes(text));
  assert.deepEqual(told.warnings, []);
  const wrong = decode(page('utf-8'));
  assert.equal(wrong.encoding, 'windows-1256');
  assert.ok(wrong.text.includes(text));
  assert.deepEqual(wrong.warnings.map((w) => w.rule), ['input/encoding-guess']);
  const none = decode(page(null));
  assert.equal(none.encoding, 'windows-1256');
  assert.deepEqual(none.warnings.map((w) => w.rule), ['input/encoding-guess']);
});
