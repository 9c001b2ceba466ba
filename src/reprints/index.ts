/**
 * Reprints across all articles, incrementally: exact copies, near copies and containment (a text standing inside a
 * longer one). Each `add` costs about the same whatever the index size: candidates come from hash lookups (MinHash LSH
 * bands for near copies, value-sampled "anchor" shingles for containment), every posting list is capped, and only
 * candidates are verified with the real Jaccard / containment of their shingle sets.
 *
 * Text → foldKey (hamza, diacritics, tatweel, quote marks and punctuation folded) → words → k-word shingles hashed
 * to 32 bits → sorted unique Uint32Array (the only per-article payload kept, with two 32-bit exact hashes).
 *
 * - exact: the folded text is identical (two independent 32-bit hashes agree).
 * - near: Jaccard of shingle sets ≥ threshold; both texts must have ≥ SHORT_WORDS words.
 * - containment: |A∩B| / |A| ≥ containment for the smaller set A (either the new text inside an earlier one, or an
 *   earlier one inside the new one), when not near; it wins over near when A has ≤ 75% of B's shingles. A needs ≥ MIN_CONTAINED_WORDS words.
 * - short texts (< SHORT_WORDS words, e.g. teasers): never `near` (a few shingles give a noisy Jaccard); they match
 *   only exactly, or by containment (their lead is always an anchor, so a teaser finds the article it opens).
 */
import { foldKey } from '../text/index.js';
import { fnv1a, intersectSize, minhash, minhashSeeds, shingleHashes, combine, fmix32 } from './hash.js';

export interface ReprintMatch {
  id: string;
  kind: 'exact' | 'near' | 'containment';
  similarity: number;
}

export interface ReprintOptions {
  /** Jaccard of shingle sets for `near` (default 0.5, see tune.ts). */
  threshold?: number;
  /** LSH bands (default 32). */
  bands?: number;
  /** Rows (MinHash values) per band (default 4); bands × rows hashes in all. */
  rows?: number;
  /** Words per shingle (default 5). */
  shingle?: number;
  /** Share of the smaller set inside the larger for `containment` (default 0.9). */
  containment?: number;
  /** Most recent articles kept per LSH bucket / anchor (default 32): bounds the cost of boilerplate. */
  bucketCap?: number;
  /** Most candidates verified per `add` (default 64), the best-supported first. */
  maxVerify?: number;
}

/** Below this many words a text is "short": exact and containment only. */
export const SHORT_WORDS = 30;
/** A contained text needs at least this many words (a 5-word phrase inside an article is not a reprint). */
export const MIN_CONTAINED_WORDS = 12;
/** A shingle is an anchor when its hash has these low bits zero: 1 in 16, chosen by value, so shared by all texts. */
const ANCHOR_MASK = 15;
/** Containment wins over near when the smaller set is at most this share of the larger. */
const LENGTH_RATIO = 0.75;

type Postings = Map<number, number | number[]>;

function post(map: Postings, key: number, doc: number, cap: number): void {
  const cur = map.get(key);
  if (cur === undefined) map.set(key, doc);
  else if (typeof cur === 'number') {
    if (cur !== doc) map.set(key, [cur, doc]);
  } else if (cur[cur.length - 1] !== doc) {
    cur.push(doc);
    if (cur.length > cap) cur.shift();
  }
}

function visit(map: Postings, key: number, fn: (doc: number) => void): void {
  const cur = map.get(key);
  if (cur === undefined) return;
  if (typeof cur === 'number') fn(cur);
  else for (const d of cur) fn(d);
}

const smi = (h: number): number => h >>> 2; // keep Map keys small integers

export class ReprintIndex {
  readonly threshold: number;
  readonly bands: number;
  readonly rows: number;
  readonly shingle: number;
  readonly containment: number;
  private readonly cap: number;
  private readonly maxVerify: number;
  private readonly seeds: Uint32Array;
  private readonly sig: Uint32Array;

  private readonly ids: string[] = [];
  private readonly sets: Uint32Array[] = [];
  private readonly words: number[] = [];
  private readonly anchorsOf: number[] = [];
  private readonly exact2: number[] = [];
  private readonly exactMap: Postings = new Map();
  private readonly bandMap: Postings = new Map();
  private readonly anchorMap: Postings = new Map();

  constructor(options: ReprintOptions = {}) {
    this.threshold = options.threshold ?? 0.5;
    this.bands = options.bands ?? 32;
    this.rows = options.rows ?? 4;
    this.shingle = options.shingle ?? 5;
    this.containment = options.containment ?? 0.9;
    this.cap = options.bucketCap ?? 32;
    this.maxVerify = options.maxVerify ?? 64;
    this.seeds = minhashSeeds(this.bands * this.rows);
    this.sig = new Uint32Array(this.bands * this.rows);
  }

  get size(): number {
    return this.ids.length;
  }

  /**
   * Adds one article's text (paragraphs joined) under `id` and returns the earlier articles it repeats, best first
   * (exact, then by similarity). Containment goes both ways: the new text inside an earlier one, or an earlier one
   * (e.g. the wire story) inside the new one.
   */
  add(id: string, text: string): ReprintMatch[] {
    const key = foldKey(text);
    const words = key === '' ? [] : key.split(' ');
    const nWords = words.length;
    const { set, lead } = shingleHashes(words, this.shingle);
    const doc = this.ids.length;
    const e1 = smi(fnv1a(key));
    const e2 = fnv1a(key, 0x01234567) | 0;
    const long = nWords >= SHORT_WORDS;

    const matches: ReprintMatch[] = [];
    const seen = new Set<number>();
    if (nWords > 0) {
      visit(this.exactMap, e1, (d) => {
        if (this.exact2[d] === e2 && !seen.has(d)) {
          seen.add(d);
          matches.push({ id: this.ids[d] as string, kind: 'exact', similarity: 1 });
        }
      });
    }

    // Candidates: doc → support (LSH band hits count as many as needed to pass, anchors one each).
    const support = new Map<number, number>();
    const bandKeys: number[] = [];
    if (long) {
      const sig = minhash(set, this.seeds, this.sig);
      for (let b = 0; b < this.bands; b++) {
        let h = 0x5bd1e995 ^ b;
        for (let r = 0; r < this.rows; r++) h = combine(h, sig[b * this.rows + r] as number);
        const k = smi(fmix32(h));
        bandKeys.push(k);
        visit(this.bandMap, k, (d) => {
          if (this.words[d] as number >= SHORT_WORDS) support.set(d, (support.get(d) ?? 0) + 1000);
        });
      }
    }
    const anchors: number[] = [];
    if (nWords > 0) {
      anchors.push(smi(lead));
      for (let i = 0; i < set.length; i++) {
        const x = set[i] as number;
        if ((x & ANCHOR_MASK) === 0 && x !== lead) anchors.push(smi(x));
      }
      for (const a of anchors) visit(this.anchorMap, a, (d) => support.set(d, (support.get(d) ?? 0) + 1));
    }

    const nAnchors = anchors.length;
    const ranked: [number, number][] = [];
    for (const [d, s] of support) {
      if (seen.has(d)) continue;
      const need = Math.max(1, Math.floor(0.5 * Math.min(nAnchors, this.anchorsOf[d] as number)));
      if (s >= need) ranked.push([d, s]);
    }
    if (ranked.length > this.maxVerify) ranked.sort((a, b) => b[1] - a[1] || b[0] - a[0]).length = this.maxVerify;

    for (const [d] of ranked) {
      const other = this.sets[d] as Uint32Array;
      const inter = intersectSize(set, other);
      if (inter === 0) continue;
      const jac = inter / (set.length + other.length - inter);
      const small = Math.min(set.length, other.length);
      const cont = inter / small;
      const smallWords = set.length <= other.length ? nWords : (this.words[d] as number);
      const contained = smallWords >= MIN_CONTAINED_WORDS && cont >= this.containment;
      const bothLong = long && (this.words[d] as number) >= SHORT_WORDS;
      // A text standing whole inside a much longer one is containment even when the Jaccard passes.
      if (contained && small <= LENGTH_RATIO * Math.max(set.length, other.length)) {
        matches.push({ id: this.ids[d] as string, kind: 'containment', similarity: cont });
      } else if (bothLong && jac >= this.threshold) {
        matches.push({ id: this.ids[d] as string, kind: 'near', similarity: jac });
      } else if (contained) {
        matches.push({ id: this.ids[d] as string, kind: 'containment', similarity: cont });
      }
    }
    matches.sort((a, b) => (a.kind === 'exact' ? 0 : 1) - (b.kind === 'exact' ? 0 : 1) || b.similarity - a.similarity);

    // Index the new article.
    this.ids.push(id);
    this.sets.push(set);
    this.words.push(nWords);
    this.anchorsOf.push(nAnchors);
    this.exact2.push(e2);
    if (nWords > 0) post(this.exactMap, e1, doc, this.cap);
    for (const k of bandKeys) post(this.bandMap, k, doc, this.cap);
    for (const a of anchors) post(this.anchorMap, a, doc, this.cap);
    return matches;
  }
}
