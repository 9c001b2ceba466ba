/**
 * Byte-level evidence for encoding detection: magic numbers of binary formats, NUL and control byte counts,
 * the NUL pattern of BOM-less UTF-16, and how well the bytes read as each Arabic single-byte encoding.
 * Everything here looks at a bounded prefix, so cost does not grow with very large files.
 */

/** How many leading bytes the binary and UTF-16 statistics look at. */
export const SAMPLE_BYTES = 16 * 1024;
/**
 * How many leading bytes the single-byte scoring looks at: more, because an HTML page's Arabic text can start
 * after tens of kilobytes of ASCII scripts and styles.
 */
const SCORING_BYTES = 1024 * 1024;

const MAGIC: ReadonlyArray<readonly [string, readonly number[]]> = [
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['ZIP archive', [0x50, 0x4b, 0x03, 0x04]],
  ['ZIP archive', [0x50, 0x4b, 0x05, 0x06]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]], // GIF8(7|9)a
  ['gzip data', [0x1f, 0x8b, 0x08]],
  ['ELF executable', [0x7f, 0x45, 0x4c, 0x46]],
];

/** The kind of binary file the first bytes announce, or null. */
export function magicType(bytes: Uint8Array): string | null {
  for (const [name, sig] of MAGIC) {
    if (bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b)) return name;
  }
  return null;
}

export interface ByteCounts {
  /** Bytes looked at. */
  n: number;
  nul: number;
  /** C0 control bytes other than NUL, tab, LF, VT, FF, CR; and DEL. */
  control: number;
  /** Bytes 0x80–0xFF. */
  high: number;
  /** Bytes that can be the high byte of an ASCII or Arabic UTF-16 code unit, at even and odd offsets. */
  unitHighEven: number;
  unitHighOdd: number;
}

// 0x00: ASCII; 0x06: Arabic U+06xx; 0xFB–0xFE: Arabic presentation forms.
const UNIT_HIGH = new Uint8Array(256);
for (const b of [0x00, 0x06, 0xfb, 0xfc, 0xfd, 0xfe]) UNIT_HIGH[b] = 1;

export function countBytes(bytes: Uint8Array): ByteCounts {
  const n = Math.min(bytes.length, SAMPLE_BYTES);
  let nul = 0;
  let control = 0;
  let high = 0;
  let unitHighEven = 0;
  let unitHighOdd = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b >= 0x20) {
      if (b >= 0x80) high++;
      else if (b === 0x7f) control++;
    } else if (b === 0) {
      nul++;
    } else if (b < 0x09 || b > 0x0d) {
      control++;
    }
    if (UNIT_HIGH[b]) {
      if (i & 1) unitHighOdd++;
      else unitHighEven++;
    }
  }
  return { n, nul, control, high, unitHighEven, unitHighOdd };
}

/**
 * UTF-16 without a BOM, told by the high bytes of its code units: ASCII characters (spaces, digits,
 * punctuation) have 0x00 and Arabic letters 0x06, at odd offsets in little-endian and at even offsets in
 * big-endian, while the low bytes vary. Most code units on one side must look like that and almost none on the
 * other, and the sample must then decode to plausible text.
 */
export function utf16Pattern(bytes: Uint8Array, counts: ByteCounts): 'utf-16le' | 'utf-16be' | null {
  const { unitHighEven, unitHighOdd } = counts;
  const pairs = counts.n >> 1;
  if (pairs < 2) return null;
  const le = unitHighOdd > unitHighEven;
  const onSide = le ? unitHighOdd : unitHighEven;
  const offSide = le ? unitHighEven : unitHighOdd;
  if (onSide < pairs * 0.6 || offSide > onSide * 0.1) return null;
  const label = le ? 'utf-16le' : 'utf-16be';
  const sample = new TextDecoder(label).decode(bytes.subarray(0, Math.min(bytes.length, 8192) & ~1));
  return plausibleShare(sample) >= 0.95 ? label : null;
}

/** Share of characters that are not controls, replacement characters, lone surrogates or private use. */
function plausibleShare(text: string): number {
  if (text.length === 0) return 0;
  let ok = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20) {
      if (c === 0x09 || c === 0x0a || c === 0x0d || c === 0x0c) ok++;
    } else if (c >= 0xd800 && c <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        ok += 2;
        i++;
      }
    } else if (!((c >= 0x7f && c <= 0x9f) || (c >= 0xdc00 && c <= 0xdfff) || (c >= 0xe000 && c <= 0xf8ff) || c === 0xfffd)) {
      ok++;
    }
  }
  return ok / text.length;
}

/** The Arabic single-byte encodings rasd tells apart. */
export type SingleByte = 'windows-1256' | 'iso-8859-6';
export const SINGLE_BYTE: readonly SingleByte[] = ['windows-1256', 'iso-8859-6'];

// What each high byte decodes to, as evidence: a letter of Arabic script is good; an unassigned byte or a C1
// control is very bad; a Latin letter or ×÷ in the middle of Arabic text is bad; a harakah is slightly
// suspicious (news text is rarely vocalised, and windows-1256 ي read as ISO-8859-6 is a kasratan).
const LETTER = 1;
const UNDEFINED = 2;
const LATIN = 3;
const HARAKAH = 4;
const NEUTRAL = 0;
const PENALTY = [0, 0, 3, 2, 0.5] as const;

function classTable(label: SingleByte): Uint8Array {
  const table = new Uint8Array(256);
  const decoder = new TextDecoder(label);
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = decoder.decode(Uint8Array.of(b));
    const c = ch.charCodeAt(0);
    if (ch === '\uFFFD' || (c >= 0x80 && c <= 0x9f)) table[b] = UNDEFINED;
    else if ((c >= 0x0621 && c <= 0x063a) || (c >= 0x0641 && c <= 0x064a) || (c >= 0x0671 && c <= 0x06d3)) table[b] = LETTER;
    else if (c >= 0x064b && c <= 0x0652) table[b] = HARAKAH;
    else if (/\p{L}/u.test(ch) || ch === '×' || ch === '÷') table[b] = LATIN;
    else table[b] = NEUTRAL;
  }
  return table;
}

let tables: Record<SingleByte, Uint8Array> | null = null;

/**
 * How badly the bytes read in each single-byte encoding: weighted penalties per Arabic letter found (0 is a
 * perfect fit). Text with no high bytes at all scores 0 in both.
 */
export function singleByteBadness(bytes: Uint8Array): Record<SingleByte, number> {
  tables ??= { 'windows-1256': classTable('windows-1256'), 'iso-8859-6': classTable('iso-8859-6') };
  const hist = new Uint32Array(256);
  const n = Math.min(bytes.length, SCORING_BYTES);
  for (let i = 0; i < n; i++) hist[bytes[i]!]!++;
  const result = { 'windows-1256': 0, 'iso-8859-6': 0 };
  for (const label of SINGLE_BYTE) {
    const table = tables[label];
    let letters = 0;
    let penalty = 0;
    for (let b = 0x80; b <= 0xff; b++) {
      const count = hist[b]!;
      if (count === 0) continue;
      const cls = table[b]!;
      if (cls === LETTER) letters += count;
      else penalty += count * PENALTY[cls as 0 | 1 | 2 | 3 | 4];
    }
    result[label] = penalty / Math.max(1, letters);
  }
  return result;
}
