/**
 * Who said what: quotations, their speakers, relays and dates. The rules are summed up in index.ts.
 */
import type { DateMention, EntityMention, EntityType, QuoteMention } from '../types.js';
import { normalizeForMatch, toOriginalSpan, type MatchText } from '../text/index.js';
import { CH, ARABIC, FOREIGN } from '../text/chars.js';
import {
  ADVERBIALS,
  AUDIENCE,
  AUX,
  ASKED,
  CLAUSE_WORDS,
  COMP_PREPS,
  COMPS,
  DAYS,
  FA_COMPS,
  IN_NOUNS,
  INTRO,
  LADA_NOUNS,
  MEDIA,
  NAMING,
  NOT_COMP_AFTER,
  NP_STOP,
  ON_NOUNS,
  OUTLETS,
  PERIODS,
  PERIOD_ADJ,
  PRONOUN_SUBJECT,
  RELATIVE,
  RELAY_FILLERS,
  RELAY_STARTS,
  REPORT_NOUNS,
  SAYING,
  UNNAMED,
  VERBS,
  bare,
  fold,
  isParticiple,
  isRelayVerb,
  isVerb,
  startsWithAny,
  has,
  formIn,
  isDefinite,
} from './lexicon.js';
import { P, Q, W, buildUnits, inverse, tokenizeUnit, type QSpan, type Tok } from './units.js';

interface Speaker {
  speaker: string;
  start: number | null;
  end: number | null;
  unnamed: boolean;
  /** Family of an unnamed source ("source", "official"…), for "المصدر" referring back to it. */
  family: string | null;
}

/** Who speaks in a sentence, with the relays and the date that go with it. */
interface Ctx {
  sp: Speaker;
  via: string[];
  date: string | null;
  /** The subject of a reporting verb that quoted nothing, in the same sentence ("ولم يوضح المسؤول … لكنه أكد أن"). */
  noted?: boolean;
}

/** A speaker phrase: tokens [a, e). */
interface NP {
  a: number;
  e: number;
}

const FULL_DATE = /^\d{4}-\d{2}-\d{2}$/;
const SENTENCE_END = new Set(['.', '!', '?', ';']);
const TRAILING = new Set(['.', ',', ':', ';', '-', '–', '—', '(', '/', '…']);
const NOUN_BEFORE = new Set(['عدم', 'دون', 'بدون', 'عن', 'من', 'في', 'الي', 'علي', 'ب', 'ل', 'بعد', 'قبل', 'خلال', 'مع', 'حول', 'اثر', 'عقب', 'مجرد', 'بمجرد', 'ما']);
const SAME = new Set(['نفسه', 'نفسها', 'ذاته', 'ذاتها', 'نفسهم', 'انفسهم']);
const CUT_PRONOUN = new Set(['لكنه', 'لكنها', 'لكنهم', 'ولكنه', 'ولكنها', 'لكن', 'ولكن', 'كما', 'وكما']);

function unique(list: string[]): string[] {
  return [...new Set(list.filter((x) => x !== ''))];
}

function isFullDate(v: string): boolean {
  return FULL_DATE.test(v);
}

function hasArabic(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (CH[s.charCodeAt(i)] === ARABIC) return true;
  return false;
}

export class QuoteFinder {
  private readonly m: MatchText;
  private readonly n: string;
  private readonly mentions: EntityMention[];
  private readonly dates: DateMention[];
  private readonly out: QuoteMention[] = [];
  /** The last speaker, for continuations ("وأضاف:"); kind 'none' when it came from a sentence with no quote. */
  private last: { ctx: Ctx; unit: number; kind: 'direct' | 'indirect' | 'none' } | null = null;
  /** Named outlets by their kind word ("وكاله" → "بلومبرغ"), for "الوكالة" later on. */
  private readonly media = new Map<string, string>();
  /** Unnamed sources quoted so far, with the index in `out` of their last quote. */
  private readonly unnamedSeen: Array<{ sp: Speaker; at: number }> = [];
  /** A speaker whose quotation goes on in the next unit (a colon at the end, or a quote left open). */
  private pending: Ctx | null = null;
  private toks: Tok[] = [];
  /** The tokens of the unit before when this unit continues its sentence (a run-on split before "وأكدت"), else null. */
  private runOnFrom: Tok[] | null = null;
  private unit = 0;
  /** Quotes found in the current unit, and relays seen in it outside any speaker phrase. */
  private unitQuotes: QuoteMention[] = [];
  private unitVia: string[] = [];

  constructor(
    private readonly text: string,
    dates: DateMention[],
    mentions: EntityMention[],
  ) {
    this.m = normalizeForMatch(text);
    this.n = this.m.text;
    this.mentions = mentions.filter((x) => x.start < x.end).sort((a, b) => a.start - b.start);
    this.dates = dates.filter((d) => d.start < d.end).sort((a, b) => a.start - b.start);
  }

  run(): QuoteMention[] {
    if (this.text.length === 0) return [];
    const inv = inverse(this.m, this.text.length);
    const units = buildUnits(this.text, this.m, inv);
    for (let ui = 0; ui < units.length; ui++) {
      const u = units[ui]!;
      const before = this.toks;
      const end = before[before.length - 1];
      // (Only when that part quoted nothing: after a quote, a verb with no subject continues that quote's speaker.)
      const runOn = !u.first && end !== undefined && !(end.k === P && SENTENCE_END.has(end.w)) && this.unitQuotes.length === 0;
      this.runOnFrom = runOn ? before : null;
      // A quotation carried over from the paragraph before may end in this one with a lone closing mark.
      this.toks = tokenizeUnit(this.n, u, this.pending !== null && u.first);
      this.unit = ui;
      this.unitQuotes = [];
      this.unitVia = [];
      this.processUnit();
    }
    const seen = new Set<string>();
    const result: QuoteMention[] = [];
    for (const q of this.out.sort((a, b) => a.start - b.start || a.end - b.end)) {
      const key = `${q.start}:${q.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      result.push(q);
    }
    return result;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Units

  private processUnit(): void {
    const toks = this.toks;
    let i = 0;
    let ctx: Ctx | null = null;
    const pend = this.pending;
    this.pending = null;
    const t0 = toks[0];
    if (t0 !== undefined && t0.k === Q) {
      if (pend !== null && !this.isTerm(0, true)) {
        // The quotation announced at the end of the unit before ("…الآتية:" / a quote left open).
        ctx = this.carried(pend);
        this.emitDirect(0, ctx);
        if (!t0.q!.closed) this.pending = pend;
        i = 1;
      } else {
        const r = this.trailingAttribution();
        if (r >= 0) i = r;
        else if (this.quoteGoesOn()) i = 1;
      }
      if (i > 0 && ctx === null) ctx = this.last?.ctx ?? null;
    }
    while (i < toks.length) {
      const t = toks[i]!;
      if (t.k !== W) {
        i++;
        continue;
      }
      if ((isVerb(t.w) || isRelayVerb(t.w)) && !this.afterRelayWord(i) && !this.nounUse(i)) {
        const r = this.parseVerb(i, ctx);
        if (r !== null) {
          ctx = r.ctx;
          i = r.next;
          continue;
        }
        const noted = this.noteSubject(i);
        if (ctx === null && noted !== null) ctx = noted;
      } else if (isParticiple(t.w)) {
        const r = this.parseParticiple(i, ctx);
        if (r !== null) {
          ctx = r.ctx;
          i = r.next;
          continue;
        }
      } else if (has(RELAY_STARTS, t.w)) {
        const r = this.parseAccording(i);
        if (r !== null) {
          ctx = r.ctx;
          i = r.next;
          continue;
        }
        const relay = this.parseRelay(i);
        if (relay !== null) {
          if (relay.name !== '') this.unitVia.push(relay.name);
          i = Math.max(relay.end, i + 1);
          continue;
        }
      }
      i++;
    }
    // Relays of the sentence ("، وفقاً لوكالة «رويترز»") go with every quote in it.
    if (this.unitVia.length > 0) {
      for (const q of this.unitQuotes) q.via = unique([...q.via, ...this.unitVia]);
      const last = this.last;
      if (last !== null && last.unit === this.unit) last.ctx = { ...last.ctx, via: unique([...last.ctx.via, ...this.unitVia]) };
    }
  }

  /** "«…»، قال الوزير": a quotation first, its speaker after. Returns the next token index, or -1. */
  private trailingAttribution(): number {
    const toks = this.toks;
    let j = 1;
    if (toks[j]?.k === P && toks[j]!.w === ',') j++;
    const v = toks[j];
    if (v === undefined || v.k !== W || !isVerb(v.w) || this.isTerm(0, false)) return -1;
    const np = this.parseNP(j + 1, toks.length);
    let ctx: Ctx | null = null;
    if (np.e > np.a) {
      const r = this.resolve(np, toks.length);
      if (r !== null) ctx = { sp: r.sp, via: r.via, date: this.dateIn(j, Math.min(toks.length, np.e + 1)) };
    }
    if (ctx === null) {
      if (this.last === null) return -1;
      ctx = this.carried(this.last.ctx);
    }
    this.emitDirect(0, ctx);
    let next = Math.max(np.e, j + 1);
    // "«…»، قال الوزير، «…»": a second part after the attribution.
    let k = next;
    if (toks[k]?.k === P && (toks[k]!.w === ',' || toks[k]!.w === ':')) k++;
    if (toks[k]?.k === Q && !this.isTerm(k, true)) {
      this.emitDirect(k, ctx);
      next = k + 1;
    }
    return next;
  }

  /** A unit that is only a quotation, right after a unit that ended with a direct quote: the speech goes on. */
  private quoteGoesOn(): boolean {
    const last = this.last;
    if (last === null || last.kind !== 'direct' || last.unit !== this.unit - 1) return false;
    if (this.isTerm(0, false) || this.words(this.toks[0]!.q!) < 3) return false;
    for (let j = 1; j < this.toks.length; j++) {
      const t = this.toks[j]!;
      if (t.k === P) continue;
      if (t.k === W && (isParticiple(t.w) || has(RELAY_STARTS, t.w))) break;
      return false;
    }
    this.emitDirect(0, this.carried(last.ctx));
    return true;
  }

  /** After "حسبما"/"ما" a reporting verb is part of a relay ("حسبما ذكرت وكالة «تاس»"). */
  private afterRelayWord(i: number): boolean {
    const p = this.toks[i - 1];
    return p !== undefined && p.k === W && (p.w === 'حسبما' || p.w === 'ما' || p.w === 'وحسبما' || p.w === 'كما' && this.toks[i - 2]?.w === 'علي');
  }

  /** After "عدم", a preposition …, a verb form is a verbal noun ("طلب عدم ذكر اسمه", "من قال"). */
  private nounUse(i: number): boolean {
    const p = this.toks[i - 1];
    return p !== undefined && p.k === W && NOUN_BEFORE.has(p.w);
  }

  /** A reporting verb with no quotation: its subject is still the sentence's speaker for a participle after it
   *  ("وأشار التقرير إلى …، لافتاً إلى أن …") and the last speaker ("وأكد بيسكوف ذلك. وأضاف أن …"). Only a clear
   *  subject: a person or organization mention right after the verb, or a short definite phrase up to a preposition. */
  private noteSubject(v: number): Ctx | null {
    const toks = this.toks;
    const t = toks[v + 1];
    if (t === undefined || t.k !== W) return null;
    let sp: Speaker | null = null;
    const [a, b] = this.orig(t.s, t.e);
    const mention = this.mentions.find((x) => x.start >= a && x.start < b && (x.type === 'person' || x.type === 'organization'));
    if (mention !== undefined) sp = { speaker: mention.text, start: mention.start, end: mention.end, unnamed: false, family: null };
    else if (isDefinite(t.w) && !NP_STOP.has(t.w)) {
      let e = v + 1;
      // The definite noun and its definite adjectives ("المسؤول الروسي"), not the object after them.
      while (e < toks.length && e <= v + 4 && toks[e]!.k === W && isDefinite(toks[e]!.w) && !RELATIVE.has(toks[e]!.w) && !NP_STOP.has(toks[e]!.w) && !ADVERBIALS.has(toks[e]!.w)) e++;
      const n = toks[e];
      if (e > v + 1 && n !== undefined && (n.k === W || (n.k === P && n.w === ','))) {
        const r = this.resolve({ a: v + 1, e }, e);
        if (r !== null) sp = r.sp;
      }
    }
    if (sp === null) return null;
    const ctx: Ctx = { sp, via: [], date: this.dateIn(v, Math.min(toks.length, v + 6)), noted: true };
    this.last = { ctx, unit: this.unit, kind: 'none' };
    return ctx;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Reporting verbs and participles

  /** verb [speaker] [circumstances] إن/أن/: … */
  private parseVerb(v: number, unitCtx: Ctx | null): { ctx: Ctx; next: number } | null {
    const toks = this.toks;
    const relay = isRelayVerb(toks[v]!.w);
    let stop = -1;
    let colon = false;
    for (let j = v + 1; j < toks.length && j <= v + 40; j++) {
      const t = toks[j]!;
      if (t.k === Q) continue;
      if (t.k === P) {
        if (t.w === ':') {
          stop = j;
          colon = true;
          break;
        }
        if (SENTENCE_END.has(t.w)) return null;
        continue;
      }
      if (COMPS.has(t.w) && !this.notComp(j)) {
        stop = j;
        break;
      }
      if (SAYING.has(t.w) && toks[j + 1]?.k === Q) {
        stop = j;
        colon = true;
        break;
      }
      if (isVerb(t.w) && !this.afterRelayWord(j) && !this.nounUse(j)) return null;
      if (isParticiple(t.w) && !SAYING.has(t.w)) return null;
    }
    if (stop < 0) return null;
    let regionEnd = stop;
    const before = toks[stop - 1];
    if (!colon && before !== undefined && before.k === W && COMP_PREPS.has(before.w) && stop - 1 > v) regionEnd = stop - 1;
    if (colon && SAYING.has(toks[stop]!.w) === false) {
      // "قائلاً:" — the participle is not part of the speaker phrase.
      while (regionEnd - 1 > v && toks[regionEnd - 1]!.k === W && SAYING.has(toks[regionEnd - 1]!.w)) regionEnd--;
    }

    // The speaker phrase, and who relayed it.
    const via: string[] = [];
    let npStart = v + 1;
    if (relay) {
      const an = this.findWord(v + 1, regionEnd, 'عن');
      if (an < 0) {
        if (colon) return null;
      } else {
        const relayer = this.parseNP(v + 1, an);
        const name = this.nameOf(relayer, an);
        if (name !== '') via.push(name);
        npStart = an + 1;
      }
    }
    let np = this.parseNP(npStart, regionEnd);
    let resolved = np.e > np.a ? this.resolve(np, regionEnd) : null;
    // "وأضافت الوكالة، نقلاً عن مصادر لم تسمّها، أن": the subject relays, the source speaks.
    const naql = this.findRelayAn(np.e, regionEnd);
    if (naql >= 0) {
      if (resolved !== null) via.unshift(resolved.sp.speaker);
      np = this.parseNP(naql, regionEnd);
      resolved = np.e > np.a ? this.resolve(np, regionEnd) : null;
    }
    let ctx: Ctx;
    const date = this.dateIn(v, regionEnd) ?? this.dateBefore(v);
    if (resolved !== null) {
      via.unshift(...resolved.via);
      via.push(...resolved.carriedVia);
      ctx = { sp: resolved.sp, via: [], date };
    } else {
      // No subject after the verb: the speaker of this sentence so far, one written before the verb, or the last one.
      const pre = unitCtx === null ? this.preverbal(v) : null;
      if (pre !== null) ctx = { sp: pre, via: [], date };
      else {
        const from = unitCtx ?? this.last?.ctx ?? null;
        if (from === null) return null;
        // The subject of an earlier verb of this sentence keeps its span; a speaker from an earlier quote is carried.
        ctx = unitCtx?.noted === true ? { sp: unitCtx.sp, via: [...unitCtx.via], date: unitCtx.date } : this.carried(from);
        if (date !== null) ctx.date = date;
      }
    }
    // Relays inside the circumstances ("، حسبما نقلت عنه شبكة … «سي سي تي في»:", "لشبكة CNN").
    via.push(...this.relaysIn(np.e > np.a ? np.e : npStart, regionEnd));
    ctx.via = unique([...via, ...ctx.via]);
    const next = this.emitAfter(stop, colon, ctx);
    return { ctx, next };
  }

  /** مضيفاً أن / مشيراً إلى أن / محذراً: «…» — the sentence's speaker goes on. */
  private parseParticiple(p: number, unitCtx: Ctx | null): { ctx: Ctx; next: number } | null {
    const toks = this.toks;
    let j = p + 1;
    let colon = false;
    let t = toks[j];
    if (t === undefined) return null;
    if (t.k === W && COMP_PREPS.has(t.w) && toks[j + 1]?.k === W && COMPS.has(toks[j + 1]!.w)) t = toks[++j]!;
    if (t.k === W && COMP_PREPS.has(t.w) && toks[j + 1]?.k === Q) t = toks[++j]!;
    if (t.k === P && t.w === ':') colon = true;
    else if (t.k === Q) {
      // "قائلاً «…»", "مشيراً إلى «…»": a quoted part that goes on the speaker's words.
      if (this.isTerm(j, false) || this.words(t.q!) < 2) return null;
      colon = true;
      j--;
    } else if (!(t.k === W && COMPS.has(t.w))) return null;
    const last = this.last;
    const ctx = unitCtx ?? this.subjectInUnit(p) ?? (last === null ? null : this.carried(last.ctx));
    if (ctx === null) return null;
    const next = this.emitAfter(j, colon, ctx);
    return { ctx, next };
  }

  /** "وبحسب مصادر «بلومبرغ»، فإن …": the source is the speaker. */
  private parseAccording(i: number): { ctx: Ctx; next: number } | null {
    const toks = this.toks;
    const prev = toks[i - 1];
    if (!(i === 0 || (prev !== undefined && prev.k === P && prev.w === ','))) return null;
    const start = formIn(RELAY_STARTS, toks[i]!.w);
    if (start === 'حسبما' || start === 'نقلا') return null;
    let a = i + 1;
    if (toks[a]?.w === 'ل' || toks[a]?.w === 'ما') a++;
    let comma = -1;
    for (let j = a; j < toks.length && j < a + 12; j++) {
      const t = toks[j]!;
      if (t.k === P && t.w === ',') {
        comma = j;
        break;
      }
      if (t.k === P && t.w !== '-') return null;
    }
    if (comma < 0) return null;
    const fa = toks[comma + 1];
    if (fa === undefined || fa.k !== W || !FA_COMPS.has(fa.w)) return null;
    const np = this.parseNP(a, comma, true);
    if (np.e <= np.a) return null;
    const r = this.resolve(np, comma, true);
    if (r === null) return null;
    const ctx: Ctx = { sp: r.sp, via: [...r.via, ...r.carriedVia], date: this.dateIn(i, comma) };
    const next = this.emitAfter(comma + 1, false, ctx);
    return { ctx, next };
  }

  /** Emit the quotation after the stop at `stop` (إن/أن or a colon) for ctx; returns the next token index. */
  private emitAfter(stop: number, colon: boolean, ctx: Ctx): number {
    const toks = this.toks;
    const k = stop + 1;
    const t = toks[k];
    if (t === undefined) {
      if (colon) this.pending = ctx;
      return k;
    }
    if (t.k === Q) {
      // "إن «…»" then the end, a comma or a new statement: the quotation is the clause; "إن «…» في …" is not.
      const after = toks[k + 1];
      const endsHere =
        colon ||
        after === undefined ||
        after.k === P ||
        (after.k === W && ((isParticiple(after.w) && this.reportsAfter(k + 1)) || has(RELAY_STARTS, after.w)));
      const term = this.isTerm(k, colon);
      // A name alone after the colon or إن: nothing is quoted.
      if (term && (after === undefined || (after.k === P && this.onlyPunct(k + 1)))) return k + 1;
      if (endsHere && !term) {
        this.emitDirect(k, ctx);
        if (!t.q!.closed) this.pending = ctx;
        // "قال: «…» … «…»" in one sentence: a second quoted part right after a comma goes with the first.
        return k + 1;
      }
    }
    const end = this.clauseEnd(k);
    if (end > k) {
      this.emitSpan(k, end, colon ? 'direct' : 'indirect', ctx);
      const lastTok = toks[end - 1]!;
      if (end === toks.length && lastTok.k === P && lastTok.w === ':') this.pending = ctx;
    }
    return Math.max(end, k);
  }

  /** "لوكالة", "لشبكة", "لرويترز", "للجزيرة": to an outlet (a relay in a speaker phrase). */
  private toOutlet(w: string): boolean {
    if (w.length <= 3 || w[0] !== 'ل') return false;
    if (MEDIA.has(w.slice(1))) return true;
    const b = bare(w);
    return b !== w && OUTLETS.has(b);
  }

  /** Nothing but punctuation from token j to the end of the unit. */
  private onlyPunct(j: number): boolean {
    for (let x = j; x < this.toks.length; x++) if (this.toks[x]!.k !== P) return false;
    return true;
  }

  /** "/يونهاب/": a name between slashes at token j (some sites write outlet names so). Index of the closing slash,
   *  or -1. */
  private slashName(j: number): number {
    const toks = this.toks;
    if (toks[j]?.k !== P || toks[j]!.w !== '/') return -1;
    for (let z = j + 1; z < toks.length && z <= j + 6; z++) {
      const t = toks[z]!;
      if (t.k === P) return t.w === '/' && z > j + 1 ? z : -1;
    }
    return -1;
  }

  /** Where an indirect (or colon) clause starting at k ends: the unit end, or before "، مضيفاً", "، وفقاً ل…",
   *  "، وأضاف أن". */
  private clauseEnd(k: number): number {
    const toks = this.toks;
    for (let j = k; j < toks.length; j++) {
      const t = toks[j]!;
      if (t.k === P && t.w === ',') {
        const n = toks[j + 1];
        if (n === undefined || n.k !== W) continue;
        if (isParticiple(n.w) || has(RELAY_STARTS, n.w)) return j;
        if (isVerb(n.w) && (n.w[0] === 'و' || n.w[0] === 'ف') && !VERBS.has(n.w)) return j;
        if (CUT_PRONOUN.has(n.w) && toks[j + 2]?.k === W && isVerb(toks[j + 2]!.w)) return j;
        if (n.w === 'في' && toks[j + 2]?.w.startsWith('اشار')) return j;
        continue;
      }
      if (t.k === W && j > k) {
        if (isParticiple(t.w) && !SAYING.has(t.w) && this.reportsAfter(j)) return j;
        if (isVerb(t.w) && (t.w[0] === 'و' || t.w[0] === 'ف') && this.compSoon(j)) return j;
      }
    }
    return toks.length;
  }

  /** A participle followed by أن / إلى أن / a colon: a new statement. */
  private reportsAfter(p: number): boolean {
    const toks = this.toks;
    const a = toks[p + 1];
    if (a === undefined) return false;
    if (a.k === P && a.w === ':') return true;
    if (a.k === W && COMPS.has(a.w)) return true;
    if (a.k === W && COMP_PREPS.has(a.w)) return true; // "مشيراً إلى وجود …" ends the clause too
    return a.k === Q;
  }

  /** A complementizer or colon within a few tokens after a verb. */
  private compSoon(v: number): boolean {
    for (let j = v + 1; j < this.toks.length && j <= v + 12; j++) {
      const t = this.toks[j]!;
      if (t.k === P && t.w === ':') return true;
      if (t.k === W && COMPS.has(t.w)) return true;
    }
    return false;
  }

  /** أن at j is not reported speech after "بعد", "يمكن", "ضرورة" … */
  private notComp(j: number): boolean {
    const p = this.toks[j - 1];
    return p !== undefined && p.k === W && has(NOT_COMP_AFTER, p.w);
  }

  private findWord(a: number, b: number, w: string): number {
    for (let j = a; j < b; j++) if (this.toks[j]!.k === W && this.toks[j]!.w === w) return j;
    return -1;
  }

  /** "نقلاً عن" in [a, b): index of the token after عن, or -1. */
  private findRelayAn(a: number, b: number): number {
    for (let j = a; j + 1 < b; j++) {
      const t = this.toks[j]!;
      if (t.k === W && (t.w === 'نقلا' || t.w === 'ونقلا') && this.toks[j + 1]!.w === 'عن') return j + 2;
    }
    return -1;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Speaker phrases

  /** The speaker phrase starting at a (before b): words up to a circumstance, a relay, a comma, a verb. */
  private parseNP(a: number, b: number, according = false): NP {
    const toks = this.toks;
    let j = a;
    while (j < b && toks[j]!.k === W && ['فيه', 'فيها', 'فيهما', 'ايضا', 'كذلك', 'مجددا', 'بدوره', 'بدورها'].includes(toks[j]!.w)) j++;
    const start = j;
    let rel = false;
    let words = 0;
    for (; j < b; j++) {
      const t = toks[j]!;
      if (t.k === P) {
        const z = this.slashName(j);
        if (z < 0 || z >= b) break;
        words++;
        j = z;
        continue;
      }
      if (t.k === Q) {
        if (this.words(t.q!) > 6) break;
        words++;
        continue;
      }
      const w = t.w;
      if (j === start && (NP_STOP.has(w) || ADVERBIALS.has(w))) break;
      if (has(RELAY_STARTS, w) || REPORT_NOUNS.has(w) || AUDIENCE.has(w)) break;
      if (isParticiple(w) || (j > start && (isVerb(w) || isRelayVerb(w)))) break;
      if (!according && this.toOutlet(w)) break;
      if (!according && w === 'ل' && (toks[j + 1]?.k === Q || MEDIA.has(toks[j + 1]?.w ?? ''))) break;
      if (!rel) {
        if (ADVERBIALS.has(w) || has(DAYS, w)) break;
        if (PERIODS.has(w) && toks[j + 1]?.k === W && PERIOD_ADJ.has(toks[j + 1]!.w)) break;
        if (AUX.has(w)) break;
        if (w === 'في' && toks[j + 1]?.k === W && startsWithAny(toks[j + 1]!.w, IN_NOUNS)) break;
        if (w === 'لدي' && toks[j + 1]?.k === W && startsWithAny(toks[j + 1]!.w, LADA_NOUNS)) break;
        if (w === 'علي' && toks[j + 1]?.k === W && startsWithAny(bare(toks[j + 1]!.w), ON_NOUNS)) break;
        if (this.dateStartsAt(t) || (w === 'في' && toks[j + 1] !== undefined && this.dateStartsAt(toks[j + 1]!))) break;
        if (w.length > 3 && w[0] === 'ل' && this.personAt(t.s + 1, t.e)) break;
      }
      if (RELATIVE.has(w)) rel = true;
      if (++words > 10) break;
    }
    return { a: start, e: j };
  }

  /** Who the phrase np names. `b` ends the region it is in (for an apposition after a comma). */
  private resolve(np: NP, b: number, according = false): { sp: Speaker; via: string[]; carriedVia: string[] } | null {
    const toks = this.toks;
    const first = toks[np.a]!;
    const [A, B] = this.orig(first.s, toks[np.e - 1]!.e);
    const via: string[] = [];
    const carriedVia: string[] = [];
    const fromMention = (types: EntityType[], a: number, z: number): Speaker | null => {
      for (const t of types) {
        const x = this.mentions.find((mm) => mm.type === t && mm.start >= a && mm.end <= z && !this.insideQuoteText(mm.start));
        if (x !== undefined) return { speaker: x.text, start: x.start, end: x.end, unnamed: false, family: null };
      }
      return null;
    };
    // The last person named in the phrase: "مستشار ترامب ستيف ويتكوف" is Witkoff speaking.
    const persons = this.mentions.filter((x) => x.type === 'person' && x.start >= A && x.end <= B && !this.afterPreposition(x.start) && !this.insideQuoteText(x.start));
    const person = persons.at(-1);
    if (person !== undefined) return { sp: { speaker: person.text, start: person.start, end: person.end, unnamed: false, family: null }, via, carriedVia };
    // Apposition: ", ديمتري بيسكوف،"
    if (toks[np.e]?.k === P && toks[np.e]!.w === ',' && np.e + 1 < b) {
      const seg = toks[np.e + 1]!;
      const segEnd = toks[Math.min(b, np.e + 5) - 1]!;
      const [a2, z2] = this.orig(seg.s, segEnd.e);
      const x = this.mentions.find((mm) => mm.type === 'person' && mm.start >= a2 && mm.start <= this.orig(toks[Math.min(np.e + 3, b - 1)]!.s, toks[Math.min(np.e + 3, b - 1)]!.e)[1] && mm.end <= z2);
      if (x !== undefined) return { sp: { speaker: x.text, start: x.start, end: x.end, unnamed: false, family: null }, via, carriedVia };
    }
    // An organization or place is the speaker when the phrase is that name ("قال الكرملين", "قالت وزارة الدفاع
    // الروسية"), not when it only qualifies a descriptor ("المتحدث باسم الكرملين").
    const [, firstEnd] = this.orig(first.s, first.e);
    const atStart = (x: Speaker | null): Speaker | null => (x !== null && x.start !== null && x.start < firstEnd ? x : null);
    const org = atStart(fromMention(['organization'], A, B));
    // An outlet named in quote marks or in Latin: "وكالة «بلومبرغ» الأميركية", "«الإخبارية»", "شبكة CNN".
    const head = bare(first.k === W ? first.w : '');
    const definite = first.k === W && isDefinite(first.w);
    if (first.k === Q) {
      const sp = this.innerSpeaker(first.q!);
      return { sp, via, carriedVia };
    }
    if (MEDIA.has(head) && np.e - np.a >= 2) {
      for (let j = np.a + 1; j < np.e; j++) {
        const name = this.nameAfter(j, np.e);
        if (name === null) continue;
        this.media.set(head, name.speaker);
        return { sp: name, via, carriedVia };
      }
    }
    if (org !== null) return { sp: org, via, carriedVia };
    const loc = atStart(fromMention(['location'], A, B));
    if (loc !== null && loc.end !== null && loc.end >= B - 1) return { sp: loc, via, carriedVia };

    const phrase = (a: number, e: number, unnamed: boolean, family: string | null): Speaker => {
      const [s, z] = this.trimmedOrig(toks[a]!.s, toks[e - 1]!.e);
      return { speaker: this.text.slice(s, z), start: s, end: z, unnamed, family };
    };
    // "الوكالة" after "وكالة «بلومبرغ»"
    if (definite && MEDIA.has(head) && np.e - np.a <= 3) {
      const name = this.media.get(head);
      if (name !== undefined) {
        return { sp: { speaker: name, start: null, end: null, unnamed: false, family: null }, via, carriedVia };
      }
    }
    const family = UNNAMED.get(head);
    if (family !== undefined && !according) {
      const second = toks[np.a + 1];
      if (definite) {
        const short =
          np.e - np.a === 1 ||
          (second !== undefined && second.k === W && (RELATIVE.has(second.w) || SAME.has(second.w) || (np.e - np.a === 2 && second.w.startsWith('ال'))));
        if (short) {
          const recent = this.unnamedSeen.filter((x) => x.sp.family === family && this.out.length - x.at <= 4).at(-1);
          if (recent !== undefined) return { sp: { ...recent.sp, start: null, end: null }, via, carriedVia: this.viaOf(recent.at) };
          // "قال المتحدث باسم الخارجية … إن …" then "قال المتحدث": the same person.
          const last = this.last?.ctx;
          const lastHead = last === undefined ? '' : fold(last.sp.speaker.split(/\s+/)[0] ?? '');
          if (last !== undefined && lastHead !== '' && bare(lastHead) === head && last.sp.speaker.includes(' ')) {
            return { sp: { ...last.sp, start: null, end: null }, via, carriedVia: [...last.via] };
          }
        }
        return { sp: phrase(np.a, np.e, family === 'source', family), via, carriedVia };
      }
      if (second !== undefined && second.k === W && second.w.startsWith('ال') && !RELATIVE.has(second.w)) {
        return { sp: phrase(np.a, np.e, false, null), via, carriedVia }; // a title: "مسؤولة السياسة الخارجية …"
      }
      // "مصادر «بلومبرغ»": the outlet's sources.
      return { sp: phrase(np.a, this.quotedOutlets(toks, np.a, np.e, via), true, family), via, carriedVia };
    }
    if (family !== undefined && according) {
      return { sp: phrase(np.a, this.quotedOutlets(toks, np.a, np.e, via), !definite || family === 'source', family), via, carriedVia };
    }
    if (first.k !== W || NP_STOP.has(first.w)) return null;
    return { sp: phrase(np.a, np.e, false, null), via, carriedVia };
  }

  /** The via list of the quote at index `at` in out. */
  private viaOf(at: number): string[] {
    const q = this.out[at];
    return q === undefined ? [] : [...q.via];
  }

  /** Outlet name after its kind word: «X» or Latin words. */
  private nameAfter(a: number, e: number): Speaker | null {
    const t = this.toks[a];
    if (t === undefined) return null;
    if (t.k === Q && this.words(t.q!) <= 6) return this.innerSpeaker(t.q!);
    const z = this.slashName(a);
    if (z > 0) {
      const [s, end] = this.trimmedOrig(this.toks[a + 1]!.s, this.toks[z - 1]!.e);
      return { speaker: this.text.slice(s, end), start: s, end, unnamed: false, family: null };
    }
    if (t.k === W && !hasArabic(t.w)) {
      let z = a;
      while (z + 1 < e && this.toks[z + 1]!.k === W && !hasArabic(this.toks[z + 1]!.w)) z++;
      const [s, end] = this.trimmedOrig(t.s, this.toks[z]!.e);
      return { speaker: this.text.slice(s, end), start: s, end, unnamed: false, family: null };
    }
    return null;
  }

  private innerSpeaker(q: QSpan): Speaker {
    const [s, e] = this.trimmedOrig(q.is, q.ie);
    return { speaker: this.text.slice(s, e), start: s, end: e, unnamed: false, family: null };
  }

  /** Quoted outlet names inside a speaker phrase ("مصادر «بلومبرغ»") go to `via`; the phrase ends before the first. */
  private quotedOutlets(toks: Tok[], a: number, e: number, via: string[]): number {
    let end = e;
    for (let j = a + 1; j < e; j++) {
      const t = toks[j]!;
      if (t.k === Q) {
        via.push(this.innerText(t.q!));
        end = Math.min(end, j);
      }
    }
    return end;
  }

  private innerText(q: QSpan): string {
    const [s, e] = this.trimmedOrig(q.is, q.ie);
    return this.text.slice(s, e);
  }

  /** A relayer's name: «X» / Latin inside the phrase, an organization mention, else the phrase (≤ 5 words). */
  private nameOf(np: NP, b: number): string {
    const toks = this.toks;
    if (np.e <= np.a) return '';
    for (let j = np.a; j < np.e; j++) {
      const t = toks[j]!;
      if (t.k === Q && this.words(t.q!) <= 6) {
        const name = this.innerText(t.q!);
        const kind = j > np.a && toks[j - 1]!.k === W ? bare(toks[j - 1]!.w) : '';
        if (MEDIA.has(kind)) this.media.set(kind, name);
        return name;
      }
    }
    for (let j = np.a; j < np.e; j++) {
      const z = this.slashName(j);
      if (z > 0) {
        const [x, y] = this.trimmedOrig(toks[j + 1]!.s, toks[z - 1]!.e);
        return this.text.slice(x, y);
      }
    }
    for (let j = np.a; j < np.e; j++) {
      const t = toks[j]!;
      if (t.k === W && !hasArabic(t.w) && CH[t.w.charCodeAt(0)] === FOREIGN) {
        const name = this.nameAfter(j, np.e);
        if (name !== null) {
          const kind = j > np.a && toks[j - 1]!.k === W ? bare(toks[j - 1]!.w) : '';
          if (MEDIA.has(kind)) this.media.set(kind, name.speaker);
          return name.speaker;
        }
      }
    }
    const [A, B] = this.orig(toks[np.a]!.s, toks[np.e - 1]!.e);
    const org = this.mentions.find((x) => x.type === 'organization' && x.start >= A && x.end <= B);
    if (org !== undefined) return org.text;
    // A bare "الوكالة" relaying: the agency named before.
    const head = toks[np.a]!;
    if (head.k === W && np.e - np.a <= 2) {
      const name = this.media.get(bare(head.w));
      if (name !== undefined && isDefinite(head.w)) return name;
    }
    let e = Math.min(np.e, np.a + 5);
    if (e > b) e = b;
    let s = toks[np.a]!.s;
    // "لبيانات …", "لوكالة …": the preposition is not part of the name.
    if (head.k === W && head.w.length > 3 && head.w[0] === 'ل' && !head.w.startsWith('لل')) s += 1;
    else if (head.k === W && head.w.startsWith('لل')) s += 1;
    const [x, y] = this.trimmedOrig(s, toks[e - 1]!.e);
    return this.text.slice(x, y);
  }

  /** Relay phrases in tokens [a, b): "حسبما نقلت عنه شبكة … «X»", "لشبكة CNN", "وفقاً لوكالة «رويترز»". */
  private relaysIn(a: number, b: number): string[] {
    const names: string[] = [];
    const toks = this.toks;
    for (let j = a; j < b; j++) {
      const t = toks[j]!;
      if (t.k !== W) continue;
      const base = formIn(RELAY_STARTS, t.w);
      if (base !== '' && base !== 'نقلا') {
        const r = this.parseRelay(j, b);
        if (r !== null) {
          if (r.name !== '') names.push(r.name);
          j = r.end - 1;
        }
      } else if (this.toOutlet(t.w) || (t.w === 'ل' && (toks[j + 1]?.k === Q || MEDIA.has(toks[j + 1]?.w ?? '')))) {
        const np = this.parseNP(t.w === 'ل' ? j + 1 : j, b, true);
        const name = this.nameOf(np, b);
        if (name !== '') names.push(name);
        j = Math.max(j, np.e - 1);
      }
    }
    return names;
  }

  /** A relay phrase starting at i (بحسب، وفقاً ل، حسبما ذكرت …): the relayer's name and the token after it. */
  private parseRelay(i: number, b = this.toks.length): { name: string; end: number } | null {
    const toks = this.toks;
    let j = i + 1;
    if (formIn(RELAY_STARTS, toks[i]!.w) === 'نقلا') {
      if (toks[j]?.w !== 'عن') return null;
      j++;
    }
    while (j < b && toks[j]!.k === W && RELAY_FILLERS.has(toks[j]!.w)) j++;
    const np = this.parseNP(j, b, true);
    if (np.e <= np.a) return { name: '', end: j };
    return { name: this.nameOf(np, b), end: np.e };
  }

  /** The subject written before its verb: "بيسكوف قال", "وكانت الناطقة …، ماريا زاخاروفا، قالت", "لكن بوتين كان
   *  قد قال", "وسئل بيسكوف عن … فقال", "لكن قسد نفت ذلك، وقالت". */
  private preverbal(v: number): Speaker | null {
    const toks = this.toks;
    if (v === 0) {
      // "جددت موسكو … مع دمشق، وأكدت أن …" cut before وأكدت: the subject is in the part before.
      const from = this.runOnFrom;
      if (from === null || from.length === 0) return null;
      this.toks = from;
      this.runOnFrom = null;
      try {
        return this.preverbal(from.length);
      } finally {
        this.toks = toks;
        this.runOnFrom = from;
      }
    }
    const prev = toks[v - 1]!;
    if (prev.k === W && PRONOUN_SUBJECT.has(prev.w)) return null;
    let j = 0;
    let asked = false;
    while (j < v && ((toks[j]!.k === W && (INTRO.has(toks[j]!.w) || ASKED.has(toks[j]!.w))) || (toks[j]!.k === P && toks[j]!.w === ','))) {
      if (ASKED.has(toks[j]!.w)) asked = true;
      j++;
    }
    if (j >= v) return null;
    const head = toks[j]!;
    if (head.k === W && (has(NP_STOP, head.w) || has(ADVERBIALS, head.w))) return null;
    const np = this.parseNP(j, v);
    // "الرجل الذي قال": the relative pronoun is not part of the subject.
    if (np.e === v && np.e - 1 > np.a && toks[np.e - 1]!.k === W && RELATIVE.has(toks[np.e - 1]!.w)) np.e--;
    if (np.e > np.a && np.e - np.a <= 7 && (asked || this.onlyAppositionsBefore(np.e, v))) {
      const r = this.resolve(np, v);
      if (r !== null) return r.sp;
    }
    // With mentions: a person or organization near the start of the clause ("جددت موسكو …، وأكدت أن").
    const [A] = this.orig(head.s, head.e);
    const [V] = v < toks.length ? this.orig(toks[v]!.s, toks[v]!.e) : this.orig(toks[v - 1]!.e, toks[v - 1]!.e);
    const limit = asked ? V : this.orig(toks[Math.min(j + 3, v - 1)]!.s, toks[Math.min(j + 3, v - 1)]!.e)[1];
    for (const type of ['person', 'organization', 'location'] as const) {
      const x = this.mentions.find(
        (mm) => mm.type === type && mm.start >= A && mm.start < limit && mm.end <= V && !this.insideQuoteText(mm.start) && !this.afterPreposition(mm.start),
      );
      if (x !== undefined && (type !== 'location' || x.start < this.orig(toks[Math.min(j + 1, v - 1)]!.s, toks[Math.min(j + 1, v - 1)]!.e)[1])) {
        return { speaker: x.text, start: x.start, end: x.end, unnamed: false, family: null };
      }
    }
    return null;
  }

  /** Between the subject phrase (ending at e) and the verb at v only appositions, كان/قد, or a verb of its own
   *  ("…، ماريا زاخاروفا، قالت", "بوتين كان قد قال", "قسد نفت ذلك، وقالت"). */
  private onlyAppositionsBefore(e: number, v: number): boolean {
    const toks = this.toks;
    let k = e;
    while (k < v) {
      const t = toks[k]!;
      if (t.k === P && t.w === ',') {
        let z = k + 1;
        while (z < v && toks[z]!.k === W && !AUX.has(toks[z]!.w) && !isVerb(toks[z]!.w)) z++;
        if (z - k - 1 > 4) return false;
        k = z;
        continue;
      }
      if (t.k === W && AUX.has(t.w)) {
        k++;
        continue;
      }
      return t.k === W && isVerb(t.w);
    }
    return true;
  }

  /** The subject of the sentence for a participle when no reporting verb came before: a person or organization
   *  mention near the start that is not after a preposition. */
  private subjectInUnit(p: number): Ctx | null {
    const toks = this.toks;
    if (toks.length === 0 || p === 0) return null;
    const [A] = this.orig(toks[0]!.s, toks[0]!.e);
    const [Z] = this.orig(toks[p]!.s, toks[p]!.e);
    for (const type of ['person', 'organization'] as const) {
      const x = this.mentions.find((mm) => mm.type === type && mm.start >= A && mm.end <= Z && !this.insideQuoteText(mm.start) && !this.afterPreposition(mm.start));
      if (x !== undefined) return { sp: { speaker: x.text, start: x.start, end: x.end, unnamed: false, family: null }, via: [], date: null };
    }
    return null;
  }

  /** The mention at original offset `start` is governed by a preposition ("مع بوتين", "لبزشكيان"). */
  private afterPreposition(start: number): boolean {
    const toks = this.toks;
    for (let j = 0; j < toks.length; j++) {
      const t = toks[j]!;
      const [a, z] = this.orig(t.s, t.e);
      if (start < a || start >= z) continue;
      if (start > a) {
        const c = this.n[t.s];
        return c === 'ل' || c === 'ب';
      }
      const p = toks[j - 1];
      return p !== undefined && p.k === W && (NP_STOP.has(p.w) || ['مع', 'عن', 'الي', 'علي', 'بين', 'ل', 'ب'].includes(p.w));
    }
    return false;
  }

  private carried(from: Ctx): Ctx {
    return { sp: { ...from.sp, start: null, end: null }, via: [...from.via], date: from.date };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Terms, dates, emitting

  /** A name or term in quote marks, not a quotation: short, no clause words, and a name by some sign (a mention
   *  over it, Latin, a naming word before it or at its start). `strongOnly` keeps to those signs; otherwise a single
   *  word counts as a term too. */
  private isTerm(k: number, strongOnly: boolean): boolean {
    const t = this.toks[k]!;
    const q = t.q!;
    const inner = this.n.slice(q.is, q.ie).trim();
    const words = inner.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
    if (words.length === 0) return true;
    if (words.length > 4) return false;
    if (/[.!?؟…]/.test(inner)) return false;
    if (words.some((w) => CLAUSE_WORDS.has(w))) return false;
    const [A, B] = this.orig(q.is, q.ie);
    if (this.mentions.some((x) => x.start < B && x.end > A)) return true;
    if (!hasArabic(inner)) return true;
    const prev = this.toks[k - 1];
    if (prev !== undefined && prev.k === W) {
      const pb = bare(prev.w);
      if (NAMING.has(pb) || MEDIA.has(pb) || NAMING.has(prev.w)) return true;
      if ((prev.w === 'ل' || prev.w === 'ب') && this.toks[k - 2]?.k === W && NAMING.has(bare(this.toks[k - 2]!.w))) return true;
    }
    if (NAMING.has(bare(words[0]!))) return true;
    if (strongOnly) return false;
    return words.length === 1;
  }

  private words(q: QSpan): number {
    let count = 0;
    let inWord = false;
    for (let i = q.is; i < q.ie; i++) {
      const c = CH[this.n.charCodeAt(i)];
      const w = c !== undefined && c >= ARABIC && c <= 5;
      if (w && !inWord) count++;
      inWord = w;
    }
    return count;
  }

  /** The date of a statement from the tokens [a, b) (verb and speaker phrase), outside quotations. */
  private dateIn(a: number, b: number): string | null {
    const toks = this.toks;
    if (a >= b || this.dates.length === 0) return null;
    const [A] = this.orig(toks[a]!.s, toks[a]!.e);
    const last = toks[Math.min(b, toks.length) - 1]!;
    const [, B] = this.orig(last.s, last.e);
    for (const d of this.dates) {
      if (d.start < A) continue;
      if (d.start >= B) break;
      if (this.insideQuoteToken(d.start, a, b)) continue;
      return isFullDate(d.value) ? d.value : null;
    }
    return null;
  }

  /** A date in a short lead before the verb ("أمس الأحد، قال …"). */
  private dateBefore(v: number): string | null {
    let words = 0;
    for (let j = 0; j < v; j++) if (this.toks[j]!.k !== P) words++;
    if (v === 0 || words > 4) return null;
    return this.dateIn(0, v);
  }

  private dateStartsAt(t: Tok): boolean {
    if (this.dates.length === 0) return false;
    const [a, z] = this.orig(t.s, t.e);
    return this.dates.some((d) => d.start >= a && d.start < z);
  }

  private personAt(s: number, e: number): boolean {
    if (this.mentions.length === 0) return false;
    const [a, z] = this.orig(s, e);
    return this.mentions.some((x) => x.type === 'person' && x.start >= a && x.start < z);
  }

  private insideQuoteToken(pos: number, a: number, b: number): boolean {
    for (let j = a; j < b; j++) {
      const t = this.toks[j]!;
      if (t.k !== Q) continue;
      const [s, e] = this.orig(t.s, t.e);
      if (pos >= s && pos < e) return true;
    }
    return false;
  }

  /** Inside the text of a quotation already found. */
  private insideQuoteText(pos: number): boolean {
    for (let j = 0; j < this.toks.length; j++) {
      const t = this.toks[j]!;
      if (t.k !== Q) continue;
      const [s, e] = this.orig(t.q!.is, t.q!.ie);
      if (pos >= s && pos < e && this.words(t.q!) > 6) return true;
    }
    return false;
  }

  private orig(s: number, e: number): [number, number] {
    return toOriginalSpan(this.m, s, e);
  }

  /** Original span of normalized [s, e), without spaces and invisible marks at either end. */
  private trimmedOrig(s: number, e: number): [number, number] {
    let [a, z] = this.orig(s, e);
    while (a < z && /[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(this.text[a] as string)) a++;
    while (z > a && /[\s\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/.test(this.text[z - 1] as string)) z--;
    return [a, z];
  }

  private emitDirect(k: number, ctx: Ctx): void {
    const q = this.toks[k]!.q!;
    const [s, e] = this.trimmedOrig(q.is, q.ie);
    if (e > s) this.push(s, e, 'direct', ctx);
  }

  private emitSpan(a: number, b: number, kind: 'direct' | 'indirect', ctx: Ctx): void {
    let z = b;
    while (z > a && this.toks[z - 1]!.k === P && TRAILING.has(this.toks[z - 1]!.w)) z--;
    if (z <= a) return;
    const [s, e] = this.trimmedOrig(this.toks[a]!.s, this.toks[z - 1]!.e);
    if (e > s) this.push(s, e, kind, ctx);
  }

  private push(start: number, end: number, kind: 'direct' | 'indirect', ctx: Ctx): void {
    const sp = ctx.sp;
    const q: QuoteMention = {
      speaker: sp.speaker,
      speakerStart: sp.start,
      speakerEnd: sp.end,
      unnamed: sp.unnamed,
      text: this.text.slice(start, end),
      kind,
      start,
      end,
      via: [...ctx.via],
      date: ctx.date,
    };
    this.out.push(q);
    this.unitQuotes.push(q);
    if (sp.unnamed && sp.start !== null) this.unnamedSeen.push({ sp, at: this.out.length - 1 });
    else if (sp.unnamed) {
      const seen = this.unnamedSeen.find((x) => x.sp.speaker === sp.speaker);
      if (seen !== undefined) seen.at = this.out.length - 1;
    }
    this.last = { ctx, unit: this.unit, kind };
  }
}

export function findQuotesIn(text: string, dates: DateMention[], mentions: EntityMention[]): QuoteMention[] {
  return new QuoteFinder(text, dates, mentions).run();
}
