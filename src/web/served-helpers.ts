/**
 * Helpers for the tests that run the page against the real server (not used at run time): which pages to start
 * from (the five seed pages when ../shared/seeds is there, else the labelled story set of examples/stories, which
 * holds a bases story of its own), a PGlite store in a temp folder filled as `rasd ingest` fills it, the real
 * server on a free port, and a JSON GET on it.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { analyzePage } from '../pipeline.js';
import { Store, contentHash } from '../store/store.js';
import { startServer } from '../server/serve.js';
import { projectRoot } from './assets.js';

export interface Corpus {
  /** 'seeds' or 'examples/stories' */
  name: string;
  dir: string;
  files: string[];
}

const PAGE_FILE = /\.(txt|html?)$/i;

function pagesIn(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => PAGE_FILE.test(f))
    .sort()
    .map((f) => join(dir, f));
}

/** The labelled story set (60 invented articles in 10 stories; files 01–06 are the bases story). */
export function exampleStories(): Corpus {
  const dir = join(projectRoot(), 'examples', 'stories');
  return { name: 'examples/stories', dir, files: pagesIn(dir) };
}

/** The hostile pages of examples/hostile-web: one HTML, one scraped text, whose text tries to run script in the page. */
export function hostileWeb(): Corpus {
  const dir = join(projectRoot(), 'examples', 'hostile-web');
  return { name: 'examples/hostile-web', dir, files: pagesIn(dir) };
}

/**
 * The five seed pages when ../shared/seeds is there (not on every clone), else the labelled story set.
 * RASD_SEEDS names another seed folder, or "none" to run on the story set as a clone without seeds does.
 */
export function corpus(): Corpus {
  const env = process.env.RASD_SEEDS;
  const seeds = env !== undefined && env !== '' ? env : join(projectRoot(), '..', 'shared', 'seeds');
  if (env !== 'none' && existsSync(seeds) && pagesIn(seeds).length > 0) return { name: 'seeds', dir: seeds, files: pagesIn(seeds) };
  return exampleStories();
}

/** A page's source as the store keeps it: "<corpus>/<file>". */
export function sourceOf(c: Corpus, file: string): string {
  return `${c.name}/${basename(file)}`;
}

export interface Served {
  store: Store;
  url: string;
  /** closes the server and the store and removes the store's folder */
  close(): Promise<void>;
}

/** A fresh PGlite store in a temp folder with `files` analysed, stored and linked, and the server on a free port. */
export async function serveStore(c: Corpus, files: readonly string[] = c.files): Promise<Served> {
  const dir = mkdtempSync(join(tmpdir(), 'rasd-served-'));
  let store: Store | null = null;
  try {
    store = await Store.open(join(dir, 'db'), { command: 'test' });
    for (const f of files) {
      const bytes = readFileSync(f);
      await store.addPage(analyzePage({ source: sourceOf(c, f), bytes, format: /\.html?$/i.test(f) ? 'html' : 'text' }), contentHash(bytes));
    }
    await store.link();
    const server = await startServer(store, { port: 0 });
    const opened = store;
    return {
      store: opened,
      url: server.url,
      async close() {
        try {
          await server.close();
          await opened.close();
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (err) {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** GET a JSON answer; throws with the status and body when it is not 200. */
export async function getJson<T>(base: string, path: string): Promise<T> {
  const res = await fetch(base + path, { headers: { accept: 'application/json' } });
  const body = await res.text();
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${body.slice(0, 300)}`);
  return JSON.parse(body) as T;
}

/** The pages of `files` as a POST /api/pages body, bytes as read (what `rasd ingest` sends to a running server). */
export function pagesBody(c: Corpus, files: readonly string[]): { pages: { source: string; base64: string }[] } {
  return { pages: files.map((f) => ({ source: sourceOf(c, f), base64: readFileSync(f).toString('base64') })) };
}

export interface Gate {
  /** pages stored since the gate was set */
  readonly stored: number;
  /** lets the held ingest go on */
  release(): void;
  /** puts the store's own addPage back */
  restore(): void;
}

/**
 * Holds the next ingest on `store` right after its first page is stored, until `release()`: what runs meanwhile
 * runs in the middle of an ingest (pages stored, not yet linked) whatever the machine's speed, with no timing.
 */
export function holdAfterFirstPage(store: Store): Gate {
  const own = Object.getOwnPropertyDescriptor(store, 'addPage');
  const addPage = store.addPage.bind(store);
  let release: () => void = () => undefined;
  const open = new Promise<void>((r) => (release = r));
  let stored = 0;
  store.addPage = async (...args) => {
    const r = await addPage(...args);
    if (++stored === 1) await open;
    return r;
  };
  return {
    get stored() {
      return stored;
    },
    release,
    restore() {
      release();
      if (own === undefined) delete (store as { addPage?: unknown }).addPage;
      else Object.defineProperty(store, 'addPage', own);
    },
  };
}

/** POST /api/pages; `answered` turns true once the server has answered. */
export function postPages(base: string, body: unknown): { answered: () => boolean; done: Promise<{ status: number; body: { pages: { source: string; status: string }[] } }> } {
  let answered = false;
  const done = fetch(base + '/api/pages', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    .then(async (res) => ({ status: res.status, body: JSON.parse(await res.text()) as { pages: { source: string; status: string }[] } }))
    .finally(() => (answered = true));
  return { answered: () => answered, done };
}
