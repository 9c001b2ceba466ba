import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyzePage } from '../pipeline.js';
import { readInputs, isSkipped } from './index.js';
import { writeHostileFolder } from './hostile.js';
import { repairMojibake } from './mojibake.js';
import { GOOD_TEXT, asCp1252, asCp874 } from './hostile.js';

const dir = mkdtempSync(join(tmpdir(), 'rasd-hostile-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const root = process.getuid?.() === 0;

test('a folder of hostile inputs: a warning for each bad file, every good page analysed, memory bounded', async () => {
  const manifest = writeHostileFolder(dir, { huge: true });
  const rss = process.memoryUsage().rss;
  let peak = rss;
  const seen = new Map<string, { rules: string[]; articles: number; title: string | null }>();
  for await (const item of readInputs([dir])) {
    const name = item.source.slice(dir.length + 1);
    if (isSkipped(item)) {
      seen.set(name, { rules: [item.warning.rule], articles: 0, title: null });
      continue;
    }
    const page = analyzePage(item);
    peak = Math.max(peak, process.memoryUsage().rss);
    const main = page.articles.find((a) => a.role === 'main');
    seen.set(name, { rules: page.warnings.map((w) => w.rule), articles: page.articles.length, title: main?.title ?? null });
  }
  for (const f of manifest) {
    if (f.file === 'locked.txt' && root) continue; // root reads anything
    const got = seen.get(f.file);
    assert.ok(got, `${f.file} was read`);
    if (f.rule) assert.ok(got.rules.includes(f.rule), `${f.file}: ${f.rule} expected, got ${got.rules.join(', ') || 'no warning'}`);
    if (f.good) assert.ok(got.articles >= 1, `${f.file}: an article expected`);
    else assert.equal(got.articles, 0, f.file);
    if (f.title) assert.equal(got.title, f.title, f.file);
  }
  // The 60 MB page is read only up to its cap (MAX_PAGE_BYTES, 4 MiB): memory is bounded by what the DOM of 4 MiB of
  // HTML costs (measured: about 330 MB of RSS at the peak, GC garbage included), not by the file's size.
  assert.ok(peak - rss < 450 * 1024 * 1024, `memory grew by ${Math.round((peak - rss) / 1024 / 1024)} MB`);
});

test('mojibake: undone exactly when no byte was lost; French, Thai and correct Arabic are left alone', () => {
  assert.equal(repairMojibake(asCp1252(GOOD_TEXT, false)).text, GOOD_TEXT);
  assert.equal(repairMojibake(asCp1252(asCp1252(GOOD_TEXT, false), false)).text, GOOD_TEXT, 'twice damaged');
  const r874 = repairMojibake(asCp874(GOOD_TEXT));
  assert.equal(r874.codePage, 'windows-874');
  const lost = repairMojibake(asCp1252(GOOD_TEXT, true));
  assert.equal(lost.codePage, 'windows-1252');
  assert.ok(lost.guessed > 0);
  // a page whose template is fine and whose article is damaged
  const mixed = `القائمة الرئيسية\n\n${asCp1252(GOOD_TEXT, false)}\n\nجميع الحقوق محفوظة`;
  assert.equal(repairMojibake(mixed).text, `القائمة الرئيسية\n\n${GOOD_TEXT}\n\nجميع الحقوق محفوظة`);
  for (const clean of [
    GOOD_TEXT,
    'Le ministère de la Santé a lancé une campagne de vaccination : « Nous visons tous les élèves », a déclaré le directeur. Où ? À Alger, Oran et Constantine.'.repeat(3),
    'กระทรวงสาธารณสุขประกาศเริ่มรณรงค์ฉีดวัคซีนป้องกันโรคหัดให้เด็กทั่วประเทศ'.repeat(3),
  ]) {
    const r = repairMojibake(clean);
    assert.equal(r.codePage, null);
    assert.equal(r.text, clean);
  }
});
