import { test } from 'node:test';
import assert from 'node:assert/strict';
import { stem } from './stem.js';
import { tokenize } from './tokenize.js';

const stems = (s: string): string[] => tokenize(s).filter((t) => t.kind === 'word').map((t) => stem(t.base));

test('the forms of one word meet: singular, dual, with clitics and pronouns', () => {
  const forms = stems('قاعدة القاعدتين بالقاعدة قاعدتنا للقاعدة وقاعدتها قاعدتان');
  assert.deepEqual(new Set(forms), new Set(['قاعد']));
});

test('sound plurals and the article meet their singular', () => {
  assert.deepEqual(stems('مفاوضات المفاوضات'), ['مفاوض', 'مفاوض']);
  assert.deepEqual(stems('الروسية روسي'), ['روسي', 'روسي']);
  assert.deepEqual(stems('المسؤولين المسؤولون'), ['مسوول', 'مسوول']);
});

test('names and short words are kept whole', () => {
  assert.deepEqual(stems('بوتين حميميم وزير دمشق'), ['بوتين', 'حميميم', 'وزير', 'دمشق']);
  assert.deepEqual(stems('بيتنا وقتها'), ['بيت', 'وقت']);
});
