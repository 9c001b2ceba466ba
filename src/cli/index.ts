#!/usr/bin/env node
/** The `rasd` command (package bin). The work is in main.ts, which tests run in-process. */
import { main } from './main.js';
import type { Writer } from './io.js';

/** process.stdout, except that once the reader went away (`rasd analyze … | head`) further output is dropped. */
function guarded(stream: NodeJS.WriteStream): Writer {
  let closed = false;
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') closed = true;
    else throw err;
  });
  return {
    isTTY: stream.isTTY,
    write: (text: string) => (closed ? false : stream.write(text)),
  };
}

// The first Ctrl-C stops the run between pages (removing a half-written export); a second one kills it.
const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());
// SIGTERM (a service manager stopping `rasd watch` or `rasd serve`) ends it the same way.
process.once('SIGTERM', () => interrupt.abort());

main(process.argv.slice(2), { stdout: guarded(process.stdout), stderr: guarded(process.stderr), signal: interrupt.signal }).then(
  (code) => {
    process.exitCode = code;
    // Let the process end on its own even if the listener is still registered.
    process.removeAllListeners('SIGINT');
    process.removeAllListeners('SIGTERM');
  },
  (err: unknown) => {
    process.stderr.write(`rasd: internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
