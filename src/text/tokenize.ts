/**
 * Tokenization aware of Arabic proclitics.
 *
 * The text is normalized once (normalizeForMatch); tokens are cut from the normalized text and mapped back to the
 * original through its offsets, so `text`, `start` and `end` always refer to the original string (diacritics and
 * tatweel included), while `norm`, `base` and `candidates` are in normalized form.
 *
 * Proclitics. A word is read as (conjunction و/ف)(preposition ب/ل/ك)(article ال)stem, with ل + ال written لل.
 * Every such reading that leaves a stem of at least 2 letters is a candidate. The base (most likely reading) is chosen
 * so:
 *  1. Known stems (src/lang/ar/clitics.json: names, places and common words that begin with clitic letters, function
 *     words): the reading with the fewest clitics whose stem is known wins (failing that, the one whose stem is a
 *     known stem plus a pronoun/plural suffix: "بعدها" = بعد + ها, "بوابات" = بوابة + ات, "بوابتها" = بوابة + ها), and the candidates stop there ("بوتين" stays بوتين; "وبوتين" → بوتين; "بالمانيا" → المانيا; "وفي" → في).
 *  2. Otherwise the guard rule:
 *     - a conjunction و/ف is stripped when at least 3 letters remain ("وقال" → قال, but "ولد", "فقد" stay);
 *     - لل is ل + ال when at least 2 letters remain ("للقاعدة" → قاعده);
 *     - a preposition ب/ل/ك followed by ال is stripped with the article when at least 2 letters remain ("بالكرملين");
 *     - a lone preposition ب/ل/ك is stripped when at least 3 letters remain ("لروسيا" → روسيا; "بين", "لدى" stay),
 *       so the word must be at least 4 letters (5 with a conjunction before it);
 *     - the article ال is stripped when at least 2 letters remain ("الي" stays).
 *  Never is a base left shorter than 2 letters.
 */
import clitics from '../lang/ar/clitics.json' with { type: 'json' };
import { normalizeForMatch, extendOverMarks } from './normalize.js';
import { CH, ARABIC, DIGIT, FOREIGN, MARK, OTHER } from './chars.js';

export interface Token {
  /** As in the original. */
  text: string;
  /** UTF-16 offsets into the original string. */
  start: number;
  end: number;
  /** Normalized (normalizeForMatch folding) full word. */
  norm: string;
  /** Normalized word with its proclitics removed (most likely reading): "وبالقاعدة" → "قاعده". */
  base: string;
  /** The proclitics removed, in order, e.g. ["و","ب","ال"]. */
  prefixes: string[];
  /** Every plausible reading, full word first, then with fewer→more clitics stripped, deduped. */
  candidates: string[];
  kind: 'word' | 'number' | 'latin' | 'punct';
}

/** The clitic analysis of one normalized Arabic word. */
export interface WordAnalysis {
  base: string;
  prefixes: string[];
  candidates: string[];
}

const fold = (w: string): string => normalizeForMatch(w).text;

const CONJ = new Set(clitics.conjunctions.map(fold));
const PREP = new Set(clitics.prepositions.map(fold));
const ART = fold(clitics.article);
const LAM = fold('ل');
const LAM_ART = LAM + ART.slice(1); // "لل"
const MIN_BASE = clitics.minBase;
const MIN_LONE = clitics.minLoneBase;
const SUFFIXES = clitics.suffixes.map(fold).sort((a, b) => b.length - a.length);
/** ة as folded for matching, and the feminine plural suffix. */
const TA_MARBUTA = fold('ة');
const PLURAL_AT = fold('ات');

function stemSet(extra: Iterable<string> = []): Set<string> {
  const set = new Set<string>();
  const add = (entry: string): void => {
    // Multi-word entries ("بيت لحم"): only the first word begins the name.
    const first = fold(entry).trim().split(/\s+/)[0];
    if (first !== undefined && first.length >= MIN_BASE) set.add(first);
  };
  for (const list of Object.values(clitics.stems)) for (const e of list) add(e);
  for (const e of extra) add(e);
  return set;
}

interface Reading {
  rest: string;
  prefixes: string[];
}

/** All readings of a word, the word itself first, then by number of clitics (stable). */
function readings(w: string): Reading[] {
  const out: Reading[] = [{ rest: w, prefixes: [] }];
  const first = w[0] ?? '';
  const conjs = CONJ.has(first) ? ['', first] : [''];
  for (const c of conjs) {
    const r1 = w.slice(c.length);
    const p1 = c === '' ? [] : [c];
    if (c !== '' && r1.length >= MIN_BASE) out.push({ rest: r1, prefixes: p1 });
    const p = r1[0] ?? '';
    if (PREP.has(p)) {
      const r2 = r1.slice(1);
      if (r2.length >= MIN_BASE) out.push({ rest: r2, prefixes: [...p1, p] });
      if (p === LAM && r1.startsWith(LAM_ART)) {
        if (r1.length - 2 >= MIN_BASE) out.push({ rest: r1.slice(2), prefixes: [...p1, LAM, ART] });
      } else if (r2.startsWith(ART) && r2.length - 2 >= MIN_BASE) {
        out.push({ rest: r2.slice(2), prefixes: [...p1, p, ART] });
      }
    } else if (r1.startsWith(ART) && r1.length - 2 >= MIN_BASE) {
      out.push({ rest: r1.slice(2), prefixes: [...p1, ART] });
    }
  }
  return out.sort((a, b) => a.prefixes.length - b.prefixes.length);
}

/** The guard rule (see the top of the file) when no reading is a known stem. */
function guardedStrip(w: string): Reading {
  let rest = w;
  const prefixes: string[] = [];
  const c = rest[0] ?? '';
  if (CONJ.has(c) && rest.length - 1 >= MIN_LONE) {
    prefixes.push(c);
    rest = rest.slice(1);
  }
  if (rest.startsWith(LAM_ART) && rest.length - 2 >= MIN_BASE) {
    return { rest: rest.slice(2), prefixes: [...prefixes, LAM, ART] };
  }
  const p = rest[0] ?? '';
  if (PREP.has(p)) {
    const r = rest.slice(1);
    if (r.startsWith(ART) && r.length - 2 >= MIN_BASE) return { rest: r.slice(2), prefixes: [...prefixes, p, ART] };
    if (r.length >= MIN_LONE) return { rest: r, prefixes: [...prefixes, p] };
    return { rest, prefixes };
  }
  if (rest.startsWith(ART) && rest.length - 2 >= MIN_BASE) return { rest: rest.slice(2), prefixes: [...prefixes, ART] };
  return { rest, prefixes };
}

/** Make a word analyser over a set of known stems, with a bounded cache (words repeat a lot in news). */
function makeAnalyzer(stems: Set<string>): (norm: string) => WordAnalysis {
  const withSuffix = (rest: string): boolean => {
    for (const suf of SUFFIXES) {
      if (rest.length - suf.length < MIN_BASE || !rest.endsWith(suf)) continue;
      const stem = rest.slice(0, -suf.length);
      if (stems.has(stem)) return true;
      // A noun in ة: its plural in ات ("بوابات" ← بوابة), its ة written ت before a suffix ("بوابتها", "بوابتين").
      if (suf === PLURAL_AT && stems.has(stem + TA_MARBUTA)) return true;
      if (stem.endsWith('ت') && stem.length > MIN_BASE && stems.has(stem.slice(0, -1) + TA_MARBUTA)) return true;
    }
    return false;
  };
  const cache = new Map<string, WordAnalysis>();
  return (w: string): WordAnalysis => {
    const hit = cache.get(w);
    if (hit !== undefined) return hit;
    const all = readings(w);
    // A known stem as it is beats a known stem with a suffix: "ولديه" is و + لديه, not ولد + يه.
    let chosen = all.find((r) => stems.has(r.rest)) ?? all.find((r) => withSuffix(r.rest));
    const limit = chosen === undefined ? Infinity : chosen.prefixes.length;
    chosen ??= guardedStrip(w);
    const candidates: string[] = [];
    for (const r of all) if (r.prefixes.length <= limit && !candidates.includes(r.rest)) candidates.push(r.rest);
    if (!candidates.includes(chosen.rest)) candidates.push(chosen.rest);
    const a: WordAnalysis = { base: chosen.rest, prefixes: chosen.prefixes, candidates };
    if (cache.size >= 50_000) cache.clear();
    cache.set(w, a);
    return a;
  };
}

const defaultAnalyzer = makeAnalyzer(stemSet());

/**
 * The clitic analysis of one word (any spelling: it is normalized first). Use it to put gazetteer entries and
 * queries in the same form as Token.base.
 */
export function analyzeWord(word: string): WordAnalysis {
  const a = defaultAnalyzer(fold(word));
  return { base: a.base, prefixes: [...a.prefixes], candidates: [...a.candidates] };
}

const APOS = 0x27;
const HYPHEN = 0x2d;
const DOT = 0x2e;
const COMMA = 0x2c;
const HIGH_FIRST = 0xd800;
const HIGH_LAST = 0xdbff;

function cls(t: string, i: number): number {
  return i < t.length ? (CH[t.charCodeAt(i)] as number) : -1;
}

/** End of a Latin (foreign-script) token starting at i: letters, digits and marks, inner ' and -, acronyms "u.s.". */
function scanForeign(t: string, i: number): number {
  // Acronym: single letters each followed by a dot ("u.s.", "e.g.").
  if (cls(t, i + 1) !== FOREIGN && t.charCodeAt(i + 1) === DOT && cls(t, i + 2) === FOREIGN) {
    let j = i;
    let letters = 0;
    while (cls(t, j) === FOREIGN && cls(t, j + 1) !== FOREIGN && cls(t, j + 1) !== DIGIT) {
      letters++;
      if (t.charCodeAt(j + 1) === DOT) j += 2;
      else {
        j += 1;
        break;
      }
    }
    if (letters >= 2) return j;
  }
  let j = i;
  for (;;) {
    let k = cls(t, j);
    while (k === FOREIGN || k === DIGIT || k === MARK) k = cls(t, ++j);
    const c = t.charCodeAt(j);
    const next = cls(t, j + 1);
    if ((c === APOS && next === FOREIGN) || (c === HYPHEN && (next === FOREIGN || next === DIGIT))) {
      j++;
      continue;
    }
    return j;
  }
}

/** End of a number starting at i: digits with inner '.' or ',' ("1.8", "1,000", "19.04.2025"). */
function scanNumber(t: string, i: number): number {
  let j = i;
  for (;;) {
    while (cls(t, j) === DIGIT) j++;
    const c = t.charCodeAt(j);
    if ((c === DOT || c === COMMA) && cls(t, j + 1) === DIGIT) {
      j++;
      continue;
    }
    return j;
  }
}

function makeTokenizer(analyze: (norm: string) => WordAnalysis): (s: string) => Token[] {
  return (s: string): Token[] => {
    const m = normalizeForMatch(s);
    const t = m.text;
    const o = m.offsets;
    const n = t.length;
    const tokens: Token[] = [];
    const push = (i: number, j: number, kind: Token['kind']): void => {
      const start = o[i] as number;
      const end = extendOverMarks(s, o[j - 1] as number, o[j] as number);
      const norm = t.slice(i, j);
      if (kind === 'word') {
        const a = analyze(norm);
        tokens.push({
          text: s.slice(start, end),
          start,
          end,
          norm,
          base: a.base,
          prefixes: a.prefixes.slice(),
          candidates: a.candidates.slice(),
          kind,
        });
      } else {
        tokens.push({ text: s.slice(start, end), start, end, norm, base: norm, prefixes: [], candidates: [norm], kind });
      }
    };
    let i = 0;
    while (i < n) {
      const c = t.charCodeAt(i);
      const k = CH[c] as number;
      let j: number;
      if (k === ARABIC) {
        j = i + 1;
        while (j < n && ((CH[t.charCodeAt(j)] as number) === ARABIC || (CH[t.charCodeAt(j)] as number) === MARK)) j++;
        push(i, j, 'word');
      } else if (k === DIGIT) {
        j = scanNumber(t, i);
        if (cls(t, j) === FOREIGN) push(i, (j = scanForeign(t, j)), 'latin'); // "5g", "3d", "19th"
        else push(i, j, 'number');
      } else if (k === FOREIGN || k === MARK) {
        j = scanForeign(t, i);
        push(i, j, 'latin');
      } else if (k === OTHER) {
        j = i + 1;
        if (c >= HIGH_FIRST && c <= HIGH_LAST && j < n) j++; // a surrogate pair (emoji, …) is one token
        else while (j < n && t.charCodeAt(j) === c) j++; // "...", "!!", "؟؟" are one token
        push(i, j, 'punct');
      } else {
        j = i + 1; // space, line break
      }
      i = j;
    }
    return tokens;
  };
}

/** Split text into word, number, Latin and punctuation tokens, with the proclitics of each Arabic word analysed. */
export const tokenize: (s: string) => Token[] = makeTokenizer(defaultAnalyzer);

/**
 * A tokenizer that also knows these stems (e.g. gazetteer names that begin with clitic letters: "بلينكن", "فيدان"),
 * in addition to the built-in list.
 */
export function createTokenizer(options: { stems?: Iterable<string> } = {}): (s: string) => Token[] {
  return makeTokenizer(makeAnalyzer(stemSet(options.stems)));
}

/**
 * True when tokens[i] is only proclitic letters written apart from the word they belong to: "لـ" in "لـ«الشراكة»",
 * "بـ" in "بـ5 ملايين", "و" in "و«الشرق»". Such a token is a preposition or conjunction, not a word.
 */
export function isDetachedProclitic(tokens: readonly Token[], i: number): boolean {
  const tok = tokens[i];
  if (tok === undefined || tok.kind !== 'word' || !isProcliticChain(tok.norm)) return false;
  if (tok.text.charCodeAt(tok.text.length - 1) === 0x0640) return true; // written with tatweel
  const next = tokens[i + 1];
  return next !== undefined && next.start === tok.end && next.kind !== 'word';
}

function isProcliticChain(w: string): boolean {
  let r = w;
  if (CONJ.has(r[0] ?? '')) r = r.slice(1);
  if (r === '') return true;
  if (r === LAM_ART) return true;
  if (PREP.has(r[0] ?? '')) r = r.slice(1);
  return r === '' || r === ART;
}
