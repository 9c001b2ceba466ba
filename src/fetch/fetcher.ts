/**
 * Polite fetching of pages and feeds: a clear user agent; at most `perHostConcurrency` requests to one host and
 * `totalConcurrency` overall (limiter.ts); a timeout that covers the whole request, body included; a size limit
 * enforced while the body streams in (the request is aborted past it, nothing more is read); retries with
 * exponential back-off and jitter on network errors, timeouts, 5xx, 408 and 429 (Retry-After honoured, capped);
 * redirects followed by hand so that they are counted, loops refused and only http(s) targets taken; conditional
 * requests (If-None-Match, If-Modified-Since) so that an unchanged page costs a 304.
 *
 * `get` never throws for what the network does: every outcome is a FetchResult, errors with a sentence a user can
 * act on. The format is judged by content first (a feed is a feed whatever its Content-Type), then by type.
 */
import { HostLimiter } from './limiter.js';
import { looksLikeFeed } from './feed.js';

export interface FetcherOptions {
  userAgent?: string;
  perHostConcurrency?: number;
  totalConcurrency?: number;
  /** Whole request, body included (default 20 s). */
  timeoutMs?: number;
  /** Largest body taken (default 10 MiB). */
  maxBytes?: number;
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** First back-off (default 500 ms), doubled at each retry, ±25% jitter. */
  backoffMs?: number;
  /** Longest wait a Retry-After may ask for (default 60 s). */
  maxRetryAfterMs?: number;
  maxRedirects?: number;
}

export type FetchFormat = 'html' | 'text' | 'feed' | 'other';

export type FetchResult =
  | {
      kind: 'ok';
      url: string;
      finalUrl: string;
      status: number;
      bytes: Uint8Array;
      contentType: string | null;
      charset: string | null;
      etag: string | null;
      lastModified: string | null;
      format: FetchFormat;
    }
  | { kind: 'not-modified'; url: string; finalUrl: string }
  | { kind: 'error'; url: string; code: 'timeout' | 'too-large' | 'http' | 'network' | 'redirects' | 'scheme' | 'type'; status?: number; message: string };

type ErrorResult = Extract<FetchResult, { kind: 'error' }>;

export const DEFAULT_USER_AGENT = 'rasd (Arabic news monitor; https://www.npmjs.com/package/rasd)';

class Failure extends Error {
  constructor(
    readonly result: ErrorResult,
    readonly retry: boolean,
    readonly waitMs: number | null = null,
  ) {
    super(result.message);
  }
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return '';
  }
}

/** Retry-After as milliseconds: seconds, or an HTTP date. */
function retryAfter(v: string | null): number | null {
  if (v === null) return null;
  if (/^\d+$/.test(v.trim())) return Number(v.trim()) * 1000;
  const t = Date.parse(v);
  return Number.isNaN(t) ? null : Math.max(0, t - Date.now());
}

function charsetOf(contentType: string | null): string | null {
  const m = contentType === null ? null : /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType);
  return m?.[1]?.toLowerCase() ?? null;
}

const BINARY_TYPE = /^(image|audio|video|font)\/|^application\/(pdf|zip|gzip|x-gzip|octet-stream|x-tar|msword|vnd\.|x-7z|x-rar|wasm)/i;

/** What the bytes are: a feed, an HTML document, plain text, or something else. */
export function formatOf(bytes: Uint8Array, contentType: string | null): FetchFormat {
  if (looksLikeFeed(bytes)) return 'feed';
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (/^<!doctype html|^<html|<head[\s>]|<body[\s>]/.test(head)) return 'html';
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (BINARY_TYPE.test(type)) return 'other';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type.startsWith('text/') || type === '') {
    // no type and bytes that are not text: not a page
    let nul = 0;
    for (let i = 0; i < Math.min(bytes.length, 4096); i++) if (bytes[i] === 0) nul++;
    return nul > 4 ? 'other' : 'text';
  }
  return 'other';
}

export class Fetcher {
  readonly userAgent: string;
  private readonly limiter: HostLimiter;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxRetryAfterMs: number;
  private readonly maxRedirects: number;

  constructor(o: FetcherOptions = {}) {
    this.userAgent = o.userAgent ?? DEFAULT_USER_AGENT;
    this.limiter = new HostLimiter(o.perHostConcurrency ?? 2, o.totalConcurrency ?? 8);
    this.timeoutMs = o.timeoutMs ?? 20_000;
    this.maxBytes = o.maxBytes ?? 10 * 1024 * 1024;
    this.retries = o.retries ?? 3;
    this.backoffMs = o.backoffMs ?? 500;
    this.maxRetryAfterMs = o.maxRetryAfterMs ?? 60_000;
    this.maxRedirects = o.maxRedirects ?? 5;
  }

  /** Requests running now (for progress and tests). */
  running(host?: string): number {
    return this.limiter.running(host);
  }

  async get(url: string, cond: { etag?: string | null; lastModified?: string | null } = {}): Promise<FetchResult> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { kind: 'error', url, code: 'scheme', message: `not a valid URL: ${url}` };
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { kind: 'error', url, code: 'scheme', message: `only http and https URLs are fetched, not ${parsed.protocol} (${url})` };
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(url, cond);
      } catch (err) {
        const f = err instanceof Failure ? err : new Failure({ kind: 'error', url, code: 'network', message: `cannot fetch ${url}: ${(err as Error).message}` }, true);
        if (!f.retry || attempt >= this.retries) return f.result;
        const backoff = this.backoffMs * 2 ** attempt * (0.75 + Math.random() * 0.5);
        await sleep(Math.min(this.maxRetryAfterMs, Math.max(backoff, f.waitMs ?? 0)));
      }
    }
  }

  /** One attempt, redirects included, within one slot of the first host and one timeout. */
  private async once(url: string, cond: { etag?: string | null; lastModified?: string | null }): Promise<FetchResult> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.timeoutMs);
    const release = await this.limiter.acquire(hostOf(url));
    let current = url;
    try {
      const seen = new Set<string>([current]);
      for (let hops = 0; ; hops++) {
        const headers: Record<string, string> = { 'user-agent': this.userAgent, accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5' };
        if (cond.etag) headers['if-none-match'] = cond.etag;
        if (cond.lastModified) headers['if-modified-since'] = cond.lastModified;
        let res: Response;
        try {
          res = await fetch(current, { headers, redirect: 'manual', signal: controller.signal });
        } catch (err) {
          if (controller.signal.aborted) throw new Failure({ kind: 'error', url, code: 'timeout', message: `no complete answer from ${hostOf(current)} within ${Math.round(this.timeoutMs / 1000)} s (${url})` }, true);
          const cause = (err as { cause?: { code?: string; message?: string } }).cause;
          throw new Failure({ kind: 'error', url, code: 'network', message: `cannot reach ${hostOf(current)}: ${cause?.code ?? cause?.message ?? (err as Error).message} (${url})` }, true);
        }
        if (res.status >= 300 && res.status < 400 && res.status !== 304) {
          await res.body?.cancel();
          const loc = res.headers.get('location');
          if (loc === null) throw new Failure({ kind: 'error', url, code: 'http', status: res.status, message: `HTTP ${res.status} without a Location from ${current}` }, false);
          const next = new URL(loc, current);
          if (next.protocol !== 'http:' && next.protocol !== 'https:') throw new Failure({ kind: 'error', url, code: 'scheme', message: `${current} redirects to ${next.protocol} URL, which is not fetched` }, false);
          if (seen.has(next.href)) throw new Failure({ kind: 'error', url, code: 'redirects', message: `redirect loop at ${next.href} (from ${url})` }, false);
          if (hops + 1 > this.maxRedirects) throw new Failure({ kind: 'error', url, code: 'redirects', message: `more than ${this.maxRedirects} redirects from ${url}` }, false);
          seen.add(next.href);
          current = next.href;
          continue;
        }
        if (res.status === 304) {
          await res.body?.cancel();
          return { kind: 'not-modified', url, finalUrl: current };
        }
        if (res.status >= 400) {
          await res.body?.cancel();
          const retry = res.status >= 500 || res.status === 408 || res.status === 429;
          throw new Failure(
            { kind: 'error', url, code: 'http', status: res.status, message: `HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''} from ${current}` },
            retry,
            retryAfter(res.headers.get('retry-after')),
          );
        }
        const declared = Number(res.headers.get('content-length') ?? NaN);
        if (declared > this.maxBytes) {
          await res.body?.cancel();
          throw new Failure({ kind: 'error', url, code: 'too-large', message: `${current} is ${Math.round(declared / 1024 / 1024)} MB, more than the ${Math.round(this.maxBytes / 1024 / 1024)} MB taken` }, false);
        }
        const bytes = await this.body(res, url, current, controller);
        const contentType = res.headers.get('content-type');
        return {
          kind: 'ok',
          url,
          finalUrl: current,
          status: res.status,
          bytes,
          contentType,
          charset: charsetOf(contentType),
          etag: res.headers.get('etag'),
          lastModified: res.headers.get('last-modified'),
          format: formatOf(bytes, contentType),
        };
      }
    } finally {
      clearTimeout(timer);
      release();
    }
  }

  private async body(res: Response, url: string, current: string, controller: AbortController): Promise<Uint8Array> {
    const chunks: Uint8Array[] = [];
    let size = 0;
    if (res.body === null) return new Uint8Array(0);
    const reader = res.body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.length;
        if (size > this.maxBytes) {
          controller.abort();
          throw new Failure({ kind: 'error', url, code: 'too-large', message: `${current} is larger than the ${Math.round(this.maxBytes / 1024 / 1024)} MB taken; it was not read further` }, false);
        }
        chunks.push(value);
      }
    } catch (err) {
      if (err instanceof Failure) throw err;
      if (controller.signal.aborted) throw new Failure({ kind: 'error', url, code: 'timeout', message: `no complete answer from ${hostOf(current)} within ${Math.round(this.timeoutMs / 1000)} s (${url})` }, true);
      throw new Failure({ kind: 'error', url, code: 'network', message: `the connection to ${hostOf(current)} broke while reading ${url}` }, true);
    }
    return Buffer.concat(chunks);
  }
}
