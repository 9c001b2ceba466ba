/**
 * Links the names and quote speakers of articles to entities merged across every article of the export. While pages
 * stream in, records carry provisional keys (the registry may still merge "بوتين" into "فلاديمير بوتين" later);
 * `finish` gives the final, stable ids and `finalize` puts them into a record.
 */
import { EntityRegistry, nationalityOf, resolveDescriptor } from '../entities/index.js';
import { foldKey } from '../text/index.js';
import backrefs from '../lang/ar/quotes-backrefs.json' with { type: 'json' };

const GENERIC_HEADS = new Set(backrefs.genericHeads.map(foldKey));
import type { Article, EntityMention, QuoteMention } from '../types.js';
import type { ExportArticle, ExportEntity, ExportMention, ExportQuote } from './types.js';

/** Marks a provisional key inside a record that is not finished yet. */
const PROVISIONAL = '\u0001';
/** Marks a descriptor speaker ("الرئيس الروسي") to resolve once every entity's roles are known. */
const DESCRIPTOR = '\u0002';

export class EntityLinker {
  private readonly registry = new EntityRegistry();
  /** Every provisional and descriptor key handed out so far: what `resolved()` maps to final ids. */
  private readonly keys = new Set<string>();

  /** One article's mentions and quotes for the export, with provisional entity keys. */
  link(a: Article): { mentions: ExportMention[]; quotes: ExportQuote[] } {
    const keys = this.registry.add(a.mentions);
    const mentions = a.mentions.map((m, i) => ({ entityId: PROVISIONAL + keys[i]!, text: m.text, start: m.start, end: m.end }));
    for (const m of mentions) this.keys.add(m.entityId);
    let previous: { speaker: string; id: string | null } | null = null;
    const spoken: number[] = []; // mention indexes of the named speakers so far, in order
    const quotes = a.quotes.map((q): ExportQuote => {
      let speakerId: string | null = null;
      if (!q.unnamed) {
        if (q.speakerStart === null || q.speakerEnd === null) {
          // a continuation ("وأضاف:") carries the previous speaker
          speakerId = previous && previous.speaker === q.speaker ? previous.id : null;
        } else {
          const i = speakerMention(q, a.mentions) ?? backReference(q.speaker, spoken, a.mentions, keys);
          // A descriptor of two words or more ("الرئيس الروسي") may name one person of the whole export; a bare
          // title ("النائب") never does.
          const descriptor = foldKey(q.speaker);
          speakerId = i !== null ? PROVISIONAL + keys[i]! : descriptor.includes(' ') ? DESCRIPTOR + descriptor : null;
          if (i !== null) spoken.push(i);
        }
      }
      previous = { speaker: q.speaker, id: speakerId };
      if (speakerId !== null) this.keys.add(speakerId);
      return { speakerId, speaker: q.speaker, text: q.text, kind: q.kind, start: q.start, end: q.end, via: q.via, date: q.date };
    });
    return { mentions, quotes };
  }

  /** The merged entities, the final id of every provisional key, and a speaker key's final id and name. */
  finish(): {
    entities: ExportEntity[];
    finalize: (a: ExportArticle) => ExportArticle;
    speaker: (key: string) => { id: string | null; name: string | null };
    /** Every key handed out so far, with its final id. */
    resolved: () => Map<string, string | null>;
  } {
    const { entities, resolve } = this.registry.finish();
    // A descriptor names a person when exactly one person of the whole export carries it as a role.
    const byRole = new Map<string, string | null>();
    for (const e of entities) {
      if (e.type !== 'person') continue;
      for (const r of e.roles) {
        const k = foldKey(r);
        byRole.set(k, byRole.has(k) && byRole.get(k) !== e.id ? null : e.id);
      }
    }
    const final = (id: string): string | null => {
      if (id.startsWith(PROVISIONAL)) return resolve(id.slice(1));
      if (id.startsWith(DESCRIPTOR)) return byRole.get(id.slice(1)) ?? null;
      return id;
    };
    const names = new Map(entities.map((e) => [e.id, e.name]));
    return {
      resolved: () => new Map([...this.keys].map((k) => [k, final(k)])),
      speaker: (key) => {
        const id = final(key);
        return { id, name: id === null ? null : (names.get(id) ?? null) };
      },
      entities: entities.map((e) => ({ id: e.id, type: e.type, name: e.name, variants: e.variants, roles: e.roles })),
      finalize: (a) => ({
        ...a,
        mentions: a.mentions.map((m) => ({ ...m, entityId: final(m.entityId)! })),
        quotes: a.quotes.map((q) => ({ ...q, speakerId: q.speakerId === null ? null : final(q.speakerId) })),
      }),
    };
  }
}

/**
 * "المسؤول الروسي" after a Russian official was named and quoted: a generic head with a nationality refers back to
 * the last named person speaker whose roles (in this article) carry that nationality or name that country.
 */
function backReference(descriptor: string, spoken: number[], mentions: EntityMention[], keys: string[]): number | null {
  const words = foldKey(descriptor).split(' ');
  if (!GENERIC_HEADS.has(words[0]!)) return null;
  // "وأضاف المتحدث": a bare generic head goes on with the last person quoted by name.
  if (words.length === 1) {
    for (let k = spoken.length - 1; k >= 0; k--) if (mentions[spoken[k]!]!.type === 'person') return spoken[k]!;
    return null;
  }
  if (words.length !== 2) return null;
  const country = nationalityOf(descriptor);
  if (!country) return null;
  const countryKey = foldKey(country);
  for (let k = spoken.length - 1; k >= 0; k--) {
    const m = mentions[spoken[k]!]!;
    if (m.type !== 'person') continue;
    const roles = mentions.filter((x, j) => keys[j] === keys[spoken[k]!]).flatMap((x) => x.roles);
    if (roles.some((r) => nationalityOf(r) === country || foldKey(r).split(' ').includes(countryKey))) return spoken[k]!;
  }
  return null;
}

/**
 * The entity a quote's speaker names: a person mention inside the speaker's words, else any mention there
 * ("قال الكرملين"), else the one person of the article the descriptor stands for ("الرئيس الروسي").
 */
function speakerMention(q: QuoteMention, mentions: EntityMention[]): number | null {
  const start = q.speakerStart!;
  const end = q.speakerEnd!;
  const inside = (m: EntityMention): boolean => m.start >= start && m.end <= end;
  let best: number | null = null;
  mentions.forEach((m, i) => {
    if (!inside(m)) return;
    if (best === null || (m.type === 'person' && mentions[best]!.type !== 'person')) best = i;
  });
  if (best !== null) return best;
  // "أكد النائب عن الحزب …، كاروان محمد صالح، أن …": the person named after the descriptor, before the quoted words,
  // whose role starts with it.
  const head = foldKey(q.speaker);
  const after = mentions.findIndex((m) => m.type === 'person' && m.start >= end && m.end <= q.start && m.roles.some((r) => foldKey(r).startsWith(head)));
  if (after >= 0) return after;
  return resolveDescriptor(q.speaker, mentions);
}
