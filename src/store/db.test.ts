/**
 * Db contract tests, run on both backends (see test-backends.ts): the JS values each SQL type
 * comes back as, parameter conversion, errors with SQLSTATE codes, transactions.
 */
import assert from 'node:assert/strict';
import test from 'node:test';
import { DbError, openDb, parseTimestamptz, type Db } from './db.js';
import { backends, PG_URL, testBackends } from './test-backends.js';

const TYPES_TABLE = `CREATE TABLE v (
  id bigserial PRIMARY KEY, t text, i integer, b bigint, j jsonb, ok boolean, at timestamptz)`;

async function typesRows(db: Db): Promise<Record<string, unknown>[]> {
  await db.exec(TYPES_TABLE);
  const ins = 'INSERT INTO v (t, i, b, j, ok, at) VALUES ($1, $2, $3, $4, $5, $6)';
  await db.query(ins, ['خبر عاجل "quoted"', 42, 9007199254740991, { n: 1, ar: 'نص', list: [1, null] }, true, '2024-01-02T03:04:05.123456Z']);
  await db.query(ins, ['', -7, -12n, JSON.stringify([1, 'x']), false, new Date('2024-06-01T12:00:00Z')]);
  await db.query(ins, [null, null, null, null, null, undefined]);
  await db.query(ins, ['s', 0, '5', '"just a string"', false, '2024-01-02 06:04:05+03']);
  return db.query('SELECT * FROM v ORDER BY id');
}
const EXPECTED = [
  { id: 1, t: 'خبر عاجل "quoted"', i: 42, b: 9007199254740991, j: { n: 1, ar: 'نص', list: [1, null] }, ok: true, at: '2024-01-02T03:04:05.123Z' },
  { id: 2, t: '', i: -7, b: -12, j: [1, 'x'], ok: false, at: '2024-06-01T12:00:00.000Z' },
  { id: 3, t: null, i: null, b: null, j: null, ok: null, at: null },
  { id: 4, t: 's', i: 0, b: 5, j: 'just a string', ok: false, at: '2024-01-02T03:04:05.000Z' },
];

testBackends('kind and location', async (db, b) => {
  assert.equal(db.kind, b.name);
  assert.equal(db.location, b.spec);
});

testBackends('text, integer, bigint, jsonb, boolean, timestamptz come back as the same JS values', async (db) => {
  assert.deepEqual(await typesRows(db), EXPECTED);
});

testBackends('computed values: count, aggregates, now(), arrays, numeric, date', async (db) => {
  await db.exec(`CREATE TABLE n (x bigint); INSERT INTO n VALUES (1), (2), (3)`);
  const [r] = await db.query(`SELECT count(*) AS c, sum(x) AS s, max(x) AS m, array_agg(x ORDER BY x) AS xs,
    now() AS now, 1.50::numeric AS num, '2024-03-04'::date AS d, '2024-03-04 05:06:07.5'::timestamp AS ts,
    ARRAY['2024-01-01 00:00:00+00', NULL]::timestamptz[] AS ats, 'infinity'::timestamptz AS inf,
    '2024-01-01 00:00:00.9999+00'::timestamptz AS trunc, 2.5::float8 AS f FROM n`);
  assert.ok(r);
  assert.match(String(r['now']), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  delete r['now'];
  assert.deepEqual(r, {
    c: 3, s: '6', m: 3, xs: [1, 2, 3], num: '1.50', d: '2024-03-04', ts: '2024-03-04 05:06:07.5',
    ats: ['2024-01-01T00:00:00.000Z', null], inf: 'infinity', trunc: '2024-01-01T00:00:00.999Z', f: 2.5,
  });
});

testBackends('array parameters and results', async (db) => {
  const texts = ['a,b', 'q"x', null, 'NULL', '{}', 'back\\slash', 'عربي'];
  const [r] = await db.query<{ a: unknown; n: unknown; d: unknown }>(
    'SELECT $1::text[] AS a, $2::bigint[] AS n, $3::timestamptz[] AS d', [texts, [1, 2n, '3'], [new Date(0)]]);
  assert.deepEqual(r, { a: texts, n: [1, 2, 3], d: ['1970-01-01T00:00:00.000Z'] });
});

testBackends('a JS array for a jsonb parameter is refused (use JSON.stringify)', async (db) => {
  await assert.rejects(db.query('SELECT $1::jsonb AS j', [[1, 2]]), (e: unknown) => e instanceof DbError && e.code === '22P02');
  assert.deepEqual(await db.query('SELECT $1::jsonb AS j', [JSON.stringify([1, 2])]), [{ j: [1, 2] }]);
});

testBackends('bigint outside the safe integer range throws instead of losing digits', async (db) => {
  await assert.rejects(db.query('SELECT 9007199254740993::bigint AS b'), /safe integer range/);
  assert.deepEqual(await db.query('SELECT 9007199254740993::bigint::text AS b'), [{ b: '9007199254740993' }]);
  assert.deepEqual(await db.query('SELECT 1 AS ok'), [{ ok: 1 }], 'the connection still works');
});

testBackends('errors carry the SQLSTATE as code', async (db) => {
  await db.exec('CREATE TABLE u (id integer PRIMARY KEY, name text NOT NULL)');
  await db.query('INSERT INTO u VALUES (1, $1)', ['a']);
  const dup = await db.query('INSERT INTO u VALUES (1, $1)', ['b']).catch((e: unknown) => e);
  assert.ok(dup instanceof DbError, String(dup));
  assert.equal(dup.code, '23505');
  assert.equal(dup.constraint, 'u_pkey');
  assert.equal(dup.table, 'u');
  assert.equal(dup.detail, 'Key (id)=(1) already exists.');
  assert.equal(dup.message, 'duplicate key value violates unique constraint "u_pkey"');
  const codeOf = (p: Promise<unknown>): Promise<unknown> => p.then(() => 'no error', (e: unknown) => (e instanceof DbError ? e.code : e));
  assert.equal(await codeOf(db.query('SELECT * FROM missing')), '42P01');
  assert.equal(await codeOf(db.query('SELEKT 1')), '42601');
  assert.equal(await codeOf(db.query('INSERT INTO u (id) VALUES (2)')), '23502');
  assert.equal(await codeOf(db.query('SELECT 1; SELECT 2')), '42601', 'query() takes one statement');
  assert.equal(await codeOf(db.exec('SELECT 1; SELECT * FROM missing')), '42P01');
});

testBackends('exec runs several statements', async (db) => {
  await db.exec(`CREATE TABLE e (x integer); INSERT INTO e VALUES (1); INSERT INTO e VALUES (2);`);
  assert.deepEqual(await db.query('SELECT sum(x)::integer AS s FROM e'), [{ s: 3 }]);
});

testBackends('tx commits and returns the callback value', async (db) => {
  await db.exec('CREATE TABLE t (x integer)');
  const r = await db.tx(async (tx) => {
    await tx.query('INSERT INTO t VALUES (1)');
    return 'done';
  });
  assert.equal(r, 'done');
  assert.deepEqual(await db.query('SELECT x FROM t'), [{ x: 1 }]);
});

testBackends('tx rolls back when the callback throws', async (db) => {
  await db.exec('CREATE TABLE t (x integer UNIQUE)');
  await assert.rejects(db.tx(async (tx) => {
    await tx.query('INSERT INTO t VALUES (1)');
    throw new Error('boom');
  }), /boom/);
  await assert.rejects(db.tx(async (tx) => {
    await tx.query('INSERT INTO t VALUES (2)');
    await tx.query('INSERT INTO t VALUES (2)');
  }), (e: unknown) => e instanceof DbError && e.code === '23505');
  assert.deepEqual(await db.query('SELECT x FROM t'), []);
});

testBackends('nested tx reuses the outer one; the outer handle joins it too', async (db) => {
  await db.exec('CREATE TABLE t (x integer)');
  await assert.rejects(db.tx(async (outer) => {
    await outer.query('INSERT INTO t VALUES (1)');
    await outer.tx(async (inner) => {
      assert.deepEqual(await inner.query('SELECT x FROM t'), [{ x: 1 }], 'inner sees the uncommitted row');
      await inner.query('INSERT INTO t VALUES (2)');
    });
    // the outer Db (not the tx handle) is in the transaction too: no deadlock on PGlite
    assert.deepEqual(await db.query('SELECT count(*) AS c FROM t'), [{ c: 2 }]);
    const both = await Promise.all([db.query('SELECT count(*) AS a FROM t'), outer.query('SELECT count(*) AS b FROM t')]);
    assert.deepEqual(both, [[{ a: 2 }], [{ b: 2 }]], 'concurrent calls inside the tx');
    throw new Error('undo all');
  }), /undo all/);
  assert.deepEqual(await db.query('SELECT x FROM t'), [], 'the inner writes went with the outer rollback');
});

testBackends('a swallowed error aborts the transaction: commit fails with 25P02', async (db) => {
  await db.exec('CREATE TABLE t (x integer)');
  const e = await db.tx(async (tx) => {
    await tx.query('INSERT INTO t VALUES (1)');
    await tx.query('SELECT * FROM missing').catch(() => undefined);
  }).catch((err: unknown) => err);
  assert.ok(e instanceof DbError && e.code === '25P02', String(e));
  assert.deepEqual(await db.query('SELECT x FROM t'), []);
});

testBackends('data survives close and reopen; a closed Db refuses work', async (db, b) => {
  await db.exec(`CREATE TABLE p (x text); INSERT INTO p VALUES ('kept')`);
  await db.close();
  await db.close();
  await assert.rejects(db.query('SELECT 1'), /closed/);
  const again = await b.open();
  assert.deepEqual(await again.query('SELECT x FROM p'), [{ x: 'kept' }]);
});

test('both backends return identical rows', async (t) => {
  const [lite, pg] = await backends();
  assert.ok(lite && pg);
  try {
    if (pg.skip) return t.skip(pg.skip);
    const [a, b] = await Promise.all([lite.open().then(typesRows), pg.open().then(typesRows)]);
    assert.deepEqual(a, b);
  } finally {
    await Promise.all([lite.cleanup(), pg.cleanup()]);
  }
});

test('schemas isolate stores on one server', async (t) => {
  const [x, y] = [...(await backends()), ...(await backends())].filter((b) => b.name === 'postgres');
  assert.ok(x && y);
  try {
    if (x.skip) return t.skip(x.skip);
    const [dx, dy] = await Promise.all([x.open(), y.open()]);
    await dx.exec(`CREATE TABLE s (v text); INSERT INTO s VALUES ('x')`);
    await dy.exec(`CREATE TABLE s (v text); INSERT INTO s VALUES ('y')`);
    assert.deepEqual(await dx.query('SELECT v FROM s'), [{ v: 'x' }]);
    assert.deepEqual(await dy.query('SELECT v FROM s'), [{ v: 'y' }]);
  } finally {
    await Promise.all([x.cleanup(), y.cleanup()]);
  }
});

test('openDb refuses bad input clearly', async () => {
  await assert.rejects(openDb('mysql://localhost/x'), /unsupported store/);
  await assert.rejects(openDb(PG_URL, { schema: 'Bad-Name' }), /invalid schema name/);
  const e = await openDb('postgres://nobody:secret@127.0.0.1:1/none').catch((err: unknown) => err);
  assert.ok(e instanceof Error);
  assert.match(e.message, /^cannot connect to PostgreSQL at postgres:\/\/nobody:\*\*\*@127\.0\.0\.1:1\/none: /);
  assert.equal((e as { code?: unknown }).code, 'ECONNREFUSED');
});

test('parseTimestamptz', () => {
  assert.equal(parseTimestamptz('2024-01-02 03:04:05+00'), '2024-01-02T03:04:05.000Z');
  assert.equal(parseTimestamptz('2024-01-02 03:04:05.1+00'), '2024-01-02T03:04:05.100Z');
  assert.equal(parseTimestamptz('-infinity'), '-infinity');
  assert.equal(parseTimestamptz('0044-03-15 00:00:00+00 BC'), '0044-03-15 00:00:00+00 BC');
});
