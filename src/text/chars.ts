/**
 * Character classes shared by the tokenizer and the sentence splitter: one lookup table over UTF-16 units, built once.
 * Works on original and on normalized text alike.
 */

/** Zero-width and bidi controls, BOM, soft hyphen, word joiner and invisible operators, Arabic letter mark. */
export const INVISIBLE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x2069],
  [0xfeff, 0xfeff],
  [0x061c, 0x061c],
  [0x00ad, 0x00ad],
];


/** Class of a unit in CH. */
export const OTHER = 0; // punctuation, symbols, surrogates
export const SPACE = 1; // whitespace (incl. no-break and other Unicode spaces), not line breaks
export const ARABIC = 2; // Arabic-script letter
export const DIGIT = 3; // decimal digit of any script
export const FOREIGN = 4; // letter of another script (Latin, Cyrillic, …)
export const MARK = 5; // combining mark or tatweel: continues the word before it
export const INVISIBLE = 6; // zero-width and bidi marks, BOM, soft hyphen
export const BREAK = 7; // line break: \n \r U+0085 U+2028 U+2029

export const CH = new Uint8Array(0x10000);

function build(): void {
  const letter = /\p{L}/u;
  const mark = /\p{M}/u;
  const digit = /\p{Nd}/u;
  const arabic = /\p{Script=Arabic}/u;
  for (let c = 0; c < 0x10000; c++) {
    if (c >= 0xd800 && c < 0xe000) continue;
    const ch = String.fromCharCode(c);
    if (letter.test(ch)) CH[c] = arabic.test(ch) ? ARABIC : FOREIGN;
    else if (mark.test(ch)) CH[c] = MARK;
    else if (digit.test(ch)) CH[c] = DIGIT;
  }
  CH[0x0640] = MARK; // tatweel (a letter modifier in Unicode, but it never starts a word)
  for (const c of [0x09, 0x0b, 0x0c, 0x20, 0xa0, 0x1680, 0x202f, 0x205f, 0x3000]) CH[c] = SPACE;
  for (let c = 0x2000; c <= 0x200a; c++) CH[c] = SPACE;
  for (const c of [0x0a, 0x0d, 0x85, 0x2028, 0x2029]) CH[c] = BREAK;
  for (const [a, b] of INVISIBLE_RANGES) for (let c = a; c <= b; c++) CH[c] = INVISIBLE;
}

build();

/** Whitespace, line break or invisible mark: what trimming removes. */
export function isBlank(c: number): boolean {
  const k = CH[c];
  return k === SPACE || k === BREAK || k === INVISIBLE;
}

/** A unit that is part of a word: letter of any script, digit, combining mark or tatweel. */
export function isWordUnit(c: number): boolean {
  const k = CH[c] as number;
  return k >= ARABIC && k <= MARK;
}
