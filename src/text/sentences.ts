/**
 * Sentence splitting for Arabic news text (and the Latin bits in it).
 *
 * Rules, in order:
 *  1. A line break always ends a sentence (\n, \r\n, \r, U+0085, U+2028, U+2029).
 *  2. A run of terminal marks (. ! ? ؟ … ۔ ‼ ⁇ ⁈ ⁉), with the closing quotes and brackets right after it, ends a
 *     sentence, and stays with it, unless:
 *     a. it is an ellipsis: "…" or two or more dots with no ! ? ؟ in the run ("بعد توقيعها.. ماذا"); an ellipsis
 *        ends a sentence only at a line break or the end of the text, which rule 1 and the end already do;
 *     b. it is "(!)" or "(؟)";
 *     c. it is inside a short quotation that goes on after it: a «…», “…”, "…", (…) or […] pair on the same line at
 *        most MAX_QUOTE units long (open to close). Longer quotations, and quotes left open, are split as usual: a
 *        speech quoted over many sentences is then cut into them, while a one- or two-sentence quote stays whole;
 *     d. what follows (after spaces) is ، , ; ؛ : or a closing bracket, or the mark ends a quotation and the next
 *        word is an attribution or a circumstance (reporting-verbs.json continueAfterQuote: قال، بحسب، في، خلال …):
 *        the sentence goes on ("«لن نتراجع.» قال الوزير." is one sentence);
 *     e. it is glued to what follows (no space): "1.8", "19.04.2025", "aljazeera.net", "أ.ف.ب" are not ends. A single
 *        period glued to an Arabic word does end a sentence when the words on both sides are Arabic and at least
 *        3 and 2 letters long ("انتهى الاجتماع.وقال"), and so does ! ? ؟ between two Arabic letters;
 *     f. for a single period: the word before it is an abbreviation (src/lang/ar/abbreviations.json: د. م. أ.د.
 *        Dr. U.S. …) or a run of single letters with dots (أ.ف.ب. ق.م. U.S.); or it is a number that begins the
 *        sentence ("1. ..." in a list). A date suffix after a number ("عام 2025م." "1446 هـ." "300 ق.م.") does end a sentence.
 *  3. Run-on sentences: inside what rules 1–2 give, a reporting verb with و glued to it (src/lang/ar/reporting-verbs.json:
 *     وأضاف، وقال، وأكدت …) starts a new sentence when at least minWordsBefore words (8) come before it in the current
 *     sentence, at least minWordsAfter words (1) follow it, and it is not inside a quotation. "قال وأضاف" stays one.
 *  Sentences are trimmed of spaces and invisible marks; empty ones are dropped. Offsets are UTF-16 offsets into the input.
 */
import abbreviations from '../lang/ar/abbreviations.json' with { type: 'json' };
import reporting from '../lang/ar/reporting-verbs.json' with { type: 'json' };
import { foldKey } from './normalize.js';
import { CH, ARABIC, DIGIT, MARK, isBlank, isWordUnit } from './chars.js';

export interface Sentence {
  text: string;
  start: number;
  end: number;
}

/** A quotation (or bracket) at most this many UTF-16 units long, open to close, is never split inside. */
export const MAX_QUOTE = 300;

const ABBR = new Set([...abbreviations.titles, ...abbreviations.credits, ...abbreviations.latin].map(foldKey));
const DATE_SUFFIX = new Set(abbreviations.dateSuffixes.map(foldKey));
const REPORT = new Set<string>();
for (const c of reporting.conjunctions) for (const v of reporting.verbs) REPORT.add(foldKey(c + v));
const REPORT_FIRST = [...new Set(reporting.conjunctions.map((c) => c[0] as string))];
const AFTER_QUOTE = new Set(reporting.continueAfterQuote.map(foldKey));
const MIN_BEFORE = reporting.minWordsBefore;
const MIN_AFTER = reporting.minWordsAfter;

const T_DOT = 1;
const T_STRONG = 2;
const T_ELLIPSIS = 3;
/** Terminal marks. */
const TERM = new Uint8Array(0x10000);
TERM[0x2e] = T_DOT;
TERM[0x06d4] = T_DOT; // ۔ Arabic full stop
for (const c of [0x21, 0x3f, 0x061f, 0x203c, 0x2047, 0x2048, 0x2049]) TERM[c] = T_STRONG;
TERM[0x2026] = T_ELLIPSIS;

const Q_OPEN = 1; // ( [ {
const Q_CLOSE = 2; // ) ] }
const Q_QUOTE = 3; // quote marks, matched among themselves (see quoteSpans)
/** Quote marks and brackets. */
const QUOTE = new Uint8Array(0x10000);
for (const c of '([{') QUOTE[c.charCodeAt(0)] = Q_OPEN;
for (const c of ')]}') QUOTE[c.charCodeAt(0)] = Q_CLOSE;
for (const c of '«»“”"') QUOTE[c.charCodeAt(0)] = Q_QUOTE;
/** Closing quotes and brackets kept with the terminal mark before them. */
const CLOSER = new Uint8Array(0x10000);
for (const c of '»«”“"\'’‘›‹)]}') CLOSER[c.charCodeAt(0)] = 1;
/** After a terminal mark and spaces, these mean the sentence goes on. */
const CONTINUER = new Uint8Array(0x10000);
for (const c of '،,;؛:)]}') CONTINUER[c.charCodeAt(0)] = 1;

const PAIR: Record<string, string> = { ')': '(', ']': '[', '}': '{' };

/**
 * Quotation and bracket pairs on a line, as a flat list [open, close, open, close, …]. Brackets pair by kind;
 * « and » pair with each other in either order (some sites write »…« ), “ and ” likewise, '"' with '"'.
 */
function quoteSpans(s: string, a: number, b: number): number[] {
  const stack: number[] = [];
  const spans: number[] = [];
  QUOTE_RE.lastIndex = a;
  for (let m = QUOTE_RE.exec(s); m !== null && m.index < b; m = QUOTE_RE.exec(s)) {
    const i = m.index;
    const c = s.charCodeAt(i);
    const q = QUOTE[c];
    if (q === Q_OPEN) {
      stack.push(i);
      continue;
    }
    const want =
      q === Q_CLOSE
        ? [(PAIR[String.fromCharCode(c)] as string).charCodeAt(0)]
        : c === 0x22
          ? [0x22]
          : c === 0xab || c === 0xbb
            ? [0xab, 0xbb]
            : [0x201c, 0x201d];
    let found = -1;
    for (let k = stack.length - 1; k >= 0; k--) {
      if (want.includes(s.charCodeAt(stack[k] as number))) {
        found = k;
        break;
      }
    }
    if (found >= 0) {
      spans.push(stack[found] as number, i);
      stack.length = found;
    } else if (q === Q_QUOTE) {
      stack.push(i);
    }
  }
  return spans;
}

// Scanning is done with native regex searches where it can: they are much faster than a charCode loop in JS.
const BREAK_RE = /\r\n?|[\n\u0085\u2028\u2029]/g;
const TERM_RE = /[.!?\u061f\u2026\u06d4\u203c\u2047\u2048\u2049]/g;
const QUOTE_RE = /[()[\]{}«»“”"]/g;

export function splitSentences(s: string): Sentence[] {
  const out: Sentence[] = [];
  let a = 0;
  BREAK_RE.lastIndex = 0;
  for (let m = BREAK_RE.exec(s); m !== null; m = BREAK_RE.exec(s)) {
    splitLine(s, a, m.index, out);
    a = m.index + m[0].length;
  }
  splitLine(s, a, s.length, out);
  return out;
}

function splitLine(s: string, a: number, b: number, out: Sentence[]): void {
  if (a >= b) return;
  const spans = quoteSpans(s, a, b);
  let from = a;
  TERM_RE.lastIndex = a;
  for (let m = TERM_RE.exec(s); m !== null && m.index < b; m = TERM_RE.exec(s)) {
    const i = m.index;
    let j = i + 1;
    while (j < b && TERM[s.charCodeAt(j)] !== 0) j++;
    let k = j;
    while (k < b && CLOSER[s.charCodeAt(k)] === 1) k++;
    if (isEnd(s, a, from, b, i, j, k, spans)) {
      emit(s, from, k, spans, out);
      from = k;
    }
    TERM_RE.lastIndex = k;
  }
  emit(s, from, b, spans, out);
}

/**
 * Does the terminal run [i, j), followed by closers up to k, end a sentence? The line is [a, b), the sentence so far
 * starts at `from`.
 */
function isEnd(s: string, a: number, from: number, b: number, i: number, j: number, k: number, spans: number[]): boolean {
  let strong = false;
  let dots = 0;
  let ellipsis = false;
  for (let x = i; x < j; x++) {
    const t = TERM[s.charCodeAt(x)];
    if (t === T_STRONG) strong = true;
    else if (t === T_DOT) dots++;
    else ellipsis = true;
  }
  if (!strong && (ellipsis || dots >= 2)) return false; // rule 2a
  if (i > a && s.charCodeAt(i - 1) === 0x28 && s.charCodeAt(j) === 0x29) return false; // 2b: (!) (؟)
  for (let x = 0; x < spans.length; x += 2) {
    const open = spans[x] as number;
    const close = spans[x + 1] as number;
    if (open < i && close >= k && close - open <= MAX_QUOTE) return false; // 2c
  }
  if (k >= b) return true;
  const next = s.charCodeAt(k);
  if (!isBlank(next)) {
    // 2e: glued to what follows
    if (k !== j) return false;
    if (strong) return i > a && isArabicUnit(s.charCodeAt(i - 1)) && CH[next] === ARABIC;
    return dots === 1 && gluedPeriodEnds(s, a, b, i);
  }
  let q = k;
  while (q < b && isBlank(s.charCodeAt(q))) q++;
  if (q >= b) return true;
  if (CONTINUER[s.charCodeAt(q)] === 1) return false; // 2d
  if (k > j && closesQuote(spans, j, k) && continuesQuote(s, q, b)) return false; // 2d
  if (strong) return true;
  return periodEnds(s, a, from, i);
}

function isArabicUnit(c: number): boolean {
  return CH[c] === ARABIC || CH[c] === MARK;
}

/** Does one of the closers [j, k) close a quotation (or bracket) pair? */
function closesQuote(spans: number[], j: number, k: number): boolean {
  for (let x = 1; x < spans.length; x += 2) {
    const close = spans[x] as number;
    if (close >= j && close < k) return true;
  }
  return false;
}

/** Is the word at q one that goes on after a quotation (attribution, circumstances)? */
function continuesQuote(s: string, q: number, b: number): boolean {
  let e = q;
  while (e < b && isWordUnit(s.charCodeAt(e))) e++;
  return e > q && e - q <= 16 && AFTER_QUOTE.has(foldKey(s.slice(q, e)));
}

/** Rule 2f: a single period at i followed by a space. The line starts at a, the sentence so far at `from`. */
function periodEnds(s: string, a: number, from: number, i: number): boolean {
  // The dotted word before the period: word units, with single inner dots ("أ.ف.ب", "U.S", "1.8").
  let w = i;
  while (w > a) {
    const c = s.charCodeAt(w - 1);
    if (isWordUnit(c)) w--;
    else if (c === 0x2e && w - 2 >= a && isWordUnit(s.charCodeAt(w - 2))) w--;
    else break;
  }
  if (w === i) return true; // after a quote, a bracket or a symbol
  // A number: a list item number at the start of the line is not an end; elsewhere it is.
  let p = w;
  let numeric = true;
  for (let x = w; x < i; x++) {
    const c = s.charCodeAt(x);
    if (CH[c] !== DIGIT && c !== 0x2e && c !== 0x2c) {
      numeric = false;
      break;
    }
  }
  if (numeric) {
    for (let x = from; x < w; x++) if (!isBlank(s.charCodeAt(x)) && '-–—•*'.indexOf(s[x] as string) < 0) return true;
    return false;
  }
  while (p < i && CH[s.charCodeAt(p)] === DIGIT) p++;
  if (p > w) {
    // digits glued to letters: "2025م"
    return true;
  }
  const key = foldKey(s.slice(w, i));
  if (key === '') return true;
  if (DATE_SUFFIX.has(key) && numberBefore(s, a, w)) return true;
  if (ABBR.has(key)) return false;
  return !singleLetters(key);
}

/** "ا ف ب", "u s", "د": only one-letter parts. */
function singleLetters(key: string): boolean {
  for (let x = 0; x + 1 < key.length; x++) if (key.charCodeAt(x) !== 0x20 && key.charCodeAt(x + 1) !== 0x20) return false;
  return true;
}

function numberBefore(s: string, a: number, w: number): boolean {
  let x = w - 1;
  while (x >= a && isBlank(s.charCodeAt(x))) x--;
  return x >= a && CH[s.charCodeAt(x)] === DIGIT;
}

/** Rule 2e for a period glued to the next word: only between two Arabic words of at least 3 and 2 letters. */
function gluedPeriodEnds(s: string, a: number, b: number, i: number): boolean {
  let w = i;
  let letters = 0;
  while (w > a && isWordUnit(s.charCodeAt(w - 1))) {
    w--;
    const k = CH[s.charCodeAt(w)];
    if (k === ARABIC) letters++;
    else if (k !== MARK) return false;
  }
  if (letters < 3 || (w > a && s.charCodeAt(w - 1) === 0x2e)) return false;
  let e = i + 1;
  let after = 0;
  while (e < b && isWordUnit(s.charCodeAt(e))) {
    const k = CH[s.charCodeAt(e)];
    if (k === ARABIC) after++;
    else if (k !== MARK) return false;
    e++;
  }
  if (after < 2) return false;
  return !ABBR.has(foldKey(s.slice(w, i)));
}

/** Push [from, to) trimmed, split before run-on reporting verbs (rule 3). */
function emit(s: string, from: number, to: number, spans: number[], out: Sentence[]): void {
  let a = from;
  let b = to;
  while (a < b && isBlank(s.charCodeAt(a))) a++;
  while (b > a && isBlank(s.charCodeAt(b - 1))) b--;
  if (a >= b) return;
  let start = a;
  for (let i = nextConj(s, a, b); i >= 0; i = nextConj(s, i + 1, b)) {
    if (i > a && isWordUnit(s.charCodeAt(i - 1))) continue; // not the start of a word
    let j = i + 1;
    while (j < b && isWordUnit(s.charCodeAt(j))) j++;
    if (j - i < 3 || j - i > 16 || !REPORT.has(foldKey(s.slice(i, j)))) continue;
    if (countWords(s, start, i, MIN_BEFORE) < MIN_BEFORE) continue;
    if (insideQuote(spans, i) || countWords(s, j, b, MIN_AFTER) < MIN_AFTER) continue;
    push(s, start, i, out);
    start = i;
  }
  push(s, start, b, out);
}

/** Index of the next conjunction letter that may begin a reporting verb in [from, to), or -1. */
function nextConj(s: string, from: number, to: number): number {
  let best = -1;
  for (const c of REPORT_FIRST) {
    const i = s.indexOf(c, from);
    if (i >= 0 && i < to && (best < 0 || i < best)) best = i;
  }
  return best;
}

function insideQuote(spans: number[], i: number): boolean {
  for (let x = 0; x < spans.length; x += 2) if ((spans[x] as number) < i && (spans[x + 1] as number) > i) return true;
  return false;
}

/** Words in [from, to), counting up to `max`. */
function countWords(s: string, from: number, to: number, max: number): number {
  let count = 0;
  let inWord = false;
  for (let x = from; x < to && count < max; x++) {
    const w = isWordUnit(s.charCodeAt(x));
    if (w && !inWord) count++;
    inWord = w;
  }
  return count;
}

function push(s: string, from: number, to: number, out: Sentence[]): void {
  let a = from;
  let b = to;
  while (a < b && isBlank(s.charCodeAt(a))) a++;
  while (b > a && isBlank(s.charCodeAt(b - 1))) b--;
  if (a < b) out.push({ text: s.slice(a, b), start: a, end: b });
}
