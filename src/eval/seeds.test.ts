import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { evaluate, repoRoot } from './run.js';
import { summarize } from './gate.js';

const seeds = join(repoRoot(), '..', 'shared', 'seeds');
const evaldata = join(repoRoot(), 'src', 'eval', 'seeds.evaldata.json');
// Pinned floor: the share of expectation checks that must pass on the five real pages. Raise it, never lower it.
const FLOOR = 0.97;

test('seed pages: main, related and teasers cut as a person expects', { skip: existsSync(seeds) ? false : `no seed pages at ${seeds} (../shared/seeds is outside the package); skipping` }, () => {
  const results = evaluate(evaldata, seeds);
  const failed = results.filter((r) => !r.ok).map((r) => `${r.file}: ${r.check}${r.detail ? ` — ${r.detail}` : ''}`);
  const { share } = summarize(results);
  assert.ok(share >= FLOOR, `only ${(share * 100).toFixed(1)}% of ${results.length} checks passed (floor ${FLOOR * 100}%):\n${failed.join('\n')}`);
});
