/**
 * Lock-file tests: held, busy (another live pid), stale (dead pid, garbage) and released,
 * including the 'exit' handler and a kill -9 left-over, using real child processes.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';
import { openDb } from './db.js';
import { acquireLock, LOCK_FILE, readLock, StoreLockedError, type LockInfo } from './lock.js';

const dirs: string[] = [];
function tempStore(): string {
  const d = mkdtempSync(join(tmpdir(), 'rasd-lock-'));
  dirs.push(d);
  return d;
}
test.after(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const isTs = import.meta.url.endsWith('.ts');
const lockModule = fileURLToPath(new URL(isTs ? './lock.ts' : './lock.js', import.meta.url));
/** runs a node process that takes the lock on `dir`, then exits normally or kills itself */
function childLocks(dir: string, end: 'exit' | 'kill'): number | null {
  const code = `const { acquireLock } = await import(process.argv[1]);
    const lock = await acquireLock(process.argv[2], { command: 'rasd ingest' });
    console.log(JSON.stringify(lock.info));
    if (process.argv[3] === 'kill') process.kill(process.pid, 'SIGKILL');`;
  const r = spawnSync(process.execPath, [...(isTs ? ['--import', 'tsx'] : []), '--input-type=module', '-e', code, lockModule, dir, end], { encoding: 'utf8' });
  assert.equal(r.stderr, '');
  return (JSON.parse(r.stdout) as LockInfo).pid;
}

function writeLock(dir: string, info: Partial<LockInfo>): void {
  writeFileSync(join(dir, LOCK_FILE), JSON.stringify({ startedAt: new Date().toISOString(), hostname: hostname(), ...info }));
}

test('acquire writes the lock, release removes it', async () => {
  const dir = tempStore();
  const lock = await acquireLock(dir, { command: 'rasd serve', port: 8123 });
  const onDisk = JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockInfo;
  assert.deepEqual(onDisk, lock.info);
  assert.equal(onDisk.pid, process.pid);
  assert.equal(onDisk.port, 8123);
  assert.deepEqual(readLock(dir), lock.info);
  await lock.release();
  await lock.release();
  assert.equal(existsSync(join(dir, LOCK_FILE)), false);
  assert.equal(readLock(dir), undefined);
  const again = await acquireLock(dir, { command: 'rasd analyze' });
  assert.equal(again.info.port, undefined);
  await again.release();
});

test('a second acquire fails while the lock is held', async () => {
  const dir = tempStore();
  const lock = await acquireLock(dir, { command: 'rasd serve', port: 4000 });
  const e = await acquireLock(dir, { command: 'rasd ingest' }).catch((err: unknown) => err);
  assert.ok(e instanceof StoreLockedError);
  assert.equal(e.pid, process.pid);
  assert.equal(e.url, 'http://127.0.0.1:4000');
  await lock.release();
});

test('a lock held by another live process is refused with its details', async () => {
  const dir = tempStore();
  const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 5000)']);
  const exited = new Promise((r) => sleeper.once('exit', r));
  try {
    assert.ok(sleeper.pid);
    writeLock(dir, { pid: sleeper.pid, command: 'rasd serve', port: 8123 });
    const e = await acquireLock(dir, { command: 'rasd ingest' }).catch((err: unknown) => err);
    assert.ok(e instanceof StoreLockedError, String(e));
    assert.equal(e.code, 'ESTORELOCKED');
    assert.ok(e.message.startsWith(`the store in ${dir} is in use by 'rasd serve' (pid ${sleeper.pid}, http://127.0.0.1:8123)`), e.message);
    assert.deepEqual([e.dir, e.pid, e.command, e.port, e.url], [dir, sleeper.pid, 'rasd serve', 8123, 'http://127.0.0.1:8123']);
    assert.equal(readLock(dir)?.pid, sleeper.pid);
  } finally {
    sleeper.kill();
    await exited;
  }
  // the holder is gone: its lock is stale and taken over
  assert.equal(readLock(dir), undefined);
  const lock = await acquireLock(dir, { command: 'rasd ingest' });
  assert.equal((JSON.parse(readFileSync(lock.path, 'utf8')) as LockInfo).pid, process.pid);
  await lock.release();
});

test('a lock left by a killed process is taken over', async () => {
  const dir = tempStore();
  const pid = childLocks(dir, 'kill');
  assert.equal((JSON.parse(readFileSync(join(dir, LOCK_FILE), 'utf8')) as LockInfo).pid, pid, 'kill -9 leaves the lock');
  const lock = await acquireLock(dir, { command: 'rasd serve' });
  assert.equal(lock.info.pid, process.pid);
  await lock.release();
});

test('a process that exits without release removes its lock', () => {
  const dir = tempStore();
  childLocks(dir, 'exit');
  assert.equal(existsSync(join(dir, LOCK_FILE)), false);
});

test('an unreadable lock file counts as stale', async () => {
  const dir = tempStore();
  writeFileSync(join(dir, LOCK_FILE), 'not json');
  const lock = await acquireLock(dir, { command: 'rasd serve' });
  assert.equal(lock.info.pid, process.pid);
  await lock.release();
});

test('release leaves a lock that is no longer ours alone', async () => {
  const dir = tempStore();
  const lock = await acquireLock(dir, { command: 'rasd serve' });
  writeLock(dir, { pid: process.pid, command: 'someone else' });
  await lock.release();
  assert.equal(readLock(dir)?.command, 'someone else');
});

test('a PGlite store can be created in a folder that holds the lock', async () => {
  const dir = join(tempStore(), 'new-store');
  const lock = await acquireLock(dir, { command: 'rasd serve' });
  const db = await openDb(dir);
  try {
    assert.deepEqual(await db.query('SELECT 1 AS one'), [{ one: 1 }]);
  } finally {
    await db.close();
    await lock.release();
  }
});
