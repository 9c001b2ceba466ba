/**
 * Bench: the store — ingest pages/s into PGlite and into a PostgreSQL server, and search latency over 100,000
 * articles (issue 5 targets: ≥ 200 pages/s embedded, search p95 ≤ 50 ms).
 *
 *   node dist/bench/store.bench.js                              # ~2,000 + 200 pages, 100,000 articles
 *   node dist/bench/store.bench.js --pages 200 --articles 5000  # a quick check
 *
 * Options (or env): --pages N (RASD_BENCH_PAGES, default 2000; 0 skips ingest), --more N (RASD_BENCH_MORE_PAGES,
 * default 200: the second, incremental batch), --articles N (RASD_BENCH_ARTICLES, default 100000; 0 skips search),
 * --queries N (RASD_BENCH_QUERIES, default 300), --warmup N (default 30), --seed S (RASD_BENCH_SEED, default 42),
 * --pg URL|off (RASD_BENCH_PG_URL, else RASD_TEST_PG_URL, else postgres://postgres@127.0.0.1:5432/test).
 *
 * 1. Ingest, as `rasd ingest` does it: pages generated from the fixtures (bench/corpus.ts, kept in bench/out/store-*),
 *    ingested as `rasd ingest` does it (src/cli/ingest.ts ingestInto: read, analysed on worker threads, stored in
 *    batches in the order read, then linked); then a second batch of new pages added to the
 *    filled store and linked (is linking incremental?). Into a fresh PGlite folder, and into a fresh schema of the
 *    server (dropped at the end). The headline is end-to-end: pages / (analyse + store + link).
 * 2. Search: the articles table filled directly with synthetic articles (bench/store-articles.ts: the pool's texts
 *    varied, the search column computed as store.ts computes it), VACUUM ANALYZE, then a warm-up and a mix of
 *    realistic queries (bench/store-queries.ts) through `search` from src/store/queries.ts, as `rasd search` runs it
 *    (limit 20); the same queries on both backends.
 *
 * Prints the results with the targets beside them, then one line `BENCH_JSON {…}`. A missed target never fails the
 * run: benches report, tests gate.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ingestInto } from '../src/cli/ingest.js';
import { repoRoot } from '../src/eval/run.js';
import { defaultWorkers } from '../src/workers/pool.js';
import { search } from '../src/store/queries.js';
import { Store, type LinkResult } from '../src/store/store.js';
import { ensureCorpus, type Corpus } from './corpus.js';
import { createRng, hashSeed } from './random.js';
import { ArticleFactory, checkTerms, loadPool, type Pool, type SyntheticArticle } from './store-articles.js';
import { makeQueries, QUERY_KINDS, type BenchQuery } from './store-queries.js';
import {
  benchSchema, check, dropSchema, fixed, int, latency, maskUrl, maxRssMB, MB, median, PeakMemory, perSec, pgSkipReason, pgUrl, round, secs,
  type Latency, type MemoryPeak,
} from './store-util.js';

const TARGET_PAGES_PER_S = 200;
const TARGET_P95_MS = 50;
const FILL_BATCH = 1000;
const SEARCH_LIMIT = 20;
const OWNER = { command: 'rasd bench' };

interface Options {
  pages: number;
  more: number;
  articles: number;
  queries: number;
  warmup: number;
  seed: string;
  pg: string;
}


const USAGE = 'usage: node dist/bench/store.bench.js [--pages N] [--more N] [--articles N] [--queries N] [--warmup N] [--seed S] [--pg URL|off]';

function parseOptions(argv: string[]): Options {
  const env = process.env;
  const opts: Options = {
    pages: Number(env['RASD_BENCH_PAGES'] ?? 2000),
    more: Number(env['RASD_BENCH_MORE_PAGES'] ?? 200),
    articles: Number(env['RASD_BENCH_ARTICLES'] ?? 100_000),
    queries: Number(env['RASD_BENCH_QUERIES'] ?? 300),
    warmup: 30,
    seed: env['RASD_BENCH_SEED'] ?? '42',
    pg: pgUrl(),
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--pages') opts.pages = Number(value());
    else if (flag === '--more') opts.more = Number(value());
    else if (flag === '--articles') opts.articles = Number(value());
    else if (flag === '--queries') opts.queries = Number(value());
    else if (flag === '--warmup') opts.warmup = Number(value());
    else if (flag === '--seed') opts.seed = value();
    else if (flag === '--pg') opts.pg = value();
    else if (flag === '--help' || flag === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else throw new Error(`unknown option ${flag}\n${USAGE}`);
  }
  for (const k of ['pages', 'more', 'articles', 'queries', 'warmup'] as const) {
    if (!Number.isInteger(opts[k]) || opts[k] < 0) throw new Error(`--${k} must be a non-negative integer`);
  }
  if (opts.queries === 0) opts.queries = 1;
  return opts;
}

const out = (label: string, text: string): void => console.log(`${label.padEnd(10)}${text}`);
const count = (n: number, one: string, many = `${one}s`): string => `${int(n)} ${n === 1 ? one : many}`;

/** A fresh store on one backend, and how to throw it away. */
interface Backend {
  kind: 'pglite' | 'postgres';
  label: string;
  open(): Promise<Store>;
  cleanup(): Promise<void>;
}

function pgliteBackend(what: string): Backend {
  const dir = mkdtempSync(join(tmpdir(), `rasd-bench-${what}-`));
  return {
    kind: 'pglite',
    label: `PGlite (${dir})`,
    open: () => Store.open(dir, OWNER),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

function postgresBackend(url: string, what: string): Backend {
  const schema = benchSchema(what);
  return {
    kind: 'postgres',
    label: `PostgreSQL (${maskUrl(url)}, schema ${schema})`,
    open: () => Store.open(url, OWNER, { schema }),
    cleanup: () => dropSchema(url, schema),
  };
}

/** Tables and indexes of the store, on either backend. */
async function storeSizeMB(store: Store, tables: string[] | null = null): Promise<number> {
  const rows = await store.db.query<{ bytes: string | null }>(
    `SELECT sum(pg_total_relation_size(c.oid))::text AS bytes FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = current_schema() AND c.relkind = 'r'${tables ? ' AND c.relname = ANY($1::text[])' : ''}`,
    tables ? [tables] : [],
  );
  return round(Number(rows[0]?.bytes ?? 0) / MB, 1);
}

// ------------------------------------------------------------------------------------------------------ ingest

interface BatchResult {
  pages: number;
  articles: number;
  skipped: number;
  statuses: Record<string, number>;
  /** Read, analyse (on the worker threads) and store every page, until the last is committed. */
  loopMs: number;
  /** CPU time of the whole process (every thread) over the pass, storing and linking: what two cores must share. */
  cpuMs: number;
  memory: MemoryPeak;
}

interface LinkRun {
  ms: number;
  result: LinkResult;
  memory: MemoryPeak;
}

interface IngestResult {
  kind: Backend['kind'];
  label: string;
  openMs: number;
  workers: number;
  first: BatchResult;
  firstLink: LinkRun;
  more: BatchResult | null;
  moreLink: LinkRun | null;
  sizeMB: number;
}

const SILENT = { write: (): boolean => true };

/** One `rasd ingest` pass over the folder (src/cli/ingest.ts ingestInto): storing and linking timed apart. */
async function ingestBatch(store: Store, dir: string): Promise<{ batch: BatchResult; link: LinkRun }> {
  const peak = new PeakMemory();
  const timer = setInterval(() => peak.sample(), 100);
  try {
    const cpu0 = process.cpuUsage();
    const r = await ingestInto(store, [dir], { stdout: SILENT, stderr: SILENT });
    const cpu = process.cpuUsage(cpu0);
    const memory = peak.stop();
    if (r.link === null) throw new Error(`nothing was linked from ${dir}`);
    const t = r.tally;
    const statuses: Record<string, number> = { added: t.added, replaced: t.replaced, unchanged: t.unchanged, failed: t.failed };
    return {
      batch: { pages: t.added + t.replaced + t.unchanged + t.failed, articles: t.articles, skipped: t.skipped, statuses, loopMs: r.storeMs, cpuMs: (cpu.user + cpu.system) / 1000, memory },
      link: { ms: r.linkMs, result: r.link, memory },
    };
  } finally {
    clearInterval(timer);
  }
}

async function ingestOn(b: Backend, first: Corpus, more: Corpus | null): Promise<IngestResult> {
  const t0 = performance.now();
  const store = await b.open();
  const openMs = performance.now() - t0;
  try {
    const one = await ingestBatch(store, first.dir);
    const two = more ? await ingestBatch(store, more.dir) : null;
    return {
      kind: b.kind,
      label: b.label,
      openMs,
      workers: defaultWorkers(),
      first: one.batch,
      firstLink: one.link,
      more: two?.batch ?? null,
      moreLink: two?.link ?? null,
      sizeMB: await storeSizeMB(store),
    };
  } finally {
    await store.close();
  }
}

const endToEnd = (b: BatchResult, l: LinkRun): number => perSec(b.pages, b.loopMs + l.ms);

function printIngest(r: IngestResult): void {
  const f = r.first;
  const pad = '  ';
  out('', r.label);
  out('', `${pad}open (create and migrate): ${secs(r.openMs)}`);
  out('', `${pad}${int(f.pages)} pages → ${int(f.articles)} articles: read, analyse (${count(r.workers, 'worker thread')}) and store ${secs(f.loopMs)} (${int(perSec(f.pages, f.loopMs))} pages/s)`);
  const l = r.firstLink;
  out('', `${pad}linked ${int(l.result.linked)} pages (in chunks while storing; ${l.result.mode === 'full' ? 'the first a full build' : 'incremental'}), then ${secs(l.ms)} of linking left after the last page was stored → ${count(l.result.articles, 'article')}, ${count(l.result.entities, 'entity', 'entities')}, ${count(l.result.stories, 'story', 'stories')}`);
  const e2e = endToEnd(f, l);
  out('', `${pad}CPU time, every thread: ${fixed(f.cpuMs / Math.max(1, f.pages), 1)} ms per page (${secs(f.cpuMs)} in all; on ${availableParallelism()} cores the end-to-end rate cannot pass ${int(perSec(f.pages, f.cpuMs / availableParallelism()))} pages/s)`);
  const target = r.kind === 'pglite' ? `target ≥ ${TARGET_PAGES_PER_S} pages/s embedded: ${check(e2e >= TARGET_PAGES_PER_S)}` : `(the target is for the embedded store; ${e2e >= TARGET_PAGES_PER_S ? 'above' : 'below'} it)`;
  out('', `${pad}end-to-end ${int(f.pages)} pages in ${secs(f.loopMs + l.ms)}: ${int(e2e)} pages/s   ${target}`);
  if (r.more && r.moreLink) {
    const m = r.more;
    const ml = r.moreLink;
    const ratio = ml.ms / l.ms;
    const full = ml.result.pages / l.result.pages;
    const incremental = m.pages / l.result.pages;
    const verdict = ratio <= Math.max(2 * incremental, (incremental + full) / 2) ? 'cost follows the new pages' : 'cost follows the whole store';
    const w = ml.result.written;
    out('', `${pad}+${int(m.pages)} new pages into the filled store: analyse + store ${secs(m.loopMs)}, link (${ml.result.mode}, ${int(ml.result.linked)} pages; wrote ${count(w.articles, 'article')}, ${count(w.entities, 'entity', 'entities')}, ${count(w.stories, 'story', 'stories')}) ${secs(ml.ms)} → end-to-end ${int(endToEnd(m, ml))} pages/s`);
    out('', `${pad}  link time vs the first link: ${fixed(ratio, 2)}× (a full relink of ${int(ml.result.pages)} pages would be ≈ ${fixed(full, 2)}×, incremental ≈ ${fixed(incremental, 2)}×): ${verdict}`);
  }
  const mem = [f.memory, l.memory, r.more?.memory, r.moreLink?.memory].filter((x): x is MemoryPeak => x !== undefined);
  out('', `${pad}memory peak: heap ${fixed(Math.max(...mem.map((x) => x.heapMB)))} MB (store loop ${fixed(f.memory.heapMB)}, link ${fixed(l.memory.heapMB)}), RSS ${fixed(Math.max(...mem.map((x) => x.rssMB)))} MB; store size ${fixed(r.sizeMB)} MB`);
  const other = Object.entries(f.statuses).filter(([s]) => s !== 'added');
  if (f.skipped > 0 || other.some(([, n]) => n > 0)) out('', `${pad}note: ${f.skipped} inputs skipped, statuses ${JSON.stringify(f.statuses)}`);
}

// ------------------------------------------------------------------------------------------------------ search

interface SearchTarget {
  backend: Backend;
  store: Store;
  insertMs: number;
  vacuumMs: number;
  sizeMB: number;
  ms: number[];
  hits: number[];
  /** The count stopped at search's cap (SearchHit page `more`). */
  capped: boolean[];
  errors: string[];
  memory: MemoryPeak | null;
}

interface FillResult {
  articles: number;
  links: number;
  generateMs: number;
  checked: number;
  checkFailures: string[];
  checkMs: number;
  avgChars: number;
  avgTerms: number;
  roles: Record<string, number>;
}

const INSERT_ARTICLES = `INSERT INTO articles (id, page_id, seq, ord, role, title, text, captions, published, outlet, credits, duplicate_of, story_id, mentions, quotes, dates, search)
  SELECT x.id, x."pageId", x.seq, x.ord, x.role, x.title, x.text, '[]'::jsonb, x.published, x.outlet, x.credits, NULL, x."storyId", '[]'::jsonb, '[]'::jsonb, '[]'::jsonb,
         setweight(to_tsvector('simple', x."titleTerms"), 'A') || to_tsvector('simple', x."textTerms")
  FROM jsonb_to_recordset($1::jsonb) AS x(id text, "pageId" text, seq bigint, ord int, role text, title text, text text, published text, outlet text,
    credits jsonb, "storyId" text, "titleTerms" text, "textTerms" text)`;
const INSERT_LINKS = `INSERT INTO article_entities (article_id, entity_id, mentions)
  SELECT x.article, x.entity, x.n FROM jsonb_to_recordset($1::jsonb) AS x(article text, entity text, n int)`;

/** Makes `total` articles in batches and inserts each batch into every target, timing each target's inserts. */
async function fill(factory: ArticleFactory, targets: SearchTarget[], total: number): Promise<FillResult> {
  const r: FillResult = { articles: 0, links: 0, generateMs: 0, checked: 0, checkFailures: [], checkMs: 0, avgChars: 0, avgTerms: 0, roles: {} };
  const checkEvery = Math.max(1, Math.floor(total / 400));
  const progressEvery = Math.max(FILL_BATCH, Math.ceil(total / 5 / FILL_BATCH) * FILL_BATCH);
  while (r.articles < total) {
    const t0 = performance.now();
    const rows: Omit<SyntheticArticle, 'entities'>[] = [];
    const links: { article: string; entity: string; n: number }[] = [];
    const toCheck: SyntheticArticle[] = [];
    for (let k = 0; k < FILL_BATCH && r.articles < total; k++, r.articles++) {
      const a = factory.article();
      if (r.articles % checkEvery === 0) toCheck.push(a);
      const { entities, ...row } = a;
      rows.push(row);
      for (const e of entities) links.push({ article: a.id, entity: e, n: 1 });
      r.roles[a.role] = (r.roles[a.role] ?? 0) + 1;
    }
    const articlesJson = JSON.stringify(rows);
    const linksJson = JSON.stringify(links);
    r.links += links.length;
    const t1 = performance.now();
    r.generateMs += t1 - t0;
    for (const a of toCheck) {
      r.checked++;
      if (!checkTerms(a) && r.checkFailures.push(a.id) > 5) r.checkFailures.length = 5;
    }
    r.checkMs += performance.now() - t1;
    for (const t of targets) {
      const s = performance.now();
      await t.store.db.query(INSERT_ARTICLES, [articlesJson]);
      if (links.length > 0) await t.store.db.query(INSERT_LINKS, [linksJson]);
      t.insertMs += performance.now() - s;
    }
    if (r.articles % progressEvery === 0 && r.articles < total) process.stderr.write(`  … ${int(r.articles)} / ${int(total)} articles stored\n`);
  }
  r.avgChars = factory.totalChars / Math.max(1, r.articles);
  r.avgTerms = factory.totalTerms / Math.max(1, r.articles);
  return r;
}

async function runQueries(t: SearchTarget, warmup: BenchQuery[], queries: BenchQuery[]): Promise<void> {
  for (const q of warmup) await search(t.store.db, q.q, q.filters, SEARCH_LIMIT, 0).catch(() => undefined);
  const peak = new PeakMemory();
  for (const q of queries) {
    const t0 = performance.now();
    try {
      const res = await search(t.store.db, q.q, q.filters, SEARCH_LIMIT, 0);
      t.ms.push(performance.now() - t0);
      t.hits.push(res.total);
      t.capped.push(res.more === true);
    } catch (err) {
      t.ms.push(performance.now() - t0);
      t.hits.push(-1);
      t.capped.push(false);
      if (t.errors.length < 5) t.errors.push(`${q.q}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  t.memory = peak.stop();
}

const describe = (q: BenchQuery): string => {
  const f = Object.entries(q.filters).map(([k, v]) => `--${k} ${String(v)}`);
  return [q.q, ...f].join(' ');
};

function printSearch(pool: Pool, fill: FillResult, targets: SearchTarget[], queries: BenchQuery[], warmup: number): Record<string, Latency> {
  const n = fill.articles;
  out('', `${int(n)} synthetic articles (${Object.entries(fill.roles).map(([k, v]) => `${k} ${int(v)}`).join(', ')}): mean ${int(fill.avgTerms)} words, ${int(fill.avgChars)} characters;`);
  out('', `  made from ${pool.articles.length} articles of ${pool.pages} pages (examples/pages, examples/stories), ${int(fill.links)} article–entity links`);
  out('', `  generation, search terms and JSON: ${secs(fill.generateMs)} (shared by the backends)`);
  out('', `  search column check: ${int(fill.checked - fill.checkFailures.length)}/${int(fill.checked)} sampled articles give exactly termString(title/text) ${check(fill.checkFailures.length === 0)}${fill.checkFailures.length ? ` (differ: ${fill.checkFailures.join(', ')})` : ''}`);
  for (const t of targets) {
    out('', `  ${t.backend.label}: fill ${secs(t.insertMs)} (${int(perSec(n, t.insertMs))} articles/s), VACUUM ANALYZE ${secs(t.vacuumMs)}; articles + article_entities ${fixed(t.sizeMB)} MB`);
  }
  console.log('');
  out('', `${queries.length} queries after ${warmup} warm-up queries, through search() as \`rasd search\` runs it (limit ${SEARCH_LIMIT}, total counted), the same on each backend`);
  const names = targets.map((t) => (t.backend.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'));
  out('', `  ${'kind'.padEnd(17)} ${'n'.padStart(4)} ${'hits p50'.padStart(9)}   ${names.map((x) => `${x}: p50 / p95 / max ms`.padEnd(34)).join('')}`);
  for (const kind of QUERY_KINDS) {
    const idx = queries.flatMap((q, i) => (q.kind === kind ? [i] : []));
    if (idx.length === 0) continue;
    const hits = median(idx.map((i) => targets[0]?.hits[i] ?? 0));
    const capped = idx.filter((i) => targets[0]?.capped[i] === true).length;
    const cols = targets.map((t) => {
      const l = latency(idx.map((i) => t.ms[i]!));
      return `${fixed(l.p50)} / ${fixed(l.p95)} / ${fixed(l.max)}`.padEnd(34);
    });
    out('', `  ${kind.padEnd(17)} ${String(idx.length).padStart(4)} ${(int(hits) + (capped * 2 > idx.length ? '+' : '')).padStart(9)}   ${cols.join('')}`);
  }
  const all: Record<string, Latency> = {};
  for (const [i, t] of targets.entries()) {
    const l = latency(t.ms);
    all[t.backend.kind] = l;
    out('', `  ${names[i]!.padEnd(11)} all ${l.n}: p50 ${fixed(l.p50)} ms, p95 ${fixed(l.p95)} ms, p99 ${fixed(l.p99)} ms, max ${fixed(l.max)} ms, mean ${fixed(l.mean)} ms   target p95 ≤ ${TARGET_P95_MS} ms: ${check(l.p95 <= TARGET_P95_MS)}`);
    const slowest = t.ms.map((ms, k) => ({ ms, k })).sort((a, b) => b.ms - a.ms).slice(0, 3);
    out('', `  ${''.padEnd(11)} slowest: ${slowest.map((s) => `${describe(queries[s.k]!)} ${fixed(s.ms)} ms (${int(t.hits[s.k] ?? 0)}${t.capped[s.k] ? '+' : ''} hits)`).join('; ')}`);
    if (t.errors.length > 0) out('', `  ${''.padEnd(11)} ERRORS: ${t.errors.join('; ')}`);
  }
  const a = targets[0];
  const b = targets[1];
  if (a && b) {
    const differ = a.hits.filter((h, i) => h !== b.hits[i]).length;
    out('', `  hit counts equal on both backends: ${int(queries.length - differ)}/${int(queries.length)} queries ${check(differ === 0)}`);
  }
  return all;
}

// ------------------------------------------------------------------------------------------------------ main

async function main(): Promise<void> {
  const root = repoRoot();
  const opts = parseOptions(process.argv.slice(2));
  const load = loadavg()[0] ?? 0;
  const started = performance.now();
  const pgSkip = await pgSkipReason(opts.pg);
  console.log('');
  console.log(`rasd bench — store (ingest and search), node ${process.version}; load average ${fixed(load, 2)} on ${availableParallelism()} cores when the run started`);
  console.log(`PostgreSQL: ${pgSkip ? `skipped — ${pgSkip}` : maskUrl(opts.pg)}`);
  console.log('');
  const json: Record<string, unknown> = { suite: 'store', node: process.version, loadAverage: round(load, 2), cores: availableParallelism(), seed: opts.seed, postgres: pgSkip ? { skipped: pgSkip } : { url: maskUrl(opts.pg) } };

  // 1. ingest
  const ingest: IngestResult[] = [];
  if (opts.pages > 0) {
    const fixturesDir = join(root, 'examples', 'pages');
    const first = await ensureCorpus({ fixturesDir, outDir: join(root, 'bench', 'out', 'store-pages'), pages: opts.pages, seed: opts.seed });
    const more = opts.more > 0 ? await ensureCorpus({ fixturesDir, outDir: join(root, 'bench', 'out', 'store-more'), pages: opts.more, seed: `${opts.seed}-more` }) : null;
    const m = first.manifest;
    const gen = (c: Corpus): string => (c.generated ? `generated now in ${secs(c.manifest.generationMs)}` : 'reused');
    out('ingest', `${int(m.pages)} pages (${fixed(m.bytes / MB, 1)} MB, ${Object.entries(m.byFormat).map(([k, v]) => `${k} ${int(v)}`).join(', ')}) generated from ${m.fixtures.templates.length} fixture pages, seed ${opts.seed} (${gen(first)})${more ? `, then ${int(more.manifest.pages)} more (${gen(more)})` : ''}`);
    out('', 'as `rasd ingest` runs: pages read, analysed on worker threads, stored in batches in order, then linked; a fresh store each');
    const backends = [pgliteBackend('ingest'), ...(pgSkip ? [] : [postgresBackend(opts.pg, 'ingest')])];
    for (const b of backends) {
      try {
        const r = await ingestOn(b, first, more);
        ingest.push(r);
        printIngest(r);
      } finally {
        await b.cleanup();
      }
    }
    if (pgSkip) out('', `PostgreSQL: skipped — ${pgSkip}`);
    json['ingest'] = ingest.map((r) => ({
      backend: r.kind,
      pages: r.first.pages,
      articles: r.first.articles,
      openMs: round(r.openMs, 1),
      loopMs: round(r.first.loopMs, 1),
      workers: r.workers,
      cpuMs: round(r.first.cpuMs, 1),
      linkMs: round(r.firstLink.ms, 1),
      link: r.firstLink.result,
      moreLink: r.moreLink?.result ?? null,
      pagesPerSec: round(endToEnd(r.first, r.firstLink), 1),
      storePagesPerSec: round(perSec(r.first.pages, r.first.loopMs), 1),
      linkPagesPerSec: round(perSec(r.firstLink.result.pages, r.firstLink.ms), 1),
      more: r.more && r.moreLink ? { pages: r.more.pages, loopMs: round(r.more.loopMs, 1), linkMs: round(r.moreLink.ms, 1), pagesPerSec: round(endToEnd(r.more, r.moreLink), 1) } : null,
      memory: { loop: r.first.memory, link: r.firstLink.memory },
      sizeMB: r.sizeMB,
      target: r.kind === 'pglite' ? { pagesPerSec: TARGET_PAGES_PER_S, pass: endToEnd(r.first, r.firstLink) >= TARGET_PAGES_PER_S } : undefined,
    }));
    console.log('');
  }

  // 2. search
  let searchLatency: Record<string, Latency> = {};
  if (opts.articles > 0) {
    out('search', `building the articles table directly (${int(opts.articles)} articles in batches of ${int(FILL_BATCH)}, jsonb_to_recordset, indexes in place)`);
    const pool = await loadPool([join(root, 'examples', 'pages'), join(root, 'examples', 'stories')], root);
    const factory = new ArticleFactory(pool, opts.seed);
    const backends = [pgliteBackend('search'), ...(pgSkip ? [] : [postgresBackend(opts.pg, 'search')])];
    const targets: SearchTarget[] = [];
    try {
      for (const b of backends) targets.push({ backend: b, store: await b.open(), insertMs: 0, vacuumMs: 0, sizeMB: 0, ms: [], hits: [], capped: [], errors: [], memory: null });
      const filled = await fill(factory, targets, opts.articles);
      for (const t of targets) {
        const t0 = performance.now();
        await t.store.db.exec('VACUUM ANALYZE articles');
        await t.store.db.exec('VACUUM ANALYZE article_entities');
        t.vacuumMs = performance.now() - t0;
        t.sizeMB = await storeSizeMB(t.store, ['articles', 'article_entities']);
      }
      const queries = makeQueries(pool, factory, opts.queries, createRng(hashSeed(opts.seed, 'queries')));
      const warmup = makeQueries(pool, factory, opts.warmup, createRng(hashSeed(opts.seed, 'warm-up')));
      for (const t of targets) await runQueries(t, warmup.slice(0, opts.warmup), queries);
      searchLatency = printSearch(pool, filled, targets, queries, Math.min(opts.warmup, warmup.length));
      if (pgSkip) out('', `PostgreSQL: skipped — ${pgSkip}`);
      json['search'] = {
        articles: filled.articles,
        links: filled.links,
        generateMs: round(filled.generateMs, 1),
        termsChecked: filled.checked,
        termsDiffer: filled.checkFailures.length,
        meanWords: round(filled.avgTerms, 1),
        meanChars: round(filled.avgChars, 1),
        queries: queries.length,
        backends: targets.map((t) => ({
          backend: t.backend.kind,
          fillMs: round(t.insertMs, 1),
          vacuumAnalyzeMs: round(t.vacuumMs, 1),
          sizeMB: t.sizeMB,
          latencyMs: latency(t.ms),
          byKind: Object.fromEntries(QUERY_KINDS.map((k) => [k, latency(queries.flatMap((q, i) => (q.kind === k ? [t.ms[i]!] : [])))])),
          errors: t.errors.length,
          memory: t.memory,
          target: { p95Ms: TARGET_P95_MS, pass: latency(t.ms).p95 <= TARGET_P95_MS },
        })),
      };
    } finally {
      for (const t of targets) await t.store.close().catch(() => undefined);
      for (const b of backends) await b.cleanup().catch((err: unknown) => console.error(`bench: cleaning up ${b.label}: ${String(err)}`));
    }
    console.log('');
  }

  // 3. targets
  const lite = ingest.find((r) => r.kind === 'pglite');
  if (lite) {
    const v = endToEnd(lite.first, lite.firstLink);
    out('targets', `ingest into PGlite, end-to-end: ${int(v)} pages/s (target ≥ ${TARGET_PAGES_PER_S}) ${check(v >= TARGET_PAGES_PER_S)}`);
  }
  for (const [kind, l] of Object.entries(searchLatency)) {
    out(lite ? '' : 'targets', `search p95 over ${int(opts.articles)} articles, ${kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}: ${fixed(l.p95)} ms (target ≤ ${TARGET_P95_MS}) ${check(l.p95 <= TARGET_P95_MS)}`);
  }
  out('', `(targets are reported, never gated); whole run ${secs(performance.now() - started)}, peak RSS ${fixed(maxRssMB())} MB`);
  json['wallMs'] = round(performance.now() - started, 0);
  json['peakRssMB'] = maxRssMB();
  console.log(`BENCH_JSON ${JSON.stringify(json)}`);
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
  process.exitCode = 1;
});
