/**
 * One database interface over two backends: embedded PGlite (a folder on disk, the default
 * for a single user) and a PostgreSQL server (`postgres://…`, for a shared deployment).
 *
 * Design:
 * - `makeDb` holds everything the backends share (transactions, parameter and error
 *   normalization); each backend only supplies a `Driver` (plain connection + how to run a
 *   transaction + close).
 * - Transactions: `tx(fn)` runs `fn` in one transaction (PGlite: its exclusive
 *   `transaction()`; pg: one pool client pinned until COMMIT/ROLLBACK). An AsyncLocalStorage
 *   marks the callback's async flow, so *any* call on the same Db made from inside it (the
 *   handle passed to `fn` or the outer one; nested `tx` too) joins that transaction. Nested
 *   `tx` is plain reuse, not a savepoint. This also avoids the PGlite deadlock where a
 *   non-transaction query waits for the transaction that is waiting for it.
 * - Same JS values from both drivers. Both get the same text parsers, and every connection
 *   runs with TimeZone=UTC, DateStyle=ISO:
 *     bigint/int8 → number (RangeError beyond ±2^53−1: cast to text in SQL instead);
 *     timestamptz → ISO string '2024-01-02T03:04:05.123Z' (truncated to milliseconds, like
 *       Date#toISOString; 'infinity'/'-infinity' and out-of-range years come back as
 *       PostgreSQL prints them); date and timestamp (without zone) → PostgreSQL's text;
 *     json/jsonb → parsed; numeric → string (so sum(bigint) is a string); integer, boolean, text, float: driver defaults
 *       (identical); arrays of these types use the same element rules.
 *   Parameters: undefined → NULL, bigint → decimal string, Date → ISO string, plain object →
 *   JSON text, JS array → PostgreSQL array. A JSON *array* parameter must be passed as
 *   JSON.stringify(value) (pg would send a PostgreSQL array; PGlite is made to refuse it too).
 * - Errors from the server become `DbError` with the SQLSTATE in `code` (+ detail,
 *   constraint, table, column, schema); other errors (connection, parser) pass unchanged.
 * - `query` always uses the extended protocol (one statement, `$n` params) on both; `exec`
 *   uses the simple protocol (several statements, no params).
 * - `schema` (tests): the pg pool sets search_path in every connection's startup options;
 *   PGlite, being one session, SETs it once.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import type { PoolClient, QueryConfig } from 'pg';

export interface Db {
  readonly kind: 'pglite' | 'postgres';
  /** absolute folder (PGlite) or the URL with any password masked (PostgreSQL) */
  readonly location: string;
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  /** several statements, no params */
  exec(sql: string): Promise<void>;
  /** one transaction; nested tx calls (and any call on this Db from inside fn) reuse it */
  tx<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** isolated schema (created if missing, first in search_path); meant for tests */
  schema?: string;
}

/** An error reported by PostgreSQL (either backend), `code` being the SQLSTATE. */
export class DbError extends Error {
  override readonly name = 'DbError';
  readonly detail: string | undefined;
  readonly constraint: string | undefined;
  readonly table: string | undefined;
  readonly column: string | undefined;
  readonly schema: string | undefined;
  constructor(message: string, readonly code: string, fields: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(message, options);
    const str = (k: string): string | undefined => (typeof fields[k] === 'string' ? (fields[k] as string) : undefined);
    this.detail = str('detail');
    this.constraint = str('constraint');
    this.table = str('table');
    this.column = str('column');
    this.schema = str('schema');
  }
}

/** Drivers' DatabaseError (both have `code` + `severity`) → DbError; anything else as is. */
export function toDbError(e: unknown): unknown {
  if (e instanceof DbError || typeof e !== 'object' || e === null) return e;
  const r = e as Record<string, unknown>;
  if (typeof r['code'] !== 'string' || !/^[0-9A-Z]{5}$/.test(r['code']) || typeof r['severity'] !== 'string') return e;
  return new DbError(String(r['message']), r['code'], r, { cause: e });
}

// ---- values ---------------------------------------------------------------------------
type Parser = (text: string) => unknown;
function parseInt8(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new RangeError(`bigint ${text} is outside JavaScript's safe integer range: cast it to text in SQL`);
  return n;
}
const TSTZ = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)(?:\.(\d+))?\+00$/;
export function parseTimestamptz(text: string): string {
  const m = TSTZ.exec(text);
  return m ? `${m[1]}T${m[2]}.${(m[3] ?? '').padEnd(3, '0').slice(0, 3)}Z` : text;
}
const asText: Parser = (s) => s;
/** text-format parsers by type OID, given to both drivers */
const PARSERS: Record<number, Parser> = {
  20: parseInt8, 1184: parseTimestamptz, 1082: asText, 1114: asText, 1700: asText, 114: JSON.parse, 3802: JSON.parse,
};
/** array OID → element OID, for pg (PGlite builds its array parsers from PARSERS itself) */
const ARRAYS: Record<number, number> = { 1016: 20, 1185: 1184, 1182: 1082, 1115: 1114, 1231: 1700 };

function toParam(v: unknown): unknown {
  if (v === undefined) return null;
  if (typeof v === 'bigint') return v.toString();
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map(toParam);
  if (typeof v === 'object' && v !== null && !(v instanceof Uint8Array)) return JSON.stringify(v);
  return v;
}
/** PGlite serializer for json/jsonb params: refuse JS arrays the way pg does */
function jsonParam(v: unknown): string {
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) throw new DbError('invalid input syntax for type json: pass a JSON array as JSON.stringify(value)', '22P02');
  return JSON.stringify(v);
}

// ---- shared Db logic --------------------------------------------------------------------
interface Conn {
  query(sql: string, params: unknown[]): Promise<unknown[]>;
  exec(sql: string): Promise<void>;
}
interface Driver {
  kind: Db['kind'];
  location: string;
  base: Conn;
  transaction<T>(fn: (conn: Conn) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const guard = <T>(p: Promise<T>): Promise<T> => p.catch((e: unknown) => {
  throw toDbError(e);
});

function makeDb(d: Driver): Db {
  const als = new AsyncLocalStorage<{ conn: Conn; done: boolean }>();
  let closed = false;
  const pick = (): Conn => {
    const s = als.getStore();
    if (s && !s.done) return s.conn;
    if (closed) throw new Error(`the store ${d.location} is closed`);
    return d.base;
  };
  const db: Db = {
    kind: d.kind,
    location: d.location,
    async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
      return (await guard(pick().query(sql, params.map(toParam)))) as T[];
    },
    async exec(sql: string): Promise<void> {
      await guard(pick().exec(sql));
    },
    async tx<T>(fn: (db: Db) => Promise<T>): Promise<T> {
      const s = als.getStore();
      if (s && !s.done) return fn(db);
      if (closed) throw new Error(`the store ${d.location} is closed`);
      return guard(
        d.transaction(async (conn) => {
          const ctx = { conn, done: false };
          try {
            return await als.run(ctx, () => fn(db));
          } finally {
            ctx.done = true;
          }
        }),
      );
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await d.close();
    },
  };
  return db;
}

// ---- backends ---------------------------------------------------------------------------
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export async function openDb(spec: string, options: OpenOptions = {}): Promise<Db> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name '${schema}' (want [a-z_][a-z0-9_]*)`);
  if (/^postgres(ql)?:\/\//i.test(spec)) return makeDb(await openPostgres(spec, schema));
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec)) throw new Error(`unsupported store '${spec}': give a folder or a postgres:// URL`);
  return makeDb(await openPglite(resolve(spec), schema));
}

const SESSION = `SET TimeZone = 'UTC'; SET DateStyle = 'ISO, MDY'`;

async function openPglite(dir: string, schema: string | undefined): Promise<Driver> {
  const { PGlite: PGliteClass } = await import('@electric-sql/pglite');
  mkdirSync(dir, { recursive: true });
  let lite: PGlite | undefined;
  try {
    lite = new PGliteClass({ dataDir: dir, parsers: PARSERS, serializers: { 114: jsonParam, 3802: jsonParam } });
    await lite.waitReady;
    await lite.exec(schema ? `${SESSION}; CREATE SCHEMA IF NOT EXISTS "${schema}"; SET search_path TO "${schema}"` : SESSION);
  } catch (e) {
    await lite?.close().catch(() => undefined);
    throw new Error(`cannot open the PGlite store in ${dir}: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  const opened = lite;
  const conn = (c: Pick<Transaction, 'query' | 'exec'>): Conn => ({
    query: async (sql, params) => (await c.query(sql, params)).rows,
    exec: async (sql) => void (await c.exec(sql)),
  });
  return {
    kind: 'pglite', location: dir, base: conn(opened),
    transaction: (fn) => opened.transaction((t) => fn(conn(t))),
    close: () => opened.close(),
  };
}

const maskPassword = (spec: string): string => spec.replace(/^([a-z]+:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');

async function openPostgres(spec: string, schema: string | undefined): Promise<Driver> {
  const pg = (await import('pg')).default;
  const location = maskPassword(spec);
  const textArray = (pg.types.getTypeParser as (oid: number) => (s: string) => unknown)(1009); // text[]: strings + NULLs
  const deep = (v: unknown, p: Parser): unknown => (Array.isArray(v) ? v.map((x) => deep(x, p)) : v === null ? null : p(v as string));
  const getTypeParser = ((oid: number, format?: string) => {
    if (format !== 'binary') {
      const p = PARSERS[oid];
      if (p) return p;
      const el = ARRAYS[oid];
      const ep = el === undefined ? undefined : PARSERS[el];
      if (ep) return (s: string) => deep(textArray(s), ep);
    }
    return pg.types.getTypeParser(oid, format as 'text');
  }) as typeof pg.types.getTypeParser;
  const startup = ['-c TimeZone=UTC', '-c DateStyle=ISO,MDY', ...(schema ? [`-c search_path=${schema}`] : [])];
  const pool = new pg.Pool({ connectionString: spec, max: 4, options: startup.join(' '), types: { getTypeParser } });
  // an idle client losing its server emits 'error' on the pool; the next query reconnects
  pool.on('error', () => undefined);
  try {
    await pool.query(schema ? `CREATE SCHEMA IF NOT EXISTS "${schema}"` : 'SELECT 1');
  } catch (e) {
    await pool.end().catch(() => undefined);
    const code = (e as { code?: unknown }).code;
    if (schema && (code === '23505' || code === '42P06')) return openPostgres(spec, schema); // raced another creator
    const err = toDbError(e);
    if (err instanceof DbError) throw err;
    throw Object.assign(new Error(`cannot connect to PostgreSQL at ${location}: ${(e as Error).message}`, { cause: e }), { code });
  }
  type Client = Pick<PoolClient, 'query'>;
  const conn = (c: Client): Conn => ({
    query: async (sql, params) => (await c.query({ text: sql, values: params, queryMode: 'extended' } as QueryConfig)).rows,
    exec: async (sql) => void (await c.query(sql)),
  });
  return {
    kind: 'postgres',
    location,
    base: conn(pool),
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        try {
          const result = await fn(conn(client));
          const done = await client.query('COMMIT');
          // pg reports a COMMIT of an aborted transaction as a successful ROLLBACK; PGlite throws
          if (done.command === 'ROLLBACK') throw new DbError('Transaction was rolled back instead of committed', '25P02');
          return result;
        } catch (e) {
          await client.query('ROLLBACK').catch((re: Error) => (broken = re));
          throw e;
        }
      } finally {
        client.release(broken);
      }
    },
    close: () => pool.end(),
  };
}

/** Drops a schema made by `openDb(url, { schema })`. */
export async function dropSchema(url: string, schema: string): Promise<void> {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`invalid schema name '${schema}'`);
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  } finally {
    await client.end();
  }
}
