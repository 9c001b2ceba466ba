/**
 * Stories across outlets, incrementally: each article is assigned once, to the best existing story or a new one, and
 * nothing is recomputed. `assign` costs about the same whatever the number of stories: candidates come from an
 * inverted index term → stories whose posting lists are capped, at most MAX_CANDIDATES are scored, and every story
 * keeps a centroid of at most CENTROID_TERMS terms.
 *
 * Terms. The title and text are tokenized (src/text: clitics stripped, normalizeForMatch folding); a token's `base`
 * is dropped when it is a stopword (src/lang/ar/stories-stopwords.json), a number or shorter than 3 letters, and is
 * lightly stemmed otherwise (src/text/stem.ts). Entity names (person, org,
 * place) are whole-name terms of their own ("e:حميميم", "e:الشيخ مقصود").
 *
 * Weights. A document's term counts are body 1, title TITLE_BOOST, lead (its first LEAD_CHARS) LEAD_BOOST more,
 * entity ENTITY_BOOST; its vector is
 * (1 + ln tf) × idf with document frequencies counted as articles arrive (idf = ln(1 + N / df)). A story keeps the
 * sum of its articles' length-normalized (1 + ln tf) vectors, trimmed to its top terms; idf is applied at scoring
 * time, so a story created while df was still noisy is compared with today's idf.
 *
 * Score of a story for an article: (1 − HEAD_WEIGHT) × cosine(article, centroid) + HEAD_WEIGHT × cosine(the
 * article's headline and lead, the story's headline-and-lead centroid) + ENTITY_WEIGHT × (idf-weighted share of the article's
 * entities the story has), times a time factor: 1 inside the story's date range ± windowDays, then halving every
 * halfLifeDays further out. A developing story runs for months (the seeds' story of Russia's bases in Syria goes
 * from December 2024 to April 2025), so time only weakens a match slowly; what keeps look-alike stories apart is
 * their terms, above all those of headlines and leads (a round-up that mentions the clashes in Aleppo in its last
 * paragraph is not about them). Join the best story when the score ≥ threshold (teasers, whose few words
 * score lower: ≥ teaserThreshold), else open a new one.
 *
 * A copy of an article already placed (a reprint, a teaser of a full text) `join`s its story directly.
 */
import { foldKey } from '../text/index.js';
import { terms } from './terms.js';

export { terms } from './terms.js';

export interface StoryInput {
  id: string;
  title: string;
  text: string;
  published: string | null;
  /** entity names (person/org/place) in the article */
  entities: string[];
  /** `terms(title)` and `terms(text)` when the caller has them already (they are computed otherwise). */
  titleTerms?: readonly string[];
  textTerms?: readonly string[];
  /** A headline with at most a short lead: it joins a story at teaserThreshold (short texts score lower). */
  teaser?: boolean;
}

export interface StoryOptions {
  /** Least score to join an existing story (default 0.18, tuned on examples/stories and the seeds). */
  threshold?: number;
  /** Least score for a teaser to join an existing story (default 0.15). */
  teaserThreshold?: number;
  /** Days either side of a story's date range before the time penalty starts (default 120). */
  windowDays?: number;
  /** Beyond the window, the score halves every this many days (default 365). */
  halfLifeDays?: number;
}

export interface Story {
  id: string;
  articleIds: string[];
}

/** Title terms count this many times a body occurrence. */
export const TITLE_BOOST = 3;
/** Lead terms (the first LEAD_CHARS of the text, cut at a word) count this many times more. */
export const LEAD_BOOST = 0.5;
export const LEAD_CHARS = 300;

function lead(text: string): string {
  if (text.length <= LEAD_CHARS) return text;
  const cut = text.lastIndexOf(' ', LEAD_CHARS);
  return text.slice(0, cut > 0 ? cut : LEAD_CHARS);
}

/** Share of the score that compares headlines and leads (the rest compares whole texts). */
export const HEAD_WEIGHT = 0.4;
/** Terms kept in a story's headline centroid. */
export const HEAD_TERMS = 60;

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

const DAY = 86_400_000;

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

/**
 * What the clusterer knows of one term. Centroids are keyed by these objects, and the article being assigned leaves
 * its weights on them (`q`, `h`, stamped `qAt`): scoring a candidate story walks its centroid without one lookup.
 */
interface TermStat {
  term: string;
  df: number;
  /** The article count `idf` was computed at (-1: not yet). */
  at: number;
  idf: number;
  /** The weight of the term in the article being assigned (whole text, headline and lead), valid when qAt is its stamp. */
  q: number;
  h: number;
  qAt: number;
}

interface StoryState {
  /** Position in the clusterer's list (what the postings hold). */
  index: number;
  id: string;
  articleIds: string[];
  /** term → sum of the members' length-normalized (1 + ln tf) weights (trimmed to CENTROID_TERMS). */
  centroid: Map<TermStat, number>;
  /** The same for headlines and leads only (trimmed to HEAD_TERMS). */
  head: Map<TermStat, number>;
  /** entity key → number of member articles naming it (trimmed with the centroid's rule). */
  entities: Map<string, number>;
  minDay: number | null;
  maxDay: number | null;
}

export class StoryClusterer {
  readonly threshold: number;
  readonly teaserThreshold: number;
  readonly windowDays: number;
  readonly halfLifeDays: number;
  /** term → its document frequency and its idf at article count `at` (recomputed when the count moves on). */
  private readonly stats = new Map<string, TermStat>();
  private n = 0;
  private readonly list: StoryState[] = [];
  private readonly byId = new Map<string, StoryState>();
  private readonly postings = new Map<string, number[]>();

  constructor(options: StoryOptions = {}) {
    this.threshold = options.threshold ?? 0.18;
    this.teaserThreshold = options.teaserThreshold ?? 0.15;
    this.windowDays = options.windowDays ?? 120;
    this.halfLifeDays = options.halfLifeDays ?? 365;
  }

  private idf(term: string): number {
    const s = this.stats.get(term);
    return s === undefined ? Math.log(1 + this.n) : this.idfOf(s);
  }

  private idfOf(s: TermStat): number {
    if (s.at !== this.n) {
      s.idf = Math.log(1 + this.n / s.df);
      s.at = this.n;
    }
    return s.idf;
  }

  /** Assigns one article to a story (existing or new) and returns the story id. Cost flat in the number of stories. */
  assign(a: StoryInput): string {
    // term counts
    const tf = new Map<string, number>();
    const bump = (t: string, w: number): void => {
      tf.set(t, (tf.get(t) ?? 0) + w);
    };
    const titleTerms = a.titleTerms ?? terms(a.title);
    for (const t of a.textTerms ?? terms(a.text)) bump(t, 1);
    for (const t of titleTerms) bump(t, TITLE_BOOST);
    // the lead (inverted pyramid: what the article is about) counts again
    const leadTerms = terms(lead(a.text));
    for (const t of leadTerms) bump(t, LEAD_BOOST);
    // the headline and lead alone: what the article is about, not all it mentions
    const headTf = new Map<string, number>();
    for (const t of [...titleTerms, ...leadTerms]) headTf.set(t, (headTf.get(t) ?? 0) + 1);
    const ents = new Set<string>();
    for (const e of a.entities) {
      const k = foldKey(e).trim();
      if (k.length >= 2) ents.add('e:' + k);
    }
    for (const e of ents) bump(e, ENTITY_BOOST);

    // document frequencies, this article included
    this.n++;
    const stat = new Map<string, TermStat>();
    for (const t of tf.keys()) {
      let st = this.stats.get(t);
      if (st === undefined) this.stats.set(t, (st = { term: t, df: 1, at: -1, idf: 0, q: 0, h: 0, qAt: -1 }));
      else {
        st.df++;
        st.at = -1;
      }
      st.q = 0;
      st.h = 0;
      st.qAt = this.n;
      stat.set(t, st);
    }

    // raw (1 + ln tf) weights, length-normalized; tf-idf vector for scoring
    const raw = new Map<TermStat, number>();
    let rawNorm = 0;
    for (const [t, c] of tf) {
      const w = 1 + Math.log(c);
      raw.set(stat.get(t) as TermStat, w);
      rawNorm += w * w;
    }
    rawNorm = Math.sqrt(rawNorm) || 1;
    const vec: [TermStat, number][] = [];
    let vecNorm = 0;
    for (const [st, w] of raw) {
      const v = w * this.idfOf(st);
      st.q = v;
      vec.push([st, v]);
      vecNorm += v * v;
    }
    vecNorm = Math.sqrt(vecNorm) || 1;
    const headRaw = new Map<TermStat, number>();
    let headRawNorm = 0;
    for (const [t, c] of headTf) {
      const w = 1 + Math.log(c);
      headRaw.set(stat.get(t) as TermStat, w);
      headRawNorm += w * w;
    }
    headRawNorm = Math.sqrt(headRawNorm) || 1;
    let headNorm = 0;
    for (const [st, w] of headRaw) {
      const v = w * this.idfOf(st);
      st.h = v;
      headNorm += v * v;
    }
    headNorm = Math.sqrt(headNorm) || 1;
    const query = vec.sort((x, y) => y[1] - x[1]).slice(0, QUERY_TERMS);
    const day = dayOf(a.published);

    // candidates: stories posted under the article's top terms, most hits first
    const hits = new Map<number, number>();
    for (const [st, w] of query) {
      for (const s of this.postings.get(st.term) ?? []) hits.set(s, (hits.get(s) ?? 0) + w);
    }
    const cands = [...hits].sort((x, y) => y[1] - x[1] || y[0] - x[0]).slice(0, MAX_CANDIDATES);

    let entTotal = 0;
    for (const e of ents) entTotal += this.idf(e);
    let best: StoryState | undefined;
    let bestScore = -Infinity;
    for (const [si] of cands) {
      const s = this.list[si] as StoryState;
      const score = this.score(s, vecNorm, headNorm, ents, entTotal, day);
      if (score > bestScore) {
        bestScore = score;
        best = s;
      }
    }

    let story: StoryState;
    if (best && bestScore >= (a.teaser ? this.teaserThreshold : this.threshold)) story = best;
    else {
      let id = 's' + hash36(a.id);
      for (let k = 2; this.byId.has(id); k++) id = 's' + hash36(a.id) + '-' + k;
      story = { index: this.list.length, id, articleIds: [], centroid: new Map(), head: new Map(), entities: new Map(), minDay: null, maxDay: null };
      this.list.push(story);
      this.byId.set(id, story);
    }
    this.add(story, raw, rawNorm, ents, day, a.id);
    for (const [t, w] of headRaw) story.head.set(t, (story.head.get(t) ?? 0) + w / headRawNorm);
    this.trimStats(story.head, HEAD_TERMS);
    for (const [st] of query) this.post(st.term, story.index);
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

  /** Cosine of a centroid (× today's idf) and the article being assigned (its `q` weights, or `h` for `head`). */
  private cosine(centroid: Map<TermStat, number>, head: boolean, vecNorm: number): number {
    let dot = 0;
    let norm = 0;
    const stamp = this.n;
    for (const [st, w] of centroid) {
      const c = w * this.idfOf(st);
      norm += c * c;
      if (st.qAt === stamp) dot += (head ? st.h : st.q) * c;
    }
    return norm > 0 ? dot / (vecNorm * Math.sqrt(norm)) : 0;
  }

  /** Keeps the `n` entries of `m` with the highest weight × today's idf (ties: the earlier first). */
  private trimBy<K>(m: Map<K, number>, n: number, idf: (k: K) => number): void {
    if (m.size <= n) return;
    const keep = [...m]
      .map(([t, w]) => [t, w, w * idf(t)] as const)
      .sort((x, y) => y[2] - x[2])
      .slice(0, n);
    m.clear();
    for (const [t, w] of keep) m.set(t, w);
  }

  private trimStats(m: Map<TermStat, number>, n: number): void {
    this.trimBy(m, n, (st) => this.idfOf(st));
  }

  private trim(m: Map<string, number>, n: number): void {
    this.trimBy(m, n, (t) => this.idf(t));
  }

  private score(
    s: StoryState,
    vecNorm: number,
    headNorm: number,
    ents: Set<string>,
    entTotal: number,
    day: number | null,
  ): number {
    let score = (1 - HEAD_WEIGHT) * this.cosine(s.centroid, false, vecNorm) + HEAD_WEIGHT * this.cosine(s.head, true, headNorm);
    if (entTotal > 0) {
      let shared = 0;
      for (const e of ents) if (s.entities.has(e)) shared += this.idf(e);
      score += ENTITY_WEIGHT * (shared / entTotal);
    }
    if (day !== null && s.minDay !== null && s.maxDay !== null) {
      const gap = day < s.minDay ? s.minDay - day : day > s.maxDay ? day - s.maxDay : 0;
      if (gap > this.windowDays) score *= Math.pow(0.5, (gap - this.windowDays) / Math.max(1, this.halfLifeDays));
    }
    return score;
  }

  /** Puts a copy of an article already placed (a reprint, a teaser of it) into that article's story. */
  join(storyId: string, articleId: string, published: string | null): void {
    const s = this.byId.get(storyId);
    if (!s) throw new Error(`no story ${storyId}`);
    this.addMember(s, dayOf(published), articleId);
  }

  private addMember(s: StoryState, day: number | null, id: string): void {
    s.articleIds.push(id);
    if (day !== null) {
      s.minDay = s.minDay === null ? day : Math.min(s.minDay, day);
      s.maxDay = s.maxDay === null ? day : Math.max(s.maxDay, day);
    }
  }

  /**
   * A story's strongest terms, best first: stems of words (as `terms` gives them) and entity names (prefixed "e:"),
   * weighted by the centroid and today's idf.
   */
  topTerms(storyId: string, n: number): string[] {
    const s = this.byId.get(storyId);
    if (!s) return [];
    return [...s.centroid]
      .map(([st, w]) => [st.term, w * this.idfOf(st)] as const)
      .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
      .slice(0, n)
      .map(([t]) => t);
  }

  private add(s: StoryState, raw: Map<TermStat, number>, rawNorm: number, ents: Set<string>, day: number | null, id: string): void {
    this.addMember(s, day, id);
    for (const [t, w] of raw) s.centroid.set(t, (s.centroid.get(t) ?? 0) + w / rawNorm);
    this.trimStats(s.centroid, CENTROID_TERMS);
    for (const e of ents) s.entities.set(e, (s.entities.get(e) ?? 0) + 1);
    this.trim(s.entities, CENTROID_TERMS);
  }

  stories(): Story[] {
    return this.list.map((s) => ({ id: s.id, articleIds: [...s.articleIds] }));
  }
}

export { StoryDigest } from './digest.js';
export type { DigestArticle, DigestQuote, DigestResult, SpeakerQuotes, TimelineEvent } from './digest.js';
