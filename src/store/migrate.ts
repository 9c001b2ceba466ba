/**
 * Versioned schema migrations.
 *
 * - The database records applied migrations in `rasd_schema (version, name, applied_at)`;
 *   its version is the highest row (0 when the table is missing).
 * - `migrate` applies each missing migration in ascending order, one transaction per
 *   migration (its SQL and its `rasd_schema` row commit together, so a failing migration
 *   leaves the database at the previous version). Migration SQL may hold several statements
 *   but no transaction control (BEGIN/COMMIT).
 * - A database newer than the code (a version above the last migration it knows) is refused
 *   with `SchemaTooNewError` before anything is touched.
 * - Every step first takes `pg_advisory_xact_lock` (keyed by the current schema, so test
 *   schemas do not wait on each other), then reads the version: two processes migrating one
 *   PostgreSQL database at once apply each migration exactly once. PGlite supports the same
 *   call (it is a no-op contention-wise: one process, one connection).
 */
import type { Db } from './db.js';

export interface Migration {
  /** positive integer; versions must be strictly ascending in the list */
  version: number;
  name: string;
  sql: string;
}

export class SchemaTooNewError extends Error {
  override readonly name = 'SchemaTooNewError';
  readonly code = 'ESCHEMANEWER';
  constructor(readonly location: string, readonly dbVersion: number, readonly codeVersion: number) {
    super(
      `the store ${location} has schema version ${dbVersion}, newer than this rasd knows (${codeVersion}): ` +
        `upgrade rasd to use it`,
    );
  }
}

const LOCK = `SELECT pg_advisory_xact_lock(hashtext('rasd_schema:' || coalesce(current_schema(), '')))`;
const TABLE = `CREATE TABLE IF NOT EXISTS rasd_schema (
  version integer PRIMARY KEY,
  name text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
)`;

/** The database's schema version: 0 for a new database. */
export async function schemaVersion(db: Db): Promise<number> {
  const [t] = await db.query<{ t: string | null }>(`SELECT to_regclass('rasd_schema')::text AS t`);
  if (!t?.t) return 0;
  const [row] = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM rasd_schema');
  return row?.v ?? 0;
}

function checkList(migrations: readonly Migration[]): void {
  let last = 0;
  for (const m of migrations) {
    if (!Number.isInteger(m.version) || m.version <= last) {
      throw new Error(`migration '${m.name}': version ${m.version} must be an integer above ${last} (versions ascend)`);
    }
    last = m.version;
  }
}

export async function migrate(db: Db, migrations: readonly Migration[]): Promise<{ from: number; to: number }> {
  checkList(migrations);
  const known = migrations.at(-1)?.version ?? 0;
  let from: number | undefined;
  for (;;) {
    const step = await db.tx(async (tx) => {
      await tx.query(LOCK);
      const current = await schemaVersion(tx);
      if (current === 0) await tx.exec(TABLE);
      from ??= current;
      if (current > known) throw new SchemaTooNewError(db.location, current, known);
      const next = migrations.find((m) => m.version > current);
      if (!next) return { done: true, version: current };
      try {
        await tx.exec(next.sql);
      } catch (e) {
        if (e instanceof Error) e.message = `migration ${next.version} '${next.name}' failed: ${e.message}`;
        throw e;
      }
      await tx.query('INSERT INTO rasd_schema (version, name) VALUES ($1, $2)', [next.version, next.name]);
      return { done: false, version: next.version };
    });
    if (step.done) return { from: from ?? step.version, to: step.version };
  }
}
