/**
 * Helpers for the tests that run the real `rasd` as a child process (not used at run time): the command line that
 * starts it, a run that does not block this process (a test web server may be answering in it), an optional peak
 * memory measure of the child, a kill -9 when its output reaches a point, and `rasd serve` on a free port.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(import.meta.url);
let dir = dirname(here);
while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
/** The repository's root (the children's working folder). */
export const root = dir;
/** Node's arguments that start the CLI: the built one, or the TypeScript source through tsx when run from src. */
export const bin = here.endsWith('.ts') ? ['--import', 'tsx', join(root, 'src', 'cli', 'index.ts')] : [join(root, 'dist', 'src', 'cli', 'index.js')];

/** Preloaded into a measured child: writes its peak resident set size (kB) to stderr as it exits. */
const MEASURE = `import { writeSync } from 'node:fs';
process.on('exit', () => writeSync(2, '\\nrasd-test-max-rss-kb ' + process.resourceUsage().maxRSS + '\\n'));`;
const MEASURED = /\nrasd-test-max-rss-kb (\d+)\n/;

export interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
  /** The child's peak RSS in MB (with `measure`), else null. */
  maxRssMB: number | null;
}

export interface RunOptions {
  /** Killed with SIGKILL past this (default 240 s): a test must not hang. */
  timeoutMs?: number;
  /** Measure the child's peak RSS. */
  measure?: boolean;
  /** kill -9 the child as soon as its stdout and stderr together match this. */
  killWhen?: RegExp;
}

/** Runs `rasd …args` to its end. */
export function rasd(args: string[], options: RunOptions = {}): Promise<Run> {
  const node = options.measure ? ['--import', `data:text/javascript,${encodeURIComponent(MEASURE)}`, ...bin] : bin;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...node, ...args], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    const check = (): void => {
      if (options.killWhen && child.exitCode === null && options.killWhen.test(out + err)) child.kill('SIGKILL');
    };
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      check();
    });
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString('utf8');
      check();
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 240_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const m = MEASURED.exec(err);
      resolve({ code, signal, out, err: err.replace(MEASURED, '\n'), maxRssMB: m ? Math.round(Number(m[1]) / 1024) : null });
    });
  });
}

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Serving {
  /** http://127.0.0.1:port */
  url: string;
  /** What it wrote to stderr so far. */
  log(): string;
  /** SIGTERM, then waits for it to end. */
  stop(): Promise<void>;
}

/** Starts `rasd serve --db DB` on a free port; resolves once it listens. */
export async function startServe(db: string): Promise<Serving> {
  const port = await freePort();
  const child = spawn(process.execPath, [...bin, 'serve', '--db', db, '--port', String(port)], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
  let err = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString('utf8');
      if (err.includes('rasd serve: http')) resolve();
    });
    child.once('exit', () => reject(new Error(`rasd serve ended: ${err}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    log: () => err,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
