/**
 * Polite fetching of pages and feeds: a clear user agent; at most `perHostConcurrency` requests to one host and
 * `totalConcurrency` overall (limiter.ts); a timeout that covers the whole request, body included; a size limit
 * enforced while the body streams in (the request is aborted past it, nothing more is read); retries with
 * exponential back-off and jitter on network errors, timeouts, 5xx, 408 and 429 (Retry-After honoured, capped);
 * redirects followed by hand so that they are counted, loops refused and only http(s) targets taken (a redirect
 * to another host waits for a slot of that host); conditional requests (If-None-Match, If-Modified-Since) so that
 * an unchanged page costs a 304. A slot is held for one attempt only: a retry waits out its back-off without one and
 * queues again, behind requests that came first.
 *
 * `get` never throws for what the network does: every outcome is a FetchResult, errors with a sentence a user can
 * act on (tests and callers branch on `code`, not on the words). The format is judged by content first (a feed is
 * a feed whatever its Content-Type), then by type. The network, the clock of the back-off and its jitter can be
 * replaced (`fetch`, `sleep`, `random`) so that tests run fast and see every wait.
 */
import { STATUS_CODES } from 'node:http';
import { packageVersion } from '../cli/version.js';
import { HostLimiter, type Release } from './limiter.js';
import { looksLikeFeed } from './feed.js';

export interface FetcherOptions {
  /** Default DEFAULT_USER_AGENT: rasd, its version, and where to read about it. */
  userAgent?: string;
  /** Requests to one hostname at a time (default 2). */
  perHostConcurrency?: number;
  /** Requests at a time overall (default 8). */
  totalConcurrency?: number;
  /** Whole request, body included (default 20 s). */
  timeoutMs?: number;
  /** Largest body taken (default 10 MiB). */
  maxBytes?: number;
  /** Retries after the first attempt (default 3). */
  retries?: number;
  /** First back-off (default 500 ms), doubled at each retry, ±25% jitter. */
  backoffMs?: number;
  /** Longest wait before a retry, whatever a Retry-After asks for (default 60 s). */
  maxRetryAfterMs?: number;
  /** Redirects followed (default 5). */
  maxRedirects?: number;
  /** For tests: the fetch function (default the global one, Node's undici). */
  fetch?: typeof globalThis.fetch;
  /** For tests: how waits between attempts are made (default a timer). */
  sleep?: (ms: number) => Promise<void>;
  /** For tests: the jitter source, in [0, 1) (default Math.random). */
  random?: () => number;
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
  | {
      kind: 'error';
      url: string;
      /** 'type' is not given by `get` (a body of another format is 'ok' with format 'other'); it is for callers that refuse one. */
      code: 'timeout' | 'too-large' | 'http' | 'network' | 'redirects' | 'scheme' | 'type';
      /** The HTTP status, for 'http'. */
      status?: number;
      message: string;
    };

type ErrorResult = Extract<FetchResult, { kind: 'error' }>;

export const DEFAULT_USER_AGENT = `rasd/${packageVersion()} (Arabic news monitor; +https://www.npmjs.com/package/rasd)`;

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

/** A duration as a person reads it: "800 ms", "20 s". */
function seconds(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${Math.round(ms / 100) / 10} s`;
}

/** A size as a person reads it: "512 KB", "10 MB". */
export function sizeText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
}

/** Network failures that another attempt will not cure (no such host, a certificate that does not check out). */
const PERMANENT = /^(ENOTFOUND|ERR_INVALID_URL|ERR_TLS_CERT_ALTNAME_INVALID|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_(GET|VERIFY)_)/;

/** What went wrong on the network, in words, and whether trying again may help. */
function networkProblem(err: unknown, host: string): { text: string; retry: boolean } {
  const cause = (err as { cause?: { code?: unknown; message?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : '';
  const detail = typeof cause?.message === 'string' ? cause.message : err instanceof Error ? err.message : String(err);
  const words: Record<string, string> = {
    ENOTFOUND: `the host name ${host} does not exist (DNS lookup failed); check the URL`,
    EAI_AGAIN: `the host name ${host} could not be looked up right now (DNS); check the network connection`,
    ECONNREFUSED: `${host} refused the connection; the site may be down or the port wrong`,
    ECONNRESET: `${host} closed the connection abruptly`,
    EHOSTUNREACH: `${host} cannot be reached from this network`,
    ENETUNREACH: `the network is unreachable; check the connection`,
    ETIMEDOUT: `the connection to ${host} timed out`,
    UND_ERR_SOCKET: `the connection to ${host} broke`,
  };
  const text = words[code] ?? (code.startsWith('CERT_') || /certificate/i.test(detail) ? `the TLS certificate of ${host} could not be verified (${code || detail})` : `cannot reach ${host}: ${code || detail}`);
  return { text, retry: !PERMANENT.test(code) };
}

/** The reason a URL is not fetched (not http/https, or user:password in it), or null. */
function refused(u: URL): string | null {
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return `only http and https URLs are fetched, not ${u.protocol.replace(/:$/, '')}`;
  if (u.username || u.password) return 'URLs with a user name or password in them are not fetched';
  return null;
}

function charsetOf(contentType: string | null): string | null {
  const m = contentType === null ? null : /charset\s*=\s*"?([\w.:-]+)"?/i.exec(contentType);
  return m?.[1]?.toLowerCase() ?? null;
}

const BINARY_TYPE = /^(image|audio|video|font)\/|^application\/(pdf|zip|gzip|x-gzip|x-tar|msword|vnd\.|x-7z|x-rar|wasm)/i;

/** Whether the first bytes look binary: NUL bytes, or many control characters that text never has. */
function binary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 4096);
  let odd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1b) odd++;
  }
  return odd > n / 50;
}

/**
 * What the bytes are. By content first: a feed (RSS, RDF, Atom, JSON Feed) whatever its type, then an HTML
 * document (a doctype, <html>, <head> or <body> near the start); then by the Content-Type: text/html is HTML,
 * other text is 'text', known binary types are 'other'; with no type or application/octet-stream, text bytes are
 * 'text' and binary ones 'other'.
 */
export function formatOf(bytes: Uint8Array, contentType: string | null): FetchFormat {
  if (looksLikeFeed(bytes)) return 'feed';
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  const head = Buffer.from(bytes.subarray(0, 2048)).toString('latin1').replace(/^\uFEFF|^\xEF\xBB\xBF/, '').trimStart().toLowerCase();
  if (/^<!doctype html|^<html[\s>]|<head[\s>]|<body[\s>]/.test(head) && !binary(bytes)) return 'html';
  if (BINARY_TYPE.test(type)) return 'other';
  if (type === 'text/html' || type === 'application/xhtml+xml') return 'html';
  if (type.startsWith('text/') || type === '' || type === 'application/octet-stream' || type === 'binary/octet-stream') return binary(bytes) ? 'other' : 'text';
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
  private readonly fetch: typeof globalThis.fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;

  constructor(o: FetcherOptions = {}) {
    this.userAgent = o.userAgent ?? DEFAULT_USER_AGENT;
    this.limiter = new HostLimiter(o.perHostConcurrency ?? 2, o.totalConcurrency ?? 8);
    this.timeoutMs = o.timeoutMs ?? 20_000;
    this.maxBytes = o.maxBytes ?? 10 * 1024 * 1024;
    this.retries = o.retries ?? 3;
    this.backoffMs = o.backoffMs ?? 500;
    this.maxRetryAfterMs = o.maxRetryAfterMs ?? 60_000;
    this.maxRedirects = o.maxRedirects ?? 5;
    this.fetch = o.fetch ?? ((input, init) => fetch(input, init));
    this.sleep = o.sleep ?? sleep;
    this.random = o.random ?? Math.random;
    for (const [name, v] of Object.entries({ timeoutMs: this.timeoutMs, maxBytes: this.maxBytes, retries: this.retries, backoffMs: this.backoffMs, maxRetryAfterMs: this.maxRetryAfterMs, maxRedirects: this.maxRedirects })) {
      if (!Number.isFinite(v) || v < 0) throw new RangeError(`${name} must be a number ≥ 0, got ${v}`);
    }
  }

  /** Requests running now (for progress and tests). */
  running(host?: string): number {
    return this.limiter.running(host);
  }

  /** Fetches `url`; with the validators of an earlier answer, a page that did not change is 'not-modified'. */
  async get(url: string, cond: { etag?: string | null; lastModified?: string | null } = {}): Promise<FetchResult> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return { kind: 'error', url, code: 'scheme', message: `not a valid URL: ${url}` };
    }
    const no = refused(parsed);
    if (no !== null) return { kind: 'error', url, code: 'scheme', message: `${no} (${url})` };
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.once(url, cond);
      } catch (err) {
        const f = err instanceof Failure ? err : new Failure({ kind: 'error', url, code: 'network', message: `cannot fetch ${url}: ${(err as Error).message}` }, true);
        if (!f.retry || attempt >= this.retries) return attempt === 0 ? f.result : { ...f.result, message: `${f.result.message}; gave up after ${attempt + 1} attempts` };
        const backoff = this.backoffMs * 2 ** attempt * (0.75 + this.random() * 0.5);
        await this.sleep(Math.min(this.maxRetryAfterMs, Math.max(backoff, f.waitMs ?? 0)));
      }
    }
  }

  /**
   * One attempt, redirects included, within one timeout, holding a slot of the host asked: a redirect to another
   * host gives the slot back and waits for one of the new host, so a shortener's links do not crowd the site they
   * lead to. The clock runs only while a slot is held: time spent queueing behind other pages of a host is not
   * that host's fault.
   */
  private async once(url: string, cond: { etag?: string | null; lastModified?: string | null }): Promise<FetchResult> {
    let slotHost = hostOf(url);
    let release: Release = await this.limiter.acquire(slotHost);
    const controller = new AbortController();
    let budget = this.timeoutMs;
    let since = Date.now();
    let timer = setTimeout(() => controller.abort(), budget);
    let current = url;
    try {
      const seen = new Set<string>([current]);
      for (let hops = 0; ; hops++) {
        const headers: Record<string, string> = { 'user-agent': this.userAgent, 'accept-language': 'ar,en;q=0.5', accept: 'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/feed+json,application/xml;q=0.9,text/plain;q=0.8,*/*;q=0.5' };
        if (cond.etag) headers['if-none-match'] = cond.etag;
        if (cond.lastModified) headers['if-modified-since'] = cond.lastModified;
        let res: Response;
        try {
          res = await this.fetch(current, { headers, redirect: 'manual', signal: controller.signal });
        } catch (err) {
          if (controller.signal.aborted) throw this.timedOut(url, current);
          const p = networkProblem(err, hostOf(current));
          throw new Failure({ kind: 'error', url, code: 'network', message: `${p.text} (${current})` }, p.retry);
        }
        if (res.status >= 300 && res.status < 400 && res.status !== 304) {
          await res.body?.cancel();
          const loc = res.headers.get('location');
          if (loc === null) throw new Failure({ kind: 'error', url, code: 'http', status: res.status, message: `HTTP ${res.status} redirect without a Location header from ${current}` }, false);
          let next: URL;
          try {
            next = new URL(loc, current);
          } catch {
            throw new Failure({ kind: 'error', url, code: 'http', status: res.status, message: `${current} redirects to "${loc}", which is not a valid URL` }, false);
          }
          const no = refused(next);
          if (no !== null) throw new Failure({ kind: 'error', url, code: 'scheme', message: `${current} redirects to ${next.href}, which is not fetched: ${no}` }, false);
          if (seen.has(next.href)) throw new Failure({ kind: 'error', url, code: 'redirects', message: `redirect loop: ${current} leads back to ${next.href} (starting from ${url})` }, false);
          if (hops + 1 > this.maxRedirects) throw new Failure({ kind: 'error', url, code: 'redirects', message: `more than ${this.maxRedirects} redirects starting from ${url} (the last to ${next.href})` }, false);
          seen.add(next.href);
          current = next.href;
          if (next.hostname !== slotHost) {
            clearTimeout(timer);
            budget -= Date.now() - since;
            release();
            slotHost = next.hostname;
            release = () => {}; // nothing held while waiting
            release = await this.limiter.acquire(slotHost);
            since = Date.now();
            timer = setTimeout(() => controller.abort(), Math.max(0, budget));
          }
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
            { kind: 'error', url, code: 'http', status: res.status, message: `HTTP ${res.status} ${res.statusText || STATUS_CODES[res.status] || 'error'} from ${current}` },
            retry,
            retryAfter(res.headers.get('retry-after')),
          );
        }
        const declared = Number(res.headers.get('content-length') ?? NaN);
        if (declared > this.maxBytes) {
          await res.body?.cancel();
          throw new Failure({ kind: 'error', url, code: 'too-large', message: `${current} is ${sizeText(declared)}, more than the ${sizeText(this.maxBytes)} limit; it was not downloaded` }, false);
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

  private timedOut(url: string, current: string): Failure {
    return new Failure({ kind: 'error', url, code: 'timeout', message: `no complete answer from ${hostOf(current)} within ${seconds(this.timeoutMs)} (${current})` }, true);
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
          throw new Failure({ kind: 'error', url, code: 'too-large', message: `${current} is larger than the ${sizeText(this.maxBytes)} limit; the download was stopped there` }, false);
        }
        chunks.push(value);
      }
    } catch (err) {
      if (err instanceof Failure) throw err;
      if (controller.signal.aborted) throw this.timedOut(url, current);
      throw new Failure({ kind: 'error', url, code: 'network', message: `the connection to ${hostOf(current)} broke while reading ${current}` }, true);
    }
    return Buffer.concat(chunks);
  }
}
