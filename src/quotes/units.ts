/**
 * The article cut into units for quote finding: sentences (splitSentences), glued back together where a quotation
 * runs over a sentence end, each read as a list of tokens over the normalized text — words, single punctuation marks,
 * and whole quotations (a «…», “…” or "…" pair is one token). All positions here are in the normalized text.
 */
import { splitSentences, type MatchText } from '../text/index.js';
import { CH, ARABIC, DIGIT, FOREIGN, MARK } from '../text/chars.js';
import { COMPS, SAYING } from './lexicon.js';

export const W = 0; // word
export const P = 1; // punctuation mark
export const Q = 2; // quotation

/** A quotation. `open`/`close` are the marks (-1 when the mark is missing), [is, ie) the words inside. */
export interface QSpan {
  open: number;
  close: number;
  is: number;
  ie: number;
  /** False when the quotation has no closing mark on its line and runs to the line end. */
  closed: boolean;
}

export interface Tok {
  k: number;
  s: number;
  e: number;
  /** The normalized word or mark ('' for a quotation). */
  w: string;
  q: QSpan | null;
}

export interface Unit {
  s: number;
  e: number;
  /** The unit begins its line (paragraph). */
  first: boolean;
  /** A closing mark with no opening mark before it on the line, inside this unit (the end of a quotation carried
   *  over from the paragraph before), as a quotation from the line start; else null. */
  carryClose: QSpan | null;
  quotes: Map<number, QSpan>;
}

/** Quote mark class of an original character: 1 guillemets, 2 curly double quotes, 3 straight and others. */
function markClass(c: string): number {
  if (c === '«' || c === '»' || c === '‹' || c === '›') return 1;
  if (c === '“' || c === '”' || c === '„' || c === '‟') return 2;
  return 3;
}

interface Mark {
  pos: number;
  ch: string;
  cls: number;
}

const isBlankN = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Pair the quote marks of the normalized line [a, b) (the original characters tell «» from “” from ""). */
function pairLine(
  m: MatchText,
  original: string,
  a: number,
  b: number,
  pairs: QSpan[],
  carry: QSpan[],
): void {
  const t = m.text;
  const stack: Mark[] = [];
  for (let k = t.indexOf('"', a); k >= 0 && k < b; k = t.indexOf('"', k + 1)) {
    const ch = original[m.offsets[k] as number] as string;
    const cls = markClass(ch);
    let found = -1;
    for (let x = stack.length - 1; x >= 0; x--) {
      const o = stack[x] as Mark;
      if (o.cls !== cls) continue;
      // «…» and reversed »…«; a « never closes a «, a » never closes a ».
      if (cls === 1 && o.ch === ch) continue;
      found = x;
      break;
    }
    if (found >= 0) {
      const o = stack[found] as Mark;
      pairs.push({ open: o.pos, close: k, is: o.pos + 1, ie: k, closed: true });
      stack.length = found;
    } else {
      stack.push({ pos: k, ch, cls });
    }
  }
  if (stack.length === 0) return;
  let lineStart = a;
  while (lineStart < b && isBlankN(t.charCodeAt(lineStart))) lineStart++;
  let lineEnd = b;
  while (lineEnd > lineStart && isBlankN(t.charCodeAt(lineEnd - 1))) lineEnd--;
  for (const o of stack) {
    // Only sentence punctuation after it: a closing mark whose opening mark is in an earlier paragraph.
    let x = o.pos + 1;
    while (x < lineEnd && /[\s.!?,;:…]/.test(t[x] as string)) x++;
    if (x >= lineEnd && o.pos > lineStart) {
      const before = pairs.some((p) => p.open >= a && p.open < o.pos);
      if (!before) carry.push({ open: -1, close: o.pos, is: lineStart, ie: o.pos, closed: true });
      continue;
    }
    if (activeOpen(t, lineStart, o.pos)) pairs.push({ open: o.pos, close: -1, is: o.pos + 1, ie: lineEnd, closed: false });
  }
}

/** An opening mark with no closing mark is taken as a quotation to the line end only at the line start, or after a
 *  colon, إن/أن, or قائلاً. */
function activeOpen(t: string, lineStart: number, pos: number): boolean {
  let x = pos;
  while (x > lineStart && isBlankN(t.charCodeAt(x - 1))) x--;
  if (x === lineStart) return true;
  if (t[x - 1] === ':') return true;
  let w = x;
  while (w > lineStart && isWord(t.charCodeAt(w - 1))) w--;
  const word = t.slice(w, x);
  return COMPS.has(word) || SAYING.has(word);
}

function isWord(c: number): boolean {
  const k = CH[c];
  return k === ARABIC || k === DIGIT || k === FOREIGN || k === MARK;
}

/** Original → normalized index map. */
export function inverse(m: MatchText, length: number): Int32Array {
  const inv = new Int32Array(length + 1);
  const n = m.text.length;
  let k = 0;
  for (let i = 0; i <= length; i++) {
    while (k < n && (m.offsets[k] as number) < i) k++;
    inv[i] = k;
  }
  return inv;
}

/** Cut the article into units. */
export function buildUnits(original: string, m: MatchText, inv: Int32Array): Unit[] {
  const t = m.text;
  const pairs: QSpan[] = [];
  const carry: QSpan[] = [];
  for (let a = 0; a <= t.length; ) {
    let b = t.indexOf('\n', a);
    if (b < 0) b = t.length;
    if (t.indexOf('"', a) >= 0 && t.indexOf('"', a) < b) pairLine(m, original, a, b, pairs, carry);
    a = b + 1;
  }
  const sentences = splitSentences(original).map((s) => [inv[s.start] as number, inv[s.end] as number] as [number, number]);
  // Glue sentences that a quotation runs across.
  const glued = new Uint8Array(sentences.length);
  const spans = [...pairs.map((p): [number, number] => [p.open, p.closed ? p.close : p.ie]), ...carry.map((c): [number, number] => [c.is, c.close])];
  for (const [a, b] of spans) {
    for (let i = 1; i < sentences.length; i++) {
      const start = (sentences[i] as [number, number])[0];
      if (start > a && start <= b) glued[i] = 1;
    }
  }
  const units: Unit[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const [s, e] = sentences[i] as [number, number];
    const last = units[units.length - 1];
    if (glued[i] === 1 && last !== undefined) {
      last.e = e;
      continue;
    }
    const first = i === 0 || t.slice((sentences[i - 1] as [number, number])[1], s).includes('\n');
    units.push({ s, e, first, carryClose: null, quotes: new Map() });
  }
  for (const p of pairs) {
    const u = unitAt(units, p.open);
    if (u !== undefined) u.quotes.set(p.open, p);
  }
  for (const c of carry) {
    const u = unitAt(units, c.close);
    if (u !== undefined && u.first && u.s === c.is) u.carryClose = c;
  }
  return units;
}

function unitAt(units: Unit[], pos: number): Unit | undefined {
  let lo = 0;
  let hi = units.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const u = units[mid] as Unit;
    if (pos < u.s) hi = mid - 1;
    else if (pos >= u.e) lo = mid + 1;
    else return u;
  }
  return undefined;
}

/** Tokens of a unit. With `carry`, a closing mark carried over from the paragraph before makes the text up to it a
 *  quotation. */
export function tokenizeUnit(t: string, u: Unit, carry: boolean): Tok[] {
  const toks: Tok[] = [];
  let i = u.s;
  if (carry && u.carryClose !== null) {
    const c = u.carryClose;
    toks.push({ k: Q, s: c.is, e: c.close + 1, w: '', q: c });
    i = c.close + 1;
  }
  while (i < u.e) {
    const c = t.charCodeAt(i);
    if (c === 0x22) {
      const q = u.quotes.get(i);
      if (q !== undefined) {
        const end = q.closed ? q.close + 1 : q.ie;
        toks.push({ k: Q, s: i, e: end, w: '', q });
        i = Math.max(end, i + 1);
        continue;
      }
    }
    if (isWord(c)) {
      let j = i + 1;
      while (j < u.e && isWord(t.charCodeAt(j))) j++;
      toks.push({ k: W, s: i, e: j, w: t.slice(i, j), q: null });
      i = j;
      continue;
    }
    if (!isBlankN(c) && c !== 0xa0) toks.push({ k: P, s: i, e: i + 1, w: t[i] as string, q: null });
    i++;
  }
  return toks;
}
