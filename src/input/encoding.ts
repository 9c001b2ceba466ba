/**
 * Bytes → text, with the encoding detected rather than assumed. The checks, in order:
 *  1. no bytes → empty
 *  2. a BOM (UTF-8, UTF-16LE, UTF-16BE) → that encoding; it outranks any declared charset (a UTF-8 BOM on
 *     bytes that are not valid UTF-8: the rest is judged as if it had none)
 *  3. a binary magic number (PDF, ZIP, PNG, JPEG, GIF, gzip, ELF) → binary
 *  4. UTF-16 without BOM: most code units' high bytes (0x00 for ASCII, 0x06 for Arabic) on one parity, almost
 *     none on the other, and the sample decodes to plausible text
 *  5. NUL bytes beyond 1 in 1,000, or other control bytes beyond 3% → binary
 *  6. only ASCII → the declared charset if rasd supports it, else utf-8
 *  7. valid UTF-8 → utf-8
 *  8. mostly valid UTF-8 (≥ 80% of the non-ASCII sequences) → utf-8 with replacement characters
 *  9. otherwise windows-1256 or ISO-8859-6, whichever reads the bytes as Arabic with fewer impossibilities
 * A declared charset (an HTTP Content-Type header, else HTML `<meta charset>`, `http-equiv` content type, XML
 * declaration) is honoured when the bytes are consistent with it; when they are not, detection wins and
 * `input/encoding-guess` says so — unless the page's own declaration names what was detected (a server's default
 * header such as ISO-8859-1 over a page that declares windows-1256 is common and harmless). The same warning marks
 * an encoding that had to be detected: UTF-16 without BOM, a single-byte encoding not declared.
 */
import { isAscii, isUtf8 } from 'node:buffer';
import { diagnostic } from '../diagnostics.js';
import type { Diagnostic } from '../types.js';
import { countBytes, magicType, singleByteBadness, utf16Pattern, type SingleByte } from './bytes.js';

export type EncodingResult =
  | { kind: 'empty' }
  | { kind: 'binary'; detail: string }
  | { kind: 'text'; text: string; encoding: string; warnings: Diagnostic[] };

/** Share of NUL bytes (not explained by UTF-16) above which a file is binary. */
const MAX_NUL_SHARE = 0.001;
/** Share of other control bytes above which a file is binary. */
const MAX_CONTROL_SHARE = 0.03;
/** A declared single-byte charset is kept unless the other one fits this much better (penalty per letter). */
const DECLARED_MARGIN = 0.05;

const decoders = new Map<string, TextDecoder>();
function decoder(label: string): TextDecoder {
  let d = decoders.get(label);
  if (!d) decoders.set(label, (d = new TextDecoder(label)));
  return d;
}

export function detectEncoding(bytes: Uint8Array, isHtml: boolean, transportCharset: string | null = null): EncodingResult {
  if (bytes.length === 0) return { kind: 'empty' };
  const bom = bomEncoding(bytes);
  if (bom === 'utf-8' && !isUtf8(bytes)) {
    // A UTF-8 BOM on bytes that are not (all) UTF-8: judge the rest as if there were no BOM.
    return detectEncoding(bytes.subarray(3), isHtml, transportCharset);
  }
  if (bom) return text(decoder(bom).decode(bytes), bom, []);

  const magic = magicType(bytes);
  if (magic) return { kind: 'binary', detail: magic };

  const counts = countBytes(bytes);
  if (counts.unitHighEven + counts.unitHighOdd > 0) {
    const utf16 = utf16Pattern(bytes, counts);
    if (utf16) {
      if (transportCharset && transportDeclared(transportCharset).encoding === utf16) return text(decoder(utf16).decode(bytes), utf16, []);
      const warning = diagnostic('input/encoding-guess', `${utf16} without a byte order mark, told from the pattern of its high bytes`);
      return text(decoder(utf16).decode(bytes), utf16, [warning]);
    }
  }
  if (counts.nul > counts.n * MAX_NUL_SHARE) return { kind: 'binary', detail: `${counts.nul} NUL bytes` };
  if (counts.control > counts.n * MAX_CONTROL_SHARE) return { kind: 'binary', detail: `${counts.control} control bytes` };

  // The charset the transport declared (an HTTP header) outranks the page's own, as in browsers.
  const own = isHtml ? declaredCharset(bytes) : null;
  const declared = transportCharset ? transportDeclared(transportCharset) : own;
  const mismatch = (used: string): Diagnostic[] => mismatchOf(declared, own, used);
  if (isAscii(bytes)) {
    // Pure ASCII reads the same in every supported encoding.
    const enc = declared && isSupported(declared.encoding) ? declared.encoding! : 'utf-8';
    return text(decoder(enc).decode(bytes), enc, []);
  }

  // UTF-8: valid, or mostly valid with a few bad bytes.
  if (isUtf8(bytes)) return text(decoder('utf-8').decode(bytes), 'utf-8', mismatch('utf-8'));
  const lossy = decoder('utf-8').decode(bytes);
  const { valid, invalid } = utf8Quality(lossy);
  if (valid > 0 && valid >= invalid * 4) {
    const warnings = [diagnostic('input/invalid-utf8', `${invalid} invalid sequence${invalid === 1 ? '' : 's'} replaced by U+FFFD`)];
    return text(lossy, 'utf-8', [...mismatch('utf-8'), ...warnings]);
  }

  // A single-byte Arabic encoding.
  const badness = singleByteBadness(bytes);
  const best: SingleByte = badness['iso-8859-6'] < badness['windows-1256'] ? 'iso-8859-6' : 'windows-1256';
  const other: SingleByte = best === 'windows-1256' ? 'iso-8859-6' : 'windows-1256';
  // the header's choice between the two if it names one of them, else the page's own
  const d = declared?.encoding === best || declared?.encoding === other ? declared.encoding : own?.encoding;
  if (d === best || (d === other && badness[other] <= badness[best] + DECLARED_MARGIN)) {
    return text(decoder(d).decode(bytes), d, []);
  }
  const warning = declared ? mismatch(best) : [diagnostic('input/encoding-guess', `no charset declared; detected ${best}`)];
  return text(decoder(best).decode(bytes), best, warning);
}

function text(decoded: string, encoding: string, warnings: Diagnostic[]): EncodingResult {
  return { kind: 'text', text: decoded, encoding, warnings };
}

function bomEncoding(bytes: Uint8Array): string | null {
  const [a, b, c] = bytes;
  if (a === 0xef && b === 0xbb && c === 0xbf) return 'utf-8';
  if (a === 0xff && b === 0xfe) return 'utf-16le';
  if (a === 0xfe && b === 0xff) return 'utf-16be';
  return null;
}

/** Counts in a lossily decoded UTF-8 text: replacement characters vs correctly decoded non-ASCII characters. */
function utf8Quality(lossy: string): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  for (let i = 0; i < lossy.length; i++) {
    const c = lossy.charCodeAt(i);
    if (c < 0x80) continue;
    if (c === 0xfffd) invalid++;
    else if (c < 0xdc00 || c > 0xdfff) valid++; // count a surrogate pair once
  }
  return { valid, invalid };
}

export interface DeclaredCharset {
  /** The label as written in the page or the header. */
  label: string;
  /** Where it was declared: in the page (meta, XML declaration) or by the transport (an HTTP header). */
  from: 'page' | 'header';
  /** The WHATWG encoding it names, or null when Node's TextDecoder does not know it. */
  encoding: string | null;
}

const SUPPORTED = new Set(['utf-8', 'windows-1256', 'iso-8859-6']);
function isSupported(encoding: string | null): boolean {
  return encoding !== null && SUPPORTED.has(encoding);
}

/** The charset an HTML page declares in its first 8 KB (meta charset, http-equiv content type, XML declaration). */
export function declaredCharset(bytes: Uint8Array): DeclaredCharset | null {
  const head = decoder('windows-1252').decode(bytes.subarray(0, 8192));
  const m = /<meta\s[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)/i.exec(head) ?? /<\?xml[^>]*?encoding\s*=\s*["']([a-z0-9_.:-]+)/i.exec(head);
  if (!m) return null;
  const label = m[1]!;
  return { label, encoding: whatwgEncoding(label), from: 'page' };
}

/**
 * The charset of a transport: a label ("windows-1256") or a whole Content-Type value ("text/html;
 * charset=windows-1256"). Unlike a label inside the document, a UTF-16 label here means UTF-16.
 */
export function transportDeclared(value: string): DeclaredCharset {
  const param = /(?:^|;)\s*charset\s*=\s*["']?([^"';\s]+)/i.exec(value);
  const label = param ? param[1]! : value.trim();
  let encoding: string | null;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    encoding = null;
  }
  return { label, encoding, from: 'header' };
}

function whatwgEncoding(label: string): string | null {
  let encoding: string;
  try {
    encoding = new TextDecoder(label).encoding;
  } catch {
    return null;
  }
  // As in browsers, a UTF-16 label inside the document means the bytes are ASCII-compatible: UTF-8.
  return encoding === 'utf-16le' || encoding === 'utf-16be' ? 'utf-8' : encoding;
}

/**
 * The warning for a declared charset the bytes contradict: none when nothing was declared or it matches, nor when a
 * header is wrong but the page's own declaration names what the bytes are.
 */
function mismatchOf(declared: DeclaredCharset | null, own: DeclaredCharset | null, used: string): Diagnostic[] {
  if (!declared || declared.encoding === used || own?.encoding === used) return [];
  const what = declared.encoding && declared.encoding !== declared.label.toLowerCase() ? `${declared.label} (${declared.encoding})` : declared.label;
  const where = declared.from === 'header' ? 'the HTTP header declares' : 'the page declares';
  return [diagnostic('input/encoding-guess', `${where} ${what}, but the bytes are ${used}`)];
}
