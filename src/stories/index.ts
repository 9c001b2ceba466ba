/**
 * Stories across outlets, incrementally: each article is assigned once, to the best existing story or a new one, and
 * nothing is recomputed. `assign` costs about the same whatever the number of stories: candidates come from an
 * inverted index term → stories whose posting lists are capped, at most MAX_CANDIDATES are scored, and every story
 * keeps a centroid of at most CENTROID_TERMS terms.
 *
 * Terms. The title and text are tokenized (src/text: clitics stripped, normalizeForMatch folding); a token's `base`
 * is dropped when it is a stopword (src/lang/ar/stories-stopwords.json), a number or shorter than 3 letters, and is
 * lightly stemmed otherwise (one pronoun / plural suffix, then a final taa marbuta). Entity names (person, org,
 * place) are whole-name terms of their own ("e:حميميم", "e:الشيخ مقصود").
 *
 * Weights. A document's term counts are body 1, title TITLE_BOOST, entity ENTITY_BOOST; its vector is
 * (1 + ln tf) × idf with document frequencies counted as articles arrive (idf = ln(1 + N / df)). A story keeps the
 * sum of its articles' length-normalized (1 + ln tf) vectors, trimmed to its top terms; idf is applied at scoring
 * time, so a story created while df was still noisy is compared with today's idf.
 *
 * Score of a story for an article: cosine(article, centroid) + ENTITY_WEIGHT × (idf-weighted share of the article's
 * entities the story has), times a time factor: 1 inside the story's date range ± windowDays, then halving every
 * windowDays further out. Join the best story when the score ≥ threshold, else open a new one.
 */
import { tokenize, foldKey, normalizeForMatch } from '../text/index.js';
import stopwordData from '../lang/ar/stories-stopwords.json' with { type: 'json' };

export interface StoryInput {
  id: string;
  title: string;
  text: string;
  published: string | null;
  /** entity names (person/org/place) in the article */
  entities: string[];
}

export interface StoryOptions {
  /** Least score to join an existing story (default 0.15, tuned on examples/stories). */
  threshold?: number;
  /** Days either side of a story's date range before the time penalty starts (default 3). */
  windowDays?: number;
}

export interface Story {
  id: string;
  articleIds: string[];
}

/** Title terms count this many times a body occurrence. */
export const TITLE_BOOST = 3;
/** An entity name counts this many times a body term occurrence. */
export const ENTITY_BOOST = 3;
/** Weight of the entity-overlap share added to the cosine. */
export const ENTITY_WEIGHT = 0.1;
/** Terms kept in a story's centroid. */
export const CENTROID_TERMS = 80;
/** An article's highest-weighted terms, used to look up candidate stories and posted for its story. */
export const QUERY_TERMS = 200;
/** Most recent stories kept per term in the inverted index. */
export const POSTING_CAP = 64;
/** Most candidate stories scored per article (the most-hit first). */
export const MAX_CANDIDATES = 48;

const fold = (w: string): string => normalizeForMatch(w).text;
const STOP = new Set(stopwordData.words.map(fold));
const SUFFIXES = ['هما', 'كما', 'هم', 'ها', 'ات', 'ون', 'ين', 'يه'];
const MIN_LEN = 3;
const DAY = 86_400_000;

/** Light stem of a normalized, clitic-stripped base: one pronoun / plural suffix, then a final taa marbuta (ه). */
export function stem(base: string): string {
  let w = base;
  for (const s of SUFFIXES) {
    if (w.length - s.length >= MIN_LEN && w.endsWith(s)) {
      w = w.slice(0, -s.length);
      break;
    }
  }
  if (w.length > MIN_LEN && w.endsWith('ه')) w = w.slice(0, -1);
  return w;
}

/** The story terms of a text: stemmed bases of its words, stopwords and short words out. */
export function terms(text: string): string[] {
  const out: string[] = [];
  for (const t of tokenize(text)) {
    if (t.kind !== 'word') continue;
    if (STOP.has(t.base) || STOP.has(t.norm)) continue;
    const s = stem(t.base);
    if (s.length < MIN_LEN || STOP.has(s)) continue;
    out.push(s);
  }
  return out;
}

function dayOf(date: string | null): number | null {
  if (date === null) return null;
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(date);
  if (!m) return null;
  return Math.floor(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3] ?? '1')) / DAY);
}

function hash36(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

interface StoryState {
  /** Position in the clusterer's list (what the postings hold). */
  index: number;
  id: string;
  articleIds: string[];
  /** term → sum of the members' length-normalized (1 + ln tf) weights (trimmed to CENTROID_TERMS). */
  centroid: Map<string, number>;
  /** entity key → number of member articles naming it (trimmed with the centroid's rule). */
  entities: Map<string, number>;
  minDay: number | null;
  maxDay: number | null;
}

export class StoryClusterer {
  readonly threshold: number;
  readonly windowDays: number;
  private readonly df = new Map<string, number>();
  private n = 0;
  private readonly list: StoryState[] = [];
  private readonly byId = new Map<string, StoryState>();
  private readonly postings = new Map<string, number[]>();

  constructor(options: StoryOptions = {}) {
    this.threshold = options.threshold ?? 0.15;
    this.windowDays = options.windowDays ?? 3;
  }

  private idf(term: string): number {
    return Math.log(1 + this.n / (this.df.get(term) ?? 1));
  }

  /** Assigns one article to a story (existing or new) and returns the story id. Cost flat in the number of stories. */
  assign(a: StoryInput): string {
    // term counts
    const tf = new Map<string, number>();
    const bump = (t: string, w: number): void => {
      tf.set(t, (tf.get(t) ?? 0) + w);
    };
    for (const t of terms(a.text)) bump(t, 1);
    for (const t of terms(a.title)) bump(t, TITLE_BOOST);
    const ents = new Set<string>();
    for (const e of a.entities) {
      const k = foldKey(e).trim();
      if (k.length >= 2) ents.add('e:' + k);
    }
    for (const e of ents) bump(e, ENTITY_BOOST);

    // document frequencies, this article included
    this.n++;
    for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);

    // raw (1 + ln tf) weights, length-normalized; tf-idf vector for scoring
    const raw = new Map<string, number>();
    let rawNorm = 0;
    for (const [t, c] of tf) {
      const w = 1 + Math.log(c);
      raw.set(t, w);
      rawNorm += w * w;
    }
    rawNorm = Math.sqrt(rawNorm) || 1;
    const vec = new Map<string, number>();
    let vecNorm = 0;
    for (const [t, w] of raw) {
      const v = w * this.idf(t);
      vec.set(t, v);
      vecNorm += v * v;
    }
    vecNorm = Math.sqrt(vecNorm) || 1;
    const query = [...vec].sort((x, y) => y[1] - x[1]).slice(0, QUERY_TERMS).map(([t]) => t);
    const day = dayOf(a.published);

    // candidates: stories posted under the article's top terms, most hits first
    const hits = new Map<number, number>();
    for (const t of query) {
      const w = vec.get(t) as number;
      for (const s of this.postings.get(t) ?? []) hits.set(s, (hits.get(s) ?? 0) + w);
    }
    const cands = [...hits].sort((x, y) => y[1] - x[1] || y[0] - x[0]).slice(0, MAX_CANDIDATES);

    let entTotal = 0;
    for (const e of ents) entTotal += this.idf(e);
    let best: StoryState | undefined;
    let bestScore = -Infinity;
    for (const [si] of cands) {
      const s = this.list[si] as StoryState;
      const score = this.score(s, vec, vecNorm, ents, entTotal, day);
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }

    let story: StoryState;
    if (best && bestScore >= this.threshold) story = best;
    else {
      let id = 's' + hash36(a.id);
      for (let k = 2; this.byId.has(id); k++) id = 's' + hash36(a.id) + '-' + k;
      story = { index: this.list.length, id, articleIds: [], centroid: new Map(), entities: new Map(), minDay: null, maxDay: null };
      this.list.push(story);
      this.byId.set(id, story);
    }
    this.add(story, raw, rawNorm, ents, day, a.id);
    for (const t of query) this.post(t, story.index);
    return story.id;
  }

  private post(term: string, si: number): void {
    let list = this.postings.get(term);
    if (!list) this.postings.set(term, (list = []));
    const at = list.lastIndexOf(si);
    if (at >= 0) list.splice(at, 1); // move to the most recent end
    list.push(si);
    if (list.length > POSTING_CAP) list.shift();
  }

  private score(s: StoryState, vec: Map<string, number>, vecNorm: number, ents: Set<string>, entTotal: number, day: number | null): number {
    let dot = 0;
    let norm = 0;
    for (const [t, w] of s.centroid) {
      const c = w * this.idf(t);
      norm += c * c;
      const v = vec.get(t);
      if (v !== undefined) dot += v * c;
    }
    let score = norm > 0 ? dot / (vecNorm * Math.sqrt(norm)) : 0;
    if (entTotal > 0) {
      let shared = 0;
      for (const e of ents) if (s.entities.has(e)) shared += this.idf(e);
      score += ENTITY_WEIGHT * (shared / entTotal);
    }
    if (day !== null && s.minDay !== null && s.maxDay !== null) {
      const gap = day < s.minDay ? s.minDay - day : day > s.maxDay ? day - s.maxDay : 0;
      if (gap > this.windowDays) score *= Math.pow(0.5, (gap - this.windowDays) / Math.max(1, this.windowDays));
    }
    return score;
  }

  private add(s: StoryState, raw: Map<string, number>, rawNorm: number, ents: Set<string>, day: number | null, id: string): void {
    s.articleIds.push(id);
    for (const [t, w] of raw) s.centroid.set(t, (s.centroid.get(t) ?? 0) + w / rawNorm);
    if (s.centroid.size > CENTROID_TERMS) {
      const keep = [...s.centroid].sort((x, y) => y[1] * this.idf(y[0]) - x[1] * this.idf(x[0])).slice(0, CENTROID_TERMS);
      s.centroid.clear();
      for (const [t, w] of keep) s.centroid.set(t, w);
    }
    for (const e of ents) s.entities.set(e, (s.entities.get(e) ?? 0) + 1);
    if (s.entities.size > CENTROID_TERMS) {
      const keep = [...s.entities].sort((x, y) => y[1] * this.idf(y[0]) - x[1] * this.idf(x[0])).slice(0, CENTROID_TERMS);
      s.entities.clear();
      for (const [e, c] of keep) s.entities.set(e, c);
    }
    if (day !== null) {
      s.minDay = s.minDay === null ? day : Math.min(s.minDay, day);
      s.maxDay = s.maxDay === null ? day : Math.max(s.maxDay, day);
    }
  }

  stories(): Story[] {
    return this.list.map((s) => ({ id: s.id, articleIds: [...s.articleIds] }));
  }
}
