/**
 * Bench: the store. Ingest throughput into PGlite and into a PostgreSQL server, then search latency over 100,000
 * articles.
 *
 *   npm run bench                                   # all of it (after the analyze and stories benches)
 *   node dist/bench/store.bench.js --pages 2000 --articles 100000
 *
 * Options (or env): --pages N (RASD_BENCH_STORE_PAGES, default 2000), --more N (pages of a second, incremental
 * run, default 200), --articles N (RASD_BENCH_ARTICLES, default 100000), --queries N (default 300), --pg URL
 * (RASD_TEST_PG_URL, default postgres://postgres@127.0.0.1:5432/test; "none" skips the server).
 *
 * 1. Ingest: the generated corpus (bench/corpus.ts, from examples/pages) read, analysed and stored page by page,
 *    then linked — as `rasd ingest` does. Reported: analyse + store, link, and end to end, in pages/s; then a
 *    second run of new pages into the filled store (incremental linking).
 * 2. Search: the articles table filled directly with N articles (the corpus's articles, each copy varied with
 *    words of its own, search vectors computed exactly as the store computes them), then a mix of queries — common
 *    and rare words, two words, phrases, a name, with and without filters — through the `search` the CLI and the
 *    API use. Reported: p50, p95, p99 and max in ms.
 * Targets (issue 5): ≥ 200 pages/s embedded; search p95 ≤ 50 ms. Reported, never enforced.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { readInputs, isSkipped } from '../src/input/index.js';
import { analyzePage } from '../src/pipeline.js';
import { termString } from '../src/search/index.js';
import { Store, contentHash } from '../src/store/store.js';
import { search, type Filters } from '../src/store/queries.js';
import { openDb, type Db } from '../src/store/db.js';
import type { AnalyzedPage } from '../src/types.js';
import { ensureCorpus } from './corpus.js';
import { createRng } from './random.js';

const INGEST_TARGET = 200;
const SEARCH_P95_TARGET = 50;

function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

function option(argv: string[], name: string, env: string, dflt: string): string {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1]! : (process.env[env] ?? dflt);
}

const argv = process.argv.slice(2);
const PAGES = Number(option(argv, 'pages', 'RASD_BENCH_STORE_PAGES', '2000'));
const MORE = Number(option(argv, 'more', 'RASD_BENCH_MORE', '200'));
const ARTICLES = Number(option(argv, 'articles', 'RASD_BENCH_ARTICLES', '100000'));
const QUERIES = Number(option(argv, 'queries', 'RASD_BENCH_QUERIES', '300'));
const PG = option(argv, 'pg', 'RASD_TEST_PG_URL', 'postgres://postgres@127.0.0.1:5432/test');

const root = repoRoot();
const fmt = (n: number, d = 0): string => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const mark = (ok: boolean): string => (ok ? '✓' : '✗');
let peakRss = 0;
const sample = (): void => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};

interface Backend {
  name: string;
  spec: string;
  schema?: string;
  cleanup(): Promise<void>;
}

async function pgReachable(): Promise<string | null> {
  if (PG === 'none') return 'skipped (--pg none)';
  try {
    const db = await openDb(PG);
    await db.query('SELECT 1');
    await db.close();
    return null;
  } catch (err) {
    return `skipped: no PostgreSQL server at ${PG} (${(err as Error).message})`;
  }
}

async function backends(): Promise<{ list: Backend[]; pgSkip: string | null }> {
  const dir = mkdtempSync(join(tmpdir(), 'rasd-bench-store-'));
  const list: Backend[] = [{ name: 'PGlite', spec: join(dir, 'db'), cleanup: async () => rmSync(dir, { recursive: true, force: true }) }];
  const pgSkip = await pgReachable();
  if (pgSkip === null) {
    const schema = `rasd_bench_${process.pid}`;
    list.push({
      name: 'PostgreSQL',
      spec: PG,
      schema,
      cleanup: async () => {
        const db = await openDb(PG);
        await db.exec(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await db.close();
      },
    });
  }
  return { list, pgSkip };
}

async function open(b: Backend, suffix = ''): Promise<Store> {
  return Store.open(b.spec + (b.schema ? '' : suffix), { command: 'bench' }, b.schema ? { schema: b.schema + suffix } : {});
}

/** Pages of a corpus, analysed lazily as they are read (as `rasd ingest` does). */
async function* pagesOf(dir: string): AsyncGenerator<{ page: AnalyzedPage; hash: string }> {
  for await (const item of readInputs([dir])) {
    if (isSkipped(item)) continue;
    yield { page: analyzePage(item), hash: contentHash(item.bytes) };
  }
}

async function ingestRun(store: Store, dir: string): Promise<{ pages: number; storeMs: number; linkMs: number; written: string }> {
  const t0 = performance.now();
  let pages = 0;
  for await (const p of pagesOf(dir)) {
    await store.addPage(p.page, p.hash);
    pages++;
    if (pages % 200 === 0) sample();
  }
  const t1 = performance.now();
  const l = await store.link();
  const t2 = performance.now();
  sample();
  return { pages, storeMs: t1 - t0, linkMs: t2 - t1, written: `${l.mode}: wrote ${l.written.articles} articles, ${l.written.stories} stories of ${l.stories}` };
}

// ---- search fill -------------------------------------------------------------------------------------------
interface Seed {
  title: string;
  text: string;
  titleTerms: string;
  textTerms: string;
  outlet: string | null;
  published: string | null;
  words: string[];
}

async function seedArticles(dir: string, max: number): Promise<Seed[]> {
  const out: Seed[] = [];
  for await (const { page } of pagesOf(dir)) {
    for (const a of page.articles) {
      if (a.role === 'teaser') continue;
      const text = a.paragraphs.join('\n\n');
      const textTerms = termString(text);
      out.push({ title: a.title, text, titleTerms: termString(a.title), textTerms, outlet: a.outlet, published: a.published, words: text.split(/\s+/).filter((w) => /^[\u0621-\u064a]{4,}$/.test(w)) });
      if (out.length >= max) return out;
    }
  }
  return out;
}

async function fill(db: Db, seeds: Seed[], n: number): Promise<number> {
  const rng = createRng(7);
  const vocab = [...new Set(seeds.flatMap((s) => s.words))];
  const outlets = ['صحيفة الضفاف', 'بوابة المشرق', 'الخليج اليوم', 'النهار المصرية', 'المغرب الرقمي', 'وكالة الأنباء'];
  const t0 = performance.now();
  const BATCH = 1000;
  for (let i = 0; i < n; i += BATCH) {
    const rows: unknown[] = [];
    for (let k = i; k < Math.min(n, i + BATCH); k++) {
      const s = seeds[k % seeds.length]!;
      // words of its own, so that the copies of one text are not one document
      const extra = Array.from({ length: 12 }, () => vocab[Math.floor(rng.next() * vocab.length)] ?? '').join(' ');
      const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(rng.next() * 700) * 86_400_000).toISOString().slice(0, 10);
      rows.push({
        id: `b${k}`,
        seq: k + 1,
        title: s.title,
        text: `${s.text}\n\n${extra}`,
        outlet: outlets[k % outlets.length],
        published: day,
        titleTerms: s.titleTerms,
        textTerms: `${s.textTerms} ${termString(extra)}`,
      });
    }
    await db.query(
      `INSERT INTO articles (id, page_id, seq, ord, role, title, text, captions, published, outlet, credits, mentions, quotes, dates, search)
       SELECT x.id, 'pbench', x.seq, 1, 'main', x.title, x.text, '[]', x.published, x.outlet, '[]', '[]', '[]', '[]',
              setweight(to_tsvector('simple', x."titleTerms"), 'A') || to_tsvector('simple', x."textTerms")
       FROM jsonb_to_recordset($1::jsonb) AS x(id text, seq bigint, title text, text text, published text, outlet text, "titleTerms" text, "textTerms" text)`,
      [JSON.stringify(rows)],
    );
    if ((i / BATCH) % 10 === 9) process.stderr.write(`  filled ${fmt(i + BATCH)} articles…\n`);
    sample();
  }
  await db.exec('ANALYZE articles');
  return performance.now() - t0;
}

function queries(seeds: Seed[], n: number): { q: string; f: Filters; kind: string }[] {
  const rng = createRng(11);
  const freq = new Map<string, number>();
  for (const s of seeds) for (const w of new Set(s.words)) freq.set(w, (freq.get(w) ?? 0) + 1);
  const byFreq = [...freq].sort((a, b) => b[1] - a[1]).map(([w]) => w);
  const common = byFreq.slice(0, 50);
  const rare = byFreq.slice(-300);
  const pick = <T>(xs: T[]): T => xs[Math.floor(rng.next() * xs.length)]!;
  const out: { q: string; f: Filters; kind: string }[] = [];
  for (let i = 0; out.length < n; i++) {
    const s = pick(seeds);
    const k = Math.floor(rng.next() * Math.max(1, s.words.length - 2));
    switch (i % 6) {
      case 0:
        out.push({ q: pick(common), f: {}, kind: 'common word' });
        break;
      case 1:
        out.push({ q: pick(rare), f: {}, kind: 'rare word' });
        break;
      case 2:
        out.push({ q: `${pick(common)} ${pick(byFreq.slice(50, 500))}`, f: {}, kind: 'two words' });
        break;
      case 3:
        out.push({ q: `"${s.words.slice(k, k + 2).join(' ')}"`, f: {}, kind: 'phrase' });
        break;
      case 4:
        out.push({ q: pick(common), f: { from: '2024-06-01', to: '2024-09-30' }, kind: 'common + dates' });
        break;
      default:
        out.push({ q: `${pick(byFreq.slice(0, 500))}`, f: { outlet: 'الخليج اليوم' }, kind: 'word + outlet' });
    }
  }
  return out;
}

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
}

async function main(): Promise<void> {
  console.log(`store bench: ${fmt(PAGES)} pages (+${fmt(MORE)} incremental), search over ${fmt(ARTICLES)} articles, ${fmt(QUERIES)} queries`);
  const c1 = await ensureCorpus({ fixturesDir: join(root, 'examples', 'pages'), outDir: join(root, 'bench', 'out', 'store-a'), pages: PAGES, seed: 'store-a' });
  const c2 = await ensureCorpus({ fixturesDir: join(root, 'examples', 'pages'), outDir: join(root, 'bench', 'out', 'store-b'), pages: MORE, seed: 'store-b' });
  const { list, pgSkip } = await backends();
  const results: Record<string, unknown> = {};
  try {
    console.log('\ningest (read → analyse → store, then link), end to end:');
    for (const b of list) {
      const store = await open(b);
      const r1 = await ingestRun(store, c1.dir);
      const r2 = await ingestRun(store, c2.dir);
      await store.close();
      const e2e = r1.pages / ((r1.storeMs + r1.linkMs) / 1000);
      const inc = r2.pages / ((r2.storeMs + r2.linkMs) / 1000);
      console.log(
        `  ${b.name.padEnd(10)} ${fmt(r1.pages)} pages: ${fmt(e2e, 1)} pages/s end to end ${b.name === 'PGlite' ? `${mark(e2e >= INGEST_TARGET)} (target ≥ ${INGEST_TARGET})` : ''}` +
          ` — analyse+store ${fmt(r1.pages / (r1.storeMs / 1000), 1)} pages/s, link ${fmt(r1.linkMs / 1000, 1)} s (${r1.written})`,
      );
      console.log(`  ${''.padEnd(10)} +${fmt(r2.pages)} new pages into that store: ${fmt(inc, 1)} pages/s, link ${fmt(r2.linkMs / 1000, 2)} s (${r2.written})`);
      results[`ingest_${b.name}`] = { pages: r1.pages, pagesPerSec: e2e, storeMs: r1.storeMs, linkMs: r1.linkMs, incremental: { pages: r2.pages, pagesPerSec: inc, linkMs: r2.linkMs } };
    }
    if (pgSkip) console.log(`  PostgreSQL ${pgSkip}`);

    console.log(`\nsearch over ${fmt(ARTICLES)} articles (p50 / p95 / p99 / max, ms):`);
    const seeds = await seedArticles(c1.dir, 5000);
    const qs = queries(seeds, QUERIES);
    for (const b of list) {
      const store = await open(b, '_search');
      const fillMs = await fill(store.db, seeds, ARTICLES);
      for (const x of qs.slice(0, 20)) await search(store.db, x.q, x.f, 20, 0); // warm up
      const times: number[] = [];
      const byKind = new Map<string, { times: number[]; hits: number }>();
      let hits = 0;
      for (const x of qs) {
        const t = performance.now();
        const r = await search(store.db, x.q, x.f, 20, 0);
        const ms = performance.now() - t;
        times.push(ms);
        hits += r.total;
        const k = byKind.get(x.kind) ?? { times: [], hits: 0 };
        k.times.push(ms);
        k.hits += r.total;
        byKind.set(x.kind, k);
      }
      await store.close();
      const p95 = pct(times, 95);
      console.log(
        `  ${b.name.padEnd(10)} ${fmt(pct(times, 50), 1)} / ${fmt(p95, 1)} / ${fmt(pct(times, 99), 1)} / ${fmt(Math.max(...times), 1)}  ` +
          `${mark(p95 <= SEARCH_P95_TARGET)} (target p95 ≤ ${SEARCH_P95_TARGET} ms); ${fmt(hits / qs.length)} hits per query on average; filled in ${fmt(fillMs / 1000, 1)} s`,
      );
      for (const [kind, k] of byKind) {
        console.log(`  ${''.padEnd(10)} ${kind.padEnd(15)} p50 ${fmt(pct(k.times, 50), 1)}  p95 ${fmt(pct(k.times, 95), 1)}  (${fmt(k.hits / k.times.length)} hits on average)`);
      }
      results[`search_${b.name}`] = { p50: pct(times, 50), p95, p99: pct(times, 99), max: Math.max(...times), fillMs };
    }
  } finally {
    for (const b of list) {
      await b.cleanup();
      if (b.schema) {
        const db = await openDb(PG);
        await db.exec(`DROP SCHEMA IF EXISTS ${b.schema}_search CASCADE`);
        await db.close();
      }
    }
  }
  console.log(`\npeak RSS ${fmt(peakRss / 1024 / 1024)} MB`);
  console.log(`BENCH_JSON ${JSON.stringify({ bench: 'store', ...results, peakRssMb: peakRss / 1024 / 1024 })}`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
