/**
 * Which language a decoded page is in, as an ISO 639-1 code ("ar", "fa", "ur", "en", …) or "und".
 *
 * 1. HTML is judged on its text: scripts, styles, comments, tags and nav/header/footer/aside are stripped
 *    (roughly) first.
 * 2. Letters are counted by script over a bounded prefix (30,000 characters).
 * 3. Arabic script (at least 2 letters and ≥ 40% of all letters): evidence per language from very frequent
 *    function words and from letters only one language uses (data: src/lang/ar/language-markers.json), plus
 *    words with the Arabic article for Arabic. A clear lead decides. Otherwise, with enough text, franc-min
 *    (limited to the Arabic-script languages it knows) adds its vote; on very short text the letter evidence
 *    decides, and Arabic script with no evidence at all is Arabic. So one Persian-spelled tag line cannot turn an
 *    Arabic page Persian, and a three-word Arabic error page is Arabic.
 * 4. Otherwise, fewer than 20 letters → und; else franc-min on a sample of at most 2,000 characters, mapped to
 *    ISO 639-1 (its 639-3 code where there is none).
 */
import { francAll } from 'franc-min';
import markers from '../lang/ar/language-markers.json' with { type: 'json' };
import codes from '../lang/ar/language-codes.json' with { type: 'json' };
import { diagnostic } from '../diagnostics.js';
import type { Diagnostic } from '../types.js';

export interface LanguageResult {
  language: string;
  warnings: Diagnostic[];
}

/** Characters of text (after tag stripping) looked at; characters of HTML stripped at most. */
const MAX_TEXT = 30_000;
const MAX_HTML = 512_000;
/** Words of Arabic script looked at for function words. */
const MAX_WORDS = 1_500;
/** Every so many words, stop reading when one language already leads by far. */
const EARLY_CHECK = 300;
/** Characters given to franc. */
const FRANC_SAMPLE = 2_000;

const LANGS = ['ar', 'fa', 'ur', 'ps', 'ku'] as const;
type ArabicScriptLang = (typeof LANGS)[number];
const FRANC_ARABIC: Record<string, ArabicScriptLang> = { arb: 'ar', pes: 'fa', urd: 'ur', pbu: 'ps' };

// Function words: word → indexes (in LANGS) of the languages it marks.
const WORDS = new Map<string, number[]>();
function addWord(word: string, lang: number): void {
  const list = WORDS.get(word) ?? [];
  if (!list.includes(lang)) list.push(lang);
  WORDS.set(word, list);
}
LANGS.forEach((lang, i) => {
  for (const word of markers.functionWords[lang]) {
    addWord(word, i);
    if (lang === 'fa') addWord(word.replace(/ی/g, 'ي').replace(/ک/g, 'ك'), i);
    if (lang === 'ar') {
      const persianSpelling = word.replace(/[يى]/g, 'ی').replace(/ك/g, 'ک');
      if (!markers.arabicSpellingExceptions.includes(persianSpelling)) addWord(persianSpelling, i);
    }
  }
});

// Distinctive letters: for each code point U+0600–U+06FF, the language it marks and how much.
const LETTER_LANG = new Int8Array(256).fill(-1);
const LETTER_WEIGHT = new Float64Array(256);
LANGS.forEach((lang, i) => {
  for (const [letter, weight] of Object.entries(markers.letters[lang] as Record<string, number>)) {
    const index = letter.charCodeAt(0) - 0x600;
    LETTER_LANG[index] = i;
    LETTER_WEIGHT[index] = weight;
  }
});

const ISO1: Record<string, string> = codes.iso6393to6391;

export function identifyLanguage(text: string, isHtml: boolean): LanguageResult {
  let visible = isHtml ? visibleText(text) : text;
  if (visible.length > MAX_TEXT) visible = visible.slice(0, MAX_TEXT);
  let counts = countLetters(visible);
  let letters = counts.arabic + counts.latin + counts.other;
  if (isHtml && letters < 2) {
    // Nearly nothing outside the chrome: judge the chrome too.
    visible = visibleText(text, true).slice(0, MAX_TEXT);
    counts = countLetters(visible);
    letters = counts.arabic + counts.latin + counts.other;
  }
  let language: string;
  if (counts.arabic >= 2 && counts.arabic >= letters * 0.4) language = arabicScriptLanguage(visible, counts.evidence, counts.arabic);
  else if (letters < 20) language = 'und';
  else language = francLanguage(visible);
  return { language, warnings: warningsFor(language) };
}

function warningsFor(language: string): Diagnostic[] {
  if (language === 'ar') return [];
  if (language === 'und') return [diagnostic('language/undetermined')];
  return [diagnostic('language/not-arabic', `${languageName(language)} (${language})`)];
}

let displayNames: Intl.DisplayNames | null = null;
function languageName(code: string): string {
  try {
    displayNames ??= new Intl.DisplayNames(['en'], { type: 'language' });
    return displayNames.of(code) ?? code;
  } catch {
    return code;
  }
}

interface LetterCounts {
  arabic: number;
  latin: number;
  other: number;
  /** Distinctive-letter evidence per language, indexed like LANGS. */
  evidence: number[];
}

function isArabicLetter(c: number): boolean {
  return (
    (c >= 0x0621 && c <= 0x064a) ||
    (c >= 0x066e && c <= 0x06d3) ||
    c === 0x06d5 ||
    (c >= 0x06fa && c <= 0x06ff) ||
    (c >= 0x0750 && c <= 0x077f) ||
    (c >= 0x08a0 && c <= 0x08ff) ||
    (c >= 0xfb50 && c <= 0xfdff) ||
    (c >= 0xfe70 && c <= 0xfefc)
  );
}

function countLetters(text: string): LetterCounts {
  let arabic = 0;
  let latin = 0;
  let other = 0;
  const evidence = LANGS.map(() => 0);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) latin++;
    } else if (isArabicLetter(c)) {
      arabic++;
      if (c < 0x0700) {
        const lang = LETTER_LANG[c - 0x600]!;
        if (lang >= 0) evidence[lang]! += LETTER_WEIGHT[c - 0x600]!;
      }
    } else if (c >= 0xc0 && c <= 0x24f) {
      if (c !== 0xd7 && c !== 0xf7) latin++;
    } else if ((c >= 0x0370 && c <= 0x1fff) || (c >= 0x3040 && c <= 0x9fff) || (c >= 0xac00 && c <= 0xd7af)) {
      if (c < 0x0600 || c > 0x08ff) other++; // Greek, Cyrillic, Hebrew, Indic, CJK, Hangul…
    }
  }
  return { arabic, latin, other, evidence };
}

const ARABIC_WORD = /[\u0621-\u065F\u0670-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF\u0750-\u077F\u08A0-\u08FF]+/g;
const HAS_MARK = /[\u0640\u064B-\u065F\u0670]/;
const MARKS = /[\u0640\u064B-\u065F\u0670]/g;
const ARTICLE = /^(?:ال|وال|بال|فال|كال|لل)/;

function arabicScriptLanguage(text: string, letterEvidence: number[], arabicLetters: number): ArabicScriptLang {
  const evidence = [...letterEvidence];
  const sample: string[] = [];
  let sampleLength = 0;
  let words = 0;
  ARABIC_WORD.lastIndex = 0;
  for (let m = ARABIC_WORD.exec(text); m && words < MAX_WORDS; m = ARABIC_WORD.exec(text)) {
    let word = m[0];
    if (HAS_MARK.test(word)) word = word.replace(MARKS, '');
    words++;
    if (sampleLength < FRANC_SAMPLE) {
      sample.push(word);
      sampleLength += word.length + 1;
    }
    const langs = WORDS.get(word);
    if (langs) for (const i of langs) evidence[i]! += 3;
    if (word.length >= 4 && ARTICLE.test(word)) evidence[0]! += 1;
    if (words % EARLY_CHECK === 0 && clearLead(evidence)) break;
  }

  const ranked = LANGS.map((lang, i) => ({ lang, score: evidence[i]! })).sort((a, b) => b.score - a.score);
  const top = ranked[0]!;
  const second = ranked[1]!;
  if (top.score === 0) return 'ar';
  if (top.score >= 8 && top.score >= second.score * 3) return top.lang;
  if (arabicLetters >= 30) {
    const vote = francAll(sample.join(' '), { only: Object.keys(FRANC_ARABIC) })[0]?.[0];
    const lang = vote ? FRANC_ARABIC[vote] : undefined;
    if (lang) {
      const entry = ranked.find((r) => r.lang === lang)!;
      entry.score += Math.max(4, top.score * 0.5);
      ranked.sort((a, b) => b.score - a.score);
    }
  }
  // Ties go to Arabic.
  const best = ranked[0]!;
  const arabic = ranked.find((r) => r.lang === 'ar')!;
  return arabic.score >= best.score ? 'ar' : best.lang;
}

function clearLead(evidence: number[]): boolean {
  const sorted = [...evidence].sort((a, b) => b - a);
  return sorted[0]! >= 50 && sorted[0]! >= 5 * sorted[1]!;
}

function francLanguage(text: string): string {
  const sample = text.slice(0, FRANC_SAMPLE * 2).replace(/\s+/g, ' ').trim().slice(0, FRANC_SAMPLE);
  const code = francAll(sample, { minLength: 20 })[0]?.[0] ?? 'und';
  if (code === 'und') return 'und';
  return ISO1[code] ?? code;
}

const ENTITIES: Record<string, string> = { nbsp: ' ', amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", zwnj: '\u200C', zwj: '\u200D' };

/**
 * The page's text for the language test only: scripts, styles, comments, tags and the site's chrome (nav, header,
 * footer, aside: menus often keep English labels on Arabic sites) stripped, entities decoded. Rough by design.
 */
const CODE = /<(script|style|noscript|template|svg)(?=[\s>/])[\s\S]*?<\/\1\s*>/gi;
const CODE_AND_CHROME = /<(script|style|noscript|template|svg|nav|header|footer|aside)(?=[\s>/])[\s\S]*?<\/\1\s*>/gi;

export function visibleText(html: string, withChrome = false): string {
  // Code is stripped before the page is cut to MAX_HTML: a cut inside a long script would leave its text behind
  // (a page that is mostly script would then be judged by its code). An unclosed block runs to the end.
  const code = html.replace(CODE, ' ').replace(/<(script|style|noscript|template|svg)(?=[\s>/])[\s\S]*$/i, ' ');
  const s = code.length > MAX_HTML ? code.slice(0, MAX_HTML) : code;
  return s
    .replace(withChrome ? CODE : CODE_AND_CHROME, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
      if (name[0] === '#') {
        const cp = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : ' ';
      }
      return ENTITIES[name.toLowerCase()] ?? ' ';
    });
}
