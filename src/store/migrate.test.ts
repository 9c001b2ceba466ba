/**
 * Migration tests on both backends: from an empty store, re-runs, later additions, a failing
 * migration, a store newer than the code, and concurrent migrators.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { DbError, type Db } from './db.js';
import { migrate, schemaVersion, SchemaTooNewError, type Migration } from './migrate.js';
import { newBackend, testBackends } from './test-backends.js';

const M1: Migration = { version: 1, name: 'pages', sql: 'CREATE TABLE page (id bigserial PRIMARY KEY, url text NOT NULL)' };
const M2: Migration = {
  version: 2,
  name: 'articles',
  sql: `CREATE TABLE article (id bigserial PRIMARY KEY, page_id bigint REFERENCES page(id), title text);
        CREATE INDEX article_page ON article (page_id);`,
};
const M3: Migration = { version: 3, name: 'page seen', sql: 'ALTER TABLE page ADD COLUMN seen_at timestamptz' };

async function tables(db: Db): Promise<string[]> {
  const rows = await db.query<{ t: string }>(
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`);
  return rows.map((r) => r.t);
}

testBackends('migrate from an empty store, then re-run as a no-op', async (db) => {
  assert.equal(await schemaVersion(db), 0);
  assert.deepEqual(await migrate(db, [M1, M2]), { from: 0, to: 2 });
  assert.deepEqual(await tables(db), ['article', 'page', 'rasd_schema']);
  const rows = await db.query<{ version: number; name: string; applied_at: string }>('SELECT * FROM rasd_schema ORDER BY version');
  assert.deepEqual(rows.map((r) => [r.version, r.name]), [[1, 'pages'], [2, 'articles']]);
  assert.match(rows[0]?.applied_at ?? '', /^\d{4}-\d\d-\d\dT.*Z$/);
  assert.deepEqual(await migrate(db, [M1, M2]), { from: 2, to: 2 });
  assert.equal((await db.query('SELECT * FROM rasd_schema')).length, 2);
  assert.deepEqual(await migrate(db, [M1, M2, M3]), { from: 2, to: 3 });
  assert.equal(await schemaVersion(db), 3);
});

testBackends('an empty migration list leaves a new store at version 0', async (db) => {
  assert.deepEqual(await migrate(db, []), { from: 0, to: 0 });
});

testBackends('a store newer than the code is refused untouched', async (db, b) => {
  await migrate(db, [M1, M2, M3]);
  const e = await migrate(db, [M1, M2]).catch((err: unknown) => err);
  assert.ok(e instanceof SchemaTooNewError, String(e));
  assert.deepEqual([e.dbVersion, e.codeVersion, e.location], [3, 2, db.location]);
  assert.match(e.message, /has schema version 3, newer than this rasd knows \(2\)/);
  assert.ok(e.message.includes(b.name === 'pglite' ? b.spec : 'postgres://'));
  assert.equal(await schemaVersion(db), 3);
});

testBackends('a failing migration rolls back and keeps the previous version', async (db) => {
  const bad: Migration = { version: 2, name: 'broken', sql: 'CREATE TABLE half (x integer); SELECT * FROM missing' };
  await migrate(db, [M1]);
  const e = await migrate(db, [M1, bad, M3]).catch((err: unknown) => err);
  assert.ok(e instanceof DbError, String(e));
  assert.equal(e.code, '42P01');
  assert.match(e.message, /^migration 2 'broken' failed: relation "missing" does not exist/);
  assert.equal(await schemaVersion(db), 1);
  assert.deepEqual(await tables(db), ['page', 'rasd_schema'], 'the half-done migration left nothing');
  assert.deepEqual(await migrate(db, [M1, M2, M3]), { from: 1, to: 3 });
});

testBackends('migrations listed out of order are refused', async (db) => {
  await assert.rejects(migrate(db, [M2, M1]), /version 1 must be an integer above 2/);
  await assert.rejects(migrate(db, [{ ...M1, version: 0 }]), /must be an integer above 0/);
  assert.equal(await schemaVersion(db), 0);
});

testBackends('concurrent migrate calls on one Db apply each migration once', async (db) => {
  const results = await Promise.all([1, 2, 3, 4].map(() => migrate(db, [M1, M2, M3])));
  assert.ok(results.every((r) => r.to === 3));
  assert.deepEqual(await db.query('SELECT version FROM rasd_schema ORDER BY version'), [{ version: 1 }, { version: 2 }, { version: 3 }]);
});

test('two processes migrating one PostgreSQL database race safely', async (t) => {
  const b = await newBackend('postgres');
  if (b.skip) return t.skip(b.skip);
  try {
    // separate pools = separate sessions, like two rasd processes
    const handles = await Promise.all([b.open(), b.open(), b.open()]);
    const results = await Promise.all(handles.map((h) => migrate(h, [M1, M2, M3])));
    assert.ok(results.every((r) => r.to === 3), JSON.stringify(results));
    assert.equal(results.filter((r) => r.from === 0).length >= 1, true);
    const [first] = handles;
    assert.ok(first);
    assert.deepEqual(await tables(first), ['article', 'page', 'rasd_schema']);
    assert.equal((await first.query('SELECT * FROM rasd_schema')).length, 3);
  } finally {
    await b.cleanup();
  }
});
