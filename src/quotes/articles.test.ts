/**
 * Two whole articles (written for these tests) with every quotation listed by hand: the full expected list must
 * come out, and precision/recall are printed (quote found = same text; fully right = same speaker, kind, text,
 * unnamed, via, date and carried).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findQuotes } from './index.js';
import { asExpected, checkSpans, datesOf, mentionsOf, normalizeExpected, type Expected } from './test-helpers.js';
import { dam, rates } from './test-articles.js';

const key = (e: Required<Expected>): string => e.text;
const full = (e: Required<Expected>): string => JSON.stringify(e);

for (const a of [dam, rates]) {
  test(a.name, () => {
    const text = a.paragraphs.join('\n\n');
    const quotes = findQuotes(text, datesOf(text, a.dates), mentionsOf(text, a.mentions));
    checkSpans(text, quotes);
    const got = quotes.map(asExpected);
    const want = a.expect.map(normalizeExpected);
    const found = got.filter((g) => want.some((w) => key(w) === key(g))).length;
    const right = got.filter((g) => want.some((w) => full(w) === full(g))).length;
    const pct = (x: number, y: number): string => (y === 0 ? '-' : `${((100 * x) / y).toFixed(1)}%`);
    console.log(
      `${a.name.split(' (')[0]}: ${want.length} expected, ${got.length} found; quotes P ${pct(found, got.length)} R ${pct(found, want.length)}; ` +
        `all fields P ${pct(right, got.length)} R ${pct(right, want.length)}`,
    );
    assert.deepEqual(got, want);
  });
}
