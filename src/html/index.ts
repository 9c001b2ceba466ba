/**
 * The html stage: an HTML page → blocks with what the DOM tells about them (hint, zone, group) and the page's meta.
 *
 * Order: parse once (linkedom) → read the head's meta → one walk that cuts blocks and removes scripts, controls and
 * hidden elements → leave out boilerplate (nav, footer, share bars…) → Readability on the same document (no clone:
 * the blocks are already cut, and the text nodes Readability keeps say which blocks are main) → title, groups, labels → output.
 */
import { diagnostic } from '../diagnostics.js';
import type { Block, BlockPage, DecodedPage, Diagnostic, PageMeta } from '../types.js';
import { extract, type DateMark, type RawBlock } from './dom.js';
import { parseDocument } from './parse.js';
import { dropBoilerplate, findMain } from './main-content.js';
import { fold, isoDate, readHeadMeta, stripSiteName, type HeadMeta } from './meta.js';
import { arrange, MAIN_GROUP, type Arrangement } from './structure.js';

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
  const document = parseDocument(page.text);
  const head = readHeadMeta(document);
  const x = extract(document);
  const later = dropBoilerplate(x);
  const main = findMain(document, x, later);
  if (main.missing) warnings.push(diagnostic('html/no-main-content', main.missing));
  const siteNames = [head.siteName, head.publisher].filter((s): s is string => s !== null);
  const names = new Set(siteNames.map(fold));
  const headlines = [main.title, ...head.headlines]
    .filter((t): t is string => !!t)
    .map((t) => stripSiteName(t, siteNames))
    .filter((t) => t && !names.has(fold(t)));
  const arrangement = arrange(x.blocks, x.containers, headlines);
  return {
    source: page.source,
    language: page.language,
    blocks: output(x.blocks, arrangement),
    meta: pageMeta(head, siteNames, bodyDate(x.blocks, x.dates, arrangement)),
    warnings,
  };
}

/** The blocks left, in page order with the title first in the main zone, groups numbered from 1 in page order. */
function output(blocks: readonly RawBlock[], a: Arrangement): Block[] {
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
  blocks.forEach((b, i) => {
    if (i === a.firstMain) {
      if (moveTitle) emit(blocks[a.title] as RawBlock);
      else if (a.synthTitle) emit({ text: a.synthTitle, hint: 'title', zone: 'main', group: MAIN_GROUP });
    }
    if (b.dropped || (moveTitle && i === a.title)) return;
    emit(b);
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
  const published = head.metaDate ?? head.jsonLdDate ?? fromBody ?? head.otherDate;
  if (published) meta.published = published;
  const outlet = head.siteName ?? head.publisher;
  if (outlet) meta.outlet = outlet;
  return meta;
}
