/**
 * What a reader wants to know of a story, gathered one article at a time with bounded memory: its headline,
 * keywords, dates, outlets, a summary of a few sentences that do not repeat each other, a timeline of dated events,
 * and who said what, grouped by speaker over time.
 *
 * - Summary: candidates are the first LEAD_SENTENCES sentences of each full article (teasers and copies add
 *   nothing new). They are ranked by how central their terms are to the story (the terms the story's articles share
 *   most), then by position; one is taken only when it shares less than SAME_SHARE of its terms with each one
 *   already taken (no two saying the same).
 * - Timeline: every date the text gives (src/dates, resolved against the article's own publication date) makes an
 *   event of the sentence that holds it; each full article's publication is an event too (its headline). An event
 *   that repeats one already listed for the same date (SAME_SHARE of its terms) is dropped. Oldest first; a year
 *   ("2017") sorts before its months and days.
 * - Speakers: quotes grouped by the entity that said them (or by the words that describe an unnamed source), each
 *   group oldest first (the quote's own date, else its article's publication), the same words said twice kept once.
 */
import { cleanDisplay, foldKey, splitSentences, stem, tokenize } from '../text/index.js';
import { terms } from './terms.js';
import { outletFromCredit } from './outlets.js';

export interface DigestQuote {
  /** Entity id (or a key the caller resolves at the end); null when unnamed. */
  speakerId: string | null;
  speaker: string;
  text: string;
  kind: 'direct' | 'indirect';
  via: string[];
  date: string | null;
}

export interface DigestArticle {
  id: string;
  role: 'main' | 'related' | 'teaser';
  title: string;
  text: string;
  published: string | null;
  outlet: string | null;
  credits: readonly string[];
  dates: readonly { value: string; start: number; end: number }[];
  quotes: readonly DigestQuote[];
  /** Names of the people, organizations and places it mentions. */
  entities: readonly string[];
  /** `terms(title)` and `terms(text)` when the caller has them already. */
  titleTerms?: readonly string[];
  textTerms?: readonly string[];
  /** It repeats an article already in the story (a reprint, a teaser of it): nothing new to summarise. */
  copy: boolean;
}

export interface TimelineEvent {
  date: string;
  text: string;
  articleId: string;
}

export interface SpeakerQuotes {
  entityId: string | null;
  name: string;
  quotes: { articleId: string; text: string; kind: 'direct' | 'indirect'; date: string | null; via: string[] }[];
}

export interface DigestResult {
  title: string;
  keywords: string[];
  start: string | null;
  end: string | null;
  outlets: string[];
  summary: string[];
  timeline: TimelineEvent[];
  speakers: SpeakerQuotes[];
}

/** Sentences from the top of each article offered to the summary. */
export const LEAD_SENTENCES = 2;
/** Sentences in a summary. */
export const SUMMARY_SENTENCES = 4;
/** Two sentences sharing this share of the shorter one's terms say the same. */
export const SAME_SHARE = 0.5;
/** Keywords of a story. */
export const KEYWORDS = 8;
/** Bounds that keep a long-running story's digest small. */
const MAX_CANDIDATES = 60;
const MAX_EVENTS = 120;
const MAX_QUOTES = 300;
const MAX_EVENT_CHARS = 320;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

interface Candidate {
  text: string;
  terms: Set<string>;
  position: number;
  order: number;
}

interface Event extends TimelineEvent {
  terms: Set<string>;
  published: string;
}

interface Said {
  entityId: string | null;
  speaker: string;
  articleId: string;
  text: string;
  textKey: string;
  kind: 'direct' | 'indirect';
  date: string | null;
  when: string;
  via: string[];
}

function overlap(a: Set<string>, b: Set<string>): number {
  const small = a.size <= b.size ? a : b;
  const big = small === a ? b : a;
  if (small.size === 0) return 0;
  let n = 0;
  for (const t of small) if (big.has(t)) n++;
  return n / small.size;
}

function clip(s: string, max: number): string {
  if (s.length <= max) return s;
  const cut = s.lastIndexOf(' ', max - 1);
  return s.slice(0, cut > max / 2 ? cut : max - 1) + '…';
}

/** A word as written without its first `letters` letters (diacritics and tatweel after them go too). */
function withoutProclitics(word: string, letters: number): string {
  let i = 0;
  for (let n = 0; i < word.length && n < letters; i++) if (/\p{L}/u.test(word[i] as string) && word[i] !== '\u0640') n++;
  while (i < word.length && !/\p{L}/u.test(word[i] as string)) i++;
  return word.slice(i);
}

export class StoryDigest {
  private readonly titles: { title: string; terms: string[]; order: number }[] = [];
  private readonly termCounts = new Map<string, number>();
  private readonly candidates: Candidate[] = [];
  private readonly events: Event[] = [];
  private readonly said: Said[] = [];
  private readonly outletSet = new Set<string>();
  /** stem → written forms (without clitics) seen in headlines and leads, with counts; entity key → name. */
  private readonly surfaces = new Map<string, Map<string, number>>();
  private readonly names = new Map<string, string>();
  private start: string | null = null;
  private end: string | null = null;
  private count = 0;

  add(a: DigestArticle): void {
    const order = this.count++;
    const published = a.published !== null && DAY.test(a.published) ? a.published : null;
    if (published !== null) {
      if (this.start === null || published < this.start) this.start = published;
      if (this.end === null || published > this.end) this.end = published;
    }
    // the page's outlet, else the one its credit line names ("دمشق – وكالة …" → "وكالة …")
    const outlet = a.outlet?.trim() || a.credits.map(outletFromCredit).find((o) => o !== null);
    if (outlet) this.outletSet.add(outlet);
    const when = published ?? '9999';

    for (const q of a.quotes) {
      if (this.said.length >= MAX_QUOTES) break;
      this.said.push({ entityId: q.speakerId, speaker: q.speaker, articleId: a.id, text: q.text, textKey: foldKey(q.text), kind: q.kind, date: q.date, when: q.date ?? when, via: q.via });
    }
    const titleTerms = [...(a.titleTerms ?? terms(a.title))];
    if (a.copy || a.role === 'teaser') {
      // a headline that points elsewhere: it names the story when nothing better does
      this.titles.push({ title: a.title, terms: titleTerms, order: order + 1e6 });
      if (!a.copy) this.learnSurfaces(a.title);
      for (const n of a.entities) this.nameEntity(n);
      return;
    }

    for (const n of a.entities) this.nameEntity(n);
    const docTerms = new Set([...titleTerms, ...(a.textTerms ?? terms(a.text))]);
    for (const t of docTerms) this.termCounts.set(t, (this.termCounts.get(t) ?? 0) + 1);
    this.titles.push({ title: a.title, terms: titleTerms, order });

    const sentences = splitSentences(a.text);
    this.learnSurfaces(a.title);
    for (const s of sentences.slice(0, LEAD_SENTENCES)) this.learnSurfaces(s.text);
    sentences.slice(0, LEAD_SENTENCES).forEach((s, i) => {
      if (s.text.length < 40 || this.candidates.length >= MAX_CANDIDATES) return;
      this.candidates.push({ text: s.text, terms: new Set(terms(s.text)), position: i, order });
    });

    if (published !== null && a.title.trim() !== '') this.addEvent({ date: published, text: a.title, articleId: a.id, terms: new Set(titleTerms), published: when });
    for (const d of a.dates) {
      const s = sentences.find((x) => x.start <= d.start && d.end <= x.end);
      if (!s) continue;
      this.addEvent({ date: d.value, text: clip(s.text, MAX_EVENT_CHARS), articleId: a.id, terms: new Set(terms(s.text)), published: when });
    }
  }

  private nameEntity(name: string): void {
    const key = 'e:' + foldKey(name).trim();
    if (!this.names.has(key) && this.names.size < MAX_CANDIDATES * 4) this.names.set(key, name);
  }

  private learnSurfaces(text: string): void {
    if (this.surfaces.size > MAX_CANDIDATES * 40) return;
    const ts = new Set(terms(text));
    for (const t of tokenize(text)) {
      if (t.kind !== 'word') continue;
      const st = stem(t.base);
      if (!ts.has(st)) continue;
      // the word as written, without the letters of its proclitics
      const form = cleanDisplay(withoutProclitics(t.text, t.norm.length - t.base.length));
      const forms = this.surfaces.get(st) ?? new Map<string, number>();
      forms.set(form, (forms.get(form) ?? 0) + 1);
      this.surfaces.set(st, forms);
    }
  }

  /** Display words for a story's top terms (stems and "e:" entity keys, as StoryClusterer.topTerms gives them). */
  private keywords(top: readonly string[], n: number): string[] {
    const out: string[] = [];
    for (const t of top) {
      let word: string | undefined;
      if (t.startsWith('e:')) word = this.names.get(t);
      else {
        const forms = this.surfaces.get(t);
        if (forms) word = [...forms].sort((x, y) => y[1] - x[1] || x[0].length - y[0].length)[0]?.[0];
      }
      if (word !== undefined && word !== '' && !out.includes(word)) out.push(word);
      if (out.length >= n) break;
    }
    return out;
  }

  private addEvent(e: Event): void {
    const same = this.events.findIndex((x) => x.date === e.date && overlap(x.terms, e.terms) >= SAME_SHARE);
    if (same >= 0) {
      // keep the earliest report of it
      if (e.published < (this.events[same] as Event).published) this.events[same] = e;
      return;
    }
    if (this.events.length < MAX_EVENTS) this.events.push(e);
  }

  /**
   * The digest. `speaker` turns a quote's speakerId into its final entity id and display name (ids given while
   * articles streamed in may be provisional); a null name keeps the words of the text.
   */
  result(
    speaker: (id: string) => { id: string | null; name: string | null } = (id) => ({ id, name: null }),
    topTerms: readonly string[] = [],
  ): DigestResult {
    const weight = (ts: Iterable<string>): number => {
      let w = 0;
      let n = 0;
      for (const t of ts) {
        w += (this.termCounts.get(t) ?? 1) - 1;
        n++;
      }
      return n > 0 ? w / Math.sqrt(n) : 0;
    };

    const full = this.titles.filter((t) => t.order < 1e6);
    const titled = (full.length > 0 ? full : this.titles).filter((t) => t.title.trim() !== '');
    const best = titled.reduce<(typeof titled)[number] | null>((b, t) => (b === null || weight(t.terms) > weight(b.terms) ? t : b), null);

    const ranked = [...this.candidates].sort((x, y) => weight(y.terms) - weight(x.terms) || x.position - y.position || x.order - y.order);
    const chosen: Candidate[] = [];
    for (const c of ranked) {
      if (chosen.length >= SUMMARY_SENTENCES) break;
      if (c.terms.size < 3 || chosen.some((x) => overlap(x.terms, c.terms) >= SAME_SHARE)) continue;
      chosen.push(c);
    }
    chosen.sort((x, y) => x.order - y.order || x.position - y.position);

    const timeline = [...this.events]
      .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : x.published < y.published ? -1 : x.published > y.published ? 1 : 0))
      .map(({ date, text, articleId }) => ({ date, text, articleId }));

    const groups = new Map<string, { id: string | null; name: string; said: Said[] }>();
    for (const s of this.said) {
      const who = s.entityId !== null ? speaker(s.entityId) : { id: null, name: null };
      const key = who.id ?? 'u:' + foldKey(s.speaker);
      const g = groups.get(key) ?? { id: who.id, name: who.name ?? s.speaker, said: [] };
      if (!g.said.some((x) => x.textKey === s.textKey)) g.said.push(s);
      groups.set(key, g);
    }
    const speakers = [...groups.values()]
      .map((g) => {
        const sorted = [...g.said].sort((x, y) => (x.when < y.when ? -1 : x.when > y.when ? 1 : 0));
        return {
          entityId: g.id,
          name: g.name,
          quotes: sorted.map((s) => ({ articleId: s.articleId, text: s.text, kind: s.kind, date: s.date, via: s.via })),
        };
      })
      .sort((x, y) => y.quotes.length - x.quotes.length || (x.name < y.name ? -1 : x.name > y.name ? 1 : 0));

    return {
      title: best?.title ?? '',
      keywords: this.keywords(topTerms, KEYWORDS),
      start: this.start,
      end: this.end,
      outlets: [...this.outletSet],
      summary: chosen.map((c) => c.text),
      timeline,
      speakers,
    };
  }
}
