/**
 * POST /api/pages without the HTTP: the body's pages checked (`readPages`), then analysed, stored and linked
 * (`Ingester.ingest`). Ingests on one store run one at a time, in arrival order (a promise queue per Store), so two
 * requests never interleave their pages and never run `link` at the same time.
 */
import { extname } from 'node:path';
import { analyzePage } from '../pipeline.js';
import { AnalyzePool, defaultWorkers } from '../workers/pool.js';
import { diagnostic } from '../diagnostics.js';
import { looksLikeHtmlDocument } from '../input/walk.js';
import { pageId } from '../export/build.js';
import { contentHash, type PageResult, type Store } from '../store/store.js';
import type { AnalyzedPage, RawPage } from '../types.js';
import { badRequest } from './errors.js';
import { isCleanText } from './params.js';

export const MAX_SOURCE = 2000;

/** Warnings of a page that could not be handled (the pipeline's own rules are in src/diagnostics.ts). */
export const STORE_FAILED = diagnostic('server/store-failed');

export interface IncomingPage {
  source: string;
  /** The page's bytes: `base64` as sent, or `content` encoded as UTF-8. */
  bytes: Uint8Array;
  format: RawPage['format'];
}

/** Standard or URL-safe base64, padding optional. */
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The format for a page sent without one: by the source's extension, and a .txt that is a whole HTML document is HTML. */
export function formatOf(source: string, bytes: Uint8Array): RawPage['format'] {
  const path = source.replace(/[?#].*$/s, '');
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm') return 'html';
  return looksLikeHtmlDocument(bytes) ? 'html' : 'text';
}

function readPage(v: unknown, where: string): IncomingPage {
  if (!isObject(v)) throw badRequest(`${where} must be an object with source and content`);
  const { source, content, base64, format } = v;
  if (typeof source !== 'string' || source.trim() === '') throw badRequest(`${where}.source is required (a non-empty string)`);
  if (source.length > MAX_SOURCE) throw badRequest(`${where}.source is longer than ${MAX_SOURCE} characters`);
  if (!isCleanText(source)) throw badRequest(`${where}.source contains control characters`);
  let bytes: Buffer;
  if (typeof base64 === 'string') {
    if (content !== undefined) throw badRequest(`${where}: give content or base64, not both`);
    const compact = base64.replace(/\s+/g, '');
    if (!BASE64.test(compact)) throw badRequest(`${where}.base64 is not valid base64`);
    bytes = Buffer.from(compact, 'base64');
  } else if (typeof content === 'string') {
    bytes = Buffer.from(content, 'utf8');
  } else {
    throw badRequest(`${where}.content (the page as a string) or ${where}.base64 (its bytes) is required`);
  }
  if (format !== undefined && format !== null && format !== 'text' && format !== 'html') throw badRequest(`${where}.format must be text or html`);
  const fmt = format === 'text' || format === 'html' ? format : formatOf(source, bytes.subarray(0, 512));
  return { source, bytes, format: fmt };
}

/** The pages of a request body: `{ pages: [ … ] }` or one page `{ source, content, format }`. */
export function readPages(body: unknown): IncomingPage[] {
  if (!isObject(body)) throw badRequest('the body must be a JSON object: { "pages": [ … ] } or { "source", "content" }');
  if ('pages' in body) {
    const pages = body['pages'];
    if (!Array.isArray(pages)) throw badRequest('pages must be an array');
    if (pages.length === 0) throw badRequest('pages is empty');
    return pages.map((p, i) => readPage(p, `pages[${i}]`));
  }
  return [readPage(body, 'the page')];
}

const queues = new WeakMap<Store, Promise<unknown>>();

/** Runs `fn` after everything queued before on this store, whether that succeeded or failed. */
export function serialize<T>(store: Store, fn: () => Promise<T>): Promise<T> {
  const run = (queues.get(store) ?? Promise.resolve()).then(fn, fn);
  queues.set(store, run.catch(() => undefined));
  return run;
}

export interface IngestOptions {
  /** The pipeline; analyzePage by default. */
  analyze?: (raw: RawPage) => AnalyzedPage;
  /** Told about each page that failed (the server logs it); the answer only says `failed`. */
  onPageError?: (source: string, err: unknown) => void;
}

/**
 * Analyses on worker threads (src/workers/pool.ts) unless given its own `analyze`: the server's thread stays free to
 * answer while the pages of a request are analysed, all of them at once across the workers, then stored in order.
 */
export class Ingester {
  private readonly analyze: ((raw: RawPage) => AnalyzedPage) | null;
  private pool: AnalyzePool | null = null;
  private readonly onPageError: (source: string, err: unknown) => void;

  constructor(
    private readonly store: Store,
    options: IngestOptions = {},
  ) {
    this.analyze = options.analyze ?? (defaultWorkers() === 0 ? analyzePage : null);
    this.onPageError = options.onPageError ?? (() => undefined);
  }

  /** Analyses and stores the pages in order, then links once if anything changed (or a link is pending). */
  ingest(pages: readonly IncomingPage[]): Promise<PageResult[]> {
    return serialize(this.store, async () => {
      const analyses = pages.map((p) => this.analyzed({ source: p.source, bytes: p.bytes, format: p.format }));
      const results: PageResult[] = [];
      for (let i = 0; i < pages.length; i++) results.push(await this.one(pages[i]!, analyses[i]!));
      if (results.some((r) => r.status === 'added' || r.status === 'replaced') || (await this.store.needsLink())) await this.store.link();
      return results;
    });
  }

  /** The page analysed, or why not (never rejects). */
  private analyzed(raw: RawPage): Promise<{ page: AnalyzedPage } | { error: unknown }> {
    const analyze = this.analyze;
    if (analyze !== null) {
      try {
        return Promise.resolve({ page: analyze(raw) });
      } catch (error) {
        return Promise.resolve({ error });
      }
    }
    this.pool ??= new AnalyzePool(defaultWorkers());
    return this.pool.analyze(raw).then(
      (page) => ({ page }),
      (error: unknown) => ({ error }),
    );
  }

  /** Stops the analysis workers (the server closing). */
  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = null;
  }

  private async one(p: IncomingPage, analysis: Promise<{ page: AnalyzedPage } | { error: unknown }>): Promise<PageResult> {
    const bytes = p.bytes;
    const failed = (warning: { rule: string; message: string }): PageResult => ({ source: p.source, pageId: pageId(p.source), status: 'failed', articleIds: [], warnings: [warning] });
    const a = await analysis;
    if ('error' in a) {
      this.onPageError(p.source, a.error);
      return failed(diagnostic('cli/analyze-failed'));
    }
    const page = a.page;
    try {
      return await this.store.addPage(page, contentHash(bytes));
    } catch (err) {
      this.onPageError(p.source, err);
      return failed(STORE_FAILED);
    }
  }
}
