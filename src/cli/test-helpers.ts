/** Helpers for the CLI tests (not used at run time). */
import type { AnalyzedPage, RawPage } from '../types.js';
import type { SkippedInput } from '../input/index.js';
import type { CliIO, Writer } from './io.js';

export interface Collected extends Writer {
  text: string;
}

export function collector(isTTY = false): Collected {
  const c: Collected = {
    text: '',
    isTTY,
    write(s: string) {
      c.text += s;
      return true;
    },
  };
  return c;
}

export function raw(source: string, text = 'نص'): RawPage {
  return { source, bytes: new TextEncoder().encode(text), format: /\.html?$/i.test(source) ? 'html' : 'text' };
}

export function skipped(source: string, rule: string, message: string): SkippedInput {
  return { source, warning: { rule, message } };
}

/** An io whose input stage yields `items` and whose pipeline returns the given page for each source. */
export function fakeIO(items: (RawPage | SkippedInput)[], pages: AnalyzedPage[], extra: Omit<CliIO, 'stdout' | 'stderr'> = {}): CliIO & { stdout: Collected; stderr: Collected } {
  const bySource = new Map(pages.map((p) => [p.source, p]));
  return {
    stdout: collector(),
    stderr: collector(),
    readInputs: async function* () {
      yield* items;
    },
    analyzePage: (r: RawPage) => {
      const p = bySource.get(r.source);
      if (!p) throw new Error(`no fake page for ${r.source}`);
      return p;
    },
    ...extra,
  };
}
