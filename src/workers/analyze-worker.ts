/**
 * A worker thread of the analysis pool (./pool.ts): analyses the pages it is sent, one at a time, with the same
 * `analyzePage` as the main thread. A page that throws comes back as its error message; the worker goes on.
 */
import { parentPort } from 'node:worker_threads';
import { analyzePage } from '../pipeline.js';
import type { RawPage } from '../types.js';

interface Job {
  id: number;
  raw: RawPage;
}

parentPort?.on('message', (job: Job) => {
  try {
    // a Buffer arrives as a plain Uint8Array: give the stages the Buffer they were written for
    const raw: RawPage = { ...job.raw, bytes: Buffer.from(job.raw.bytes.buffer, job.raw.bytes.byteOffset, job.raw.bytes.byteLength) };
    parentPort?.postMessage({ id: job.id, page: analyzePage(raw) });
  } catch (err) {
    parentPort?.postMessage({ id: job.id, error: err instanceof Error ? err.message : String(err) });
  }
});
