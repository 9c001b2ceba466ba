/**
 * A killed ingest (kill -9) leaves a consistent store, and the next run completes it: killed while pages are being
 * added, and killed while they are being linked. The store it ends with exports exactly what a store that was never
 * interrupted exports.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
let root = dirname(here);
while (!existsSync(join(root, 'package.json'))) root = dirname(root);
const bin = here.endsWith('.ts') ? ['--import', 'tsx', join(root, 'src', 'cli', 'index.ts')] : [join(root, 'dist', 'src', 'cli', 'index.js')];
const INPUTS = ['examples/stories', 'examples/pages'];

function rasd(...args: string[]): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [...bin, ...args], { cwd: root, encoding: 'utf8', timeout: 300_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Runs rasd and kills it with SIGKILL as soon as its output matches `when`. Resolves with whether it was killed. */
function killWhen(when: RegExp, ...args: string[]): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...bin, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = '';
    const watch = (chunk: Buffer): void => {
      seen += chunk.toString('utf8');
      if (when.test(seen) && child.exitCode === null) child.kill('SIGKILL');
    };
    child.stdout.on('data', watch);
    child.stderr.on('data', watch);
    child.on('error', reject);
    child.on('exit', (_code, signal) => resolve(signal === 'SIGKILL'));
  });
}

let dir = '';
let reference = '';

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rasd-crash-'));
  const ref = join(dir, 'reference');
  assert.equal(rasd('ingest', ...INPUTS, '--db', ref, '-q').code, 0);
  assert.equal(rasd('export', '--db', ref, '--json', join(dir, 'reference.json')).code, 0);
  reference = await readFile(join(dir, 'reference.json'), 'utf8');
});

after(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** The export without its time stamp. */
const body = (json: string): string => json.replace(/"generatedAt":"[^"]*"/, '');

for (const [name, when] of [
  ['while pages are added', /^added /m],
  ['while pages are linked', /linking entities/],
] as const) {
  test(`kill -9 ${name}: the next ingest completes the store, nothing lost or doubled`, async () => {
    const db = join(dir, name.replace(/\W+/g, '-'));
    const killed = await killWhen(when, 'ingest', ...INPUTS, '--db', db);
    assert.ok(killed, 'the ingest ended before it could be killed');
    // the store opens after the kill (the dead process's lock is recognised as stale), and a second run completes it
    const again = rasd('ingest', ...INPUTS, '--db', db, '-q');
    assert.equal(again.code, 0, again.err);
    assert.match(again.err, /ingest: \d+ added, 0 replaced, \d+ unchanged/);
    const out = join(dir, `${name.replace(/\W+/g, '-')}.json`);
    assert.equal(rasd('export', '--db', db, '--json', out).code, 0);
    assert.equal(body(await readFile(out, 'utf8')), body(reference));
    // a third run changes nothing
    const third = rasd('ingest', ...INPUTS, '--db', db, '-q');
    assert.match(third.err, /ingest: 0 added, 0 replaced, \d+ unchanged/);
  });
}
