/**
 * Encoders for the generated pages. Pages are generated as text and written mostly as UTF-8; a small share is
 * written as windows-1256, UTF-16LE or UTF-8 with a BOM so that the input stage's encoding detection is exercised.
 */

export type OutputEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le-bom' | 'windows-1256';

/** windows-1256 encoder: the inverse of the platform's decoder over bytes 0–255 (the codepage maps all 256). */
const WINDOWS_1256 = ((): Map<number, number> => {
  const all = Uint8Array.from({ length: 256 }, (_, i) => i);
  const chars = new TextDecoder('windows-1256').decode(all);
  const map = new Map<number, number>();
  for (let i = 0; i < chars.length; i++) {
    const code = chars.charCodeAt(i);
    if (code !== 0xfffd && !map.has(code)) map.set(code, i);
  }
  return map;
})();

const QUESTION_MARK = 0x3f;

/** Characters of `text` that windows-1256 cannot represent. */
export function countUnencodable1256(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) if (!WINDOWS_1256.has(text.charCodeAt(i))) n++;
  return n;
}

/** Unencodable characters become '?', as a lossy legacy export would leave them. */
export function encodeWindows1256(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = WINDOWS_1256.get(text.charCodeAt(i)) ?? QUESTION_MARK;
  return out;
}

export function encodePage(text: string, encoding: OutputEncoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-8-bom':
      return Buffer.from(`\uFEFF${text}`, 'utf8');
    case 'utf-16le-bom':
      return Buffer.from(`\uFEFF${text}`, 'utf16le');
    case 'windows-1256':
      return encodeWindows1256(text);
  }
}
