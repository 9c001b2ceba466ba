import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clean, cleanShort, count, int, megabytes } from './terminal.js';

test('clean strips control characters and bidi overrides, keeps Arabic and marks on one line', () => {
  assert.equal(clean('عنوان\x1b[31mأحمر\x1b[0m'), 'عنوان[31mأحمر[0m');
  assert.equal(clean('a\u202Eb\u202Ac\u202Bd\u202Ce\u202Df\u2066g\u2067h\u2068i\u2069j'), 'abcdefghij');
  assert.equal(clean('سطر\nآخر\r\n\tهنا'), 'سطر آخر هنا');
  assert.equal(clean('x\u0000\u0007\u007f\u0085\u009by\u2028z'), 'x y z');
  assert.equal(clean('بوتين، «داعش» 2024-03-05 \u200F'), 'بوتين، «داعش» 2024-03-05 \u200F');
});

test('cleanShort cuts long text with an ellipsis', () => {
  assert.equal(cleanShort('  قصير  '), 'قصير');
  const long = 'ك'.repeat(300);
  assert.equal(cleanShort(long, 10), 'ك'.repeat(9) + '…');
});

test('numbers', () => {
  assert.equal(int(1500), '1,500');
  assert.equal(count(1, 'page'), '1 page');
  assert.equal(count(2, 'page'), '2 pages');
  assert.equal(count(1200, 'teaser'), '1,200 teasers');
  assert.equal(megabytes(12_345_678), '12.3 MB');
  assert.equal(megabytes(40_000), '0.04 MB');
});
