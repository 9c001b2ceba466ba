/**
 * One process at a time on an embedded (PGlite) store: `DIR/rasd.lock`.
 *
 * - Taking the lock is atomic: the JSON record {pid, command, port, startedAt, hostname} is
 *   written to a private temp file which is then hard-linked to `rasd.lock`. link() fails with
 *   EEXIST when the lock exists (same guarantee as O_EXCL), and readers never see a half
 *   written file.
 * - An existing lock whose pid is alive (or that was written on another host, where we cannot
 *   tell) makes `acquireLock` throw `StoreLockedError`, which carries the holder's pid,
 *   command and port, so e.g. `rasd ingest` can hand its pages to the running `rasd serve`.
 * - A lock whose pid is dead (crash, kill -9, Ctrl-C: Node runs no 'exit' handlers on an
 *   unhandled signal) or that is unreadable is stale and taken over: it is first renamed
 *   aside, and only a lock that is still the one judged stale is discarded, so two processes
 *   taking over the same stale lock cannot both win.
 * - `release()` removes the lock if it is still ours; an 'exit' handler does the same with
 *   synchronous calls. PostgreSQL stores need no lock: the server arbitrates.
 */
import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';

export const LOCK_FILE = 'rasd.lock';

export interface LockInfo {
  pid: number;
  /** as the user would type it, e.g. 'rasd serve' */
  command: string;
  /** the HTTP port the holder listens on (127.0.0.1), if any */
  port?: number;
  /** ISO time the lock was taken */
  startedAt: string;
  hostname: string;
}

export interface Lock {
  readonly path: string;
  readonly info: LockInfo;
  /** removes the lock file (if it is still ours); safe to call twice */
  release(): Promise<void>;
}

export class StoreLockedError extends Error {
  override readonly name = 'StoreLockedError';
  readonly code = 'ESTORELOCKED';
  readonly pid: number;
  readonly command: string;
  readonly port: number | undefined;
  readonly startedAt: string;
  readonly hostname: string;
  /** http://127.0.0.1:PORT of the holder when it gave a port */
  readonly url: string | undefined;
  constructor(readonly dir: string, readonly lockPath: string, holder: LockInfo) {
    const url = holder.port === undefined ? undefined : `http://127.0.0.1:${holder.port}`;
    const where = holder.hostname === hostname() ? '' : ` on host ${holder.hostname}`;
    super(
      `the store in ${dir} is in use by '${holder.command}' (pid ${holder.pid}${where}${url ? `, ${url}` : ''}); ` +
        `if no such process runs, delete ${lockPath}`,
    );
    this.pid = holder.pid;
    this.command = holder.command;
    this.port = holder.port;
    this.startedAt = holder.startedAt;
    this.hostname = holder.hostname;
    this.url = url;
  }
}

function parseLock(text: string): LockInfo | undefined {
  try {
    const v = JSON.parse(text) as Partial<LockInfo>;
    if (!Number.isInteger(v.pid) || typeof v.command !== 'string') return undefined;
    return {
      pid: v.pid as number,
      command: v.command,
      ...(Number.isInteger(v.port) ? { port: v.port as number } : {}),
      startedAt: typeof v.startedAt === 'string' ? v.startedAt : '',
      hostname: typeof v.hostname === 'string' ? v.hostname : hostname(),
    };
  } catch {
    return undefined;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
}

/** true when the pid runs here (EPERM: it runs, as another user) or we cannot check (other host) */
export function isAlive(info: LockInfo): boolean {
  if (info.hostname !== hostname()) return true;
  if (info.pid <= 0) return false;
  try {
    process.kill(info.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The current holder of the store in `dir`, if a live process holds it. */
export function readLock(dir: string): LockInfo | undefined {
  const text = readText(join(resolve(dir), LOCK_FILE));
  const info = text === undefined ? undefined : parseLock(text);
  return info && isAlive(info) ? info : undefined;
}

function unlinkQuiet(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

export async function acquireLock(dir: string, owner: { command: string; port?: number }): Promise<Lock> {
  dir = resolve(dir);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, LOCK_FILE);
  const info: LockInfo = {
    pid: process.pid,
    command: owner.command,
    ...(owner.port === undefined ? {} : { port: owner.port }),
    startedAt: new Date().toISOString(),
    hostname: hostname(),
  };
  const text = `${JSON.stringify(info, null, 2)}\n`;
  const tag = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const tmp = `${path}.${tag}.tmp`;
  writeFileSync(tmp, text, { flag: 'wx' });
  try {
    for (let attempt = 0; attempt < 5; attempt++) {
      try {
        linkSync(tmp, path);
        return holdLock(path, info, text);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      }
      const seen = readText(path);
      if (seen === undefined) continue; // released meanwhile
      const holder = parseLock(seen);
      if (holder && isAlive(holder)) throw new StoreLockedError(dir, path, holder);
      // stale: move it aside, then make sure what we moved is what we judged stale
      const aside = `${path}.${tag}.stale`;
      try {
        renameSync(path, aside);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw e;
      }
      if (readText(aside) !== seen) {
        try {
          linkSync(aside, path); // a fresh lock of another process: put it back
        } catch {
          // yet another one is there already; the next round judges it
        }
      }
      unlinkQuiet(aside);
    }
    throw new Error(`could not take the lock ${path}: it keeps changing hands`);
  } finally {
    unlinkQuiet(tmp);
  }
}

function holdLock(path: string, info: LockInfo, text: string): Lock {
  let held = true;
  const releaseSync = (): void => {
    if (!held) return;
    held = false;
    process.off('exit', releaseSync);
    if (readText(path) === text) unlinkQuiet(path);
  };
  process.on('exit', releaseSync);
  return {
    path,
    info,
    release: async () => releaseSync(),
  };
}
