/** The class/id words of src/lang/html-boilerplate.json, and how an element's class and id are read against them. */
import raw from '../lang/html-boilerplate.json' with { type: 'json' };

const set = (xs: readonly string[]): ReadonlySet<string> => new Set(xs.map((x) => x.toLowerCase()));

const DROP = set(raw.drop);
const DROP_CLASSES = set(raw.dropClasses);
const DROP_UNLESS_TEASERS = set(raw.dropUnlessTeasers);
const BOILERPLATE = set(raw.boilerplate);
const CAPTION = set(raw.caption);
const DATE = set(raw.date);
const NOT_DATE = set(raw.notDate);
const BYLINE = set(raw.byline);

/** What an element's class and id words say about it. */
export interface ClassWords {
  /** 'hard': leave out; 'soft': leave out unless it holds teasers; null: keep. */
  drop: 'hard' | 'soft' | null;
  /** The hint its words give, if any. */
  hint: 'caption' | 'date' | 'byline' | 'boilerplate' | null;
  /** The class or id holds "footer" or "masthead": left out like `drop: 'hard'`, but only outside an <article>. */
  pageFrame: boolean;
}

const NONE: ClassWords = { drop: null, hint: null, pageFrame: false };

/** Splits "mainNav post_meta--date" into ["main", "nav", "post", "meta", "date"]. */
export function classWords(value: string): string[] {
  const out: string[] = [];
  for (const part of value.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/)) {
    if (part) out.push(part);
  }
  return out;
}

/** Reads an element's class and id. `cls` and `id` are the raw attribute values ('' when absent). */
export function readClassWords(cls: string, id: string): ClassWords {
  if (!cls && !id) return NONE;
  let drop: ClassWords['drop'] = null;
  let hint: ClassWords['hint'] = null;
  let pageFrame = false;
  if (cls) {
    for (const c of cls.toLowerCase().split(/\s+/)) {
      if (DROP_CLASSES.has(c)) drop = 'hard';
    }
    if (cls.toLowerCase().includes('caption')) hint = 'caption';
  }
  const all = classWords(cls + ' ' + id);
  const dated = !all.some((w) => NOT_DATE.has(w));
  for (const w of all) {
    if (w === 'footer' || w === 'masthead') pageFrame = true;
    else if (DROP.has(w)) drop = 'hard';
    else if (DROP_UNLESS_TEASERS.has(w) && drop === null) drop = 'soft';
    if (hint === null) {
      if (CAPTION.has(w)) hint = 'caption';
      else if (BYLINE.has(w)) hint = 'byline';
      else if (DATE.has(w) && dated) hint = 'date';
      else if (BOILERPLATE.has(w)) hint = 'boilerplate';
    }
  }
  if (drop === null && hint === null && !pageFrame) return NONE;
  return { drop, hint, pageFrame };
}
