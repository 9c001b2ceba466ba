import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { exportSchema } from './validate.js';

/** The repository root: the nearest folder above this file with a package.json (works from src/ and dist/src/). */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('no package.json above ' + fileURLToPath(import.meta.url));
    dir = up;
  }
  return dir;
}

const root = repoRoot();
const shared = join(root, '..', 'shared', 'spec', 'export.schema.json');
const copy = join(root, 'src', 'export', 'export.schema.json');

test('src/export/export.schema.json is the shared spec schema', { skip: existsSync(shared) ? false : `skipped: ${shared} not found (the shared spec is only beside the repository in the team checkout)` }, () => {
  const expected = JSON.parse(readFileSync(shared, 'utf8')) as unknown;
  assert.deepEqual(JSON.parse(readFileSync(copy, 'utf8')), expected, `${copy} differs from ${shared}: copy it again`);
  assert.deepEqual(exportSchema, expected, 'the schema the package validates with differs from the shared one');
});
