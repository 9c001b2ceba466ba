/**
 * The real `rasd ingest` on a folder of hostile inputs (src/input/hostile.ts) in one run: a warning for each bad
 * file, every good page stored, exit 0.
 */
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeHostileFolder } from '../input/hostile.js';

const here = fileURLToPath(import.meta.url);
let root = dirname(here);
while (!existsSync(join(root, 'package.json'))) root = dirname(root);
const bin = here.endsWith('.ts') ? ['--import', 'tsx', join(root, 'src', 'cli', 'index.ts')] : [join(root, 'dist', 'src', 'cli', 'index.js')];
const dir = mkdtempSync(join(tmpdir(), 'rasd-hostile-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('rasd ingest of a folder of hostile inputs: a warning for each bad file, every good page stored', () => {
  const manifest = writeHostileFolder(join(dir, 'in'));
  const r = spawnSync(process.execPath, [...bin, 'ingest', join(dir, 'in'), '--db', join(dir, 'db')], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  assert.equal(r.status, 0, r.stderr);
  const isRoot = process.getuid?.() === 0;
  for (const f of manifest) {
    if (f.file === 'locked.txt' && isRoot) continue;
    if (f.rule) assert.match(r.stderr, new RegExp(`${f.file.replace('.', '\\.')}: ${f.rule}\\b`), f.file);
    if (f.good) assert.match(r.stdout, new RegExp(`^added\\s+\\S*${f.file.replace('.', '\\.')}\\s+\\([1-9]\\d* article`, 'm'), f.file);
  }
  const good = manifest.filter((f) => f.good).length;
  const s = spawnSync(process.execPath, [...bin, 'search', 'الحصبة', '--db', join(dir, 'db'), '--json'], { cwd: root, encoding: 'utf8' });
  assert.ok((JSON.parse(s.stdout) as unknown[]).length >= 3, 'the repaired and nested pages are searchable');
  assert.ok(good >= 8);
});
