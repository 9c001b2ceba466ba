/** The page-phrase hints of src/lang/ar/page-hints.json, folded once for matching. */
import raw from '../lang/ar/page-hints.json' with { type: 'json' };
import { foldKey } from '../text/index.js';

const fold = (xs: string[]): string[] => [...new Set(xs.map(foldKey).filter((k) => k.length > 0))];

export const HINTS = {
  listLabels: new Set(fold(raw.listLabels)),
  commentLabels: new Set(fold(raw.commentLabels)),
  commentLines: fold(raw.commentLines),
  tagLabels: fold(raw.tagLabels),
  sourceLabels: fold(raw.sourceLabels),
  bylineLabels: fold(raw.bylineLabels),
  publishLabels: fold(raw.publishLabels),
  updateLabels: fold(raw.updateLabels),
  agencies: new Set(fold(raw.agencies)),
  markers: new Set(raw.markers),
  sectionNames: new Set(fold(raw.sectionNames)),
  shareLabels: fold(raw.shareLabels),
  chromeLines: fold(raw.chromeLines),
  copyrightMarks: fold(raw.copyrightMarks),
  consentPhrases: fold(raw.consentPhrases),
  outletWords: new Set(fold(raw.outletWords)),
  navHome: fold(raw.navHome),
  labelVerbs: fold(raw.labelVerbs),
};

/** The hint label that `key` starts with (whole words), or null. */
export function startsWithLabel(key: string, labels: readonly string[]): string | null {
  let best: string | null = null;
  for (const l of labels) {
    if ((key === l || key.startsWith(l + ' ')) && (!best || l.length > best.length)) best = l;
  }
  return best;
}
