/**
 * The html stage: an HTML page → blocks with what the DOM tells about them (hint, zone, group) and the page's meta.
 *
 * Order: parse once (linkedom; what is nested past any real page's depth loses its tags first) → read the head's
 * meta → one walk that cuts blocks and removes scripts, controls and hidden elements → leave out boilerplate (nav,
 * footer, share bars…) → bound the nesting Readability sees (flatten.ts) → Readability on the same document (no
 * clone: the blocks are already cut, and the text nodes Readability keeps say which blocks are main) → title,
 * groups, labels → the metadata's authors as the main article's bylines (authors.ts) → output.
 * What could not be read goes on the page as a warning: html/too-deep, html/parse (an unclosed script hiding text),
 * html/no-main-content.
 */
import { diagnostic } from '../diagnostics.js';
import type { Block, BlockPage, DecodedPage, Diagnostic, PageMeta } from '../types.js';
import { extract, type DateMark, type RawBlock } from './dom.js';
import { DEPTH_LIMIT, flattenForReadability, shallowContainers } from './flatten.js';
import { MAX_PARSE_DEPTH, parsePage } from './parse.js';
import { dropBoilerplate, findMain } from './main-content.js';
import { fold, isoDate, readHeadMeta, stripSiteName, type HeadMeta } from './meta.js';
import { arrange, MAIN_GROUP, type Arrangement } from './structure.js';
import { markAuthors } from './authors.js';

/** An unclosed script, style or comment is reported when it hides at least this many letters of text. */
const HIDDEN_LETTERS = 50;

export function htmlToBlocks(page: DecodedPage): BlockPage {
  try {
    return convert(page);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return { source: page.source, language: page.language, blocks: [], meta: {}, warnings: [diagnostic('html/parse', detail)] };
  }
}

function convert(page: DecodedPage): BlockPage {
  const warnings: Diagnostic[] = [];
  const { document, flattened, unclosed } = parsePage(page.text);
  if (unclosed && unclosed.hiddenLetters >= HIDDEN_LETTERS) {
    const what = unclosed.tag === '!--' ? 'comment (<!--)' : `<${unclosed.tag}>`;
    warnings.push(diagnostic('html/parse', `an unclosed ${what} hides the rest of the page (${unclosed.hiddenLetters} Arabic letters)`));
  }
  const head = readHeadMeta(document);
  const x = extract(document);
  const later = dropBoilerplate(x);
  const flat = flattenForReadability(x.elements);
  if (flattened > 0) warnings.push(diagnostic('html/too-deep', `${flattened} elements nested deeper than ${MAX_PARSE_DEPTH} lost their tags before parsing`));
  else if (flat.cut > 0) warnings.push(diagnostic('html/too-deep', `${flat.cut} elements nested deeper than ${flat.limit} were unwrapped for Readability`));
  else if (flat.maxDepth > DEPTH_LIMIT) warnings.push(diagnostic('html/too-deep', `elements nested ${flat.maxDepth} deep; ${flat.wrappers} wrappers were unwrapped for Readability`));
  x.containers = shallowContainers(x.containers, flat);
  const main = findMain(document, x, later);
  if (main.missing) warnings.push(diagnostic('html/no-main-content', main.missing));
  const siteNames = [head.siteName, head.publisher].filter((s): s is string => s !== null);
  const names = new Set(siteNames.map(fold));
  const headlines = [main.title, ...head.headlines]
    .filter((t): t is string => !!t)
    .map((t) => stripSiteName(t, siteNames))
    .filter((t) => t && !names.has(fold(t)));
  const arrangement = arrange(x.blocks, x.containers, headlines);
  const bylines = arrangement.firstMain >= 0 ? markAuthors(x.blocks, head.authors) : [];
  return {
    source: page.source,
    language: page.language,
    blocks: output(x.blocks, arrangement, bylines),
    meta: pageMeta(head, siteNames, bodyDate(x.blocks, x.dates, arrangement)),
    warnings,
  };
}

/**
 * The blocks left, in page order with the title first in the main zone (and after it the authors' bylines that no
 * line of the page gives), groups numbered from 1 in page order.
 */
function output(blocks: readonly RawBlock[], a: Arrangement, bylines: readonly string[]): Block[] {
  const out: Block[] = [];
  const numbers = new Map<number, number>();
  const emit = (b: Pick<RawBlock, 'text' | 'hint' | 'zone' | 'group'>): void => {
    const block: Block = { text: b.text };
    if (b.hint) block.hint = b.hint;
    block.zone = b.zone;
    if (b.group !== undefined) {
      let n = numbers.get(b.group);
      if (n === undefined) numbers.set(b.group, (n = numbers.size + 1));
      block.group = n;
    }
    out.push(block);
  };
  const moveTitle = a.title > a.firstMain && a.firstMain >= 0;
  // What interrupts the main article (a key-points box between headline and body, an inline "read also" link, an
  // ad's text) follows it instead, so that the article's own blocks stand together.
  const start = a.firstMain < 0 ? -1 : a.title >= 0 ? Math.min(a.title, a.firstMain) : a.firstMain;
  let end = -1;
  if (start >= 0) blocks.forEach((b, i) => (b.group === MAIN_GROUP && !b.dropped ? (end = i) : undefined));
  const deferred: RawBlock[] = [];
  const emitBylines = (): void => bylines.forEach((text) => emit({ text, hint: 'byline', zone: 'aside', group: MAIN_GROUP }));
  const titled = a.title >= 0 || a.synthTitle !== null;
  blocks.forEach((b, i) => {
    if (i === a.firstMain) {
      if (moveTitle) emit(blocks[a.title] as RawBlock);
      else if (a.synthTitle) emit({ text: a.synthTitle, hint: 'title', zone: 'main', group: MAIN_GROUP });
      if (moveTitle || a.synthTitle || !titled) emitBylines();
    }
    if (b.dropped || (moveTitle && i === a.title)) return;
    if (i > start && i < end && b.group !== MAIN_GROUP) deferred.push(b);
    else emit(b);
    if (i === a.title && !moveTitle) emitBylines();
    if (i === end) deferred.forEach(emit);
  });
  return out;
}

/** The main article's own machine-readable date: a <time datetime> of its group (its header first), else itemprop. */
function bodyDate(blocks: readonly RawBlock[], dates: readonly DateMark[], a: Arrangement): string | null {
  if (a.firstMain < 0) return null;
  const ofMain = (d: DateMark): boolean => d.hasBlock && blocks[d.pos]?.group === MAIN_GROUP && !blocks[d.pos]?.dropped;
  const times = dates.filter((d) => !d.published && ofMain(d));
  const header = times.find((d) => d.pos < a.firstMain) ?? times[0];
  const fromTime = isoDate(header?.value);
  if (fromTime) return fromTime;
  const start = a.title >= 0 ? Math.min(a.title, a.firstMain) : a.firstMain;
  let end = start;
  blocks.forEach((b, i) => {
    if (b.group === MAIN_GROUP) end = i + 1;
  });
  for (const d of dates) {
    if (!d.published || d.pos < start || d.pos > end) continue;
    const g = blocks[d.pos]?.group;
    if (g === undefined || g === MAIN_GROUP) {
      const iso = isoDate(d.value);
      if (iso) return iso;
    }
  }
  return null;
}

function pageMeta(head: HeadMeta, siteNames: readonly string[], fromBody: string | null): PageMeta {
  const meta: PageMeta = {};
  const title = head.title ? stripSiteName(head.title, siteNames) : '';
  if (title) meta.title = title;
  const published = head.metaDate ?? head.jsonLdDate ?? fromBody ?? head.otherDate ?? head.modifiedDate;
  if (published) meta.published = published;
  const outlet = head.siteName ?? head.publisher;
  if (outlet) meta.outlet = outlet;
  return meta;
}
