import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './run.js';
import { evaluateWho } from './who.js';

const seeds = join(repoRoot(), '..', 'shared', 'seeds');

test('seed main articles: people found, none mistyped, every statement with its speaker', { skip: existsSync(seeds) ? false : `no seed pages at ${seeds} (../shared/seeds is outside the package); skipping` }, () => {
  const s = evaluateWho(join(repoRoot(), 'src', 'eval', 'seeds.who.json'), seeds);
  const why = s.failures.join('\n');
  // Pinned floors (measured 21/21 people, 50/50 statements, 50/50 speakers, 0 extra): raise them, never lower them.
  assert.deepEqual(s.wrongPeople, [], 'a place or organization was typed as a person');
  assert.ok(s.people.found / s.people.expected >= 0.95, `people ${s.people.found}/${s.people.expected}\n${why}`);
  assert.ok(s.quotes.found / s.quotes.expected >= 0.95, `statements found ${s.quotes.found}/${s.quotes.expected}\n${why}`);
  assert.ok(s.quotes.rightSpeaker / s.quotes.expected >= 0.96, `right speakers ${s.quotes.rightSpeaker}/${s.quotes.expected}\n${why}`);
  assert.ok(s.quotes.extra <= 2, `quotes that are not statements: ${s.quotes.extra}\n${why}`);
});
