/**
 * Index terms: the words of a text in the form search matches them, with their place in the original text.
 *
 * An Arabic word's term is the light stem of its clitic-free base (src/text: tokenize → Token.base → stem), so
 * "قاعِدة", "القاعدة", "بالقاعدة" and "القاعدتين" are all "قاعد". Latin words are lowercased (NFC) and lose their inner
 * punctuation ("U.S." → "us", "e-mail" → "email", "COVID-19" → "covid19"); numbers lose their thousands separators
 * ("1,000" → "1000", "1.8" stays "1.8", a decimal comma "3,5" → "3.5").
 *
 * The terms are PostgreSQL lexemes: termString() is meant for to_tsvector('simple', …), which splits on anything
 * that is not a letter, mark or digit and lowercases. A term holds only letters, marks and digits (numbers: digits
 * with single inner dots, which the parser keeps whole as a float or version), at most MAX_TERM units, so each term
 * is exactly one lexeme, unchanged, and the n-th term is at position n (phrase search relies on this).
 *
 * Proclitics written apart ("لـ«الشراكة»", "و«الشرق»") are not terms: the query side drops them the same way, so a
 * phrase "اتفاق للشراكة" meets "اتفاق لـ«الشراكة»".
 */
import { tokenize, isDetachedProclitic, stem } from '../text/index.js';
import type { Token } from '../text/index.js';

/** A term of the text and the original word it comes from (UTF-16 offsets into the original, clitics included). */
export interface IndexedTerm {
  term: string;
  start: number;
  end: number;
}

/** Longest term, in UTF-16 units (PostgreSQL ignores lexemes over 2047 bytes; longer tokens are cut, not dropped). */
export const MAX_TERM = 64;

/** Anything PostgreSQL's parser would split a word on. */
const NOT_WORD = /[^\p{L}\p{M}\p{N}]/gu;
/** "İ".toLowerCase() is "i" + combining dot above: fold it to "i" so "istanbul" finds "İstanbul". */
const DOTTED_I = /i\u0307/g;
const LEADING_MARKS = /^\p{M}+/u;
const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const THOUSANDS = /^[^,.]+(,[^,.]{3})+(\.[^,.]+)?$/u;

/** A number's term: thousands commas removed, a decimal comma read as a dot, digits and inner dots only. */
function numberTerm(norm: string): string {
  const n = THOUSANDS.test(norm) ? norm.replace(/,/g, '') : norm.replace(/,/g, '.');
  // scanNumber only puts '.' and ',' between digits, but never trust it to stay so: keep digits and single inner dots.
  return n
    .replace(/[^\p{N}.]/gu, '')
    .replace(/\.{2,}/g, '.')
    .replace(/^\.+|\.+$/g, '');
}

function cap(t: string): string {
  if (t.length <= MAX_TERM) return t;
  let end = MAX_TERM;
  const c = t.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--; // never cut a surrogate pair
  let cut = t.slice(0, end);
  if (cut.includes('.')) cut = cut.replace(/\.+$/, '');
  return cut;
}

/**
 * Terms already computed, by token kind and form (a word's term depends on its base only, a number's or Latin word's
 * on its normalized form only): news repeats its words, and stemming and the regular expressions below cost more
 * than the tokenizing. Bounded like the tokenizer's own cache.
 */
const TERMS = { word: new Map<string, string>(), number: new Map<string, string>(), latin: new Map<string, string>() };
const CACHE_SIZE = 50_000;

/** The term of one token, or '' when it has none (punctuation, a lone mark). */
export function tokenTerm(tok: Token): string {
  if (tok.kind === 'punct') return '';
  const cache = TERMS[tok.kind];
  const key = tok.kind === 'word' ? tok.base : tok.norm;
  let t = cache.get(key);
  if (t === undefined) {
    t = computeTerm(tok);
    if (cache.size >= CACHE_SIZE) cache.clear();
    cache.set(key, t);
  }
  return t;
}

function computeTerm(tok: Token): string {
  let t: string;
  if (tok.kind === 'word') t = stem(tok.base).replace(NOT_WORD, '');
  else if (tok.kind === 'number') t = numberTerm(tok.norm);
  else if (tok.kind === 'latin') t = tok.norm.normalize('NFC').toLowerCase().replace(DOTTED_I, 'i').replace(NOT_WORD, '');
  else return '';
  t = cap(t.replace(LEADING_MARKS, ''));
  return HAS_LETTER_OR_DIGIT.test(t) ? t : '';
}

/** Every word, Latin word and number of the text as a term, in order, with its original offsets. */
export function indexTerms(text: string): IndexedTerm[] {
  return indexTermsAt(text, 0, text.length);
}

/**
 * The terms of text[start, end), offsets into `text`. Tokens never cross whitespace, so when both ends are at
 * whitespace (or the ends of the text) these are exactly the terms indexTerms(text) finds there.
 */
export function indexTermsAt(text: string, start: number, end: number): IndexedTerm[] {
  const tokens = tokenize(start === 0 && end === text.length ? text : text.slice(start, end));
  const out: IndexedTerm[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const tok = tokens[i] as Token;
    if (tok.kind === 'punct' || isDetachedProclitic(tokens, i)) continue;
    const term = tokenTerm(tok);
    if (term !== '') out.push({ term, start: tok.start + start, end: tok.end + start });
  }
  return out;
}

/** The terms of the text joined by single spaces: the argument of to_tsvector('simple', …). */
export function termString(text: string): string {
  return indexTerms(text)
    .map((t) => t.term)
    .join(' ');
}
