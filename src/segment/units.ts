/**
 * Step 2 of segmentation: group classified lines into units — a headline, its header material (captions,
 * bylines, dates, repeats of the headline) and its body paragraphs. A page alternates between runs of short lines
 * and bodies of paragraphs; each run ends the previous unit (its trailing credits) and opens the next one.
 */
import type { Line } from './lines.js';

export interface Unit {
  title: string;
  titleLine: Line | null;
  paras: Line[];
  captions: Line[];
  credits: Line[];
  dates: Line[];
  /** A list label ("مقالات ذات صلة", "اقرأ أيضاً:") came before this unit on the page. */
  afterLabel: boolean;
  /** Made from a one-line "اقرأ أيضاً: <headline>" link. */
  fromLink: boolean;
}

type Item = { body: true; lines: Line[] } | { body: false; lines: Line[] };

const HEADER = new Set(['caption', 'byline', 'date']);

export function buildUnits(all: Line[]): { units: Unit[]; pageDates: Line[] } {
  const lines = dropCommentZones(all.filter((l) => l.kind !== 'junk'));
  const keyCount = new Map<string, number>();
  for (const l of all) keyCount.set(l.key, (keyCount.get(l.key) ?? 0) + 1);

  const items: Item[] = [];
  for (const l of lines) {
    const body = l.kind === 'para';
    const last = items[items.length - 1];
    if (last && last.body === body) last.lines.push(l);
    else items.push({ body, lines: [l] } as Item);
  }

  const units: Unit[] = [];
  const pageDates: Line[] = [];
  let cur: Unit | null = null;
  let afterLabel = false;
  let firstRun = true;

  const open = (title: Line | null, captions: Line[] = []): Unit => {
    const u: Unit = { title: title?.text ?? '', titleLine: title, paras: [], captions, credits: [], dates: title?.date ? [title] : [], afterLabel, fromLink: false };
    units.push(u);
    return u;
  };

  for (let k = 0; k < items.length; k++) {
    const item = items[k]!;
    if (item.body) {
      if (!cur) cur = open(null);
      cur.paras.push(...item.lines);
      continue;
    }
    const next = items[k + 1];
    const prevBody = items[k - 1];
    // A run between two bodies that holds no headline (or one intertitle): the article goes on.
    if (cur && cur.paras.length > 0 && next?.body && prevBody?.body && transparent(item.lines, prevBody.lines, next.lines, keyCount)) {
      for (const l of item.lines) {
        if (l.kind === 'caption') cur.captions.push(l);
        else if (l.kind === 'byline') cur.credits.push(l);
        else if (l.kind === 'date') cur.dates.push(l);
        else if (l.kind === 'head') cur.paras.push(l);
        else if (l.kind === 'teaser-link') link(l);
      }
      continue;
    }
    let run = item.lines;
    // Trailing credits and dates of the unit that just ended.
    let t = 0;
    // (A card's lead may be signed with a bare name of one to three words.)
    const signs = (l: Line): boolean => l.kind === 'byline' || l.kind === 'date' || (l.kind === 'head' && l.words <= 3 && cur!.paras.length === 1);
    while (cur && cur.paras.length > 0 && t < run.length && signs(run[t]!)) {
      const l = run[t++]!;
      (l.kind === 'date' ? cur.dates : cur.credits).push(l);
    }
    // Captions that end the article (before a label or the end of the page) are its own.
    while (cur && cur.paras.length > 0 && t < run.length && run[t]!.kind === 'caption') {
      const nextHead = run.slice(t).find((l) => l.kind !== 'caption');
      if (nextHead && nextHead.kind === 'head') break;
      cur.captions.push(run[t++]!);
    }
    run = run.slice(t);
    cur = null;

    // Labels cut the run into segments; each segment before the last holds only teasers.
    const segments: Line[][] = [[]];
    for (const l of run) {
      if (l.kind === 'label' || l.kind === 'comments') {
        afterLabel = true;
        segments.push([]);
      } else if (l.kind === 'teaser-link') {
        link(l);
        segments.push([]);
      } else segments[segments.length - 1]!.push(l);
    }
    for (let s = 0; s < segments.length; s++) {
      const seg = segments[s]!;
      const last = s === segments.length - 1;
      // Before the first label of the page's first run stands the site's chrome (name, tagline, menu).
      const chrome = firstRun && s === 0;
      if (last && next?.body) {
        const { before, title, header, deck } = titleBlock(seg, firstRun && segments.length === 1);
        // Captions after the last headline of what comes before are the picture above this title.
        let k = before.length;
        while (k > 0 && before[k - 1]!.kind === 'caption') k--;
        teaserItems(before.slice(0, k), chrome);
        cur = open(title, before.slice(k));
        for (const l of header) {
          if (l.kind === 'byline') cur.credits.push(l);
          else if (l.kind === 'date') cur.dates.push(l);
          else if (l.kind === 'head' && l.block.zone !== undefined && !l.block.hint) continue; // HTML: widgets around the headline
          else if (l.kind === 'head' && l.words <= 3 && title && l.i > title.i) cur.credits.push(l);
          else if (l.kind === 'caption' || l.kind === 'head') cur.captions.push(l);
        }
        if (deck) cur.paras.push(deck);
      } else teaserItems(seg, chrome);
    }
    firstRun = false;
  }
  return { units, pageDates };

  function link(l: Line): void {
    const u = open(null);
    u.title = l.linkTitle ?? l.text;
    u.titleLine = l;
    u.fromLink = true;
    u.afterLabel = true;
  }

  /**
   * Headline items with no body of their own: "most read" lists, cards with only a title and a byline. In the
   * site's chrome a lone headline-shaped line is a tagline, not a teaser: there a list needs two items.
   */
  function teaserItems(seg: Line[], chrome = false): void {
    if (chrome) {
      const heads = seg.filter((l) => l.kind === 'head' && l.words >= 4);
      if (heads.length < 2) seg = seg.filter((l) => l.kind !== 'head' || l.glueLabel);
    }
    let item: Unit | null = null;
    let pending: Line[] = [];
    for (let j = 0; j < seg.length; j++) {
      const l = seg[j]!;
      if (l.kind === 'head') {
        if (item && item.titleLine?.key === l.key) continue;
        item = open(l, pending);
        pending = [];
      } else if (l.kind === 'caption') {
        const after = seg.slice(j + 1).find((x) => x.kind !== 'caption');
        if (after?.kind === 'head' || !item) pending.push(l);
        else item.captions.push(l);
      } else if (l.kind === 'date') {
        if (item) item.dates.push(l);
        else pageDates.push(l);
      } else if (l.kind === 'byline' && item) item.credits.push(l);
    }
  }
}

/**
 * Comment sections: from a comments label to the next list label, everything is the comment form or comments.
 * Tag and share zones: after a tag or share label standing alone, its short lines are tags or buttons.
 */
function dropCommentZones(lines: Line[]): Line[] {
  const out: Line[] = [];
  let inComments = false;
  let inZone = false;
  for (const l of lines) {
    if (l.kind === 'comments') inComments = true;
    else if (l.kind === 'label') inComments = false;
    if (l.kind === 'zone') inZone = true;
    else if (inZone && (l.words > 5 || l.kind === 'label' || l.kind === 'comments' || l.kind === 'para')) inZone = false;
    if (!inComments && !inZone && l.kind !== 'zone') out.push(l);
  }
  return out;
}

/** A run that does not end the article: captions, credits, or one intertitle between two substantial bodies. */
function transparent(run: Line[], prev: Line[], next: Line[], keyCount: Map<string, number>): boolean {
  // HTML says which block each line came from: a run between bodies of different zones or groups is no intertitle;
  // a run of headings inside the article's own group is (a live blog's entries, a long read's sections).
  const before = prev[prev.length - 1]?.block;
  const after = next[0]?.block;
  if (before?.zone !== undefined && after?.zone !== undefined) {
    if (before.zone !== after.zone || before.group !== after.group) return false;
    if (before.zone === 'main' && run.every((l) => l.block.group === before.group)) {
      return !run.some((l) => l.kind === 'label' || l.kind === 'comments');
    }
  }
  const heads = run.filter((l) => l.kind === 'head');
  if (run.some((l) => l.kind === 'label' || l.kind === 'comments')) return false;
  if (run.some((l) => l.kind !== 'head' && l.kind !== 'teaser-link' && !HEADER.has(l.kind))) return false;
  if (heads.length === 0) return true;
  if (heads.length > 1) return false;
  const h = heads[0]!;
  if (h.words > 12 || (keyCount.get(h.key) ?? 0) > 1) return false;
  if (run.some((l) => l.kind === 'byline' || l.kind === 'date')) return false;
  return (words(prev) >= 60 || (prev.length >= 2 && words(prev) >= 40)) && words(next) >= 30;
}

function words(lines: Line[]): number {
  let n = 0;
  for (const l of lines) n += l.words;
  return n;
}

/**
 * The headline of the body that follows a run segment, and the header material around it.
 * 1. A headline that recurs in the segment ("H C C TT H C C"): everything from its first occurrence is header.
 * 2. Else the last headline-shaped line before the body; a repeated pair right before the body is either the
 *    headline printed twice or (in the page's first run) a caption printed twice under the headline.
 */
function titleBlock(seg: Line[], firstRun: boolean): { before: Line[]; title: Line | null; header: Line[]; deck: Line | null } {
  // The page's own <h1>: the HTML says which line is the headline.
  const h1 = seg.findIndex((l) => l.kind === 'head' && l.block.hint === 'title');
  if (h1 >= 0) return { before: seg.slice(0, h1), title: seg[h1]!, header: seg.slice(h1 + 1).filter((x) => x.key !== seg[h1]!.key), deck: null };
  for (let h = 0; h < seg.length; h++) {
    const l = seg[h]!;
    if (l.kind !== 'head' || l.words < 3) continue;
    const again = seg.findIndex((x, j) => j > h + 1 && x.kind === 'head' && x.key === l.key);
    if (again > 0) {
      // Between two prints of the headline stands the picture: a credit there ("سانا") is the photo's.
      const header = seg.slice(h + 1).filter((x) => x.key !== l.key);
      const inPicture = new Set(seg.slice(h + 1, again).map((x) => x.key));
      for (const x of header) if (x.kind === 'byline' && inPicture.has(x.key)) x.kind = 'caption';
      return { before: seg.slice(0, h), title: l, header, deck: null };
    }
  }
  let j = seg.length - 1;
  const notTitle = (l: Line): boolean => HEADER.has(l.kind) || (l.kind === 'head' && l.words <= 2);
  while (j >= 0 && notTitle(seg[j]!)) j--;
  if (j < 0) return { before: [], title: null, header: seg, deck: null };
  const t = seg[j]!;
  if (j > 0 && seg[j - 1]!.kind === 'head' && seg[j - 1]!.key === t.key) {
    let q = j - 2;
    while (q >= 0 && notTitle(seg[q]!)) q--;
    const cand = q >= 0 ? seg[q]! : null;
    if (firstRun && cand && cand.kind === 'head' && cand.words >= 3 && !(q > 0 && seg[q - 1]!.key === cand.key)) {
      return { before: seg.slice(0, q), title: cand, header: seg.slice(q + 1), deck: null };
    }
    return { before: seg.slice(0, j - 1), title: t, header: seg.slice(j + 1), deck: null };
  }
  if (firstRun) {
    let q = j - 1;
    while (q >= 0 && notTitle(seg[q]!)) q--;
    const cand = q >= 0 ? seg[q]! : null;
    // A headline directly followed by a longer standfirst: the first is the title, the second opens the body.
    if (cand && q === j - 1 && cand.kind === 'head' && cand.words >= 4 && t.words > cand.words && t.words >= 8) {
      return { before: seg.slice(0, q), title: cand, header: seg.slice(q + 1, j).concat(seg.slice(j + 1)), deck: t };
    }
  }
  return { before: seg.slice(0, j), title: t, header: seg.slice(j + 1), deck: null };
}
