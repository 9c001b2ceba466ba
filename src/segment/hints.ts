/** The page-phrase hints of src/lang/ar/page-hints.json, folded once for matching. */
import raw from '../lang/ar/page-hints.json' with { type: 'json' };
import { foldKey } from '../text/index.js';

const fold = (xs: string[]): string[] => [...new Set(xs.map(foldKey).filter((k) => k.length > 0))];

/** Folded phrases indexed by their first word, to find the one a line starts with without scanning them all. */
export class LabelSet {
  private readonly byFirst = new Map<string, string[]>();
  constructor(phrases: string[]) {
    for (const p of fold(phrases)) {
      const first = p.split(' ')[0]!;
      const list = this.byFirst.get(first) ?? [];
      list.push(p);
      list.sort((a, b) => b.length - a.length);
      this.byFirst.set(first, list);
    }
  }
  /** The longest phrase that `key` starts with, as whole words, or null. */
  match(key: string): string | null {
    const sp = key.indexOf(' ');
    const list = this.byFirst.get(sp < 0 ? key : key.slice(0, sp));
    if (!list) return null;
    for (const p of list) if (key === p || key.startsWith(p + ' ')) return p;
    return null;
  }
}

export const HINTS = {
  listLabels: new Set(fold(raw.listLabels)),
  commentLabels: new Set(fold(raw.commentLabels)),
  commentStarts: new LabelSet(raw.commentLabels),
  commentLines: fold(raw.commentLines),
  tagLabels: new LabelSet(raw.tagLabels),
  sourceLabels: new LabelSet(raw.sourceLabels),
  bylineLabels: new LabelSet(raw.bylineLabels),
  publishLabels: new LabelSet(raw.publishLabels),
  updateLabels: new LabelSet(raw.updateLabels),
  agencies: new Set(fold(raw.agencies)),
  markers: new Set(raw.markers),
  sectionNames: new Set(fold(raw.sectionNames)),
  shareLabels: new LabelSet(raw.shareLabels),
  chromeLines: new LabelSet(raw.chromeLines),
  copyrightMarks: fold(raw.copyrightMarks),
  consentPhrases: fold(raw.consentPhrases),
  outletWords: new Set(fold(raw.outletWords)),
  navHome: new LabelSet(raw.navHome),
  labelVerbs: new LabelSet(raw.labelVerbs),
};

/** The hint label that `key` starts with (whole words), or null. */
export function startsWithLabel(key: string, labels: LabelSet): string | null {
  return labels.match(key);
}
