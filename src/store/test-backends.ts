/**
 * Backend matrix for store tests: every Db test runs once on embedded PGlite and once on a
 * PostgreSQL server, each on a fresh, empty store that is thrown away afterwards.
 *
 * - PGlite: a folder from mkdtemp under os.tmpdir(). Creating a PGlite store runs initdb
 *   (seconds), so each test process makes one template store on first use and every test
 *   store is a copy of it (a fraction of a second); the template is removed at exit.
 * - PostgreSQL: the server in env RASD_TEST_PG_URL (default postgres://postgres@127.0.0.1:5432/test),
 *   one new schema per store (dropped by cleanup), so test files can run in parallel. When the
 *   server is unreachable, `skip` holds the reason and the tests skip.
 *
 * Use `testBackends(name, fn)` for the common case, or `backends()` / `newBackend(kind)` to
 * manage stores by hand (e.g. two handles on one store); `dropSchema` removes a test schema.
 * Tests that run the CLI on the server take a whole throw-away database instead (`newDatabase`).
 */
import { randomBytes } from 'node:crypto';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import test, { type TestContext } from 'node:test';
import { dropSchema, openDb, type Db } from './db.js';

export { dropSchema };

export const PG_URL = process.env['RASD_TEST_PG_URL'] || 'postgres://postgres@127.0.0.1:5432/test';
export type BackendKind = Db['kind'];
export const KINDS: readonly BackendKind[] = ['pglite', 'postgres'];

export interface Backend {
  readonly name: BackendKind;
  /** why this backend cannot run here (pass to t.skip); undefined when it can */
  readonly skip: string | undefined;
  /** the folder (PGlite) or server URL (PostgreSQL) of this store */
  readonly spec: string;
  /** the throw-away schema (PostgreSQL only) */
  readonly schema: string | undefined;
  /** opens a handle on this store; may be called again (same store); all closed by cleanup() */
  open(): Promise<Db>;
  /** closes the handles and removes the store */
  cleanup(): Promise<void>;
}

let pgStatus: Promise<string | undefined> | undefined;
/** undefined when the test server answers, else the skip message */
export function postgresSkipReason(): Promise<string | undefined> {
  pgStatus ??= (async () => {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return undefined;
    } catch (e) {
      return `PostgreSQL not reachable at ${PG_URL} (${(e as Error).message || String(e)}): set RASD_TEST_PG_URL`;
    } finally {
      await client.end().catch(() => undefined);
    }
  })();
  return pgStatus;
}

const tempDirs: string[] = [];
process.on('exit', () => {
  for (const d of tempDirs) rmSync(d, { recursive: true, force: true });
});
function tempDir(prefix: string): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(d);
  return d;
}

let template: Promise<string> | undefined;
/** a freshly created, closed PGlite store to copy from */
function pgliteTemplate(): Promise<string> {
  template ??= (async () => {
    const dir = tempDir('rasd-template-');
    await (await openDb(dir)).close();
    return dir;
  })();
  return template;
}


let counter = 0;

export interface TestDatabase {
  /** why the server cannot be used here (pass to t.skip); undefined when it can */
  readonly skip: string | undefined;
  /** postgres://… of the new, empty database, to give to `rasd --db` */
  readonly url: string;
  /** closes every connection to it and drops it */
  drop(): Promise<void>;
}

/**
 * A throw-away database on the test server, for tests that run the CLI: `rasd --db postgres://…` takes a plain URL
 * (a schema in the URL's `options` would replace the session settings rasd sends), so a database of its own is
 * what isolates such a test.
 */
export async function newDatabase(): Promise<TestDatabase> {
  const skip = await postgresSkipReason();
  if (skip && process.env['RASD_REQUIRE_PG']) throw new Error(`${skip} (RASD_REQUIRE_PG is set)`);
  const name = `rasd_test_${process.pid}_${++counter}_${randomBytes(3).toString('hex')}`;
  const url = new URL(PG_URL);
  url.pathname = `/${name}`;
  if (skip) return { skip, url: url.href, drop: async () => undefined };
  const admin = async (sql: string): Promise<void> => {
    const pg = (await import('pg')).default;
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  // CREATE DATABASE copies template1 and fails while another session is connected to it: try again
  for (let attempt = 1; ; attempt++) {
    try {
      await admin(`CREATE DATABASE "${name}"`);
      break;
    } catch (e) {
      if (attempt >= 5 || (e as { code?: string }).code !== '55006') throw e;
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
  return { skip, url: url.href, drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}

export async function newBackend(kind: BackendKind): Promise<Backend> {
  const handles: Db[] = [];
  const track = async (p: Promise<Db>): Promise<Db> => {
    const db = await p;
    handles.push(db);
    return db;
  };
  const closeAll = async (): Promise<void> => {
    await Promise.all(handles.splice(0).map((h) => h.close()));
  };
  if (kind === 'pglite') {
    const dir = tempDir('rasd-store-');
    let copied = false;
    return {
      name: kind, skip: undefined, spec: dir, schema: undefined,
      async open() {
        if (!copied) cpSync(await pgliteTemplate(), dir, { recursive: true });
        copied = true;
        return track(openDb(dir));
      },
      async cleanup() {
        await closeAll();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const skip = await postgresSkipReason();
  // CI (.ci/run) checks the server first and sets RASD_REQUIRE_PG: there, a missing server fails instead of skipping.
  if (skip && process.env['RASD_REQUIRE_PG']) throw new Error(`${skip} (RASD_REQUIRE_PG is set)`);
  const schema = `rasd_test_${process.pid}_${++counter}_${randomBytes(3).toString('hex')}`;
  let used = false;
  return {
    name: kind, skip, spec: PG_URL, schema,
    open() {
      if (skip) return Promise.reject(new Error(skip));
      used = true;
      return track(openDb(PG_URL, { schema }));
    },
    async cleanup() {
      await closeAll();
      if (used) await dropSchema(PG_URL, schema);
    },
  };
}

/** one fresh store per backend */
export function backends(): Promise<Backend[]> {
  return Promise.all(KINDS.map(newBackend));
}

/** Registers `name [pglite]` and `name [postgres]`, each getting a fresh store, skipped when unreachable. */
export function testBackends(name: string, fn: (db: Db, b: Backend, t: TestContext) => Promise<void>): void {
  for (const kind of KINDS) {
    test(`${name} [${kind}]`, async (t) => {
      const b = await newBackend(kind);
      if (b.skip) {
        t.skip(b.skip);
        return;
      }
      try {
        await fn(await b.open(), b, t);
      } finally {
        await b.cleanup();
      }
    });
  }
}
