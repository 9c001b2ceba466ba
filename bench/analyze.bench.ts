/**
 * Bench: the analyze stage (`analyzePage`) over a generated corpus of ≥ 10,000 varied pages, streamed from disk
 * through the real input path (`readInputs`) one page at a time.
 *
 *   npm run bench                              # build, then 10,000 pages, seed 42
 *   node --expose-gc dist/bench/analyze.bench.js --pages 20000 --seed 7
 *
 * Options (or env): --pages N (RASD_BENCH_PAGES, default 10000), --seed S (RASD_BENCH_SEED, default 42),
 * --fixtures DIR (RASD_BENCH_FIXTURES, default examples/pages), --split N (pages for the per-stage split, default
 * 2000, 0 = off), --regen (regenerate the corpus even if it is up to date).
 *
 * Passes over the corpus: reading alone (walk + readFile: the input path's cost, and a warm page cache), then the
 * timed loop readInputs → analyzePage (counts articles by role, keeps nothing), then the stages one by one over the
 * first --split pages (where the time goes). The headline pages/s and MB/s are the timed loop's wall time, GC
 * included and memory sampling left out; analyzePage's own time is shown beside it. Corpus generation is reported
 * apart. Throughput is per core: the bench is single-threaded.
 *
 * Prints a table, then the same numbers as one line `BENCH_JSON {…}`.
 */
import { availableParallelism, loadavg } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { PerformanceObserver } from 'node:perf_hooks';
import { decode, readInputs } from '../src/input/index.js';
import { analyzePage } from '../src/pipeline.js';
import { repoRoot } from '../src/eval/run.js';
import { htmlToBlocks } from '../src/html/index.js';
import { textToBlocks } from '../src/blocks/index.js';
import { segment } from '../src/segment/index.js';
import { linkDuplicates } from '../src/dedupe/index.js';
import { whoSaidWhat } from '../src/who/index.js';
import type { RawPage } from '../src/types.js';
import { ensureCorpus, type Corpus } from './corpus.js';

/** Issue targets: the whole analysis (every stage) ≥ 3 MB/s per core; page understanding (stages 1–4) ≥ 5 MB/s. */
const TARGET_MB_PER_S = 3;
const PAGE_TARGET_MB_PER_S = 5;
const PAGE_STAGES = ['decode', 'blocks (html)', 'blocks (text)', 'segment', 'dedupe'];
const MB = 1024 * 1024;
const SAMPLE_EVERY = 500;

interface Options {
  pages: number;
  seed: string;
  fixtures: string;
  split: number;
  regen: boolean;
}


function parseOptions(argv: string[], root: string): Options {
  const env = process.env;
  const opts: Options = {
    pages: Number(env.RASD_BENCH_PAGES ?? 10_000),
    seed: env.RASD_BENCH_SEED ?? '42',
    fixtures: resolve(env.RASD_BENCH_FIXTURES ?? join(root, 'examples', 'pages')),
    split: 2000,
    regen: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i]!.split(/=(.*)/s, 2) as [string, string | undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value`);
      return v;
    };
    if (flag === '--pages') opts.pages = Number(value());
    else if (flag === '--seed') opts.seed = value();
    else if (flag === '--fixtures') opts.fixtures = resolve(value());
    else if (flag === '--split') opts.split = Number(value());
    else if (flag === '--regen') opts.regen = true;
    else if (flag === '--help' || flag === '-h') {
      console.log('usage: node --expose-gc dist/bench/analyze.bench.js [--pages N] [--seed S] [--fixtures DIR] [--split N] [--regen]');
      process.exit(0);
    } else throw new Error(`unknown option ${flag} (options: --pages N, --seed S, --fixtures DIR, --split N, --regen)`);
  }
  if (!Number.isInteger(opts.pages) || opts.pages < 1) throw new Error('--pages must be a positive integer');
  if (!Number.isInteger(opts.split) || opts.split < 0) throw new Error('--split must be a non-negative integer');
  return opts;
}

// ------------------------------------------------------------------------------------------------------- memory

interface MemorySample {
  pages: number;
  rssMB: number;
  heapUsedMB: number;
  /** A checkpoint (every 2,500 pages, or a quarter of a smaller run, and the end): after a full GC if exposed. */
  checkpoint: boolean;
  afterGc: boolean;
}

function sampleMemory(pages: number, checkpoint: boolean): MemorySample {
  if (checkpoint) globalThis.gc?.();
  const m = process.memoryUsage();
  const afterGc = checkpoint && globalThis.gc !== undefined;
  return { pages, rssMB: round(m.rss / MB, 1), heapUsedMB: round(m.heapUsed / MB, 1), checkpoint, afterGc };
}

const peakRssMB = (): number => round((process.resourceUsage().maxRSS * 1024) / MB, 1);

// ------------------------------------------------------------------------------------------------------ helpers

function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

const int = (n: number): string => Math.round(n).toLocaleString('en-US');
const fixed = (n: number, d = 2): string => n.toFixed(d);
const mbps = (bytes: number, ms: number): number => (ms > 0 ? bytes / MB / (ms / 1000) : 0);
const bump = (rec: Record<string, number>, key: string, by = 1): void => {
  rec[key] = (rec[key] ?? 0) + by;
};
const list = (rec: Record<string, number>): string =>
  Object.entries(rec)
    .sort((a, b) => b[1] - a[1])
    .map(([k, v]) => `${k} ${int(v)}`)
    .join(', ') || '-';

function percentile(sorted: Float64Array, q: number): number {
  return sorted.length === 0 ? 0 : sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

// ------------------------------------------------------------------------------------------------ analyze loop

interface FormatTotals {
  pages: number;
  bytes: number;
  ms: number;
}

interface RunResult {
  pages: number;
  bytes: number;
  /** The loop: readInputs → analyzePage, GC included, memory sampling left out. */
  wallMs: number;
  /** Sum of the analyzePage calls alone. */
  analyzeMs: number;
  /** V8 garbage collection during the loop (not the forced GCs of the memory checkpoints). */
  gcMs: number;
  byFormat: Record<'text' | 'html', FormatTotals>;
  latency: { p50: number; p95: number; p99: number; max: number };
  slowest: { source: string; ms: number; bytes: number }[];
  articles: Record<string, number>;
  pagesWithoutArticle: number;
  languages: Record<string, number>;
  encodings: Record<string, number>;
  warnings: Record<string, number>;
  skipped: Record<string, number>;
  errors: { count: number; first: string[] };
  baseline: MemorySample;
  samples: MemorySample[];
  peakRssBeforeMB: number;
  peakRssMB: number;
}

/** Reading alone (walk + readFile), no analysis: what the input path costs, and a warm page cache for the run. */
async function readOnly(dir: string): Promise<{ pages: number; bytes: number; ms: number }> {
  const started = performance.now();
  let pages = 0;
  let bytes = 0;
  for await (const item of readInputs([dir])) {
    if ('warning' in item) continue;
    pages++;
    bytes += item.bytes.length;
  }
  return { pages, bytes, ms: performance.now() - started };
}

async function runAnalyze(dir: string, expected: number): Promise<RunResult> {
  const checkpointEvery = expected >= 10_000 ? 2500 : Math.max(SAMPLE_EVERY, Math.ceil(expected / 4 / SAMPLE_EVERY) * SAMPLE_EVERY);
  const durations = new Float64Array(expected);
  const r: RunResult = {
    pages: 0,
    bytes: 0,
    wallMs: 0,
    analyzeMs: 0,
    gcMs: 0,
    byFormat: { text: { pages: 0, bytes: 0, ms: 0 }, html: { pages: 0, bytes: 0, ms: 0 } },
    latency: { p50: 0, p95: 0, p99: 0, max: 0 },
    slowest: [],
    articles: { main: 0, related: 0, teaser: 0 },
    pagesWithoutArticle: 0,
    languages: {},
    encodings: {},
    warnings: {},
    skipped: {},
    errors: { count: 0, first: [] },
    baseline: sampleMemory(0, true),
    samples: [],
    peakRssBeforeMB: peakRssMB(),
    peakRssMB: 0,
  };
  const gcs: [number, number][] = [];
  const observer = new PerformanceObserver((entries) => {
    for (const e of entries.getEntries()) gcs.push([e.startTime, e.startTime + e.duration]);
  });
  observer.observe({ entryTypes: ['gc'] });
  const paused: [number, number][] = []; // memory sampling (with its forced GC), left out of the wall time
  const started = performance.now();
  for await (const item of readInputs([dir])) {
    if ('warning' in item) {
      bump(r.skipped, item.warning.rule);
      continue;
    }
    const page: RawPage = item;
    const source = page.source.startsWith(dir) ? page.source.slice(dir.length + 1) : page.source;
    const t0 = performance.now();
    try {
      const analyzed = analyzePage(page);
      record(r, page, source, performance.now() - t0, durations);
      bump(r.languages, analyzed.language);
      bump(r.encodings, analyzed.encoding ?? 'null');
      if (analyzed.articles.length === 0) r.pagesWithoutArticle++;
      for (const a of analyzed.articles) bump(r.articles, a.role);
      for (const w of analyzed.warnings) bump(r.warnings, w.rule);
    } catch (err) {
      record(r, page, source, performance.now() - t0, durations);
      r.errors.count++;
      if (r.errors.first.length < 5) r.errors.first.push(`${source}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    }
    if (r.pages % SAMPLE_EVERY === 0) {
      const p0 = performance.now();
      r.samples.push(sampleMemory(r.pages, r.pages % checkpointEvery === 0));
      paused.push([p0, performance.now()]);
    }
  }
  const ended = performance.now();
  r.wallMs = ended - started - paused.reduce((sum, [a, b]) => sum + (b - a), 0);
  if (r.pages % SAMPLE_EVERY !== 0) r.samples.push(sampleMemory(r.pages, true));
  else if (r.samples.at(-1)?.checkpoint === false) r.samples[r.samples.length - 1] = sampleMemory(r.pages, true);
  await new Promise((resolve) => setTimeout(resolve, 50)); // let the observer deliver the last GC entries
  observer.disconnect();
  for (const [a, b] of gcs) {
    if (a < started || a > ended || paused.some(([p, q]) => a < q && b > p)) continue;
    r.gcMs += b - a;
  }
  r.peakRssMB = peakRssMB();
  const sorted = durations.slice(0, Math.min(r.pages, expected)).sort();
  r.latency = { p50: round(percentile(sorted, 0.5), 3), p95: round(percentile(sorted, 0.95), 3), p99: round(percentile(sorted, 0.99), 3), max: round(percentile(sorted, 1), 3) };
  return r;
}

function record(r: RunResult, page: RawPage, source: string, ms: number, durations: Float64Array): void {
  if (r.pages < durations.length) durations[r.pages] = ms;
  r.pages++;
  r.bytes += page.bytes.length;
  r.analyzeMs += ms;
  const f = r.byFormat[page.format];
  f.pages++;
  f.bytes += page.bytes.length;
  f.ms += ms;
  if (r.slowest.length < 5 || ms > r.slowest[r.slowest.length - 1]!.ms) {
    r.slowest.push({ source, ms: round(ms, 2), bytes: page.bytes.length });
    r.slowest.sort((a, b) => b.ms - a.ms);
    if (r.slowest.length > 5) r.slowest.pop();
  }
}

// --------------------------------------------------------------------------------------------- per-stage split

interface SplitResult {
  pages: number;
  bytes: number;
  ms: Record<string, number>;
  errors: number;
}

/**
 * The stages called one by one, in pipeline.ts's order, over the first `limit` pages: where the time goes.
 * A second pass (not the timed run above), so that the main numbers come from `analyzePage` itself.
 */
async function runSplit(dir: string, limit: number): Promise<SplitResult> {
  const s: SplitResult = { pages: 0, bytes: 0, ms: { decode: 0, 'blocks (html)': 0, 'blocks (text)': 0, segment: 0, dedupe: 0, 'who said what': 0 }, errors: 0 };
  if (limit === 0) return s;
  for await (const item of readInputs([dir])) {
    if ('warning' in item) continue;
    s.pages++;
    s.bytes += item.bytes.length;
    try {
      let t = performance.now();
      const lap = (stage: string): void => {
        const now = performance.now();
        bump(s.ms, stage, now - t);
        t = now;
      };
      const decoded = decode(item);
      lap('decode');
      if (decoded.language === 'ar') {
        const blocks = decoded.format === 'html' ? htmlToBlocks(decoded) : textToBlocks(decoded);
        lap(decoded.format === 'html' ? 'blocks (html)' : 'blocks (text)');
        const segmented = segment(blocks);
        lap('segment');
        const deduped = linkDuplicates(segmented.articles);
        lap('dedupe');
        whoSaidWhat(deduped);
        lap('who said what');
      }
    } catch {
      s.errors++;
    }
    if (s.pages >= limit) break;
  }
  return s;
}

// ------------------------------------------------------------------------------------------------------ report

/** Heap after GC at the first and last checkpoints; `flat` is null when GC was not exposed (numbers mean little). */
function flatness(samples: MemorySample[]): { firstMB: number; lastMB: number; growthMB: number; rssGrowthMB: number; flat: boolean | null } {
  const gcd = samples.filter((s) => s.checkpoint);
  const first = gcd[0];
  const last = gcd[gcd.length - 1];
  if (!first || !last) return { firstMB: 0, lastMB: 0, growthMB: 0, rssGrowthMB: 0, flat: null };
  const growthMB = round(last.heapUsedMB - first.heapUsedMB, 1);
  return {
    firstMB: first.heapUsedMB,
    lastMB: last.heapUsedMB,
    growthMB,
    rssGrowthMB: round(last.rssMB - first.rssMB, 1),
    flat: last.afterGc ? growthMB <= Math.max(2, first.heapUsedMB * 0.1) : null,
  };
}

interface ReadOnly {
  pages: number;
  bytes: number;
  ms: number;
}

function report(opts: Options, corpus: Corpus, read: ReadOnly, r: RunResult, split: SplitResult, root: string, load: number): void {
  const m = corpus.manifest;
  const loopMBs = mbps(r.bytes, r.wallMs);
  const analyzeMBs = mbps(r.bytes, r.analyzeMs);
  const verdict = (v: number, target = TARGET_MB_PER_S): string => `target ≥ ${target} MB/s per core: ${v >= target ? 'PASS' : 'FAIL'}`;
  const flat = flatness(r.samples);
  const out: string[] = [];
  const line = (label: string, text: string): void => {
    out.push(`${label.padEnd(10)}${text}`);
  };
  const secs = (ms: number): string => `${fixed(ms / 1000, 2)} s`;
  const share = (ms: number): string => `${fixed(r.wallMs > 0 ? (100 * ms) / r.wallMs : 0, 0)} %`;

  out.push('', `rasd bench — analyze (every stage), node ${process.version}, one thread (MB = 2^20 bytes of page text as read)`);
  out.push(`machine load average ${fixed(load, 2)} on ${availableParallelism()} cores when the run started (a busy machine slows GC and the numbers)`, '');
  line('corpus', `${int(m.pages)} pages, ${fixed(m.bytes / MB, 1)} MB, seed ${m.seed}, from ${m.fixtures.templates.length} fixture pages in ${relative(root, opts.fixtures) || '.'} (${list(m.fixtures.languages)})`);
  line('', `formats: ${list(m.byFormat)}; written as: ${list(m.byEncoding)}`);
  line('', `page size: min ${int(m.sizes.min)} B, median ${int(m.sizes.median)} B, p95 ${int(m.sizes.p95)} B, max ${int(m.sizes.max)} B`);
  line('', corpus.generated ? `generated now in ${fixed(m.generationMs / 1000, 1)} s (not timed below)` : `reused ${relative(root, corpus.dir)} (generated earlier in ${fixed(m.generationMs / 1000, 1)} s; --regen to redo)`);
  if (m.fixtures.unused.length > 0) line('', `fixtures not used: ${m.fixtures.unused.join('; ')}`);
  out.push('');
  line('analyze', `${int(r.pages)} pages, ${fixed(r.bytes / MB, 1)} MB — loop readInputs → analyzePage, GC included: ${secs(r.wallMs)}`);
  line('', `pages/s   ${int((r.pages / r.wallMs) * 1000)}`);
  line('', `MB/s      ${fixed(loopMBs)}   ${verdict(loopMBs)}`);
  line('', `of which  analyzePage ${secs(r.analyzeMs)} (${share(r.analyzeMs)}), GC between pages ${secs(r.gcMs)} (${share(r.gcMs)}), reading, V8 GC tasks and the rest ${secs(r.wallMs - r.analyzeMs - r.gcMs)}`);
  line('', `analyzePage alone: ${int((r.pages / r.analyzeMs) * 1000)} pages/s, ${fixed(analyzeMBs)} MB/s (${verdict(analyzeMBs)}; V8 runs most GC between calls, so this flatters)`);
  for (const fmt of ['text', 'html'] as const) {
    const f = r.byFormat[fmt];
    if (f.pages > 0) line('', `  ${fmt.padEnd(5)} ${int(f.pages)} pages, ${fixed(mbps(f.bytes, f.ms))} MB/s, ${int((f.pages / f.ms) * 1000)} pages/s (analyzePage alone)`);
  }
  line('', `reading alone (separate pass, walk + readFile): ${secs(read.ms)}, ${fixed(mbps(read.bytes, read.ms), 1)} MB/s`);
  line('', `per page  p50 ${r.latency.p50} ms, p95 ${r.latency.p95} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms (analyzePage)`);
  line('', `slowest   ${r.slowest.map((s) => `${s.source} ${s.ms} ms (${int(s.bytes / 1024)} KB)`).join(', ')}`);
  out.push('');
  line('memory', `MB${globalThis.gc ? '' : ' — run with --expose-gc: the checkpoints are not after a full GC'}`);
  line('', `${'pages'.padStart(8)} ${'rss'.padStart(8)} ${'heapUsed'.padStart(9)}`);
  const gcLabel = (s: MemorySample): string => (s.afterGc ? 'after GC' : 'no GC (not exposed)');
  const row = (s: MemorySample, label: string): void => line('', `${int(s.pages).padStart(8)} ${fixed(s.rssMB, 1).padStart(8)} ${fixed(s.heapUsedMB, 1).padStart(9)}   ${label}`);
  row(r.baseline, `before the first page, ${gcLabel(r.baseline)}`);
  for (const s of r.samples) if (s.checkpoint) row(s, gcLabel(s));
  const between = r.samples.filter((s) => !s.checkpoint);
  if (between.length > 0) {
    const heap = between.map((s) => s.heapUsedMB);
    const rss = between.map((s) => s.rssMB);
    line('', `every ${SAMPLE_EVERY} pages (no GC): heapUsed ${fixed(Math.min(...heap), 1)}–${fixed(Math.max(...heap), 1)}, rss ${fixed(Math.min(...rss), 1)}–${fixed(Math.max(...rss), 1)}`);
  }
  line('', `heapUsed first → last checkpoint: ${fixed(flat.firstMB, 1)} → ${fixed(flat.lastMB, 1)} (${flat.growthMB >= 0 ? '+' : ''}${fixed(flat.growthMB, 1)}; rss ${flat.rssGrowthMB >= 0 ? '+' : ''}${fixed(flat.rssGrowthMB, 1)}): ${flat.flat === null ? 'unknown without --expose-gc' : flat.flat ? 'flat' : 'GROWING'}`);
  line('', `peak RSS  ${fixed(r.peakRssMB, 1)} MB (process maxRSS; ${fixed(r.peakRssBeforeMB, 1)} MB before the analyze loop)`);
  out.push('');
  line('output', `articles: main ${int(r.articles.main ?? 0)}, related ${int(r.articles.related ?? 0)}, teaser ${int(r.articles.teaser ?? 0)}; pages with no article ${int(r.pagesWithoutArticle)}`);
  line('', `languages: ${list(r.languages)}; encodings detected: ${list(r.encodings)}`);
  line('', `warnings: ${list(r.warnings)}`);
  if (Object.keys(r.skipped).length > 0) line('', `skipped inputs: ${list(r.skipped)}`);
  if (r.errors.count > 0) {
    line('ERRORS', `${int(r.errors.count)} pages threw (stages must record diagnostics, not throw); first:`);
    for (const e of r.errors.first) out.push(e.split('\n').slice(0, 4).map((l) => `          ${l}`).join('\n'));
  }
  if (split.pages > 0) {
    out.push('');
    const total = Object.values(split.ms).reduce((a, b) => a + b, 0);
    line('split', `first ${int(split.pages)} pages, stages called one by one in pipeline.ts's order (second pass)${split.errors ? `, ${split.errors} threw` : ''}`);
    for (const [stage, ms] of Object.entries(split.ms)) {
      line('', `${stage.padEnd(14)} ${fixed(ms, 0).padStart(7)} ms  ${fixed(total > 0 ? (100 * ms) / total : 0, 1).padStart(5)} %`);
    }
    const pageMs = PAGE_STAGES.reduce((a, k) => a + (split.ms[k] ?? 0), 0);
    const pageMBs = mbps(split.bytes, pageMs);
    line('', `page understanding (decode → dedupe): ${fixed(pageMBs)} MB/s   ${verdict(pageMBs, PAGE_TARGET_MB_PER_S)}`);
  }
  out.push('');
  console.log(out.join('\n'));

  const json = {
    bench: 'analyze',
    node: process.version,
    loadAverage: round(load, 2),
    cores: availableParallelism(),
    seed: m.seed,
    pages: r.pages,
    bytes: r.bytes,
    corpus: { generated: corpus.generated, generationMs: m.generationMs, byFormat: m.byFormat, byEncoding: m.byEncoding, sizes: m.sizes, mutations: m.mutations },
    wallMs: round(r.wallMs, 1),
    pagesPerSec: round((r.pages / r.wallMs) * 1000, 1),
    mbPerSec: round(loopMBs, 3),
    target: { mbPerSec: TARGET_MB_PER_S, pass: loopMBs >= TARGET_MB_PER_S },
    analyzePage: { ms: round(r.analyzeMs, 1), pagesPerSec: round((r.pages / r.analyzeMs) * 1000, 1), mbPerSec: round(analyzeMBs, 3), pass: analyzeMBs >= TARGET_MB_PER_S },
    gcMs: round(r.gcMs, 1),
    readOnly: { ms: round(read.ms, 1), mbPerSec: round(mbps(read.bytes, read.ms), 3) },
    byFormat: Object.fromEntries(
      Object.entries(r.byFormat).map(([k, f]) => [k, { pages: f.pages, bytes: f.bytes, ms: round(f.ms, 1), mbPerSec: round(mbps(f.bytes, f.ms), 3) }]),
    ),
    latencyMs: r.latency,
    slowest: r.slowest,
    memory: { baseline: r.baseline, samples: r.samples, heapGrowthMB: flat.growthMB, flat: flat.flat, peakRssMB: r.peakRssMB, peakRssBeforeAnalyzeMB: r.peakRssBeforeMB, gcExposed: globalThis.gc !== undefined },
    articles: r.articles,
    pagesWithoutArticle: r.pagesWithoutArticle,
    languages: r.languages,
    encodings: r.encodings,
    warnings: r.warnings,
    skipped: r.skipped,
    errors: r.errors.count,
    pageUnderstanding: {
      mbPerSec: round(mbps(split.bytes, PAGE_STAGES.reduce((a, k) => a + (split.ms[k] ?? 0), 0)), 3),
      target: PAGE_TARGET_MB_PER_S,
    },
    split: { pages: split.pages, ms: Object.fromEntries(Object.entries(split.ms).map(([k, v]) => [k, round(v, 1)])) },
  };
  console.log(`BENCH_JSON ${JSON.stringify(json)}`);
}

async function main(): Promise<void> {
  const root = repoRoot();
  const opts = parseOptions(process.argv.slice(2), root);
  const corpus = await ensureCorpus({ fixturesDir: opts.fixtures, outDir: join(root, 'bench', 'out'), pages: opts.pages, seed: opts.seed, force: opts.regen });
  const load = loadavg()[0] ?? 0;
  const read = await readOnly(corpus.dir);
  const run = await runAnalyze(corpus.dir, corpus.manifest.pages);
  const split = await runSplit(corpus.dir, Math.min(opts.split, run.pages));
  report(opts, corpus, read, run, split, root, load);
  if (run.pages === 0 || run.errors.count > 0) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(`bench: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
});
