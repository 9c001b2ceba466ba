/** What the CLI writes to and, for tests, the stages and clock it uses. */
import type { AnalyzedPage, RawPage } from '../types.js';
import type { SkippedInput } from '../input/index.js';

/** Where text goes: process.stdout / process.stderr, or a test's collector. */
export interface Writer {
  write(text: string): unknown;
  /** A terminal (progress is shown every couple of seconds only on one). */
  isTTY?: boolean | undefined;
}

export interface CliIO {
  stdout: Writer;
  stderr: Writer;
  /** Milliseconds, for elapsed time and progress; performance.now() by default. */
  now?: () => number;
  /** The input stage; `readInputs` from src/input by default. */
  readInputs?: (paths: string[]) => AsyncIterable<RawPage | SkippedInput>;
  /** The analysis pipeline; `analyzePage` from src/pipeline by default. */
  analyzePage?: (raw: RawPage) => AnalyzedPage;
  /** Interrupts a running command (Ctrl-C): it stops between pages, removes its temporary files and returns 130. */
  signal?: AbortSignal;
  /** Progress on stderr every `everyPages` pages, and on a terminal also every `everyMs` ms. Default 500 / 2000. */
  progress?: { everyPages: number; everyMs: number };
}
