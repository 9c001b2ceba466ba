/**
 * Synthetic articles for the store bench's search suite: 100,000 articles cannot be analysed in a CI budget, so the
 * articles table is filled directly with articles made from the project's own article texts (the fixture pages the
 * corpus generator varies, and the labelled story set), analysed once with `analyzePage`:
 *
 * - a main article is one pool article's paragraphs (lightly shuffled, some dropped) plus paragraphs of its
 *   neighbours in the pool (the story set is sorted by topic) or of any article, up to a length drawn around 380
 *   words (80–1,500), as real Arabic news articles run; related articles are a few paragraphs, teasers a title and a
 *   cut lead;
 * - words are varied: about one word in ten is replaced by a word of a long-tailed (Zipf) vocabulary of 400,000
 *   made-up words, so that the index has rare terms as well as common ones, numbers are changed, titles get a word
 *   or two replaced;
 * - outlets (Zipf over 40), credits, publication dates (2018–2026, some missing), stories and linked entities are
 *   drawn so that the search filters have something to select.
 *
 * The search column is computed from the article's terms exactly as store.ts does (`termString` of title and text):
 * the terms of each pool paragraph are taken once with `indexTerms` and replaced in step with the words replaced
 * (made-up words are their own term, a number of the same length its own digits), which `checkTerms` verifies
 * against `termString` of the finished text on a sample.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readInputs } from '../src/input/index.js';
import { analyzePage } from '../src/pipeline.js';
import { indexTerms, termString, type IndexedTerm } from '../src/search/index.js';
import { createRng, hashSeed, type Rng } from './random.js';

/** A paragraph (or title) of the pool with its index terms, and which terms may be replaced. */
export interface PoolText {
  text: string;
  terms: IndexedTerm[];
  /** Per term: 1 a plain Arabic word (letters only, 3+), 2 a plain number written in ASCII digits, 0 other. */
  kind: Uint8Array;
}

export interface PoolArticle {
  title: PoolText;
  paragraphs: PoolText[];
  persons: string[];
  outlet: string | null;
  words: number;
}

export interface Pool {
  /** Main and related articles with a body (the sources of paragraphs), in file order. */
  articles: PoolArticle[];
  /** Titles of every article (teasers included). */
  titles: PoolText[];
  /** Person names as the texts print them. */
  persons: string[];
  outlets: string[];
  pages: number;
  /** Pool term → in how many pool articles it occurs, and its most frequent written form. */
  terms: Map<string, { df: number; surface: string }>;
  /** Terms of the stopword list (src/lang/ar/stories-stopwords.json). */
  stopTerms: Set<string>;
}

const PLAIN_WORD = /^[\u0621-\u063A\u0641-\u064A]{3,}$/u;
const PLAIN_NUMBER = /^[0-9]+$/;

function poolText(text: string): PoolText {
  const terms = indexTerms(text);
  const kind = new Uint8Array(terms.length);
  terms.forEach((t, i) => {
    const span = text.slice(t.start, t.end);
    if (PLAIN_WORD.test(span)) kind[i] = 1;
    else if (PLAIN_NUMBER.test(span) && t.term === span) kind[i] = 2;
  });
  return { text, terms, kind };
}

/** Analyses every page in `dirs` once and keeps its articles as the pool. */
export async function loadPool(dirs: string[], root: string): Promise<Pool> {
  const articles: PoolArticle[] = [];
  const titles: PoolText[] = [];
  const persons = new Set<string>();
  const outlets = new Set<string>();
  let pages = 0;
  for (const dir of dirs) {
    for await (const item of readInputs([dir])) {
      if ('warning' in item) continue;
      const page = analyzePage(item);
      if (page.language !== 'ar') continue;
      pages++;
      for (const a of page.articles) {
        if (a.title.split(/\s+/).length >= 3) titles.push(poolText(a.title));
        if (a.outlet) outlets.add(a.outlet);
        const names = a.mentions.filter((m) => m.type === 'person').map((m) => m.text);
        for (const n of names) if (n.includes(' ')) persons.add(n);
        if (a.role === 'teaser' || a.paragraphs.length === 0) continue;
        const paragraphs = a.paragraphs.map(poolText);
        const words = paragraphs.reduce((s, p) => s + p.terms.length, 0);
        if (words < 40) continue;
        articles.push({ title: poolText(a.title), paragraphs, persons: [...new Set(names)], outlet: a.outlet, words });
      }
    }
  }
  if (articles.length === 0) throw new Error(`no article with a body in ${dirs.join(', ')}: the search suite builds its articles from them`);
  const terms = new Map<string, { df: number; surface: string }>();
  for (const a of articles) {
    const seen = new Set<string>();
    for (const p of a.paragraphs) {
      p.terms.forEach((t, i) => {
        if (p.kind[i] !== 1 || seen.has(t.term)) return;
        seen.add(t.term);
        const e = terms.get(t.term);
        if (e) e.df++;
        else terms.set(t.term, { df: 1, surface: p.text.slice(t.start, t.end) });
      });
    }
  }
  const stop = JSON.parse(readFileSync(join(root, 'src', 'lang', 'ar', 'stories-stopwords.json'), 'utf8')) as { words: string[] };
  const stopTerms = new Set(stop.words.map((w) => termString(w)).filter((t) => t !== '' && !t.includes(' ')));
  return { articles, titles, persons: [...persons].sort(), outlets: [...outlets].sort(), pages, terms, stopTerms };
}

// ------------------------------------------------------------------------------------------------ distributions

/** Ranks 1..n with probability ∝ 1/rank^s. */
export class Zipf {
  private readonly cdf: Float64Array;
  constructor(readonly n: number, s: number) {
    this.cdf = new Float64Array(n);
    let sum = 0;
    for (let r = 1; r <= n; r++) {
      sum += 1 / r ** s;
      this.cdf[r - 1] = sum;
    }
    for (let i = 0; i < n; i++) this.cdf[i]! /= sum;
  }
  sample(rng: Rng): number {
    const u = rng.next();
    let lo = 0;
    let hi = this.n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }
}

/** Letters that are no clitic and no suffix the stemmer strips: a made-up word is its own term (checked by checkTerms). */
const EDGE = 'قطظضصعغحخجثذزشدر';
const MIDDLE = 'بتثجحخدذرزسشصضطظعغفقكلمنهوي';

/** The made-up word of a rank (distinct for distinct ranks). */
export function madeUpWord(rank: number): string {
  let r = rank;
  let s = EDGE[r % EDGE.length]!;
  r = Math.floor(r / EDGE.length);
  const last = EDGE[r % EDGE.length]!;
  r = Math.floor(r / EDGE.length);
  do {
    s += MIDDLE[r % MIDDLE.length]!;
    r = Math.floor(r / MIDDLE.length);
  } while (r > 0);
  return s + last;
}

export const VOCABULARY = 400_000;
/** Made-up words from this rank on are "rare" (a few to a few tens of articles in 100,000). */
export const RARE_RANK = 20_000;
const WORD_RATE = 0.1;
const NUMBER_RATE = 0.5;
const FIRST_DAY = Date.UTC(2018, 0, 1);
const DAYS = 3102; // to 2026-06-30
const DAY_MS = 86_400_000;

const SYNTHETIC_OUTLETS = [
  'الشروق الجديد', 'صوت الشعب', 'المشهد', 'الرأي اليوم', 'أخبار الخليج', 'الوطن العربي', 'النهار الجديد', 'المستقبل',
  'الحدث', 'الأيام', 'البيان اليوم', 'الفجر', 'العاصمة', 'الميدان', 'بوابة الأخبار', 'الصباح', 'المسار', 'الجزيرة نت',
  'الأنباء', 'المرصد', 'القدس اليوم', 'اليوم السابع', 'الخبر', 'الرافدين', 'المغرب اليوم', 'الشرق الجديد', 'الواحة',
];
const AGENCIES = ['رويترز', 'الأناضول', 'فرانس برس', 'أسوشيتد برس', 'وكالة الأنباء العربية الدولية', 'د ب أ'];

export interface SyntheticArticle {
  id: string;
  pageId: string;
  seq: number;
  ord: number;
  role: 'main' | 'related' | 'teaser';
  title: string;
  text: string;
  published: string | null;
  outlet: string | null;
  credits: string[];
  storyId: string;
  titleTerms: string;
  textTerms: string;
  entities: string[];
}

/** Keeps `size` items, each seen item with the same chance. */
export class Reservoir<T> {
  readonly items: T[] = [];
  private seen = 0;
  constructor(
    private readonly size: number,
    private readonly rng: Rng,
  ) {}
  add(item: T): void {
    this.seen++;
    if (this.items.length < this.size) this.items.push(item);
    else {
      const j = Math.floor(this.rng.next() * this.seen);
      if (j < this.size) this.items[j] = item;
    }
  }
}

/**
 * Makes the articles one by one, in order (stories depend on the articles before), and remembers what the queries
 * need: rare words, outlets, entities and stories that occur.
 */
export class ArticleFactory {
  private readonly words = new Zipf(VOCABULARY, 1.05);
  private readonly outletRank: Zipf;
  private readonly entityRank = new Zipf(20_000, 1.1);
  private readonly outlets: string[];
  private readonly personIds = new Map<string, string>();
  private readonly recentStories: string[] = [];
  private stories = 0;
  private next = 0;
  private readonly side: Rng;
  readonly rareWords: Reservoir<string>;
  readonly entities: Reservoir<string>;
  readonly storyIds: Reservoir<string>;
  readonly outletCounts = new Map<string, number>();
  /** Words (terms) and characters of the text made so far. */
  totalTerms = 0;
  totalChars = 0;

  constructor(
    private readonly pool: Pool,
    private readonly seed: string,
  ) {
    this.outlets = [...pool.outlets, ...SYNTHETIC_OUTLETS.filter((o) => !pool.outlets.includes(o))].slice(0, 40);
    this.outletRank = new Zipf(this.outlets.length, 1);
    pool.persons.forEach((p, i) => this.personIds.set(p, `person-${i + 1}`));
    this.side = createRng(hashSeed(seed, 'reservoirs'));
    this.rareWords = new Reservoir(600, this.side);
    this.entities = new Reservoir(200, this.side);
    this.storyIds = new Reservoir(200, this.side);
  }

  /** The next article (article i is the same for the same seed and pool). */
  article(): SyntheticArticle {
    const i = this.next++;
    const rng = createRng(hashSeed(this.seed, 'article', i));
    const pool = this.pool.articles;
    const baseIndex = rng.chance(0.7) ? rng.int(0, pool.length - 1) : Math.min(pool.length - 1, Math.floor(rng.next() ** 2 * pool.length));
    const base = pool[baseIndex]!;
    const r = rng.next();
    const role: SyntheticArticle['role'] = r < 0.75 ? 'main' : r < 0.88 ? 'related' : 'teaser';
    const title = this.vary(rng.chance(0.8) ? base.title : rng.pick(this.pool.titles), 0.15, rng);
    const parts: { text: string; terms: string[] }[] = [];
    if (role === 'teaser') {
      const p = base.paragraphs[0]!;
      const k = Math.min(p.terms.length, rng.int(12, 25));
      const last = p.terms[k - 1];
      parts.push(last ? { text: `${p.text.slice(0, last.end)}…`, terms: p.terms.slice(0, k).map((t) => t.term) } : { text: p.text, terms: [] });
    } else {
      const own = base.paragraphs.filter((_, k) => k === 0 || !rng.chance(0.2));
      if (own.length > 2 && rng.chance(0.3)) own.splice(1, own.length - 1, ...rng.shuffled(own.slice(1)));
      const target = role === 'related' ? rng.int(60, 200) : Math.round(Math.min(1500, Math.max(80, 380 * Math.exp(0.5 * normal(rng)))));
      let words = 0;
      const used = new Set<PoolText>();
      const add = (p: PoolText): void => {
        used.add(p);
        const v = this.vary(p, WORD_RATE, rng);
        parts.push(v);
        words += v.terms.length;
      };
      for (const p of own) if (words < target || parts.length === 0) add(p);
      for (let tries = 0; words < target && tries < 200; tries++) {
        const from = rng.chance(0.6) ? pool[Math.max(0, Math.min(pool.length - 1, baseIndex + rng.int(-3, 3)))]! : rng.pick(pool);
        const p = rng.pick(from.paragraphs);
        if (!used.has(p)) add(p);
      }
    }
    const text = parts.map((p) => p.text).join('\n\n');
    const textTerms = parts.map((p) => p.terms.join(' ')).filter((s) => s !== '').join(' ');
    this.totalTerms += textTerms === '' ? 0 : textTerms.split(' ').length;
    this.totalChars += text.length;

    const outlet = rng.chance(0.92) ? this.outlets[this.outletRank.sample(rng) - 1]! : null;
    if (outlet) this.outletCounts.set(outlet, (this.outletCounts.get(outlet) ?? 0) + 1);
    const credits = rng.chance(0.25) ? [rng.pick(AGENCIES)] : [];
    const published = rng.chance(0.85) ? new Date(FIRST_DAY + rng.int(0, DAYS) * DAY_MS).toISOString().slice(0, 10) : null;
    let storyId: string;
    if (this.recentStories.length === 0 || rng.chance(0.35)) {
      storyId = `s${(++this.stories).toString(36)}`;
      if (this.recentStories.length >= 2000) this.recentStories[rng.int(0, 1999)] = storyId;
      else this.recentStories.push(storyId);
    } else storyId = rng.pick(this.recentStories);
    this.storyIds.add(storyId);
    const entities = new Set<string>();
    for (const name of base.persons) {
      const id = this.personIds.get(name);
      if (id && rng.chance(0.7)) entities.add(id);
    }
    for (let k = rng.int(0, 3); k > 0; k--) entities.add(`e${this.entityRank.sample(rng)}`);
    for (const e of entities) this.entities.add(e);

    const pageId = `p${createHash('sha256').update(`${this.seed}\u0000${i}`).digest('hex').slice(0, 12)}`;
    const ord = role === 'main' ? 1 : rng.int(2, 6);
    return {
      id: `${pageId}-${ord}`,
      pageId,
      seq: i + 1,
      ord,
      role,
      title: title.text,
      text,
      published,
      outlet,
      credits,
      storyId,
      titleTerms: title.terms.join(' '),
      textTerms,
      entities: [...entities],
    };
  }

  /** A pool text with about `rate` of its plain words replaced by made-up words and some numbers changed. */
  private vary(p: PoolText, rate: number, rng: Rng): { text: string; terms: string[] } {
    const terms = p.terms.map((t) => t.term);
    let text = '';
    let at = 0;
    for (let i = 0; i < terms.length; i++) {
      const kind = p.kind[i];
      if (kind === 0) continue;
      const t = p.terms[i]!;
      let replacement: string | null = null;
      if (kind === 1 && rng.next() < rate) {
        const rank = this.words.sample(rng);
        replacement = madeUpWord(rank);
        if (rank >= RARE_RANK) this.rareWords.add(replacement);
      } else if (kind === 2 && rng.next() < NUMBER_RATE) {
        const len = t.end - t.start;
        replacement = String(rng.int(len === 1 ? 0 : 10 ** (len - 1), 10 ** len - 1));
      }
      if (replacement === null) continue;
      text += p.text.slice(at, t.start) + replacement;
      at = t.end;
      terms[i] = replacement;
    }
    return { text: at === 0 ? p.text : text + p.text.slice(at), terms };
  }
}

/** Whether the search terms made alongside the text are what store.ts would compute from the text itself. */
export function checkTerms(a: SyntheticArticle): boolean {
  return termString(a.title) === a.titleTerms && termString(a.text) === a.textTerms;
}

/** Standard normal (Box–Muller). */
function normal(rng: Rng): number {
  const u = Math.max(rng.next(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.next());
}
