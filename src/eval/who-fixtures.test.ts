import test from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { repoRoot } from './run.js';
import { evaluateWho } from './who.js';

test('fixture main articles from 10 outlets: people, statements and dates against hand-written expectations (CI gate)', () => {
  const root = repoRoot();
  const s = evaluateWho(join(root, 'examples', 'who.json'), join(root, 'examples'));
  const why = s.failures.join('\n');
  // Pinned floors just under what was measured (19/19 people, 48/57 statements all with the right speaker, 0 extra,
  // 27/30 dates): raise them, never lower them.
  assert.deepEqual(s.wrongPeople, [], 'a place or organization was typed as a person');
  assert.ok(s.people.found / s.people.expected >= 0.95, `people ${s.people.found}/${s.people.expected}\n${why}`);
  assert.ok(s.people.unexpected.length <= 1, `persons nobody listed: ${s.people.unexpected.join(', ')}`);
  assert.ok(s.quotes.found / s.quotes.expected >= 0.82, `statements found ${s.quotes.found}/${s.quotes.expected}\n${why}`);
  assert.ok(s.quotes.rightSpeaker / s.quotes.expected >= 0.82, `right speakers ${s.quotes.rightSpeaker}/${s.quotes.expected}\n${why}`);
  assert.ok(s.quotes.extra <= 2, `quotes that are not statements: ${s.quotes.extra}\n${why}`);
  assert.ok(s.dates.found / s.dates.expected >= 0.86, `dates ${s.dates.found}/${s.dates.expected}\n${why}`);
});
