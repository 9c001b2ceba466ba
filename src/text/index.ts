/** The Arabic text core: normalization for matching, clitic-aware tokenization, sentence splitting. Pure functions. */
export { normalizeForMatch, toOriginalSpan, foldKey, cleanDisplay } from './normalize.js';
export type { MatchText } from './normalize.js';
export { tokenize, createTokenizer, analyzeWord, isDetachedProclitic } from './tokenize.js';
export type { Token, WordAnalysis } from './tokenize.js';
export { stem } from './stem.js';
export { splitSentences, MAX_QUOTE } from './sentences.js';
export type { Sentence } from './sentences.js';
