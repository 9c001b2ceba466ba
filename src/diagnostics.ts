import type { Diagnostic } from './types.js';

/**
 * Every diagnostic rule rasd can attach to a page, with what it means. Tests assert the rule id, not the text.
 */
export const RULES = {
  'input/unsupported-type': 'file type is not one rasd reads (.txt, .html, .htm)',
  'input/unreadable': 'the file could not be read',
  'input/empty': 'the file is empty',
  'input/binary': 'the file holds binary data, not text',
  'input/encoding-guess': 'the encoding was not declared and had to be detected',
  'input/invalid-utf8': 'the text is not valid in any supported encoding; bad bytes were replaced',
  'input/too-large': 'the file is too large to read whole; only its beginning was analysed',
  'input/mojibake-repaired': 'the text was UTF-8 read in another code page and saved again (mojibake); it was repaired',
  'input/mojibake': 'the text is mojibake that could not be fully repaired: some letters were lost',
  'input/html-in-text': 'the text file holds a whole HTML document; it was read as HTML',
  'language/not-arabic': 'the page is not in Arabic and was not analysed',
  'language/undetermined': 'the language of the page could not be determined',
  'html/parse': 'the HTML could not be parsed',
  'segment/no-article': 'no article was found on the page',
  'segment/listing': 'the page lists several items and has no main article',
  'segment/no-title': 'an article was found without a headline',
  'html/no-main-content': 'the HTML page has no main content that could be found',
  'html/too-deep': 'the HTML nests elements too deeply; the deepest were flattened (their text kept)',
  'cli/write-failed': 'the output file could not be written',
  'cli/analyze-failed': 'the page could not be analysed',
  'server/store-failed': 'the analysed page could not be stored',
  'fetch/failed': 'the URL could not be fetched',
  'fetch/not-a-page': 'the URL does not hold a web page or a feed',
  'fetch/bad-feed': 'the feed could not be read',
  'fetch/bad-url': 'not a valid http(s) URL',
} as const;

export type RuleId = keyof typeof RULES;

export function diagnostic(rule: RuleId, detail?: string): Diagnostic {
  return { rule, message: detail ? `${RULES[rule]}: ${detail}` : RULES[rule] };
}
