/**
 * One article as the entity finder sees it: its tokens, with the clitic readings of each word and the word classes
 * the rules ask about (function word, nationality adjective, title head, name word, …), computed once.
 */
import { normalizeForMatch, type Token } from '../text/index.js';
import { ATTACHED } from '../text/normalize.js';
import {
  BIT, COMMON, FUNCTION, HEADS, HEAD_PHRASES, KNOWN_PARTS, NISBA, QUOTE_MARKS, REPORTING, TAIL_NOUNS, TIME, WORD_BITS,
  tokenizeNames, verbLike, type PhraseMap,
} from './lexicon.js';

/** Attached pronouns that cannot be a word's own ending (not ه, which folds from ة; not ي: "مني" is the name منى). */
const PRONOUNS = ['هما', 'هم', 'ها', 'نا', 'كم'];

/** A reading of a word with some proclitics removed: `form` is what is looked up, `skip` the folded letters before
 *  it; `article` is true when the form has an article restored that the text wrote as لل ("للكرملين"). */
export interface Reading {
  form: string;
  skip: number;
  article: boolean;
}

const CLITIC_ONLY = /^[وف]?[بلك]?$/;
const LAM_ARTICLE = /^[وف]?لل$/;

/** A match of a PhraseMap at a token: tokens [start, end), the original span, and the dictionary value. */
export interface PhraseHit<T> {
  start: number;
  end: number;
  from: number;
  to: number;
  value: T;
  /** The first word's reading restored an article the text wrote as لل. */
  article: boolean;
}

export class Doc {
  readonly text: string;
  readonly tokens: Token[];
  readonly n: number;
  /** breakAfter[i]: a line break lies between token i and token i+1. */
  private readonly breakAfter: Uint8Array;
  private readonly readingCache: (Reading[] | undefined)[];
  /** Per token: the union of the word-class bits of its readings (-1: not computed yet). */
  private readonly bits: Int32Array;
  /** Per token caches: 0 unknown, 1 yes, 2 no. */
  private readonly fnCache: Uint8Array;
  private readonly nameCache: Uint8Array;
  private readonly nisbaCache: (string | null | undefined)[];
  private readonly defCache: Uint8Array;

  constructor(text: string) {
    this.text = text;
    this.tokens = tokenizeNames(text);
    this.n = this.tokens.length;
    this.breakAfter = new Uint8Array(this.n);
    for (let i = 0; i + 1 < this.n; i++) {
      const a = (this.tokens[i] as Token).end;
      const b = (this.tokens[i + 1] as Token).start;
      for (let k = a; k < b; k++) {
        const c = text.charCodeAt(k);
        if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
          this.breakAfter[i] = 1;
          break;
        }
      }
    }
    this.readingCache = new Array<Reading[] | undefined>(this.n);
    this.bits = new Int32Array(this.n).fill(-1);
    this.fnCache = new Uint8Array(this.n);
    this.nameCache = new Uint8Array(this.n);
    this.nisbaCache = new Array<string | null | undefined>(this.n);
    this.defCache = new Uint8Array(this.n);
  }

  /** The word-class bits (lexicon BIT) of any reading of token i. */
  bitsOf(i: number): number {
    if (i < 0 || i >= this.n) return 0;
    let b = this.bits[i] as number;
    if (b !== -1) return b;
    b = 0;
    for (const r of this.readings(i)) b |= WORD_BITS.get(r.form) ?? 0;
    this.bits[i] = b;
    return b;
  }

  /** The first reading of word i that has the class `bit`. */
  readingWith(i: number, bit: number): Reading | undefined {
    if ((this.bitsOf(i) & bit) === 0 || !this.isWord(i)) return undefined;
    for (const r of this.readings(i)) if (((WORD_BITS.get(r.form) ?? 0) & bit) !== 0) return r;
    return undefined;
  }

  tok(i: number): Token | undefined {
    return this.tokens[i];
  }

  norm(i: number): string {
    return this.tokens[i]?.norm ?? '';
  }

  /** Tokens i and i+1 are on the same line. */
  joined(i: number): boolean {
    return i >= 0 && i + 1 < this.n && this.breakAfter[i] === 0;
  }

  isWord(i: number): boolean {
    return this.tokens[i]?.kind === 'word';
  }

  isPunct(i: number): boolean {
    return this.tokens[i]?.kind === 'punct';
  }

  /** The token is punctuation that is a comma (, ، ٬). */
  isComma(i: number): boolean {
    return this.isPunct(i) && this.norm(i) === ',';
  }

  /** The token is a quote mark (« » " “ ” ' / …), judged on the original character. */
  isQuote(i: number): boolean {
    const t = this.tokens[i];
    return t !== undefined && t.kind === 'punct' && QUOTE_MARKS.has(t.text[0] ?? '');
  }

  /** The readings of word i with no article removed: the word itself, then with و/ف/ب/ل/ك stripped; a word written
   *  with لل gets the reading with its article restored. */
  readings(i: number): Reading[] {
    const cached = this.readingCache[i];
    if (cached !== undefined) return cached;
    const t = this.tokens[i];
    const out: Reading[] = [];
    if (t !== undefined) {
      if (t.kind !== 'word') out.push({ form: t.norm, skip: 0, article: false });
      else {
        for (const c of t.candidates) {
          const skip = t.norm.length - c.length;
          const p = t.norm.slice(0, skip);
          if (CLITIC_ONLY.test(p)) out.push({ form: c, skip, article: false });
          else if (LAM_ARTICLE.test(p)) out.push({ form: 'ال' + c, skip, article: true });
        }
      }
    }
    this.readingCache[i] = out;
    return out;
  }

  /** Original offset of the folded letter `skip` of token i (where a name starts after its clitics). */
  startAfter(i: number, skip: number): number {
    const t = this.tokens[i] as Token;
    if (skip === 0) return t.start;
    const m = normalizeForMatch(t.text);
    return t.start + (m.offsets[Math.min(skip, m.text.length)] as number);
  }

  /** The longest match of a phrase dictionary starting at token i (any reading of its first word); `bit` is the
   *  class that marks the dictionary's first words, to skip most tokens with no lookup. */
  match<T extends { len: number }>(dict: PhraseMap<T>, i: number, bit = 0): PhraseHit<T> | null {
    if (bit !== 0 && (this.bitsOf(i) & bit) === 0) return null;
    let best: PhraseHit<T> | null = null;
    for (const r of this.readings(i)) {
      const max = dict.first.get(r.form);
      if (max === undefined) continue;
      let key = r.form;
      for (let len = 1; len <= max && i + len - 1 < this.n; len++) {
        if (len > 1) {
          if (!this.joined(i + len - 2)) break;
          key += ' ' + this.norm(i + len - 1);
        }
        const v = dict.map.get(key);
        if (v !== undefined && (best === null || len > best.end - best.start)) {
          const last = this.tokens[i + len - 1] as Token;
          best = { start: i, end: i + len, from: this.startAfter(i, r.skip), to: last.end, value: v, article: r.article };
        }
      }
    }
    return best;
  }

  // ---- word classes -------------------------------------------------------------------------------------------

  isFunction(i: number): boolean {
    const t = this.tokens[i];
    if (t === undefined || t.kind !== 'word') return false;
    const c = this.fnCache[i];
    if (c !== 0) return c === 1;
    let yes = FUNCTION.has(t.norm) || FUNCTION.has(t.base) || TIME.has(t.norm) || TIME.has(t.base);
    // a function word with a pronoun: "معنا", "عنهم", "لديها"
    if (!yes && t.norm.length >= 4) {
      yes = PRONOUNS.some((suf) => t.norm.endsWith(suf) && FUNCTION.has(t.norm.slice(0, -suf.length)));
    }
    this.fnCache[i] = yes ? 1 : 2;
    return yes;
  }

  isTime(i: number): boolean {
    const t = this.tokens[i];
    return t !== undefined && t.kind === 'word' && (TIME.has(t.norm) || TIME.has(t.base));
  }

  /** The place a nationality adjective points to ("الروسي", "والإيراني" → روسيا, إيران), or undefined. */
  nisba(i: number): string | undefined {
    const cached = this.nisbaCache[i];
    if (cached !== undefined) return cached ?? undefined;
    const r = this.readingWith(i, BIT.nisba);
    const place = r === undefined ? undefined : NISBA.get(r.form);
    this.nisbaCache[i] = place ?? null;
    return place;
  }

  /** A reporting verb ("قال", "وأضاف", "فقال"; not "لنقل"). */
  isReporting(i: number): boolean {
    const r = this.readingWith(i, BIT.reporting);
    if (r === undefined) return false;
    const p = this.norm(i).slice(0, r.skip);
    return p === '' || p === 'و' || p === 'ف';
  }

  /** Title head at i: its length in tokens and the reading of its first word. */
  head(i: number): { len: number; reading: Reading } | null {
    if (!this.isWord(i) || (this.bitsOf(i) & (BIT.head | BIT.headPhraseFirst)) === 0) return null;
    const phrase = this.match(HEAD_PHRASES, i, BIT.headPhraseFirst);
    if (phrase !== null) {
      const r = this.readings(i).find((x) => HEAD_PHRASES.first.has(x.form)) as Reading;
      return { len: phrase.end - phrase.start, reading: r };
    }
    const r = this.readingWith(i, BIT.head);
    if (r === undefined) return null;
    // after a preposition an indefinite head is a title only in a construct ("برئيس الوزراء"), not "لمساعدة روسيا"
    const p = this.norm(i).slice(0, r.skip);
    if (/[بلك]/.test(p) && !r.article && !r.form.startsWith('ال') && !(this.joined(i) && this.hasArticle(i + 1))) return null;
    return { len: 1, reading: r };
  }

  /**
   * The word is written with the article, after its clitics if any: "الروسي", "والروسي", "بالكرملين", "للرئيس" — and
   * not a word that only folds to ال…: "ألقت", "إلغاء", "آلية" begin with a hamza or madda, not the article.
   */
  definite(i: number): boolean {
    const t = this.tokens[i];
    if (t === undefined || t.kind !== 'word') return false;
    const c = this.defCache[i];
    if (c !== 0) return c === 1;
    let yes = false;
    const at = t.prefixes.indexOf('ال');
    const before = at > 0 ? t.prefixes.slice(0, at).join('').length : 0;
    if (at >= 0 || t.norm.startsWith('ال')) {
      if (t.norm.startsWith('ال', before)) {
        // the letter at `before` in the original: a bare alef is the article
        let idx = 0;
        for (let k = 0; k < before && idx < t.text.length; k++) {
          idx++;
          while (idx < t.text.length && (ATTACHED[t.text.charCodeAt(idx)] === 1 || t.text.charCodeAt(idx) === 0x0640)) idx++;
        }
        yes = t.text.charCodeAt(idx) === 0x0627;
      } else yes = at > 0 && t.norm[before - 1] === 'ل' && t.norm[before] === 'ل'; // لل: the alef is not written
    }
    this.defCache[i] = yes ? 1 : 2;
    return yes;
  }

  /** Starts with the article as written, with no clitic before it: "الأسد", "الشرع" (not "بالأسد"). */
  hasArticle(i: number): boolean {
    const t = this.tokens[i];
    if (t === undefined || t.kind !== 'word' || t.norm.length < 4 || !this.definite(i)) return false;
    return t.prefixes.length === 0 || t.prefixes[0] === 'ال';
  }

  /** Read with the article, and a stem of 3 letters or more ("الروسي", "بالكرملين", "للرئيس"). */
  articleReading(i: number): boolean {
    const t = this.tokens[i];
    if (t === undefined || t.kind !== 'word' || KNOWN_PARTS.has(t.norm) || !this.definite(i)) return false;
    return t.prefixes.includes('ال') ? t.base.length >= 3 : t.norm.length >= 5;
  }

  /** The original word ends in taa marbuta (a feminine noun or adjective). */
  endsInTaaMarbuta(i: number): boolean {
    const t = this.tokens[i];
    if (t === undefined) return false;
    for (let k = t.text.length - 1; k >= 0; k--) {
      const c = t.text.charCodeAt(k);
      if (c >= 0x064b && c <= 0x065f) continue;
      if (c === 0x0640) continue;
      return c === 0x0629;
    }
    return false;
  }

  /** The word is a known word of the language that cannot be a name: function, common, time or title word. */
  isCommon(i: number): boolean {
    const t = this.tokens[i];
    if (t === undefined || t.kind !== 'word') return false;
    const n = t.norm;
    if (KNOWN_PARTS.has(n)) return false;
    if (this.isFunction(i) || COMMON.has(n) || HEADS.has(n) || TAIL_NOUNS.has(n)) return true;
    // the accusative alef of a known word: "وفدا", "رسميا"
    if (n.endsWith('ا') && n.length > 3 && COMMON.has(n.slice(0, -1))) return true;
    // a clitic + a known word: "لموقع", "بمعاهدة", "وزيارة"
    if (t.prefixes.length > 0 && (COMMON.has(t.base) || FUNCTION.has(t.base) || HEADS.has(t.base))) return true;
    return false;
  }

  /** A known first name at i (after clitics), not the preposition على written علي without its maqsura. */
  firstName(i: number): Reading | undefined {
    const r = this.readingWith(i, BIT.firstName);
    if (r === undefined) return undefined;
    const t = this.tokens[i] as Token;
    if (r.form === 'علي' && /ى[\u064b-\u065f]*$/.test(t.text)) return undefined;
    return r;
  }

  /**
   * A word that can be part of a name: an Arabic word that is not a function, common, time or title word, not a
   * nationality adjective, not a feminine noun in ة, not an imperfect verb, not read with the article or a
   * conjunction (unless it is a known name word). `gaz` marks the tokens of places and organizations; it must be
   * complete before the first call (answers are cached per token).
   */
  nameWord(i: number, gaz: Uint8Array): boolean {
    const c = this.nameCache[i];
    if (c !== undefined && c !== 0) return c === 1;
    const yes = this.isNameWord(i, gaz);
    if (i >= 0 && i < this.n) this.nameCache[i] = yes ? 1 : 2;
    return yes;
  }

  private isNameWord(i: number, gaz: Uint8Array): boolean {
    const t = this.tokens[i];
    if (t === undefined || t.kind !== 'word') return false;
    const n = t.norm;
    if (gaz[i] === 1) return false;
    if (this.nisba(i) !== undefined) return false;
    if (KNOWN_PARTS.has(n)) return !this.isFunction(i);
    if (n.length < 2 || this.isCommon(i) || REPORTING.has(n)) return false;
    if (this.endsInTaaMarbuta(i)) return false;
    if (this.articleReading(i)) return false;
    if (t.prefixes[0] === 'و' || t.prefixes[0] === 'ف') {
      // a conjunction reading: a name word never starts with "and"; keep "فرزين"-like words whose rest is no word
      if (n[0] === 'و') return false;
      if (COMMON.has(t.base) || FUNCTION.has(t.base) || REPORTING.has(t.base)) return false;
    }
    if (verbLike(n)) return false;
    // adverbs and accusatives with tanween ("جواً", "يداً"), plurals ("عسكريين", "روسيون", "جمعيات"), nouns with a
    // pronoun ("أفلامها")
    if (/[\u064b]\u0627?$|\u0627\u064b$/.test(t.text) || /(يين|يون|ات|ها|هما|هم)$/.test(n)) return false;
    return true;
  }
}
