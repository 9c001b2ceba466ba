import test from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { evaluate, repoRoot } from './run.js';
import { summarize } from './gate.js';

// Pinned floor for the project's own fixture pages (examples/evaldata.json). Raise it, never lower it.
const FLOOR = 0.9;

test('fixture pages: snippets that must and must not appear (CI gate)', () => {
  const root = repoRoot();
  const results = evaluate(join(root, 'examples', 'evaldata.json'), join(root, 'examples'));
  const failed = results.filter((r) => !r.ok).map((r) => `${r.file}: ${r.check}${r.detail ? ` — ${r.detail}` : ''}`);
  const { share } = summarize(results);
  assert.ok(results.length >= 100, `expected at least 100 checks, got ${results.length}`);
  assert.ok(share >= FLOOR, `only ${(share * 100).toFixed(1)}% of ${results.length} checks passed (floor ${FLOOR * 100}%):\n${failed.join('\n')}`);
});
