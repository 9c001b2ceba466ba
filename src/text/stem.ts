/**
 * Light Arabic stemming of a token's base (normalized, proclitics already removed by the tokenizer): one suffix
 * off, so that the forms a reader takes for one word meet: قاعدة, القاعدتين, بالقاعدة, قاعدتنا → قاعد; مفاوضات,
 * المفاوضات → مفاوض; الروسية, روسي → روسي. Broken plurals (قواعد) are other words, as for any light stemmer.
 *
 * Rules, in order, each leaving at least MIN letters:
 *  1. a feminine dual (تين, تان) goes with its taa: قاعدتين → قاعد;
 *  2. else one pronoun or plural suffix (longest first); a feminine taa left bare by a pronoun goes too:
 *     قاعدتها → قاعدت → قاعد;
 *  3. a final taa marbuta (normalized to ه) goes: قاعده → قاعد.
 * Names known to the tokenizer (src/lang/ar/clitics.json: places, people, organizations) are kept whole: بوتين and
 * فلسطين end like plurals but are not. @orama/stemmers' Snowball Arabic was measured against these and rejected: it cuts names
 * (بوتين → وتين, وزير → زير) and splits one word by its clitics (مفاوضات → مفاوضا, المفاوضات → مفاوض).
 */
import clitics from '../lang/ar/clitics.json' with { type: 'json' };
import { normalizeForMatch } from './normalize.js';

const MIN = 3;
const NAMES = new Set(
  [...clitics.stems.places, ...clitics.stems.people, ...clitics.stems.organizations].map((e) => normalizeForMatch(e).text.trim()).filter((e) => !e.includes(' ')),
);
const DUAL_FEM = ['تين', 'تان'];
const PRONOUNS = ['هما', 'كما', 'هم', 'هن', 'ها', 'كم', 'كن', 'نا'];
const PLURALS = ['يين', 'يون', 'ات', 'ون', 'ين'];
const TAA_MARBUTA = 'ه';

/** The light stem of a normalized, clitic-free word. */
export function stem(base: string): string {
  if (NAMES.has(base)) return base;
  let w = base;
  for (const s of DUAL_FEM) {
    if (w.length - s.length >= MIN && w.endsWith(s)) return w.slice(0, -s.length);
  }
  let cut = false;
  for (const s of PRONOUNS) {
    if (w.length - s.length >= MIN && w.endsWith(s)) {
      w = w.slice(0, -s.length);
      if (w.length > MIN && w.endsWith('ت')) w = w.slice(0, -1);
      cut = true;
      break;
    }
  }
  if (!cut) {
    for (const s of PLURALS) {
      if (w.length - s.length >= MIN && w.endsWith(s)) {
        w = w.slice(0, -s.length);
        break;
      }
    }
  }
  if (w.length > MIN && w.endsWith(TAA_MARBUTA)) w = w.slice(0, -1);
  return w;
}
