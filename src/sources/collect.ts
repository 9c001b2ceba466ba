/**
 * Stage 0, sources: what the command line names — files, folders, page URLs, feed URLs, a file of URLs — as raw
 * pages, in a stable order, each with its content hash; and, when asked for only what changed (`rasd watch`, or a
 * URL fetched before), without the pages that did not change:
 *  - a URL is fetched with the ETag and Last-Modified of its last fetch (a 304 costs nothing), and a page whose
 *    bytes hash as the stored page's is not analysed again;
 *  - a feed is recognised by its content, not its address; its items are taken oldest first, and an item already
 *    stored whose date and title in the feed did not change is not fetched again (`onlyChanged`);
 *  - a file whose bytes hash as the stored page's is not analysed again (`onlyChanged`).
 * Nothing here writes pages: the caller stores each page, then records its fetch (`memory.save`), so that a run
 * killed in between fetches the page again rather than losing it.
 */
import { diagnostic } from '../diagnostics.js';
import { readInputs, isSkipped, type SkippedInput } from '../input/index.js';
import { contentHash } from '../store/hash.js';
import type { SourceRecord } from '../store/store.js';
import type { Diagnostic, RawPage } from '../types.js';
import { parseFeed, type FeedItem, type FetchResult, type Fetcher } from '../fetch/index.js';

/** What the store remembers of a fetched URL (defined with the table that keeps it). */
export type { SourceRecord };

/** What was fetched before: the store's `sources` table, or a map for a run that cannot read the store. */
export interface SourceMemory {
  get(urls: readonly string[]): Promise<Map<string, SourceRecord>>;
  save(r: SourceRecord, changed: boolean): Promise<void>;
  /** The stored content hash of the page with this source. */
  pageHash(source: string): Promise<string | null>;
}

export type SourceItem =
  /** A page to analyse and store; then `record` (if any) is saved with `memory.save(record, true)`. */
  | { kind: 'page'; raw: RawPage; hash: string; record: SourceRecord | null }
  /** Nothing new at this source. */
  | { kind: 'unchanged'; source: string; why: 'not-modified' | 'same-content' | 'known-item' }
  /** A source that could not be read (the warning says why); the run goes on. */
  | { kind: 'skipped'; source: string; warning: Diagnostic }
  /** A feed was read: how many items it listed. */
  | { kind: 'feed'; source: string; title: string | null; items: number };

export interface CollectOptions {
  fetcher: Pick<Fetcher, 'get'>;
  memory: SourceMemory;
  /** Skip what is known and unchanged (watch); otherwise only 304s and identical bytes are skipped. */
  onlyChanged?: boolean;
  /** Items of one feed fetched ahead of the one being yielded (the fetcher's per-host limit still holds). */
  lookahead?: number;
  /** At most this many items of a feed are taken (the newest). */
  maxItems?: number;
  /** The input stage's file walk (tests replace it). */
  readInputs?: (paths: string[]) => AsyncIterable<RawPage | SkippedInput>;
}

export function isUrl(spec: string): boolean {
  return /^https?:\/\//i.test(spec.trim());
}

/** The URLs of a file of URLs: one a line; blank lines and lines starting with # are ignored. */
export function parseUrlList(text: string): { urls: string[]; bad: { line: number; text: string }[] } {
  const urls: string[] = [];
  const bad: { line: number; text: string }[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    const t = l.trim();
    if (t === '' || t.startsWith('#')) return;
    if (isUrl(t) && URL.canParse(t)) urls.push(t);
    else bad.push({ line: i + 1, text: t.slice(0, 200) });
  });
  return { urls, bad };
}

function formatOf(result: Extract<FetchResult, { kind: 'ok' }>): RawPage['format'] {
  return result.format === 'html' ? 'html' : 'text';
}

function record(url: string, r: Extract<FetchResult, { kind: 'ok' }>, kind: 'page' | 'feed', hash: string, extra: { stamp?: string | null; feed?: string | null } = {}): SourceRecord {
  return {
    url,
    kind,
    finalUrl: r.finalUrl === url ? null : r.finalUrl,
    etag: r.etag,
    lastModified: r.lastModified,
    contentHash: hash,
    stamp: extra.stamp ?? null,
    feed: extra.feed ?? null,
    status: 'ok',
    error: null,
  };
}

function failure(url: string, r: Extract<FetchResult, { kind: 'error' }>, kind: 'page' | 'feed', feed: string | null): SourceRecord {
  return { url, kind, finalUrl: null, etag: null, lastModified: null, contentHash: null, stamp: null, feed, status: r.code, error: r.message };
}

/** An item's stamp: what changes in the feed when the item is updated. */
function stampOf(item: FeedItem): string {
  return JSON.stringify([item.published ?? null, item.title ?? null]);
}

/** Sources → raw pages (see the top of the file). */
export async function* collect(specs: readonly string[], options: CollectOptions): AsyncGenerator<SourceItem> {
  for (const spec of specs) {
    if (isUrl(spec)) yield* fromUrl(spec.trim(), options);
    else yield* fromPath(spec, options);
  }
}

async function* fromPath(spec: string, o: CollectOptions): AsyncGenerator<SourceItem> {
  for await (const item of (o.readInputs ?? readInputs)([spec])) {
    if (isSkipped(item)) {
      yield { kind: 'skipped', source: item.source, warning: item.warning };
      continue;
    }
    const hash = contentHash(item.bytes);
    if (o.onlyChanged && (await o.memory.pageHash(item.source)) === hash) {
      yield { kind: 'unchanged', source: item.source, why: 'same-content' };
      continue;
    }
    yield { kind: 'page', raw: item, hash, record: null };
  }
}

async function* fromUrl(url: string, o: CollectOptions): AsyncGenerator<SourceItem> {
  const known = (await o.memory.get([url])).get(url);
  const r = await o.fetcher.get(url, { etag: known?.etag ?? null, lastModified: known?.lastModified ?? null });
  if (r.kind === 'error') {
    await o.memory.save(failure(url, r, known?.kind ?? 'page', known?.feed ?? null), false);
    yield { kind: 'skipped', source: url, warning: diagnostic('fetch/failed', r.message) };
    return;
  }
  if (r.kind === 'not-modified') {
    if (known?.kind !== 'feed') {
      yield { kind: 'unchanged', source: url, why: 'not-modified' };
      return;
    }
    // a feed that did not change: its items may still be pending from a run that was cut short
  }
  if (r.kind === 'ok' && r.format === 'other') {
    await o.memory.save({ ...record(url, r, 'page', contentHash(r.bytes)), status: 'not-a-page', error: r.contentType }, false);
    yield { kind: 'skipped', source: url, warning: diagnostic('fetch/not-a-page', `${r.contentType ?? 'unknown type'} at ${url}`) };
    return;
  }
  if (r.kind === 'ok' && r.format !== 'feed') {
    const hash = contentHash(r.bytes);
    const raw: RawPage = { source: url, bytes: r.bytes, format: formatOf(r), charset: r.charset };
    if ((await o.memory.pageHash(url)) === hash) {
      await o.memory.save(record(url, r, 'page', hash), false);
      yield { kind: 'unchanged', source: url, why: 'same-content' };
      return;
    }
    yield { kind: 'page', raw, hash, record: record(url, r, 'page', hash) };
    return;
  }
  // a feed
  let items: FeedItem[];
  if (r.kind === 'ok') {
    const feed = parseFeed(r.bytes, r.finalUrl);
    if (feed === null) {
      yield { kind: 'skipped', source: url, warning: diagnostic('fetch/bad-feed', url) };
      return;
    }
    items = feed.items.slice(0, o.maxItems ?? 200).reverse(); // oldest first
    yield { kind: 'feed', source: url, title: feed.title, items: items.length };
    await o.memory.save({ ...record(url, r, 'feed', contentHash(r.bytes)), stamp: JSON.stringify(items.map((i) => i.url)) }, true);
  } else {
    const listed = known?.stamp ? (JSON.parse(known.stamp) as string[]) : [];
    items = listed.map((u) => ({ url: u, title: null, published: null, id: null }));
  }
  const memory = await o.memory.get(items.map((i) => i.url));
  const pending = items.filter((i) => {
    const m = memory.get(i.url);
    if (!m || m.contentHash === null) return true; // never stored (or its fetch failed)
    if (r.kind === 'not-modified') return false;
    return !(o.onlyChanged ?? false) || m.stamp !== stampOf(i);
  });
  for (const i of items) if (!pending.includes(i)) yield { kind: 'unchanged', source: i.url, why: 'known-item' };
  // fetch a few ahead, yield in order
  const ahead = Math.max(1, o.lookahead ?? 4);
  const started: Promise<FetchResult>[] = [];
  const start = (k: number): void => {
    const i = pending[k];
    if (i === undefined || started[k] !== undefined) return;
    const m = memory.get(i.url);
    started[k] = o.fetcher.get(i.url, { etag: m?.etag ?? null, lastModified: m?.lastModified ?? null });
  };
  for (let k = 0; k < pending.length; k++) {
    for (let j = k; j < k + ahead; j++) start(j);
    const item = pending[k]!;
    const res = await started[k]!;
    const stamp = r.kind === 'ok' ? stampOf(item) : null;
    if (res.kind === 'error') {
      await o.memory.save(failure(item.url, res, 'page', url), false);
      yield { kind: 'skipped', source: item.url, warning: diagnostic('fetch/failed', res.message) };
    } else if (res.kind === 'not-modified') {
      await o.memory.save({ ...(memory.get(item.url) as SourceRecord), stamp: stamp ?? memory.get(item.url)?.stamp ?? null, status: 'ok', error: null }, false);
      yield { kind: 'unchanged', source: item.url, why: 'not-modified' };
    } else if (res.format === 'other' || res.format === 'feed') {
      await o.memory.save({ ...record(item.url, res, 'page', contentHash(res.bytes), { stamp, feed: url }), status: 'not-a-page', error: res.contentType }, false);
      yield { kind: 'skipped', source: item.url, warning: diagnostic('fetch/not-a-page', `${res.contentType ?? 'unknown type'} at ${item.url}`) };
    } else {
      const hash = contentHash(res.bytes);
      const rec = record(item.url, res, 'page', hash, { stamp, feed: url });
      if ((await o.memory.pageHash(item.url)) === hash) {
        await o.memory.save(rec, false);
        yield { kind: 'unchanged', source: item.url, why: 'same-content' };
      } else {
        yield { kind: 'page', raw: { source: item.url, bytes: res.bytes, format: formatOf(res), charset: res.charset }, hash, record: rec };
      }
    }
  }
}
