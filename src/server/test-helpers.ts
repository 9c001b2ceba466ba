/**
 * Shared by the server's tests: a fresh Store on each backend (test-backends.ts), the example pages as POST bodies,
 * and small request helpers around `app.request`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Hono } from 'hono';
import { newBackend, type Backend, type BackendKind } from '../store/test-backends.js';
import { Store } from '../store/store.js';
import { projectRoot } from '../web/assets.js';

/** UTF-8 example pages (the others are in legacy encodings, which a JSON string cannot carry as bytes). */
export const FIXTURES = [
  '01-wadi-egypt-daily-economy.txt',
  '02-sahel-gulf-paper-politics.html',
  '03-hidab-algerian-site-flood.txt',
  '04-wad-news-agency-wire-flood.txt',
  '05-nabd-aggregator-flood-reprint.txt',
  '06-panorama-panarab-site-flood-followup.html',
  '07-sada-levantine-site-culture.txt',
  '09-atlas-moroccan-site-court.txt',
] as const;

/** The example pages as POST /api/pages pages, source "examples/pages/<file>", format left to the server. */
export function fixturePages(names: readonly string[] = FIXTURES): { source: string; content: string }[] {
  return names.map((name) => ({ source: `examples/pages/${name}`, content: readFileSync(join(projectRoot(), 'examples', 'pages', name), 'utf8') }));
}

export interface TestStore {
  store: Store;
  backend: Backend;
  /** closes the store and removes it */
  done(): Promise<void>;
}

/** A fresh, empty store on `kind`, or the reason it cannot run here. */
export async function testStore(kind: BackendKind): Promise<TestStore | { skip: string }> {
  const backend = await newBackend(kind);
  if (backend.skip) return { skip: backend.skip };
  // opening through the backend copies the PGlite template (no initdb) and marks the PostgreSQL schema for cleanup
  await (await backend.open()).close();
  const store = await Store.open(backend.spec, { command: 'rasd test' }, backend.schema ? { schema: backend.schema } : {});
  return {
    store,
    backend,
    async done() {
      try {
        await store.close();
      } finally {
        await backend.cleanup();
      }
    },
  };
}

export interface Answer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/** GET `path` of the app, its body parsed as JSON. */
export async function get<T = unknown>(app: Hono, path: string): Promise<Answer<T>> {
  const res = await app.request(path);
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
}

/** POST `body` (JSON-encoded unless a string) to /api/pages. */
export async function post<T = unknown>(app: Hono, body: unknown, headers: Record<string, string> = { 'Content-Type': 'application/json' }): Promise<Answer<T>> {
  const res = await app.request('/api/pages', { method: 'POST', headers, body: typeof body === 'string' ? body : JSON.stringify(body) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as T };
}

export interface ErrorAnswer {
  error: { code: string; message: string };
}

export interface List<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}
