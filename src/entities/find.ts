/**
 * findMentions: people, organizations and places named in one article, with their offsets.
 *
 * In order:
 *  1. Places and organizations (places.ts).
 *  2. People (people.ts).
 *  3. Overlaps: the longest span wins (then the surer rule); a person's roles found on a dropped span move to the
 *     person span that covers it. One type per surface in the article.
 *  4. The people found are looked for again everywhere in the article, by full name and by surname ('بوتين',
 *     'وبيسكوف', 'والأسد').
 */
import type { EntityMention, EntityType } from '../types.js';
import { PRIO, type Cand } from './cands.js';
import { Doc } from './doc.js';
import {
  COMPOUND, COMPOUND_TAIL, CONNECTORS, FIRST_NAMES, HEADS, KNOWN_PARTS, PhraseMap, REPORTING, fold, type GazEntry,
} from './lexicon.js';
import { people } from './people.js';
import { placesAndOrganizations } from './places.js';

export interface FindOptions {
  /** People's names already known (e.g. from earlier articles): found here too, wherever they stand. */
  people?: Iterable<string>;
}

export function findMentions(text: string, options: FindOptions = {}): EntityMention[] {
  const doc = new Doc(text);
  const gaz = new Uint8Array(doc.n); // tokens inside a place or organization of the gazetteer
  const gazStart = new Uint8Array(doc.n); // tokens where one begins
  const cands: Cand[] = [];

  placesAndOrganizations(doc, gaz, gazStart, cands);
  people(doc, gaz, gazStart, cands);
  const chosen = resolve(doc, cands);
  repeats(doc, chosen, options);

  chosen.sort((a, b) => a.from - b.from);
  oneTypePerSurface(text, chosen);
  return chosen.map((c) => ({ text: text.slice(c.from, c.to), start: c.from, end: c.to, type: c.type, roles: dedupe(c.roles) }));
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Overlaps

function resolve(doc: Doc, cands: Cand[]): Cand[] {
  const order = cands
    .map((c, k) => ({ c, k }))
    .sort((a, b) => b.c.to - b.c.from - (a.c.to - a.c.from) || a.c.prio - b.c.prio || a.c.from - b.c.from || a.k - b.k);
  const owner = new Int32Array(doc.n).fill(-1);
  const chosen: Cand[] = [];
  for (const { c } of order) {
    let clash = -1;
    for (let t = c.start; t < c.end; t++) {
      if (owner[t] !== -1) {
        clash = owner[t] as number;
        break;
      }
    }
    if (clash === -1) {
      for (let t = c.start; t < c.end; t++) owner[t] = chosen.length;
      chosen.push(c);
    } else {
      const winner = chosen[clash] as Cand;
      if (winner.type === 'person' && c.type === 'person') winner.roles.push(...c.roles);
    }
  }
  return chosen;
}

/** The same surface has one type in an article: the type most of its mentions got (ties: the surer rule). */
function oneTypePerSurface(text: string, chosen: Cand[]): void {
  const votes = new Map<string, Map<EntityType, { n: number; prio: number }>>();
  const keys = chosen.map((c) => fold(text.slice(c.from, c.to)));
  chosen.forEach((c, i) => {
    const k = keys[i] as string;
    const v = votes.get(k) ?? new Map<EntityType, { n: number; prio: number }>();
    const e = v.get(c.type) ?? { n: 0, prio: Infinity };
    v.set(c.type, { n: e.n + 1, prio: Math.min(e.prio, c.prio) });
    votes.set(k, v);
  });
  chosen.forEach((c, i) => {
    const v = votes.get(keys[i] as string);
    if (v === undefined || v.size < 2) return;
    const best = [...v].sort((a, b) => b[1].n - a[1].n || a[1].prio - b[1].prio)[0];
    if (best !== undefined && best[0] !== c.type) {
      c.type = best[0];
      if (c.type !== 'person') c.roles = [];
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Repeats: the people of the article, wherever else they are named

function repeats(doc: Doc, chosen: Cand[], options: FindOptions): void {
  const dict = new PhraseMap<GazEntry>();
  const entry = (len: number): GazEntry => ({ type: 'person', canonical: '', len });
  const addForm = (words: string[]): void => {
    if (words.length === 0) return;
    if (words.length === 1) {
      const w = words[0] as string;
      if (w.length < 3 || HEADS.has(w) || FIRST_NAMES.has(w) || COMPOUND_TAIL.has(w)) return;
    }
    dict.add(words, entry(words.length));
  };
  const owner = new Uint8Array(doc.n);
  for (const c of chosen) {
    for (let t = c.start; t < c.end; t++) owner[t] = 1;
    if (c.type !== 'person') continue;
    const words = fold(doc.text.slice(c.from, c.to)).split(' ');
    addForm(words);
    if (words.length >= 2) {
      // the surname: the last word, or the last two after a connector or compound ("آل ثاني", "عبد الله")
      const before = words[words.length - 2] as string;
      addForm(CONNECTORS.has(before) || COMPOUND.has(before) ? words.slice(-2) : words.slice(-1));
    }
  }
  for (const name of options.people ?? []) {
    const words = fold(name).split(' ');
    addForm(words);
    if (words.length >= 2) addForm(words.slice(-1));
  }
  if (dict.map.size === 0) return;
  for (let i = 0; i < doc.n; i++) {
    if (owner[i] === 1 || !doc.isWord(i)) continue;
    const hit = doc.match(dict, i);
    if (hit === null) continue;
    let free = true;
    for (let t = hit.start; t < hit.end; t++) if (owner[t] === 1) free = false;
    if (!free || (hit.end - hit.start === 1 && !singleOk(doc, i))) continue;
    for (let t = hit.start; t < hit.end; t++) owner[t] = 1;
    chosen.push({ start: hit.start, end: hit.end, from: hit.from, to: hit.to, type: 'person', roles: [], prio: PRIO.repeat });
    i = hit.end - 1;
  }
}

/** A surname alone is the person unless the word is a common word, or an adjective in this position: a surname
 *  that is also a nationality adjective ("السوداني") only where no noun stands before it for it to qualify. */
function singleOk(doc: Doc, i: number): boolean {
  if ((doc.isCommon(i) && !KNOWN_PARTS.has(doc.norm(i))) || REPORTING.has(doc.norm(i))) return false;
  if (doc.nisba(i) === undefined) return true;
  const prev = i - 1;
  return prev < 0 || !doc.joined(prev) || doc.isPunct(prev) || doc.isFunction(prev) || doc.isReporting(prev);
}

function dedupe(roles: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const r of roles) {
    const k = fold(r);
    if (r === '' || seen.has(k)) continue;
    seen.add(k);
    out.push(r);
  }
  return out;
}
