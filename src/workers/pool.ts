/**
 * Page analysis on worker threads: `rasd ingest` analyses pages on the other cores while the main thread stores and
 * links them. Results come back as promises; the caller keeps the order it needs (the store takes pages in the
 * order they were read, whatever order the workers finish in).
 *
 * Each worker has a queue; a page goes to the worker with the fewest pages in hand. A worker that dies (out of
 * memory on a hostile page) fails the pages it held with its error and is replaced.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { AnalyzedPage, RawPage } from '../types.js';

/** Workers by default: every core but the one the main thread stores and links on, at least one, at most four. */
export function defaultWorkers(): number {
  const env = process.env['RASD_WORKERS'];
  if (env !== undefined && /^\d+$/.test(env)) return Number(env);
  return Math.min(4, Math.max(1, availableParallelism() - 1));
}

interface Pending {
  resolve: (page: AnalyzedPage) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  pending: Map<number, Pending>;
}

// Compiled, the worker is a .js file beside this one; run from source (tsx), a .ts file.
const WORKER_URL = new URL(import.meta.url.endsWith('.ts') ? './analyze-worker.ts' : './analyze-worker.js', import.meta.url);

export class AnalyzePool {
  private readonly slots: Slot[] = [];
  private next = 0;
  private closed = false;

  constructor(readonly size: number = defaultWorkers()) {
    if (!(size >= 1)) throw new Error(`an analysis pool needs at least one worker (got ${size})`);
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    const slot: Slot = { worker: new Worker(WORKER_URL), pending: new Map() };
    slot.worker.on('message', (m: { id: number; page?: AnalyzedPage; error?: string }) => {
      const p = slot.pending.get(m.id);
      if (!p) return;
      slot.pending.delete(m.id);
      if (m.page) p.resolve(m.page);
      else p.reject(new Error(m.error ?? 'the analysis failed'));
    });
    const fail = (err: Error): void => {
      for (const p of slot.pending.values()) p.reject(err);
      slot.pending.clear();
      const i = this.slots.indexOf(slot);
      if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
    };
    slot.worker.on('error', (err: unknown) => fail(err instanceof Error ? err : new Error(String(err))));
    slot.worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`the analysis worker stopped (exit code ${code})`));
    });
    slot.worker.unref();
    return slot;
  }

  /** Pages sent and not yet back. */
  get inFlight(): number {
    let n = 0;
    for (const s of this.slots) n += s.pending.size;
    return n;
  }

  analyze(raw: RawPage): Promise<AnalyzedPage> {
    if (this.closed) return Promise.reject(new Error('the analysis pool is closed'));
    let slot = this.slots[0]!;
    for (const s of this.slots) if (s.pending.size < slot.pending.size) slot = s;
    const id = this.next++;
    return new Promise<AnalyzedPage>((resolve, reject) => {
      slot.pending.set(id, { resolve, reject });
      slot.worker.postMessage({ id, raw: { source: raw.source, bytes: raw.bytes, format: raw.format, charset: raw.charset ?? null, warnings: raw.warnings ?? [] } });
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all(
      this.slots.map(async (s) => {
        for (const p of s.pending.values()) p.reject(new Error('the analysis pool was closed'));
        s.pending.clear();
        await s.worker.terminate();
      }),
    );
  }
}
