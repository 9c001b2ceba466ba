/**
 * Small helpers of the store bench: the PostgreSQL server (reachable or why not, a throw-away schema dropped at the
 * end), peak memory over a phase, percentiles and number formats.
 */
import { randomBytes } from 'node:crypto';
import { SCHEMA_NAME } from '../src/store/db.js';

export { dropSchema } from '../src/store/db.js';

export const MB = 1024 * 1024;

/** The server: RASD_BENCH_PG_URL, else the tests' RASD_TEST_PG_URL, else the tests' default; "off" skips it. */
export function pgUrl(): string {
  return process.env['RASD_BENCH_PG_URL'] || process.env['RASD_TEST_PG_URL'] || 'postgres://postgres@127.0.0.1:5432/test';
}

export const maskUrl = (url: string): string => url.replace(/^([a-z]+:\/\/[^:@/]*):[^@/]*@/i, '$1:***@');

/** undefined when the server answers, else why it cannot be used. */
export async function pgSkipReason(url: string): Promise<string | undefined> {
  if (/^(off|no|none|0|false)$/i.test(url)) return 'turned off (RASD_BENCH_PG_URL=off / --pg off)';
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (e) {
    return `PostgreSQL not reachable at ${maskUrl(url)} (${(e as Error).message || String(e)}); set RASD_BENCH_PG_URL or RASD_TEST_PG_URL`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function benchSchema(what: string): string {
  const name = `rasd_bench_${what}_${process.pid}_${randomBytes(3).toString('hex')}`;
  if (!SCHEMA_NAME.test(name)) throw new Error(`invalid schema name ${name}`);
  return name;
}


// ------------------------------------------------------------------------------------------------------ memory

export interface MemoryPeak {
  heapMB: number;
  rssMB: number;
}

/** Samples heapUsed and RSS every 25 ms (and when asked) until stopped: the peaks of one phase. */
export class PeakMemory {
  private heap = 0;
  private rss = 0;
  private readonly timer: NodeJS.Timeout;
  constructor() {
    globalThis.gc?.();
    this.sample();
    this.timer = setInterval(() => this.sample(), 25);
    this.timer.unref();
  }
  sample(): void {
    const m = process.memoryUsage();
    if (m.heapUsed > this.heap) this.heap = m.heapUsed;
    if (m.rss > this.rss) this.rss = m.rss;
  }
  stop(): MemoryPeak {
    this.sample();
    clearInterval(this.timer);
    return { heapMB: round(this.heap / MB, 1), rssMB: round(this.rss / MB, 1) };
  }
}

/** The process's peak RSS so far (the kernel's maxRSS). */
export const maxRssMB = (): number => round((process.resourceUsage().maxRSS * 1024) / MB, 1);

// ------------------------------------------------------------------------------------------------------ numbers

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export const int = (n: number): string => Math.round(n).toLocaleString('en-US');
export const fixed = (n: number, d = 1): string => n.toFixed(d);
export const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
export const perSec = (n: number, ms: number): number => (ms > 0 ? (n / ms) * 1000 : 0);
export const check = (ok: boolean): string => (ok ? '✓' : '✗');

export interface Latency {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles of durations in ms. */
export function latency(values: readonly number[]): Latency {
  const s = [...values].sort((a, b) => a - b);
  const at = (q: number): number => (s.length === 0 ? 0 : s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!);
  const mean = s.length === 0 ? 0 : s.reduce((a, b) => a + b, 0) / s.length;
  return { n: s.length, p50: round(at(0.5)), p95: round(at(0.95)), p99: round(at(0.99)), max: round(at(1)), mean: round(mean) };
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? 0 : s[Math.floor((s.length - 1) / 2)]!;
}
