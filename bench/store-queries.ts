/**
 * The store bench's query mix: what people type into `rasd search`, drawn from the same pool as the articles so that
 * most queries find something. Shares of the mix (of 300 by default):
 *
 *   common word   12 %  a frequent content word of the pool ("سوريا", "الحكومة"): thousands of hits
 *   topic word    12 %  a word found in one or two pool articles: hundreds to a few thousand hits
 *   rare word     12 %  a made-up word of the long tail that occurs: a few to a few tens of hits
 *   no hit         3 %  a made-up word that never occurs
 *   two words     15 %  two words of one pool article, ANDed
 *   phrase        13 %  two or three consecutive words in quotes ("…" or «…»)
 *   name          10 %  a person's name as the texts print it
 *   + filter      23 %  one of the above with --outlet, --from/--to, both, --role, --entity or --story
 */
import type { Filters } from '../src/store/queries.js';
import { madeUpWord, VOCABULARY, type ArticleFactory, type Pool } from './store-articles.js';
import type { Rng } from './random.js';

export interface BenchQuery {
  kind: string;
  q: string;
  filters: Filters;
}

const MIX: [string, number][] = [
  ['common word', 0.12],
  ['topic word', 0.12],
  ['rare word', 0.12],
  ['no hit', 0.03],
  ['two words', 0.15],
  ['phrase', 0.13],
  ['name', 0.1],
  ['+ outlet', 0.07],
  ['+ date range', 0.07],
  ['+ outlet, dates', 0.03],
  ['+ role', 0.02],
  ['+ entity', 0.02],
  ['+ story', 0.02],
];

export const QUERY_KINDS: readonly string[] = MIX.map(([k]) => k);

const DAY_MS = 86_400_000;

export function makeQueries(pool: Pool, factory: ArticleFactory, total: number, rng: Rng): BenchQuery[] {
  const content = [...pool.terms.entries()].filter(([term, e]) => term.length >= 3 && !pool.stopTerms.has(term) && /^\p{L}+$/u.test(e.surface));
  const common = content
    .sort((a, b) => b[1].df - a[1].df || (a[0] < b[0] ? -1 : 1))
    .slice(0, 60)
    .map(([, e]) => e.surface);
  const topic = content.filter(([term, e]) => e.df <= 2 && term.length >= 4).map(([, e]) => e.surface);
  const names = pool.persons.length > 0 ? pool.persons : common;
  const rare = factory.rareWords.items.length > 0 ? factory.rareWords.items : [madeUpWord(VOCABULARY - 1)];
  const outlets = [...factory.outletCounts.keys()];
  const entities = factory.entities.items;
  const stories = factory.storyIds.items;
  let noHit = VOCABULARY + 1000;

  const phrase = (): string => {
    for (let tries = 0; tries < 50; tries++) {
      const p = rng.pick(rng.pick(pool.articles).paragraphs);
      const n = rng.int(2, 3);
      if (p.terms.length < n) continue;
      const i = rng.int(0, p.terms.length - n);
      if (![...p.kind.slice(i, i + n)].every((k) => k === 1)) continue;
      const words = p.text.slice(p.terms[i]!.start, p.terms[i + n - 1]!.end);
      if (/[\n"«»“”]/u.test(words)) continue;
      return rng.chance(0.5) ? `"${words}"` : `«${words}»`;
    }
    return `"${rng.pick(common)} ${rng.pick(common)}"`;
  };
  const twoWords = (): string => {
    const a = rng.pick(pool.articles);
    const seen = new Set<string>();
    const words: string[] = [];
    for (const p of a.paragraphs) {
      p.terms.forEach((t, i) => {
        const e = pool.terms.get(t.term);
        if (p.kind[i] === 1 && e && !pool.stopTerms.has(t.term) && t.term.length >= 3 && !seen.has(t.term)) {
          seen.add(t.term);
          words.push(p.text.slice(t.start, t.end));
        }
      });
    }
    if (words.length < 2) return `${rng.pick(common)} ${rng.pick(topic.length > 0 ? topic : common)}`;
    const [x, y] = rng.shuffled(words);
    return `${x!} ${y!}`;
  };
  const plain = (kind: string): string => {
    switch (kind) {
      case 'common word':
        return rng.pick(common);
      case 'topic word':
        return rng.pick(topic.length > 0 ? topic : common);
      case 'rare word':
        return rng.pick(rare);
      case 'no hit':
        return madeUpWord(noHit++);
      case 'two words':
        return twoWords();
      case 'phrase':
        return phrase();
      default:
        return rng.pick(names);
    }
  };
  const dates = (f: Filters): void => {
    const from = Date.UTC(2018, 0, 1) + rng.int(0, 2900) * DAY_MS;
    f.from = new Date(from).toISOString().slice(0, 10);
    f.to = new Date(from + rng.int(30, 365) * DAY_MS).toISOString().slice(0, 10);
  };
  const make = (kind: string): BenchQuery => {
    if (!kind.startsWith('+')) return { kind, q: plain(kind), filters: {} };
    const q = plain(rng.pick(['common word', 'common word', 'topic word', 'two words', 'name']));
    const filters: Filters = {};
    if (kind === '+ outlet' || kind === '+ outlet, dates') filters.outlet = outlets.length > 0 ? rng.pick(outlets) : 'الساحل';
    if (kind === '+ date range' || kind === '+ outlet, dates') dates(filters);
    if (kind === '+ role') filters.role = 'main';
    if (kind === '+ entity') filters.entity = entities.length > 0 ? rng.pick(entities) : 'e1';
    if (kind === '+ story') filters.story = stories.length > 0 ? rng.pick(stories) : 's1';
    return { kind, q, filters };
  };

  const out: BenchQuery[] = [];
  for (const [kind, share] of MIX) {
    const n = Math.max(1, Math.round(share * total));
    for (let k = 0; k < n; k++) out.push(make(kind));
  }
  return rng.shuffled(out).slice(0, Math.max(total, 1));
}
