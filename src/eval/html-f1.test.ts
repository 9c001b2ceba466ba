import test from 'node:test';
import assert from 'node:assert/strict';
import { evaluateHtmlF1, formatTable, mean, tokenF1 } from './html-f1.js';

// Measured on examples/html (12 pages, 2026-11-23): mean main-text F1 rasd 0.996, Readability alone 0.939; rasd is
// ≥ Readability on all 12 (100.0 on eleven; 09, a live blog of headed entries, 95.1: its short intro joins the
// article). The html stage's own main zone (before segmentation): mean 0.985, ≥ 0.949 on every page. Floors sit a
// little under the measured means. Raise them, never lower them.
const FLOOR = 0.98;
const ZONE_FLOOR = 0.97;
const FIXTURES = 12;

test('tokenF1: multiset overlap of folded words', () => {
  assert.deepEqual(tokenF1('', 'نص'), { precision: 0, recall: 0, f1: 0 });
  assert.equal(tokenF1('قال الوزير: «نعم».', 'قال الوزير نعم').f1, 1);
  assert.equal(tokenF1('أحمد احمد', 'احمد').precision, 0.5);
  const s = tokenF1('ا ب ج د', 'ا ب');
  assert.equal(s.recall, 1);
  assert.equal(s.precision, 0.5);
});

test('HTML fixtures: rasd main-text F1 against Readability alone (floor)', () => {
  const results = evaluateHtmlF1();
  const table = formatTable(results);
  assert.ok(results.length >= FIXTURES, `expected ${FIXTURES} fixtures, got ${results.length}`);
  const noMain = results.filter((r) => !r.hasMain).map((r) => r.file);
  assert.deepEqual(noMain, [], `no main article on:\n${table}`);
  const f1 = mean(results.map((r) => r.rasd.f1));
  assert.ok(f1 >= FLOOR, `mean F1 ${f1.toFixed(3)} < ${FLOOR}\n${table}`);
  const zone = mean(results.map((r) => r.zone.f1));
  assert.ok(zone >= ZONE_FLOOR, `html stage: mean zone F1 ${zone.toFixed(3)} < ${ZONE_FLOOR}\n${table}`);
  // rasd never does worse than Readability alone where it finds the article.
  const worse = results.filter((r) => r.hasMain && r.rasd.f1 < r.readability.f1).map((r) => r.file);
  assert.deepEqual(worse, [], table);
});
