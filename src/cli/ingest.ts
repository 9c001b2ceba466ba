/**
 * `rasd ingest` and `rasd watch`: sources (files, folders, page and feed URLs, a file of URLs; src/sources) into
 * the store.
 *
 * Where the pages go (a Sink): the store itself, or — while `rasd serve` holds the embedded store — the server,
 * through POST /api/pages with the bytes as read. Each page is stored before its fetch is recorded, so a run killed
 * in between fetches it again rather than losing it; linking runs once at the end of a pass.
 *
 * `watch` runs a pass every `--every` (default 10 minutes), taking only what is new or changed (conditional
 * requests, content hashes, feed items already stored), and logs one line per pass (stderr, and `--log FILE`). It
 * opens the store only for a pass, so `rasd serve` can start between passes; the next pass then goes through it.
 * Ctrl-C (or SIGTERM) stops it after the page in hand; kill -9 loses nothing: the next run completes the link.
 */
import { appendFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { Fetcher } from '../fetch/index.js';
import { diagnostic } from '../diagnostics.js';
import { analyzePage as defaultAnalyzePage } from '../pipeline.js';
import { AnalyzePool, defaultWorkers } from '../workers/pool.js';
import { collect, isUrl, parseUrlList, type SourceMemory, type SourceRecord } from '../sources/index.js';
import { StoreLockedError } from '../store/lock.js';
import { Store, type LinkResult, type PageResult } from '../store/store.js';
import type { AnalyzedPage, Diagnostic, RawPage } from '../types.js';
import type { CliIO } from './io.js';
import { formatWarning } from './summary.js';
import { clean, count, int } from './terminal.js';
import { packageVersion } from './version.js';

export interface SourceOptions {
  /** Files, folders and URLs, as given. */
  specs: string[];
  /** --urls FILE */
  urlsFile?: string | undefined;
  quiet: boolean;
}

export interface Tally {
  added: number;
  replaced: number;
  unchanged: number;
  failed: number;
  skipped: number;
  articles: number;
  feeds: number;
}

const newTally = (): Tally => ({ added: 0, replaced: 0, unchanged: 0, failed: 0, skipped: 0, articles: 0, feeds: 0 });

/** Where a pass puts its pages. */
interface Sink {
  readonly memory: SourceMemory;
  readonly where: string;
  /** Stores a page; returns the results of the pages done by now (the server takes them in batches). */
  put(raw: RawPage, hash: string, record: SourceRecord | null): Promise<PageResult[]>;
  /**
   * Links (store) or sends what is left (server). `interrupted` (Ctrl-C): pages read ahead and not stored yet are
   * dropped (nothing of them is recorded, so the next run takes them again); what was stored is linked.
   */
  finish(interrupted?: boolean): Promise<{ results: PageResult[]; link: LinkResult | null }>;
  close(): Promise<void>;
}

function failedPage(raw: RawPage, err: unknown): AnalyzedPage {
  const warning = diagnostic('cli/analyze-failed', err instanceof Error ? err.message : String(err));
  return { source: raw.source, format: raw.format, encoding: null, language: 'und', size: raw.bytes.length, articles: [], warnings: [warning] };
}

/**
 * Pages read ahead of the store (analysed or being analysed), and their bytes: what bounds the memory. The window is
 * wide enough that the workers go on analysing while this thread links a chunk.
 */
const WINDOW_PAGES = 512;
const WINDOW_BYTES = 48 * 1024 * 1024;
/** Pages stored before they are linked, while more are being analysed (a run that replaced a page links at the end). */
const LINK_CHUNK = 500;
/** Pages stored per transaction. */
const STORE_BATCH = 32;

interface Queued {
  raw: RawPage;
  hash: string;
  record: SourceRecord | null;
  page: Promise<AnalyzedPage>;
}

/**
 * Into the store itself. Pages are analysed on worker threads (src/workers/pool.ts; in this thread when a test
 * supplies its own `analyzePage`, or RASD_WORKERS=0) a window ahead, and stored in the order they were read, a batch
 * per transaction, while the workers go on with the next ones.
 */
class StoreSink implements Sink {
  readonly memory: SourceMemory;
  readonly where: string;
  private pool: AnalyzePool | null = null;
  private queue: Queued[] = [];
  private queuedBytes = 0;
  private unlinked = 0;
  private replaced = false;
  /** The links run so far in this pass, merged into one result. */
  private linked: LinkResult | null = null;
  /** When the pages were all stored, before linking (performance.now()). */
  storedAt = 0;
  constructor(
    private readonly store: Store,
    private readonly io: CliIO,
    private readonly ownsStore = true,
    private readonly linkChunk = LINK_CHUNK,
    private readonly window = WINDOW_PAGES,
  ) {
    this.where = store.db.location;
    this.memory = {
      get: (urls) => store.sources(urls),
      save: (r, changed) => store.saveSource(r, changed),
      pageHash: (source) => store.pageHash(source),
    };
  }
  private analyze(raw: RawPage): Promise<AnalyzedPage> {
    const workers = defaultWorkers();
    if (this.io.analyzePage !== undefined || workers === 0) {
      try {
        return Promise.resolve((this.io.analyzePage ?? defaultAnalyzePage)(raw));
      } catch (err) {
        return Promise.resolve(failedPage(raw, err));
      }
    }
    this.pool ??= new AnalyzePool(workers);
    return this.pool.analyze(raw).catch((err: unknown) => failedPage(raw, err));
  }
  async put(raw: RawPage, hash: string, record: SourceRecord | null): Promise<PageResult[]> {
    this.queue.push({ raw, hash, record, page: this.analyze(raw) });
    this.queuedBytes += raw.bytes.length;
    if (this.queue.length < this.window && this.queuedBytes < WINDOW_BYTES) return [];
    const results = await this.storeSome(STORE_BATCH);
    // link a chunk while the workers analyse what is queued (the analysis and the linking overlap)
    if (this.unlinked >= this.linkChunk && !this.replaced) await this.link();
    return results;
  }
  private async link(): Promise<void> {
    const r = await this.store.link();
    this.unlinked = 0;
    const before = this.linked;
    this.linked = before === null ? r : {
      ...r,
      mode: before.mode === 'full' || r.mode === 'full' ? 'full' : 'incremental',
      linked: before.linked + r.linked,
      written: { articles: before.written.articles + r.written.articles, entities: before.written.entities + r.written.entities, stories: before.written.stories + r.written.stories },
    };
    this.io.stderr.write(`  linked ${int(this.linked.linked)} pages\n`);
  }
  /** Stores the first `n` pages of the queue (all: Infinity), in order. */
  private async storeSome(n: number): Promise<PageResult[]> {
    const results: PageResult[] = [];
    while (this.queue.length > 0 && n > 0) {
      const take = this.queue.splice(0, Math.min(n, STORE_BATCH));
      n -= take.length;
      const items = [];
      for (const q of take) {
        this.queuedBytes -= q.raw.bytes.length;
        const page = await q.page;
        for (const w of page.warnings) this.io.stderr.write(formatWarning(page.source, w));
        items.push({ page, hash: q.hash, record: q.record });
      }
      const done = await this.store.addPages(items);
      for (const r of done) {
        if (r.status === 'added' || r.status === 'replaced') this.unlinked++;
        if (r.status === 'replaced') this.replaced = true;
      }
      results.push(...done);
    }
    return results;
  }
  async finish(interrupted = false): Promise<{ results: PageResult[]; link: LinkResult | null }> {
    if (interrupted) {
      this.queue = [];
      this.queuedBytes = 0;
    }
    const results = await this.storeSome(Infinity);
    await this.pool?.close();
    this.pool = null;
    this.storedAt = performance.now();
    if (await this.store.needsLink()) {
      this.io.stderr.write('linking entities, reprints and stories…\n');
      await this.link();
    }
    const link = this.linked;
    this.linked = null;
    this.replaced = false;
    return { results, link };
  }
  async close(): Promise<void> {
    this.queue = [];
    this.queuedBytes = 0;
    await this.pool?.close();
    this.pool = null;
    if (this.ownsStore) await this.store.close();
  }
}

/** What a process sending through the server remembers of its own fetches (it cannot read the store). */
const sentMemory = new Map<string, { records: Map<string, SourceRecord>; hashes: Map<string, string> }>();

class ServerSink implements Sink {
  readonly memory: SourceMemory;
  private batch: { raw: RawPage; hash: string; record: SourceRecord | null }[] = [];
  private readonly state: { records: Map<string, SourceRecord>; hashes: Map<string, string> };
  constructor(
    readonly where: string,
    private readonly io: CliIO,
  ) {
    let state = sentMemory.get(where);
    if (!state) sentMemory.set(where, (state = { records: new Map(), hashes: new Map() }));
    this.state = state;
    this.memory = {
      get: async (urls) => new Map(urls.flatMap((u) => (state.records.has(u) ? [[u, state.records.get(u)!] as const] : []))),
      save: async (r) => void state.records.set(r.url, r),
      pageHash: async (source) => state.hashes.get(source) ?? null,
    };
  }
  async put(raw: RawPage, hash: string, record: SourceRecord | null): Promise<PageResult[]> {
    this.batch.push({ raw, hash, record });
    return this.batch.length >= 20 ? this.flush() : [];
  }
  private async flush(): Promise<PageResult[]> {
    if (this.batch.length === 0) return [];
    const batch = this.batch;
    this.batch = [];
    const res = await fetch(`${this.where}/api/pages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pages: batch.map((p) => ({ source: p.raw.source, base64: Buffer.from(p.raw.bytes).toString('base64'), format: p.raw.format })) }),
    });
    const body = (await res.json()) as { pages?: PageResult[]; error?: { message: string } };
    if (!res.ok) throw new Error(`the server refused the pages: ${body.error?.message ?? res.status}`);
    const results = body.pages ?? [];
    results.forEach((r, i) => {
      const p = batch[i];
      if (!p || r.status === 'failed') return;
      this.state.hashes.set(p.raw.source, p.hash);
      if (p.record) this.state.records.set(p.record.url, p.record);
    });
    for (const r of results) for (const w of r.warnings) this.io.stderr.write(formatWarning(r.source, w as Diagnostic));
    return results;
  }
  async finish(): Promise<{ results: PageResult[]; link: LinkResult | null }> {
    return { results: await this.flush(), link: null }; // the server links each batch itself
  }
  async close(): Promise<void> {
    this.batch = [];
  }
}

/** The store, or the server that holds it. */
async function openSink(db: string, command: string, io: CliIO): Promise<Sink> {
  try {
    return new StoreSink(await Store.open(db, { command }), io);
  } catch (err) {
    if (err instanceof StoreLockedError && err.url !== undefined) {
      io.stderr.write(`the store is held by ${clean(err.command)} (pid ${err.pid}); sending the pages through ${err.url}/api/pages\n`);
      return new ServerSink(err.url, io);
    }
    throw err;
  }
}

/** The specs plus the URLs of --urls FILE (bad lines warned about and left out). */
async function allSpecs(o: SourceOptions, io: CliIO): Promise<string[]> {
  const specs = [...o.specs];
  if (o.urlsFile !== undefined) {
    const text = await readFile(o.urlsFile, 'utf8');
    const { urls, bad } = parseUrlList(text);
    for (const b of bad) io.stderr.write(formatWarning(`${o.urlsFile}:${b.line}`, diagnostic('fetch/bad-url', b.text)));
    specs.push(...urls);
  }
  return specs;
}

let sharedFetcher: Fetcher | null = null;
function fetcher(): Fetcher {
  sharedFetcher ??= new Fetcher({ userAgent: `rasd/${packageVersion()} (Arabic news monitor; +https://www.npmjs.com/package/rasd)` });
  return sharedFetcher;
}

/** One pass over the sources into a sink; returns the tally. Stops between pages when `io.signal` aborts. */
async function pass(sink: Sink, specs: string[], onlyChanged: boolean, quiet: boolean, io: CliIO): Promise<{ tally: Tally; link: LinkResult | null; interrupted: boolean }> {
  const tally = newTally();
  let n = 0;
  const opts = { fetcher: fetcher(), memory: sink.memory, onlyChanged, ...(io.readInputs ? { readInputs: io.readInputs } : {}) };
  const count1 = (r: PageResult): void => {
    tally[r.status]++;
    tally.articles += r.articleIds.length;
    if (!quiet && r.status !== 'unchanged') io.stdout.write(`${r.status.padEnd(9)} ${clean(r.source)}  (${count(r.articleIds.length, 'article')})\n`);
  };
  const end = async (interrupted: boolean): Promise<{ tally: Tally; link: LinkResult | null; interrupted: boolean }> => {
    const { results, link } = await sink.finish(interrupted);
    results.forEach(count1);
    return { tally, link, interrupted };
  };
  for await (const item of collect(specs, opts)) {
    if (io.signal?.aborted) return end(true);
    if (item.kind === 'feed') {
      tally.feeds++;
      if (!quiet) io.stderr.write(`feed ${clean(item.source)}: ${count(item.items, 'item')}${item.title ? ` (${clean(item.title)})` : ''}\n`);
      continue;
    }
    if (item.kind === 'skipped') {
      tally.skipped++;
      io.stderr.write(formatWarning(item.source, item.warning));
      continue;
    }
    if (item.kind === 'unchanged') {
      tally.unchanged++;
      continue;
    }
    n++;
    (await sink.put(item.raw, item.hash, item.record)).forEach(count1);
    if (n % 100 === 0) io.stderr.write(`ingested ${int(n)} pages…\n`);
  }
  return end(false);
}

function linkLine(l: LinkResult): string {
  return (
    `linked ${count(l.linked, 'new page')} (${l.mode === 'full' ? 'whole store rebuilt' : 'incremental'}): wrote ${count(l.written.articles, 'article')}, ` +
    `${count(l.written.entities, 'entity', 'entities')}, ${count(l.written.stories, 'story', 'stories')}\n` +
    `store: ${count(l.pages, 'page')}, ${count(l.articles, 'article')}, ${count(l.entities, 'entity', 'entities')}, ${count(l.stories, 'story', 'stories')}\n`
  );
}

/**
 * One ingest pass into an open store, as `rasd ingest` runs it (the store stays open): for the bench, which times
 * storing (analysis on the workers included) and linking apart.
 */
export async function ingestInto(
  store: Store,
  specs: string[],
  io: CliIO,
  /** Tests: link every `linkChunk` pages, with `window` pages read ahead. */
  options: { linkChunk?: number; window?: number } = {},
): Promise<{ tally: Tally; link: LinkResult | null; interrupted: boolean; storeMs: number; linkMs: number }> {
  const sink = new StoreSink(store, io, false, options.linkChunk ?? LINK_CHUNK, options.window ?? WINDOW_PAGES);
  const t0 = performance.now();
  try {
    const { tally, link, interrupted } = await pass(sink, specs, false, true, io);
    const t1 = performance.now();
    return { tally, link, interrupted, storeMs: sink.storedAt - t0, linkMs: t1 - sink.storedAt };
  } finally {
    await sink.close();
  }
}

/** `rasd ingest`. */
export async function ingest(db: string, o: SourceOptions, io: CliIO): Promise<number> {
  const specs = await allSpecs(o, io);
  if (specs.length === 0) {
    io.stderr.write('rasd ingest: no files, folders or URLs given\n');
    return 2;
  }
  const started = Date.now();
  const sink = await openSink(db, 'rasd ingest', io);
  try {
    const { tally, link, interrupted } = await pass(sink, specs, false, o.quiet, io);
    if (link) io.stderr.write(linkLine(link));
    io.stderr.write(
      `ingest: ${int(tally.added)} added, ${int(tally.replaced)} replaced, ${int(tally.unchanged)} unchanged` +
        `${tally.skipped > 0 ? `, ${int(tally.skipped)} skipped` : ''}${tally.failed > 0 ? `, ${int(tally.failed)} failed` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s (${clean(sink.where)})\n`,
    );
    if (interrupted) {
      io.stderr.write('interrupted: what was stored stays, and the next ingest completes it\n');
      return 130;
    }
    return 0;
  } finally {
    await sink.close();
  }
}

/** "10m", "30s", "1h", "90" (seconds) → milliseconds. */
export function parseEvery(v: string): number | null {
  const m = /^(\d+(?:\.\d+)?)\s*(ms|s|m|h)?$/.exec(v.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = m[2] ?? 's';
  const ms = n * (unit === 'ms' ? 1 : unit === 's' ? 1000 : unit === 'm' ? 60_000 : 3_600_000);
  return ms >= 100 && ms <= 7 * 24 * 3_600_000 ? ms : null;
}

export interface WatchOptions extends SourceOptions {
  everyMs: number;
  /** Stop after this many passes (tests; --passes N). */
  passes?: number | undefined;
  log?: string | undefined;
}

function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const t = setTimeout(done, ms);
    function done(): void {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

/** `rasd watch`. */
export async function watch(db: string, o: WatchOptions, io: CliIO): Promise<number> {
  const log = (line: string): void => {
    const text = `${new Date().toISOString()} ${line}\n`;
    io.stderr.write(text);
    if (o.log !== undefined) {
      try {
        appendFileSync(o.log, text);
      } catch (err) {
        io.stderr.write(`rasd watch: cannot write the log ${clean(o.log)}: ${clean((err as Error).message)}\n`);
      }
    }
  };
  log(`watching ${count(o.specs.length + (o.urlsFile ? 1 : 0), 'source')} every ${Math.round(o.everyMs / 1000)} s into ${clean(db)}`);
  for (let k = 1; ; k++) {
    const started = Date.now();
    try {
      const specs = await allSpecs(o, io);
      const sink = await openSink(db, 'rasd watch', io);
      try {
        const { tally, link, interrupted } = await pass(sink, specs, true, o.quiet, io);
        const linked = link ? `; ${link.mode === 'full' ? 'rebuilt' : 'linked'} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${count(link.articles, 'article')}, ${count(link.stories, 'story', 'stories')}` : '';
        log(
          `pass ${k}: ${int(tally.added)} new, ${int(tally.replaced)} changed, ${int(tally.unchanged)} unchanged, ${int(tally.skipped)} skipped` +
            `${tally.feeds > 0 ? ` (${count(tally.feeds, 'feed')})` : ''}${linked} → ${clean(sink.where)}`,
        );
        if (interrupted) break;
      } finally {
        await sink.close();
      }
    } catch (err) {
      log(`pass ${k} failed: ${clean(err instanceof Error ? err.message : String(err))}`);
    }
    if (io.signal?.aborted || (o.passes !== undefined && k >= o.passes)) break;
    const next = o.everyMs - (Date.now() - started);
    if (next > 0) await sleep(next, io.signal);
    if (io.signal?.aborted) break;
  }
  log('watch stopped');
  return 0;
}

export { isUrl };
