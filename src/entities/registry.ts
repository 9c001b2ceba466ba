/**
 * EntityRegistry: the mentions of many articles merged into entities with stable ids.
 *
 *  - Within one article (one `add` call), a shorter person mention is linked to the one longer name of the article it
 *    is a short form of ("بيسكوف" → "ديمتري بيسكوف").
 *  - At `finish`, surfaces are grouped: places and organizations by their gazetteer entry (every form of an entry
 *    is one entity: قسد = قوات سوريا الديمقراطية), else by spelling skeleton; people by spelling skeleton
 *    (ديمتري/دميتري بيسكوف, ترمب/ترامب), then short forms are joined to the one longer name they fit (بوتين →
 *    فلاديمير بوتين) — when two longer names fit, the short form stays apart.
 *  - Ids come from the type and the folded canonical name, never from arrival order: the same articles give the same
 *    ids whatever order they are added in, on every run and in every store.
 */
import { createHash } from 'node:crypto';
import type { EntityMention, EntityType } from '../types.js';
import { foldKey } from '../text/index.js';
import { canonicalOf, FIRST_NAMES, fold } from './lexicon.js';
import { skeleton, skeletonWords } from './skeleton.js';

/** An entity of the export (export.md: entities). */
export interface Entity {
  id: string;
  type: EntityType;
  name: string;
  variants: string[];
  roles: string[];
}

export interface RegistryResult {
  entities: Entity[];
  /** The final entity id of a provisional key returned by `add`. Throws on a key it never gave. */
  resolve(key: string): string;
}

interface Surface {
  key: string;
  type: EntityType;
  /** Printed form → count. */
  forms: Map<string, number>;
  /** Folded role → printed form → count. */
  roles: Map<string, Map<string, number>>;
}

const TYPE_ORDER: Record<EntityType, number> = { person: 0, organization: 1, location: 2 };

export class EntityRegistry {
  private readonly surfaces = new Map<string, Surface>();

  /** Add the mentions of one article; returns a provisional key for each mention, in order. */
  add(mentions: EntityMention[]): string[] {
    const keys = mentions.map((m) => surfaceKey(m.type, m.text));
    // in-article short forms: a person mention whose words end (or, for a family name first, begin) one longer
    // person name of the article, and only one
    const full = new Map<string, string[]>(); // key → skeleton words, names of 2+ words
    mentions.forEach((m, k) => {
      if (m.type !== 'person') return;
      const w = skeletonWords(m.text);
      if (w.length >= 2) full.set(keys[k] as string, w);
    });
    const fullBySkeleton = groupBySkeleton(full);
    mentions.forEach((m, k) => {
      if (m.type !== 'person') return;
      const w = skeletonWords(m.text);
      const fits = new Set<string>();
      for (const [sk, target] of fullBySkeleton) if (target.words.length > w.length && shortFormOf(w, target.words)) fits.add(sk);
      if (fits.size === 1) {
        const sk = [...fits][0] as string;
        keys[k] = (fullBySkeleton.get(sk) as { key: string }).key;
      }
    });
    mentions.forEach((m, k) => this.record(keys[k] as string, m));
    return keys;
  }

  /** Full names (two words or more) of the people added so far, for FindOptions.people: a surname alone in a later
   *  article is then found too. Sorted, so the same articles give the same list. */
  knownPeople(): string[] {
    const names = new Set<string>();
    for (const s of this.surfaces.values()) {
      if (s.type !== 'person') continue;
      for (const f of s.forms.keys()) if (foldKey(f).includes(' ')) names.add(f);
    }
    return [...names].sort(compare);
  }

  private record(key: string, m: EntityMention): void {
    let s = this.surfaces.get(key);
    if (s === undefined) {
      s = { key, type: m.type, forms: new Map(), roles: new Map() };
      this.surfaces.set(key, s);
    }
    s.forms.set(m.text, (s.forms.get(m.text) ?? 0) + 1);
    for (const r of m.roles) {
      const f = foldKey(r);
      if (f === '') continue;
      const printed = s.roles.get(f) ?? new Map<string, number>();
      printed.set(r, (printed.get(r) ?? 0) + 1);
      s.roles.set(f, printed);
    }
  }

  /** Merge the surfaces into entities (see the top of the file). The registry can go on taking articles after. */
  finish(): RegistryResult {
    const groups = new Map<string, Surface[]>(); // group key → surfaces
    const groupOf = new Map<string, string>(); // surface key → group key
    const sorted = [...this.surfaces.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    for (const s of sorted) {
      const g = groupKey(s);
      groupOf.set(s.key, g);
      const list = groups.get(g) ?? [];
      list.push(s);
      groups.set(g, list);
    }
    const parent = new Map<string, string>();
    const root = (g: string): string => {
      let r = g;
      while (parent.has(r)) r = parent.get(r) as string;
      return r;
    };
    joinShortForms(groups, parent, root);

    const merged = new Map<string, Surface[]>();
    for (const [g, list] of groups) {
      const r = root(g);
      merged.set(r, [...(merged.get(r) ?? []), ...list]);
    }
    const ids = new Map<string, string>(); // root group → id
    const entities: Entity[] = [];
    for (const [g, list] of merged) {
      const e = toEntity(g, list);
      ids.set(g, e.id);
      entities.push(e);
    }
    entities.sort((a, b) => TYPE_ORDER[a.type] - TYPE_ORDER[b.type] || compare(a.name, b.name) || compare(a.id, b.id));
    return {
      entities,
      resolve(key: string): string {
        const g = groupOf.get(key);
        const id = g === undefined ? undefined : ids.get(root(g));
        if (id === undefined) throw new Error(`EntityRegistry.resolve: unknown key ${JSON.stringify(key)}`);
        return id;
      },
    };
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function surfaceKey(type: EntityType, text: string): string {
  return `${type}:${foldKey(text)}`;
}

/** The gazetteer entry of a surface form, also when the text wrote its article as لل ("للشرق الأوسط" → "شرق الأوسط"). */
function gazetteerName(text: string): string | undefined {
  return (canonicalOf(text) ?? canonicalOf('ال' + text))?.canonical;
}

/** Without a leading article: "البحرية الروسية" and "بحرية الروسية" (from "للبحرية الروسية") are one name. */
function dropArticle(sk: string): string {
  return sk.startsWith('ال') && sk.length > 3 ? sk.slice(2) : sk;
}

/** The folded text of a surface, from its key. */
function surfaceText(s: Surface): string {
  return s.key.slice(s.type.length + 1);
}

/** The gazetteer entry of a place or organization surface: looked up by a printed form (the first in code-point
 *  order), which keeps the punctuation inside names that folding drops ("أوبك+"), else by the folded text. */
function surfaceGazetteer(s: Surface): string | undefined {
  const printed = [...s.forms.keys()].sort(compare)[0];
  return (printed === undefined ? undefined : gazetteerName(printed)) ?? gazetteerName(surfaceText(s));
}

function groupKey(s: Surface): string {
  const text = surfaceText(s);
  if (s.type !== 'person') {
    const g = surfaceGazetteer(s);
    if (g !== undefined) return `${s.type}|g|${fold(g)}`;
    return `${s.type}|s|${dropArticle(skeleton(text))}`;
  }
  return `person|s|${skeleton(text)}`;
}

/** `short` is a short form of `long` (skeleton words): its words are the end of long ("بتن" of "فلدمر بتن"), in order
 *  within it with the same last word ("محمد فرزن" of "محمد رضا فرزن"), or — a family name written first, as in
 *  Chinese names — one word equal to long's first word when that is no known first name ("شي" of "شي جنبنغ"). */
function shortFormOf(short: string[], long: string[]): boolean {
  if (short.length === 0 || short.length >= long.length) return false;
  if (short[short.length - 1] === long[long.length - 1]) {
    let k = 0;
    for (const w of long) if (w === short[k]) k++;
    return k === short.length;
  }
  return short.length === 1 && short[0] === long[0] && !FIRST_NAME_SKELETONS.has(short[0] as string);
}

const FIRST_NAME_SKELETONS = new Set([...FIRST_NAMES].map((w) => skeleton(w)));

function groupBySkeleton(full: Map<string, string[]>): Map<string, { key: string; words: string[] }> {
  const out = new Map<string, { key: string; words: string[] }>();
  for (const [key, words] of [...full].sort((a, b) => compare(a[0], b[0]))) {
    const sk = words.join(' ');
    if (!out.has(sk)) out.set(sk, { key, words });
  }
  return out;
}

/** Person groups whose names are short forms of exactly one longer group are joined to it, longest first. */
function joinShortForms(groups: Map<string, Surface[]>, parent: Map<string, string>, root: (g: string) => string): void {
  const people = [...groups.keys()]
    .filter((g) => g.startsWith('person|'))
    .map((g) => ({ g, words: g.slice('person|s|'.length).split(' ') }))
    .sort((a, b) => b.words.length - a.words.length || compare(a.g, b.g));
  for (const p of people) {
    const fits = new Set<string>();
    for (const q of people) {
      if (q.words.length > p.words.length && shortFormOf(p.words, q.words)) fits.add(root(q.g));
    }
    if (fits.size === 1) {
      const target = [...fits][0] as string;
      if (target !== root(p.g)) parent.set(root(p.g), target);
    }
  }
}

function toEntity(g: string, list: Surface[]): Entity {
  const type = (list[0] as Surface).type;
  const forms = new Map<string, number>();
  const roles = new Map<string, Map<string, number>>();
  for (const s of list) {
    for (const [f, c] of s.forms) forms.set(f, (forms.get(f) ?? 0) + c);
    for (const [f, printed] of s.roles) {
      const m = roles.get(f) ?? new Map<string, number>();
      for (const [p, c] of printed) m.set(p, (m.get(p) ?? 0) + c);
      roles.set(f, m);
    }
  }
  const gazName = type === 'person' ? undefined : surfaceGazetteer(list[0] as Surface);
  const name = gazName !== undefined && forms.has(gazName) ? gazName : fullest(forms);
  const variants = [...forms].filter(([f]) => f !== name).sort((a, b) => b[1] - a[1] || compare(a[0], b[0])).map(([f]) => f);
  const roleList = [...roles.values()]
    .map((printed) => {
      const best = [...printed].sort((a, b) => b[1] - a[1] || compare(a[0], b[0]))[0] as [string, number];
      let total = 0;
      for (const c of printed.values()) total += c;
      return { role: best[0], total };
    })
    .sort((a, b) => b.total - a.total || compare(a.role, b.role))
    .map((r) => r.role);
  const idKey = gazName !== undefined ? `g|${fold(gazName)}` : g.startsWith('person|') ? skeleton(name) : dropArticle(skeleton(name));
  const id = 'e' + createHash('sha256').update(`${type}|${idKey}`).digest('hex').slice(0, 12);
  return { id, type, name, variants, roles: roleList };
}

/** The fullest common form: most words among the forms seen at least a quarter as often as the most frequent one;
 *  then the most frequent, the longest, the first in code-point order. */
function fullest(forms: Map<string, number>): string {
  let max = 0;
  for (const c of forms.values()) max = Math.max(max, c);
  const words = (f: string): number => foldKey(f).split(' ').length;
  const common = [...forms].filter(([, c]) => c * 4 >= max);
  common.sort((a, b) => words(b[0]) - words(a[0]) || b[1] - a[1] || b[0].length - a[0].length || compare(a[0], b[0]));
  return (common[0] as [string, number])[0];
}
