/**
 * Arabic text normalization for matching.
 *
 * Everything here is driven by one lookup table built once at module load (MAP: UTF-16 unit → replacement unit), so
 * each function is a single charCode loop: no chain of regex replaces. The folding never changes text shown to users;
 * `cleanDisplay` is the only function meant for display and it never touches letters.
 */
import { Buffer } from 'node:buffer';
import { INVISIBLE_RANGES } from './chars.js';

/** Text normalized for matching, with a map back to the original. offsets[i] is the index in the original string of
 *  the i-th UTF-16 unit of `text`; offsets[text.length] === original.length. */
export interface MatchText {
  text: string;
  offsets: Int32Array;
}

// ---------------------------------------------------------------------------------------------------------------
// Tables

/** MAP value: the unit is removed (diacritics, tatweel, zero-width and bidi marks, noncharacters). */
const DROP = 0xffff;
/** MAP value: the unit expands to several units (Arabic presentation-form ligatures, "ﬁ"); see EXPAND. */
const EXPANDS = 0xfffe;

/** Unit → folded unit (or DROP / EXPANDS). Identity for everything not listed. */
const MAP = new Uint16Array(0x10000);
/** Expansions of presentation forms, already folded. */
const EXPAND = new Map<number, string>();
/** Indexed by a *folded* unit: 1 = whitespace, 2 = punctuation (foldKey turns both into a single separator). */
const SEP = new Uint8Array(0x10000);
/** Indexed by an *original* unit, for cleanDisplay: 1 = remove, 2 = horizontal space, 3 = line break. */
const DISPLAY = new Uint8Array(0x10000);
/** Indexed by an original unit: 1 = a mark that belongs to the letter before it (tashkeel, tatweel, Quranic marks). */
export const ATTACHED = new Uint8Array(0x10000);

function setRange(table: Uint16Array | Uint8Array, from: number, to: number, value: number): void {
  for (let c = from; c <= to; c++) table[c] = value;
}

function buildTables(): void {
  for (let c = 0; c < 0x10000; c++) MAP[c] = c;

  // Latin (and Greek, Cyrillic) lowercase, where it stays one unit.
  const lower = (from: number, to: number): void => {
    for (let c = from; c <= to; c++) {
      const lc = String.fromCharCode(c).toLowerCase();
      if (lc.length === 1) MAP[c] = lc.charCodeAt(0);
    }
  };
  lower(0x0041, 0x005a);
  lower(0x00c0, 0x052f);
  lower(0x1e00, 0x1fff);

  // Diacritics: tashkeel, superscript alef, Quranic marks, honorific signs (U+0610–U+061A) and the extended Arabic
  // marks (U+08D3–U+08FF, except U+08E2 which is a sign, not a mark); tatweel.
  const marks: Array<[number, number]> = [
    [0x064b, 0x065f],
    [0x0670, 0x0670],
    [0x06d6, 0x06ed],
    [0x0610, 0x061a],
    [0x08d3, 0x08e1],
    [0x08e3, 0x08ff],
    [0x0640, 0x0640],
  ];
  for (const [a, b] of marks) {
    setRange(MAP, a, b, DROP);
    setRange(ATTACHED, a, b, 1);
  }
  // U+06DD (end of ayah) and U+06DE (rub el hizb) are in the Quranic range but are signs, not marks on a letter.
  ATTACHED[0x06dd] = 0;
  ATTACHED[0x06de] = 0;

  // Zero-width and bidi controls, BOM, soft hyphen, word joiner and invisible operators, Arabic letter mark.
  for (const [a, b] of INVISIBLE_RANGES) {
    setRange(MAP, a, b, DROP);
    setRange(DISPLAY, a, b, 1);
  }
  MAP[0xfffe] = DROP;
  MAP[0xffff] = DROP;

  // Unicode spaces → ' '; line and paragraph separators → '\n'.
  const spaces = [0x00a0, 0x1680, 0x202f, 0x205f, 0x3000];
  for (let c = 0x2000; c <= 0x200a; c++) spaces.push(c);
  for (const c of spaces) {
    MAP[c] = 0x20;
    DISPLAY[c] = 2;
  }
  MAP[0x2028] = 0x0a;
  MAP[0x2029] = 0x0a;
  DISPLAY[0x20] = 2;
  DISPLAY[0x09] = 2;
  DISPLAY[0x0a] = 3;
  DISPLAY[0x0d] = 3;
  DISPLAY[0x2028] = 3;
  DISPLAY[0x2029] = 3;

  const fold: Record<string, string> = {
    // hamza and alef forms (ء itself is kept)
    'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا', 'ٵ': 'ا',
    'ؤ': 'و', 'ٶ': 'و',
    'ئ': 'ي', 'ٸ': 'ي',
    // alef maqsura, taa marbuta
    'ى': 'ي', 'ة': 'ه',
    // Persian / Urdu letters
    'ی': 'ي', 'ې': 'ي', 'ک': 'ك', 'ڪ': 'ك', 'ہ': 'ه', 'ھ': 'ه', 'ۀ': 'ه', 'ۂ': 'ه', 'ۃ': 'ه',
    // Arabic punctuation
    '،': ',', '؛': ';', '؟': '?', '٪': '%', '٫': '.', '٬': ',', '۔': '.',
    // quote marks
    '«': '"', '»': '"', '“': '"', '”': '"', '„': '"', '‟': '"', '″': '"', '‹': '"', '›': '"', '＂': '"',
    '‘': "'", '’': "'", '‚': "'", '‛': "'",
  };
  for (const [from, to] of Object.entries(fold)) MAP[from.charCodeAt(0)] = to.charCodeAt(0);
  for (let d = 0; d < 10; d++) {
    MAP[0x0660 + d] = 0x30 + d;
    MAP[0x06f0 + d] = 0x30 + d;
  }

  // Compatibility forms: Arabic presentation forms (isolated/initial/final letters, lam-alef and other ligatures),
  // Latin ligatures, fullwidth ASCII. Their NFKC form, folded with the table above.
  const compat = (from: number, to: number): void => {
    for (let c = from; c <= to; c++) {
      const nf = String.fromCharCode(c).normalize('NFKC');
      if (nf.length === 1 && nf.charCodeAt(0) === c) continue;
      let folded = '';
      for (let i = 0; i < nf.length; i++) {
        const m = MAP[nf.charCodeAt(i)] ?? DROP;
        if (m !== DROP) folded += String.fromCharCode(m);
      }
      // Presentation forms of a lone diacritic ("ﹰ" = space + fathatan) vanish like the diacritic itself.
      if (folded.trim() === '') {
        MAP[c] = DROP;
        ATTACHED[c] = 1;
      } else if (folded.length === 1) {
        MAP[c] = folded.charCodeAt(0);
      } else {
        MAP[c] = EXPANDS;
        EXPAND.set(c, folded);
      }
    }
  };
  compat(0xfb00, 0xfb06);
  compat(0xfb50, 0xfdff);
  compat(0xfe70, 0xfefc);
  compat(0xff01, 0xff5e);

  // Separators for foldKey, indexed by folded unit: whitespace and Unicode punctuation (General Category P).
  for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85]) SEP[c] = 1;
  const punct = /\p{P}/u;
  const scan = (from: number, to: number): void => {
    for (let c = from; c <= to; c++) if (punct.test(String.fromCharCode(c))) SEP[c] = 2;
  };
  scan(0x0021, 0x00bf);
  scan(0x0300, 0x07ff);
  scan(0x2000, 0x2e7f);
  scan(0x3000, 0x303f);
  scan(0xfd3e, 0xfd3f);
  scan(0xfe10, 0xfe6f);
  scan(0xff01, 0xff65);
}

buildTables();

// ---------------------------------------------------------------------------------------------------------------
// Output buffers (reused between calls; the functions are synchronous so this is safe).

let scratch = new Uint16Array(4096);

function grow(need: number): void {
  let size = scratch.length * 2;
  while (size < need) size *= 2;
  const next = new Uint16Array(size);
  next.set(scratch);
  scratch = next;
}

function decode(len: number): string {
  if (len === 0) return '';
  if (len < 64) return String.fromCharCode.apply(null, scratch.subarray(0, len) as unknown as number[]);
  return Buffer.from(scratch.buffer, scratch.byteOffset, len * 2).toString('utf16le');
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

/**
 * Fold text for matching: no diacritics or tatweel, one form of alef/hamza/yeh/heh/kaf, ASCII digits and
 * punctuation, '"' for every double quote mark, ' ' for every space, no invisible marks, lowercase Latin.
 * Keeps a map back to the original (see MatchText). Tabs and line breaks are kept as they are.
 */
export function normalizeForMatch(original: string): MatchText {
  const n = original.length;
  if (scratch.length < n + 16) grow(n + 16);
  let offsets = new Int32Array(n + 1);
  let out = scratch;
  let k = 0;
  for (let i = 0; i < n; i++) {
    const m = MAP[original.charCodeAt(i)] as number;
    if (m === DROP) continue;
    if (m !== EXPANDS) {
      out[k] = m;
      offsets[k++] = i;
      continue;
    }
    const exp = EXPAND.get(original.charCodeAt(i)) as string;
    if (k + exp.length + (n - i) + 1 > offsets.length) {
      const bigger = new Int32Array(offsets.length * 2 + exp.length);
      bigger.set(offsets);
      offsets = bigger;
    }
    if (k + exp.length + (n - i) + 16 > out.length) {
      grow(k + exp.length + (n - i) + 16);
      out = scratch;
    }
    for (let j = 0; j < exp.length; j++) {
      out[k] = exp.charCodeAt(j);
      offsets[k++] = i;
    }
  }
  offsets[k] = n;
  const text = decode(k);
  // Keep the array exactly text.length + 1 long; copy only when the spare room is worth freeing.
  const size = k + 1;
  offsets = size === offsets.length ? offsets : size * 4 < offsets.length * 3 ? offsets.slice(0, size) : offsets.subarray(0, size);
  ORIGINALS.set(offsets, original);
  return { text, offsets };
}

/** The original string of each offsets array returned, so toOriginalSpan can take in the marks after a span. */
const ORIGINALS = new WeakMap<Int32Array, string>();

/**
 * Map a [start,end) span of the normalized text back to the original string. The span starts at the original unit
 * of `start` and ends after the original unit of `end - 1`, taking in the diacritics and tatweel written right after
 * it (but not the invisible marks or spaces that follow). An empty span maps to an empty span.
 */
export function toOriginalSpan(m: MatchText, start: number, end: number): [number, number] {
  const len = m.text.length;
  const s = Math.max(0, Math.min(start, len));
  const e = Math.max(s, Math.min(end, len));
  const from = m.offsets[s] as number;
  if (e === s) return [from, from];
  const next = m.offsets[e] as number;
  const original = ORIGINALS.get(m.offsets);
  if (original === undefined) return [from, next];
  return [from, extendOverMarks(original, m.offsets[e - 1] as number, next)];
}

/**
 * End (exclusive) of the original text for the unit at `last`: past a surrogate pair, then past the diacritics and
 * tatweel attached to it, never past `limit`.
 */
export function extendOverMarks(original: string, last: number, limit: number): number {
  let end = last + 1;
  const c = original.charCodeAt(last);
  if (c >= 0xd800 && c <= 0xdbff && end < limit) end++;
  while (end < limit && ATTACHED[original.charCodeAt(end)] === 1) end++;
  return end;
}

/**
 * Same folding as normalizeForMatch, but without offsets; punctuation becomes a word break, and all whitespace
 * collapses to one space, trimmed. A key for "are these two lines the same text?".
 */
export function foldKey(s: string): string {
  const n = s.length;
  if (scratch.length < n + 16) grow(n + 16);
  let out = scratch;
  let k = 0;
  let space = false;
  for (let i = 0; i < n; i++) {
    const m = MAP[s.charCodeAt(i)] as number;
    if (m === DROP) continue;
    if (m === EXPANDS) {
      const exp = EXPAND.get(s.charCodeAt(i)) as string;
      if (k + exp.length + (n - i) + 16 > out.length) {
        grow(k + exp.length + (n - i) + 16);
        out = scratch;
      }
      for (let j = 0; j < exp.length; j++) {
        const e = exp.charCodeAt(j);
        if (SEP[e] !== 0) {
          space = k > 0;
        } else {
          if (space) {
            out[k++] = 0x20;
            space = false;
          }
          out[k++] = e;
        }
      }
      continue;
    }
    if (SEP[m] !== 0) {
      space = k > 0;
      continue;
    }
    if (space) {
      out[k++] = 0x20;
      space = false;
    }
    out[k++] = m;
  }
  return decode(k);
}

/**
 * Display cleanup that never changes letters: removes zero-width and bidi marks (and soft hyphens), turns no-break
 * and other Unicode spaces and tabs into ' ', collapses runs of spaces, drops spaces next to a line break, trims.
 */
export function cleanDisplay(s: string): string {
  const n = s.length;
  // Fast path: nothing to remove or collapse (only single ASCII spaces between other characters).
  let clean = n === 0 || (DISPLAY[s.charCodeAt(0)] === 0 && DISPLAY[s.charCodeAt(n - 1)] === 0);
  for (let i = 0; clean && i < n; i++) {
    const c = s.charCodeAt(i);
    if (DISPLAY[c] === 0) continue;
    if (c !== 0x20 || DISPLAY[s.charCodeAt(i + 1)] !== 0) clean = false;
  }
  if (clean) return s;

  let out = '';
  let runStart = -1; // start of a run of kept non-space units not yet copied
  let pendingSpace = false;
  let atLineStart = true;
  const flush = (i: number): void => {
    if (runStart >= 0) {
      out += s.slice(runStart, i);
      runStart = -1;
    }
  };
  for (let i = 0; i < n; i++) {
    const d = DISPLAY[s.charCodeAt(i)];
    if (d === 0) {
      if (runStart < 0) {
        if (pendingSpace && !atLineStart) out += ' ';
        pendingSpace = false;
        atLineStart = false;
        runStart = i;
      }
      continue;
    }
    flush(i);
    if (d === 2) pendingSpace = true;
    else if (d === 3) {
      out += s[i] as string;
      pendingSpace = false;
      atLineStart = true;
    }
    // d === 1: removed
  }
  flush(n);
  return out.trim();
}
