/**
 * The input stage: files and folders → raw pages (walk.ts), raw bytes → text with its encoding detected
 * (encoding.ts) and its language identified (language.ts).
 */
import { diagnostic } from '../diagnostics.js';
import type { DecodedPage, RawPage } from '../types.js';
import { detectEncoding } from './encoding.js';
import { identifyLanguage } from './language.js';
import { repairMojibake } from './mojibake.js';

export { readInputs, isSkipped, type SkippedInput } from './walk.js';
export { detectEncoding, type EncodingResult } from './encoding.js';
export { identifyLanguage, type LanguageResult } from './language.js';

/** Bytes → text (encoding detected, BOM stripped, line endings normalized to \n) and language. */
export function decode(raw: RawPage): DecodedPage {
  const base = { source: raw.source, format: raw.format };
  const result = detectEncoding(raw.bytes, raw.format === 'html', raw.charset ?? null);
  if (result.kind === 'empty') {
    return { ...base, text: '', encoding: null, language: 'und', warnings: [diagnostic('input/empty')] };
  }
  if (result.kind === 'binary') {
    return { ...base, text: '', encoding: null, language: 'und', warnings: [diagnostic('input/binary', result.detail)] };
  }
  let text = result.text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  if (text.includes('\0')) text = text.replace(/\0/g, '');
  if (!/[^\s\uFEFF\u200B-\u200F]/.test(text)) {
    return { ...base, text: '', encoding: null, language: 'und', warnings: [diagnostic('input/empty')] };
  }
  const warnings = [...(raw.warnings ?? []), ...result.warnings];
  const moji = repairMojibake(text);
  if (moji.codePage !== null) {
    text = moji.text;
    const twice = moji.layers > 1 ? `, ${moji.layers} times over` : '';
    warnings.push(diagnostic('input/mojibake-repaired', `UTF-8 read as ${moji.codePage}${twice}; ${moji.repaired} characters repaired`));
    if (moji.lost > 0 || moji.guessed > 0) {
      const what = [moji.lost > 0 ? `${moji.lost} letters lost with their bytes (shown as \uFFFD)` : '', moji.guessed > 0 ? `${moji.guessed} restored as the only likely letter (ف)` : ''];
      warnings.push(diagnostic('input/mojibake', what.filter(Boolean).join('; ')));
    }
  }
  const language = identifyLanguage(text, raw.format === 'html');
  return { ...base, text, encoding: result.encoding, language: language.language, warnings: [...warnings, ...language.warnings] };
}
