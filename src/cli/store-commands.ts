/**
 * The commands that work on a store: `ingest`, `watch` (src/cli/ingest.ts), `search`, `stories`, `story`, `export`,
 * `serve`. Each takes `--db DIR|postgres://…` (default ./rasd-data). While `rasd serve` holds the embedded store,
 * `ingest` and `watch` send their pages through the server (POST /api/pages); the other commands are refused with
 * the server's address.
 */
import { parseArgs } from 'node:util';
import { Store } from '../store/store.js';
import { StoreLockedError } from '../store/lock.js';
import { getStory, listStories, search, QueryError, type Filters } from '../store/queries.js';
import type { CliIO } from './io.js';
import { clean, cleanShort, count, int } from './terminal.js';
import { ingest, parseEvery, watch } from './ingest.js';

export const STORE_COMMANDS = ['ingest', 'watch', 'search', 'stories', 'story', 'export', 'serve'] as const;
export type StoreCommand = (typeof STORE_COMMANDS)[number];

export const DEFAULT_DB = './rasd-data';

export const STORE_USAGE = `Store commands (every one takes --db DIR|postgres://… ; default ${DEFAULT_DB}):
  ingest <files, folders or URLs…> [--urls FILE] [--quiet]
                                            analyse pages and add them to the store (idempotent);
                                            a feed URL (RSS, Atom, JSON Feed) brings its items
  watch <feeds, URLs or folders…> [--urls FILE] [--every 10m] [--log FILE]
                                            ingest what is new or changed, every 10 minutes
  search "words" [--json] [--limit N] [--offset N] [--entity ID] [--story ID] [--outlet NAME]
         [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--role main|related|teaser]
  stories [--json] [--limit N] [--offset N]  list stories, newest first
  story ID [--json]                         one story: timeline, summary, who said what, articles
  export --json FILE                        write the export of the whole store
  serve [--port N] [--host H]               the web page and the HTTP API (default 127.0.0.1:8787)
`;

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  limit: { type: 'string' },
  offset: { type: 'string' },
  entity: { type: 'string' },
  story: { type: 'string' },
  outlet: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  role: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  urls: { type: 'string' },
  every: { type: 'string' },
  log: { type: 'string' },
  passes: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

class UsageError extends Error {}

function intOption(v: string | undefined, name: string, min: number, max: number, dflt: number): number {
  if (v === undefined) return dflt;
  const n = Number(v);
  if (!/^\d+$/.test(v) || n < min || n > max) throw new UsageError(`--${name} must be a whole number from ${min} to ${max}`);
  return n;
}

function dateOption(v: string | undefined, name: string): string | undefined {
  if (v === undefined) return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v) || Number.isNaN(Date.parse(v))) throw new UsageError(`--${name} must be a date YYYY-MM-DD`);
  return v;
}

/** Runs one store command; returns the exit code (0 done, 1 failed, 2 usage error). */
export async function runStoreCommand(command: StoreCommand, argv: string[], io: CliIO): Promise<number> {
  // `search` takes its words as one argument; a boolean --json there means "print JSON".
  const args = command === 'search' || command === 'stories' || command === 'story' ? argv.map((a) => (a === '--json' ? '--json=1' : a)) : argv;
  let parsed;
  try {
    parsed = parseArgs({ args, allowPositionals: true, strict: true, options: OPTIONS });
  } catch (err) {
    io.stderr.write(`rasd ${command}: ${clean((err as Error).message)}\n${STORE_USAGE}`);
    return 2;
  }
  const { values: v, positionals } = parsed;
  if (v.help) {
    io.stdout.write(STORE_USAGE);
    return 0;
  }
  const db = v.db ?? DEFAULT_DB;
  try {
    switch (command) {
      case 'ingest':
        if (positionals.length === 0 && v.urls === undefined) throw new UsageError('no files, folders or URLs given');
        return await ingest(db, { specs: positionals, urlsFile: v.urls, quiet: v.quiet ?? false }, io);
      case 'watch': {
        if (positionals.length === 0 && v.urls === undefined) throw new UsageError('no feeds, URLs or folders given');
        const everyMs = parseEvery(v.every ?? '10m');
        if (everyMs === null) throw new UsageError('--every must be a duration such as 30s, 10m or 1h (at least 100ms)');
        const passes = v.passes === undefined ? undefined : intOption(v.passes, 'passes', 1, 1e6, 1);
        return await watch(db, { specs: positionals, urlsFile: v.urls, quiet: v.quiet ?? false, everyMs, passes, log: v.log }, io);
      }
      case 'search': {
        const q = positionals.join(' ').trim();
        if (q === '') throw new UsageError('no search words given');
        const filters: Filters = {};
        for (const k of ['entity', 'story', 'outlet', 'role'] as const) if (v[k] !== undefined) filters[k] = v[k];
        const from = dateOption(v.from, 'from');
        const to = dateOption(v.to, 'to');
        if (from) filters.from = from;
        if (to) filters.to = to;
        const limit = intOption(v.limit, 'limit', 1, 500, 20);
        const offset = intOption(v.offset, 'offset', 0, 1e9, 0);
        return await withStore(db, 'search', io, async (s) => {
          const r = await search(s.db, q, filters, limit, offset);
          if (v.json !== undefined) io.stdout.write(JSON.stringify(r.items, null, 2) + '\n');
          else {
            io.stdout.write(`${r.more === true ? 'more than ' : ''}${count(r.total, 'hit')} for ${clean(q)}\n`);
            for (const h of r.items) {
              io.stdout.write(`\n${h.articleId}  ${cleanShort(h.title, 100)}\n  ${[h.outlet, h.published, h.storyId ? `story ${h.storyId}` : ''].filter(Boolean).map((x) => clean(x as string)).join(' · ')}\n  ${markSnippet(h.snippet, h.highlights)}\n`);
            }
          }
          return 0;
        });
      }
      case 'stories': {
        const limit = intOption(v.limit, 'limit', 1, 500, 50);
        const offset = intOption(v.offset, 'offset', 0, 1e9, 0);
        return await withStore(db, 'stories', io, async (s) => {
          const r = await listStories(s.db, {}, limit, offset);
          if (v.json !== undefined) io.stdout.write(JSON.stringify(r.items, null, 2) + '\n');
          else {
            io.stdout.write(`${count(r.total, 'story', 'stories')}\n`);
            for (const st of r.items) {
              const span = st.start === null ? 'no date' : st.start === st.end ? st.start : `${st.start} → ${st.end ?? '?'}`;
              io.stdout.write(`${st.id}  ${cleanShort(st.title, 90)}\n  ${span} · ${count(st.articleCount, 'article')} (${int(st.reports)} reports, ${int(st.reprints)} reprints) · ${st.outlets.slice(0, 4).map((o) => cleanShort(o, 30)).join('، ')}\n`);
            }
          }
          return 0;
        });
      }
      case 'story': {
        const id = positionals[0];
        if (id === undefined) throw new UsageError('no story id given');
        return await withStore(db, 'story', io, async (s) => {
          const st = await getStory(s.db, id);
          if (!st) {
            io.stderr.write(`rasd story: no story ${clean(id)} in ${clean(db)}\n`);
            return 1;
          }
          if (v.json !== undefined) io.stdout.write(JSON.stringify(st, null, 2) + '\n');
          else {
            const { formatStories } = await import('./summary.js');
            const byId = new Map(st.articles.map((a) => [a.id, a]));
            io.stdout.write(formatStories([st], (aid) => byId.get(aid)));
            if (st.summary.length > 0) io.stdout.write(`  summary:\n${st.summary.map((x) => `    ${cleanShort(x, 200)}`).join('\n')}\n`);
          }
          return 0;
        });
      }
      case 'export': {
        if (v.json === undefined || v.json === '') throw new UsageError('export needs --json FILE');
        const file = v.json;
        return await withStore(db, 'export', io, async (s) => {
          const { writeStoreExport } = await import('./store-export.js');
          const n = await writeStoreExport(s, file);
          io.stderr.write(`wrote ${clean(file)}: ${count(n.pages, 'page')}, ${count(n.articles, 'article')}, ${count(n.stories, 'story', 'stories')}\n`);
          return 0;
        });
      }
      case 'serve': {
        const port = intOption(v.port, 'port', 0, 65535, 8787);
        const host = v.host ?? '127.0.0.1';
        const store = await Store.open(db, { command: 'rasd serve', port });
        if (await store.needsLink()) {
          io.stderr.write('completing the last ingest (linking stories and entities)…\n');
          await store.link();
        }
        const { startServer } = await import('../server/serve.js');
        const server = await startServer(store, { host, port });
        io.stderr.write(`rasd serve: ${server.url} (store ${clean(store.db.location)}); Ctrl-C stops\n`);
        await new Promise<void>((done) => {
          if (io.signal?.aborted) done();
          io.signal?.addEventListener('abort', () => done(), { once: true });
        });
        await server.close();
        await store.close();
        return 0;
      }
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr.write(`rasd ${command}: ${clean(err.message)}\n${STORE_USAGE}`);
      return 2;
    }
    if (err instanceof QueryError) {
      io.stderr.write(`rasd ${command}: ${clean(err.message)}\n`);
      return 2;
    }
    if (err instanceof StoreLockedError) {
      io.stderr.write(`rasd ${command}: ${clean(err.message)}${command === 'serve' ? '' : '; use the server, or stop it first'}\n`);
      return 1;
    }
    io.stderr.write(`rasd ${command}: ${clean(err instanceof Error ? err.message : String(err))}\n`);
    return 1;
  }
}

/** The snippet with its highlights in [brackets] (a terminal shows no bold reliably). */
function markSnippet(s: string, hl: [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [a, b] of hl) {
    out += clean(s.slice(at, a)) + '[' + clean(s.slice(a, b)) + ']';
    at = b;
  }
  return out + clean(s.slice(at));
}

async function withStore(db: string, command: string, io: CliIO, fn: (s: Store) => Promise<number>): Promise<number> {
  const store = await Store.open(db, { command: `rasd ${command}` });
  try {
    if (await store.needsLink()) {
      io.stderr.write('completing the last ingest (linking stories and entities)…\n');
      await store.link();
    }
    return await fn(store);
  } finally {
    await store.close();
  }
}


