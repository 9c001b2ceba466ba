/**
 * Mojibake, common in scraped Arabic: UTF-8 bytes read as windows-1252 (or latin-1), as windows-874 (Thai) or as
 * windows-1256 (Arabic Windows, the most common on Arabic sites) and saved again, so that "ال" became "Ø§Ù„",
 * "ุงูฤ" or "ط§ظ„". Such text is undone by writing its characters back as the bytes of the code page they were
 * read with and reading those bytes as UTF-8.
 *
 * Each code page writes one character as one byte, so a span of damaged characters is a span of bytes, and UTF-8
 * never puts an ASCII byte inside a multi-byte character: spans are cut at ASCII and at characters the code page
 * cannot write (correct Arabic in the page's template, say), and each span is read as UTF-8 sequence by sequence.
 * A valid multi-byte sequence becomes its character; a byte that starts no valid sequence keeps the character it
 * was (genuine "é" or Thai beside the damage is left alone). So a page whose template is fine and whose article is
 * damaged comes out whole.
 *
 * When to repair (signals, not a threshold on the raw text): at least MIN_SEQUENCES sequences decode to Arabic
 * letters, they are most of what decodes (ARABIC_SHARE), and most of the code page's non-ASCII characters take part
 * in valid sequences (VALID_SHARE). Genuine French or Thai has a few accidental sequences among many characters
 * that start none; correct Arabic has no characters windows-1252 or windows-874 can write at all. windows-1256 can
 * write correct Arabic, whose words read as UTF-8 are almost all invalid bytes, so they are kept as they were; the
 * quick gate for it counts only two damaged letters in a row ("ط§ظ„": lead 0xD8–0xDB, continuation, twice), which
 * correct Arabic does not write ("فقط،" has one). Each gate is one regular-expression scan: a correct page costs three
 * scans that find nothing (about 5 ms per million characters).
 *
 * Lost bytes: windows-1252 has no character for 0x81, 0x8D, 0x8F, 0x90, 0x9D; scrapers turned them into U+FFFD or
 * "?" or dropped them. An Arabic lead byte (0xD8–0xDB) whose continuation is missing lost its letter: it comes out
 * as U+FFFD and is counted, except that after 0xD9 in windows-1252 the missing byte can only have been one of
 * those five and of them only 0x81 (ف) is a letter of ordinary text (the others are vowel marks and rare
 * letters), so ف is restored and counted as guessed. windows-1256 writes every byte: nothing was lost, and a lead
 * without its continuation there is correct Arabic, left as it was.
 *
 * Text damaged twice (the UTF-8 of mojibake read again) is undone layer by layer, up to MAX_LAYERS, as long as
 * each layer is valid UTF-8; only a result that passes the Arabic test above is kept. Each layer is one pass over
 * the text: linear time.
 */

export interface MojibakeResult {
  text: string;
  /** The code page the (innermost) damage was undone with, or null when nothing was repaired. */
  codePage: CodePage | null;
  /** How many times the text had been damaged (0 when nothing was repaired). */
  layers: number;
  /** Characters of the result that were repaired (decoded from damaged sequences by the last layer). */
  repaired: number;
  /** Letters that could not be recovered (their bytes were lost); they are U+FFFD in the text. */
  lost: number;
  /** Letters restored by the only likely reading of a lost byte (ف, see above). */
  guessed: number;
}

const MIN_SEQUENCES = 8;
const ARABIC_SHARE = 0.6;
const VALID_SHARE = 0.8;
const MAX_LAYERS = 3;

/** windows-1252's 0x80–0x9F (Node's TextDecoder reads 'windows-1252' as latin-1 and gives C1 controls there). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** char code → byte for the upper half of a code page (-1: the code page cannot write that character). */
function table(label: string, high?: string): Int16Array {
  const t = new Int16Array(0x10000).fill(-1);
  const dec = new TextDecoder(label);
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = dec.decode(Uint8Array.of(b));
    if (ch !== '\uFFFD' && ch.length === 1) t[ch.charCodeAt(0)] = b;
  }
  if (high) for (let k = 0; k < 32; k++) t[high.charCodeAt(k)] = 0x80 + k;
  // bytes a code page leaves undefined are often kept as the C1 control of the same number (latin-1 style)
  for (let b = 0x80; b <= 0x9f; b++) if (t.indexOf(b, 0x80) === -1) t[b] = b;
  return t;
}

const TABLES = {
  'windows-1252': table('latin1', CP1252_HIGH),
  'windows-874': table('windows-874'),
  'windows-1256': table('windows-1256'),
} as const;

export type CodePage = keyof typeof TABLES;
/** Code pages that write every byte: no byte was lost on the way, so a lead without its continuation is no lost letter. */
const COMPLETE: ReadonlySet<CodePage> = new Set(['windows-1256']);
const CODE_PAGES = Object.keys(TABLES) as CodePage[];

const LOST = -2;

interface Pass {
  text: string;
  repaired: number;
  lost: number;
  guessed: number;
  /** Valid multi-byte sequences, those that gave an Arabic character, and the bytes they used. */
  sequences: number;
  arabic: number;
  validBytes: number;
  /** Non-ASCII characters of the code page that started no valid sequence (kept as they were). */
  invalid: number;
}

const isArabic = (cp: number): boolean => (cp >= 0x600 && cp <= 0x6ff) || (cp >= 0x750 && cp <= 0x77f);

const utf16 = new TextDecoder('utf-16le');

/**
 * One pass: every span of characters the code page can write, read back as UTF-8 (see the top of the file). A span
 * most of whose bytes start no valid sequence (genuine Thai or Latin text) is kept as it was. The result is written
 * as UTF-16 code units into one buffer: it is never longer than the text.
 */
function undo(text: string, cp: CodePage): Pass {
  const t = TABLES[cp];
  const n = text.length;
  const out = new Uint16Array(n);
  let o = 0;
  const pass: Pass = { text, repaired: 0, lost: 0, guessed: 0, sequences: 0, arabic: 0, validBytes: 0, invalid: 0 };
  const bytes: number[] = [];
  let changed = false;
  let i = 0;
  while (i < n) {
    const c0 = text.charCodeAt(i);
    if (c0 < 0x80 || (t[c0] === -1 && c0 !== 0xfffd)) {
      out[o++] = c0;
      i++;
      continue;
    }
    // a span [i, j) of the code page's non-ASCII characters (and U+FFFD, a lost byte)
    let j = i;
    bytes.length = 0;
    for (; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c < 0x80) break;
      if (c === 0xfffd) bytes.push(LOST);
      else if (t[c] !== -1) bytes.push(t[c]!);
      else break;
    }
    // a "?" right after the span stands for a byte the code page could not write, when the span ends in a lead
    const last = bytes[bytes.length - 1]!;
    const questionLost = text.charCodeAt(j) === 0x3f && last >= 0xc2 && last <= 0xf4 && !COMPLETE.has(cp);
    const start = o;
    const span = { repaired: 0, lost: 0, guessed: 0, sequences: 0, arabic: 0, validBytes: 0, invalid: 0 };
    let end = j;
    let k = 0;
    while (k < bytes.length) {
      const b = bytes[k]!;
      if (b === LOST) {
        out[o++] = 0xfffd;
        span.lost++;
        k++;
        continue;
      }
      const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
      if (len === 0) {
        out[o++] = text.charCodeAt(i + k);
        span.invalid++;
        k++;
        continue;
      }
      let code = b & (len === 2 ? 0x1f : len === 3 ? 0x0f : 0x07);
      let m = 1;
      for (; m < len && k + m < bytes.length; m++) {
        const cb = bytes[k + m]!;
        if (cb < 0x80 || cb > 0xbf) break;
        code = (code << 6) | (cb & 0x3f);
      }
      const valid = m === len && (len !== 3 || (code >= 0x800 && (code < 0xd800 || code > 0xdfff))) && (len !== 4 || (code >= 0x10000 && code <= 0x10ffff));
      if (valid) {
        if (code >= 0x10000) {
          out[o++] = 0xd800 + ((code - 0x10000) >> 10);
          out[o++] = 0xdc00 + ((code - 0x10000) & 0x3ff);
        } else out[o++] = code;
        span.sequences++;
        span.validBytes += len;
        span.repaired++;
        if (isArabic(code)) span.arabic++;
        k += len;
        continue;
      }
      // an Arabic lead whose continuation was lost (U+FFFD, "?" after the span, or dropped)
      if (len === 2 && b >= 0xd8 && b <= 0xdb && m === 1 && !COMPLETE.has(cp)) {
        if (cp === 'windows-1252' && b === 0xd9) {
          out[o++] = 0x0641;
          span.guessed++;
          span.arabic++;
        } else {
          out[o++] = 0xfffd;
          span.lost++;
          span.arabic++; // a lost Arabic letter
        }
        span.sequences++;
        span.validBytes++;
        if (k + 1 < bytes.length && bytes[k + 1] === LOST) k += 2;
        else if (++k >= bytes.length && questionLost) end = j + 1; // the "?" after the span was the lost byte
        continue;
      }
      out[o++] = text.charCodeAt(i + k);
      span.invalid++;
      k++;
    }
    if (span.validBytes < VALID_SHARE * (span.validBytes + span.invalid)) {
      // not mojibake: keep the span as it was
      o = start;
      for (let x = i; x < j; x++) out[o++] = text.charCodeAt(x);
      pass.invalid += span.invalid;
      i = j;
      continue;
    }
    changed = true;
    pass.repaired += span.repaired;
    pass.lost += span.lost;
    pass.guessed += span.guessed;
    pass.sequences += span.sequences;
    pass.arabic += span.arabic;
    pass.validBytes += span.validBytes;
    pass.invalid += span.invalid;
    i = end;
  }
  if (changed) pass.text = utf16.decode(out.subarray(0, o));
  return pass;
}

const mostlyValid = (p: Pass): boolean => p.sequences >= MIN_SEQUENCES && p.validBytes >= VALID_SHARE * (p.validBytes + p.invalid);
const arabicRepair = (p: Pass): boolean => mostlyValid(p) && p.arabic >= MIN_SEQUENCES && p.arabic >= ARABIC_SHARE * p.sequences;

/** A character class of the characters a code page writes as bytes lo–hi. */
function charClass(t: Int16Array, lo: number, hi: number): string {
  let cls = '';
  for (let c = 0x80; c < t.length; c++) {
    const b = t[c]!;
    if (b >= lo && b <= hi) cls += `\\u${c.toString(16).padStart(4, '0')}`;
  }
  return `[${cls}]`;
}

/**
 * Quick gate, one regular-expression scan per code page (no match at all on a correct page): enough (lead,
 * continuation) pairs of some code page to be worth a pass, a lost continuation (U+FFFD, "?") included. For
 * windows-1256, which writes correct Arabic too, only two Arabic leads (0xD8–0xDB) with their continuations in a
 * row count.
 */
const GATES: ReadonlyArray<readonly [CodePage, RegExp, number]> = CODE_PAGES.map((cp) => {
  const t = TABLES[cp];
  const cont = charClass(t, 0x80, 0xbf);
  if (COMPLETE.has(cp)) {
    const lead = charClass(t, 0xd8, 0xdb);
    return [cp, new RegExp(`${lead}${cont}${lead}${cont}`, 'g'), Math.ceil(MIN_SEQUENCES / 2)] as const;
  }
  return [cp, new RegExp(`${charClass(t, 0xc2, 0xf4)}(?:${cont}|[\\uFFFD?])`, 'g'), MIN_SEQUENCES] as const;
});

/** The code pages worth a pass over the text. */
function worthAPass(text: string): CodePage[] {
  const pages: CodePage[] = [];
  for (const [cp, re, min] of GATES) {
    re.lastIndex = 0;
    let n = 0;
    while (re.exec(text) !== null) {
      if (++n < min) continue;
      pages.push(cp);
      break;
    }
  }
  return pages;
}

/** The text with mojibake undone (see the top of the file); the text itself when there is none. */
export function repairMojibake(text: string): MojibakeResult {
  const none: MojibakeResult = { text, codePage: null, layers: 0, repaired: 0, lost: 0, guessed: 0 };
  let current = text;
  const total = { lost: 0, guessed: 0 };
  for (let layer = 1; layer <= MAX_LAYERS; layer++) {
    const pages = worthAPass(current);
    if (pages.length === 0) return none;
    const passes = pages.map((cp) => ({ cp, pass: undo(current, cp) }));
    const done = passes.filter((p) => arabicRepair(p.pass)).sort((a, b) => b.pass.arabic - a.pass.arabic)[0];
    if (done) {
      const p = done.pass;
      return { text: p.text, codePage: done.cp, layers: layer, repaired: p.repaired, lost: total.lost + p.lost, guessed: total.guessed + p.guessed };
    }
    // an outer layer: valid UTF-8 of the code page's characters (the first damage's "Ø", "Ù"…), undone to go on
    const outer = passes.filter((p) => mostlyValid(p.pass)).sort((a, b) => b.pass.sequences - a.pass.sequences)[0];
    if (!outer) return none;
    current = outer.pass.text;
    total.lost += outer.pass.lost;
    total.guessed += outer.pass.guessed;
  }
  return none;
}
