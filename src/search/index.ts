/**
 * The pure text layer of search: no storage, no I/O.
 *
 * Text and query meet on terms (terms.ts): the light stem of each Arabic word with its clitics removed and its
 * letters folded (src/text), lowercased Latin words, numbers. termString(text) is what the store feeds to
 * to_tsvector('simple', …): every term is exactly one PostgreSQL lexeme, so positions follow the term order and
 * phrases work. parseQuery (query.ts) reads words (AND) and quoted phrases into the same terms, and toTsQuery writes
 * them as a to_tsquery('simple', …) expression with every lexeme quoted. snippet (snippet.ts) finds the matches again
 * in the text itself, with indexTerms, to cut the window shown in a SearchHit and its highlights.
 */
export { indexTerms, termString, tokenTerm, MAX_TERM } from './terms.js';
export type { IndexedTerm } from './terms.js';
export { parseQuery, toTsQuery, toTermsTsQuery, MAX_TERMS, MAX_QUERY_LENGTH } from './query.js';
export type { ParsedQuery } from './query.js';
export { snippet } from './snippet.js';
export type { Snippet } from './snippet.js';
