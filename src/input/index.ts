// STUB — replaced by the input stage (walk files/folders, detect encoding, identify language).
import type { DecodedPage, RawPage } from '../types.js';

export function decode(raw: RawPage): DecodedPage {
  return { source: raw.source, format: raw.format, text: new TextDecoder().decode(raw.bytes), encoding: 'utf-8', language: 'ar', warnings: [] };
}

/** A path that was given or found but is not read, with why. */
export interface SkippedInput {
  source: string;
  warning: import('../types.js').Diagnostic;
}

/** Files and folders (recursively), in a stable order, read one at a time as the caller pulls them. */
export async function* readInputs(args: string[]): AsyncGenerator<RawPage | SkippedInput> {
  const { readFile } = await import('node:fs/promises');
  for (const a of args) yield { source: a, bytes: await readFile(a), format: /\.html?$/i.test(a) ? 'html' : 'text' };
}
