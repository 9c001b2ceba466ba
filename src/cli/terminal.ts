/**
 * Making untrusted text (page text, titles, file names, messages) safe to print on a terminal, and number formats.
 */

// Line breaks (a title or a message must stay on its line) become spaces.
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
// C0 and C1 control characters (escape sequences start with ESC) and the bidi embeddings, overrides and isolates
// (U+202A–U+202E, U+2066–U+2069) that could reorder or hide what is printed around them.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with no control characters or bidi overrides, on one line. */
export function clean(text: string): string {
  return text.replace(BREAKS, ' ').replace(UNSAFE, '');
}

/** `text` cleaned and cut to `max` characters (with "…"). */
export function cleanShort(text: string, max = 120): string {
  const c = clean(text).trim();
  return c.length > max ? c.slice(0, max - 1).trimEnd() + '…' : c;
}

const INT = new Intl.NumberFormat('en-US');

/** 1500 → "1,500" */
export function int(n: number): string {
  return INT.format(n);
}

/** "1 page", "2 pages"; `plural` defaults to singular + "s". */
export function count(n: number, singular: string, plural = singular + 's'): string {
  return `${int(n)} ${n === 1 ? singular : plural}`;
}

/** Bytes as megabytes with one or two decimals: "12.3 MB", "0.04 MB". */
export function megabytes(bytes: number): string {
  const mb = bytes / 1e6;
  return `${mb >= 10 ? mb.toFixed(1) : mb.toFixed(2)} MB`;
}
