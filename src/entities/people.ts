/**
 * People of one article: well-known names; a known first name with name words after it; the subject of a reporting
 * verb ('قال بيسكوف إن'); a title phrase and the name after it ('الناطق الرئاسي الروسي ديمتري بيسكوف', 'محافظ البنك
 * المركزي الإيراني، محمد رضا فرزين'), or an apposition after a name ('فاسيلي نيبينزيا، مندوب …'); coordinated people
 * ('الرئيسان الروسي فلاديمير بوتين والإيراني مسعود بزشكيان'). Each with the title phrases attached to it as roles.
 */
import { PRIO, type Cand, type Prio } from './cands.js';
import type { Doc } from './doc.js';
import {
  AMBIGUOUS_FIRST, AMBIGUOUS_HEADS, COUNTERPART_HEADS, HONORIFICS, KNOWN_PARTS, KNOWN_PEOPLE, MAX_APPOSITION, PLURAL_HEADS,
  TAIL_NOUNS, BIT, fold,
} from './lexicon.js';
import { parseName, parseTitle, type NameSpan, type TitleSpan } from './names.js';

/** Adds the person candidates to `cands` (`gaz`, `gazStart`: see placesAndOrganizations). */
export function people(doc: Doc, gaz: Uint8Array, gazStart: Uint8Array, cands: Cand[]): void {
  const persons: Cand[] = [];
  const add = (name: NameSpan, prio: Prio, roles: string[] = []): Cand => {
    const c: Cand = { start: name.start, end: name.end, from: name.from, to: name.to, type: 'person', roles, prio };
    persons.push(c);
    return c;
  };

  for (let i = 0; i < doc.n; i++) {
    if (!doc.isWord(i)) continue;
    // well-known people ("بوتين", "ترمب")
    const known = doc.match(KNOWN_PEOPLE, i, BIT.knownFirst);
    if (known !== null && gaz[i] === 0) {
      persons.push({ start: known.start, end: known.end, from: known.from, to: known.to, type: 'person', roles: [], prio: PRIO.title });
    }
    // a known first name and more name words ("فلاديمير بوتين", "وجاريد كوشنر")
    const fr = doc.firstName(i);
    if (fr !== undefined && gaz[i] === 0 && doc.nisba(i) === undefined && doc.head(i) === null) {
      const name = parseName(doc, gaz, i, { skip: fr.skip });
      if (name !== null && name.parts >= 2 && (!AMBIGUOUS_FIRST.has(fr.form) || KNOWN_PARTS.has(doc.norm(i + 1)))) add(name, PRIO.shape);
    }
    // the subject of a reporting verb ("قال بيسكوف إن", "وأضاف بزشكيان:")
    if (doc.isReporting(i) && doc.joined(i)) subjectOf(doc, gaz, i + 1, add);
  }

  // title phrases, in text order (a phrase's own nested heads are not read again); a title followed by a comma and
  // another title ("أمير قطر، الشيخ تميم …") hands its phrase on to the name after the second one
  const counts = lazyCounts(doc);
  let pending: Pending | null = null;
  let i = 0;
  while (i < doc.n) {
    const title = doc.isWord(i) && gaz[i] === 0 ? parseTitle(doc, i, gazStart) : null;
    if (title === null) {
      i++;
      continue;
    }
    const carried = pending !== null && pending.at === i ? pending.roles : [];
    pending = titled(doc, gaz, title, carried, counts, persons, add);
    i = Math.max(i + 1, title.end);
  }
  cands.push(...persons);
}

interface Pending {
  at: number;
  roles: string[];
}

/** How many words of the article have each reading (a one-word name after a title must be named again), counted on
 *  first use. */
function lazyCounts(doc: Doc): () => Map<string, number> {
  let counts: Map<string, number> | null = null;
  return () => {
    if (counts !== null) return counts;
    counts = new Map<string, number>();
    for (let i = 0; i < doc.n; i++) {
      if (!doc.isWord(i)) continue;
      for (const r of doc.readings(i)) counts.set(r.form, (counts.get(r.form) ?? 0) + 1);
    }
    return counts;
  };
}

function subjectOf(doc: Doc, gaz: Uint8Array, j: number, add: (n: NameSpan, p: Prio) => Cand): void {
  if (doc.head(j) !== null || doc.firstName(j) !== undefined) return;
  const name = parseName(doc, gaz, j, { maxParts: 3 });
  if (name === null || !clearEnd(doc, name.end)) return;
  // one unknown word before a quote mark is a noun with its name in quotes ("أعاد مسرح «النجمة»")
  if (name.parts === 1 && !KNOWN_PARTS.has(doc.norm(j)) && doc.isQuote(name.end)) return;
  add(name, PRIO.shape);
}

/** What may follow a name found by its context alone: punctuation, a function or time word, a line end, a verb.
 *  Not an adjective or a definite word, which would make the "name" a common noun ("قال مسؤول أميركي"). */
function clearEnd(doc: Doc, k: number): boolean {
  if (k >= doc.n || !doc.joined(k - 1)) return true;
  const t = doc.tok(k);
  if (t === undefined) return true;
  if (t.kind === 'punct') return true;
  if (t.kind !== 'word') return false;
  if (doc.isFunction(k) || doc.isReporting(k)) return true;
  if (doc.nisba(k) !== undefined || doc.definite(k)) return false;
  return doc.isCommon(k) ? false : doc.head(k) !== null || t.prefixes.length > 0;
}

function roleText(doc: Doc, from: number, to: number, article: boolean): string {
  return cleanRole((article ? 'ال' : '') + doc.text.slice(from, to));
}

/** A role as printed, without quote marks around names in it ("المتحدث باسم «قسد»" → "المتحدث باسم قسد"). */
function cleanRole(s: string): string {
  return s
    .replace(/[«»“”"]/g, '')
    .replace(/[\s،,:؛;.]+$/u, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function titled(
  doc: Doc,
  gaz: Uint8Array,
  title: TitleSpan,
  carried: string[],
  counts: () => Map<string, number>,
  persons: Cand[],
  add: (n: NameSpan, p: Prio, r?: string[]) => Cand,
): Pending | null {
  // "والي غرداية، عبد الحكيم زروقي،": a bare indefinite head, one construct word the phrase did not take, a comma
  const complement = constructComplement(doc, gaz, title);
  const phraseTo = complement ? (doc.tok(title.end)?.end ?? title.to) : title.to;
  const phrase = roleText(doc, title.from, phraseTo, title.reading.article);
  const headForm = title.reading.form;
  // Apposition: the phrase stands after a person ("فاسيلي نيبينزيا، مندوب …", "جاريد كوشنر صهر الرئيس …").
  const comma = doc.isComma(title.start - 1);
  const prevEnd = comma ? title.start - 1 : title.start;
  let prev = comma || title.relational ? persons.find((p) => p.end === prevEnd && doc.joined(prevEnd - 1)) : undefined;
  if (prev === undefined && comma && carried.length === 0) prev = appositionName(doc, gaz, title.start - 1, add);
  if (prev !== undefined) prev.roles.push(comma ? appositionText(doc, title, phrase) : phrase);

  // The name after the phrase, right after it or after a comma; not right after a construct noun, whose complement
  // it is ("أستاذ الاقتصاد بجامعة عين شمس").
  let at = complement ? title.end + 1 : title.end;
  if (doc.isComma(at) && doc.joined(at - 1) && doc.joined(at)) at++;
  else if (!doc.joined(at - 1)) return null;
  else if (at - 1 > title.start && TAIL_NOUNS.has(doc.tok(at - 1)?.base ?? '') && !doc.definite(at - 1)) return null;
  const fr = doc.firstName(at);
  // a name another rule found right there (a well-known name with a function word in it: "غير بيدرسن")
  const there = persons.find((p) => p.start === at && p.from === doc.tok(at)?.start);
  let name = parseName(doc, gaz, at, fr !== undefined && fr.skip === 0 ? { skip: 0 } : {}) ?? (there === undefined ? null : spanOf(there));
  // the whole name between the title and a clear end ("النائب عن الحزب …، كاروان محمد صالح،", "مخرجة العرض ليال
  // الخوري لـ…"), longer than the name its first words make
  const viaComma = at > title.end && doc.isComma(at - 1);
  const run = viaComma || constructTitle(doc, title) ? nameRun(doc, gaz, at, viaComma) : null;
  if (run !== null && (name === null || run.end > name.end)) name = run;
  if (name === null) {
    return prev === undefined && doc.head(at) !== null ? { at, roles: [...carried, phrase] } : null;
  }
  if (AMBIGUOUS_HEADS.has(headForm) && !name.known && !clearEnd(doc, name.end)) return null;
  if (name.parts === 1 && !name.known && !KNOWN_PARTS.has(doc.norm(name.start))) {
    // a one-word name after a title: named again in the article, or closed by punctuation or a verb
    const next = name.end;
    const closed = next >= doc.n || !doc.joined(next - 1) || doc.isPunct(next) || doc.isReporting(next);
    if (!closed && (counts().get(doc.norm(name.start)) ?? 0) < 2) return null;
  }

  let role: string | null = phrase;
  const innermost = title.inner[title.inner.length - 1];
  if (prev !== undefined || title.relational) {
    // the name belongs to the inner title ("الممثل الخاص للرئيس فلاديمير بوتين", "صهر الرئيس الأميركي دونالد ترمب")
    if (innermost === undefined) return null;
    role = roleText(doc, doc.startAfter(innermost.index, innermost.reading.skip), title.to, innermost.reading.article);
  } else if (COUNTERPART_HEADS.has(headForm)) {
    role = null;
  } else {
    const singular = PLURAL_HEADS.get(headForm);
    const headTok = doc.tok(title.start);
    if (singular !== undefined && headTok !== undefined) role = cleanRole(singular + doc.text.slice(headTok.end, title.to));
  }
  const roles = role === null ? [...carried] : [...carried, role];
  // "ولي العهد السعودي الأمير محمد بن سلمان": the honorific just before the name is a role of its own
  const honorificLast = innermost !== undefined && innermost.index === title.end - 1 && HONORIFICS.has(innermost.reading.form);
  if (role !== null && innermost !== undefined && honorificLast && prev === undefined && !title.relational) {
    const before = doc.tok(innermost.index - 1);
    if (before !== undefined) {
      roles.pop();
      roles.push(roleText(doc, title.from, before.end, title.reading.article));
      roles.push(roleText(doc, doc.startAfter(innermost.index, innermost.reading.skip), title.to, innermost.reading.article));
    }
  }
  const person = add(name, PRIO.title, roles);

  // "الرئيسان الروسي فلاديمير بوتين والإيراني مسعود بزشكيان": و + adjective + name
  let k = name.end;
  while (k + 1 < doc.n && doc.joined(k - 1) && doc.joined(k)) {
    const r = doc.readings(k).find((x) => x.skip > 0 && doc.tok(k)?.norm.startsWith('و'));
    if (r === undefined || doc.nisba(k) === undefined) break;
    const other = parseName(doc, gaz, k + 1);
    if (other === null) break;
    const head = PLURAL_HEADS.get(headForm) ?? (person.roles[0] ?? '').split(' ')[0] ?? '';
    const adjective = doc.text.slice(doc.startAfter(k, 1), doc.tok(k)?.end ?? 0);
    add(other, PRIO.title, head === '' ? [] : [cleanRole(`${head} ${adjective}`)]);
    k = other.end;
  }
  return null;
}

function spanOf(c: Cand): NameSpan {
  return { start: c.start, end: c.end, from: c.from, to: c.to, parts: c.end - c.start, known: true };
}

/** An apposition after "NAME،" runs to the next comma or sentence end when that is near ("ميخائيل بوغدانوف، الممثل
 *  الخاص للرئيس فلاديمير بوتين للشرق الأوسط، إلى دمشق"); otherwise it is the title phrase. */
function appositionText(doc: Doc, title: TitleSpan, phrase: string): string {
  let e = title.end;
  while (e < doc.n && doc.joined(e - 1) && !doc.isPunct(e) && e - title.start < MAX_APPOSITION) e++;
  if (e === title.end || e >= doc.n || !doc.joined(e - 1) || !doc.isPunct(e) || doc.isQuote(e)) return phrase;
  const last = doc.tok(e - 1);
  return last === undefined ? phrase : roleText(doc, title.from, last.end, title.reading.article);
}

/** "وقال نيكيتا سماغين، الخبير …": the name words right before the comma of an apposition, when something that
 *  cannot be in a name stands before them (a reporting verb, a function word, punctuation, a line start). */
function appositionName(doc: Doc, gaz: Uint8Array, comma: number, add: (n: NameSpan, p: Prio) => Cand): Cand | undefined {
  let s = comma;
  while (s - 1 >= 0 && comma - (s - 1) <= 3 && doc.joined(s - 1) && doc.nameWord(s - 1, gaz)) s--;
  if (s === comma) return undefined;
  const before = s - 1;
  const verb = before >= 0 && doc.joined(before) && doc.isReporting(before);
  const boundary = before < 0 || !doc.joined(before) || doc.isPunct(before) || doc.isFunction(before) || verb;
  if (!boundary || (comma - s < 2 && !verb)) return undefined;
  const name = parseName(doc, gaz, s, { maxParts: comma - s });
  if (name === null || name.end !== comma) return undefined;
  return add(name, PRIO.shape);
}

const ORDINALS = new Set(['الاول', 'الاولي', 'الثاني', 'الثانيه', 'الثالث', 'الثالثه'].map(fold));

/** A head and one word the title phrase did not take, right before a comma: an indefinite head in a construct with a
 *  place or name ("والي غرداية،", "محافظ نينوى،"). */
function constructComplement(doc: Doc, gaz: Uint8Array, title: TitleSpan): boolean {
  const k = title.end;
  if (title.end - title.start !== title.headLen || doc.definite(title.start) || title.reading.form.startsWith('ال')) return false;
  if (!doc.joined(k - 1) || !doc.isWord(k) || !doc.joined(k) || !doc.isComma(k + 1) || !doc.joined(k + 1)) return false;
  if (gaz[k] === 1 || doc.definite(k) || doc.isFunction(k) || doc.isReporting(k) || doc.isTime(k) || doc.head(k) !== null) return false;
  return !doc.isCommon(k) && doc.nisba(k) === undefined && (doc.tok(k)?.prefixes.length ?? 1) === 0;
}

/** A head and one definite word: a construct ("مخرجة العرض", "رئيس الجمعية") or a rank and its ordinal ("الملازم
 *  الأول"); the words after it up to a clear end are a name. */
function constructTitle(doc: Doc, title: TitleSpan): boolean {
  const k = title.start + title.headLen;
  if (title.end !== k + 1 || !doc.definite(k) || doc.nisba(k) !== undefined) return false;
  if (ORDINALS.has(doc.norm(k))) return true;
  return !doc.definite(title.start) && !title.reading.form.startsWith('ال') && doc.head(k) === null;
}

/** 2–4 name-shaped words from j up to a clear end: a comma or other punctuation (not a quote mark), a function word,
 *  a reporting verb, "لـ", a line end. After a comma ("…، ميلان يوفانوفيتش،") a foreign surname may look like a verb;
 *  in a construct ("مخرجة العرض ليال الخوري") the first name may be a word too, with a surname after it. */
function nameRun(doc: Doc, gaz: Uint8Array, j: number, viaComma: boolean): NameSpan | null {
  const maxTokens = viaComma ? 4 : 3;
  let k = j;
  while (k < doc.n && k - j < maxTokens + 1 && (k === j || doc.joined(k - 1)) && runWord(doc, gaz, k, k === j, viaComma)) k++;
  const len = k - j;
  if (len < 2 || len > maxTokens || !runEnd(doc, k)) return null;
  if (!viaComma && !doc.nameWord(j, gaz) && doc.firstName(j) === undefined && !articleSurnameLike(doc, k - 1)) return null;
  const first = doc.tok(j);
  const last = doc.tok(k - 1);
  if (first === undefined || last === undefined) return null;
  return { start: j, end: k, from: first.start, to: last.end, parts: len, known: doc.firstName(j) !== undefined };
}

function articleSurnameLike(doc: Doc, k: number): boolean {
  const t = doc.tok(k);
  return t !== undefined && t.prefixes.length === 1 && t.prefixes[0] === 'ال' && doc.definite(k) && !doc.isCommon(k) && doc.nisba(k) === undefined;
}

function runWord(doc: Doc, gaz: Uint8Array, k: number, first: boolean, viaComma: boolean): boolean {
  const t = doc.tok(k);
  if (t === undefined || t.kind !== 'word' || gaz[k] === 1) return false;
  if (doc.isFunction(k) || doc.isReporting(k) || doc.isTime(k) || doc.head(k) !== null || doc.nisba(k) !== undefined) return false;
  if (TAIL_NOUNS.has(t.norm) || TAIL_NOUNS.has(t.base)) return false;
  if (doc.nameWord(k, gaz) || doc.firstName(k) !== undefined) return true;
  if (!first) {
    // an Arabic surname with the article ("الحكيم", "الخوري"), a foreign surname that reads like a verb ("يوفانوفيتش")
    if (articleSurnameLike(doc, k)) return true;
    return viaComma && t.prefixes.length === 0 && t.norm.length >= 7 && !doc.isCommon(k) && !doc.endsInTaaMarbuta(k);
  }
  // "ليال" (nights): a word as first name, only in a construct title and with a surname after it (checked by nameRun)
  return !viaComma && t.prefixes.length === 0 && !doc.definite(k) && !doc.endsInTaaMarbuta(k) && t.norm.length >= 3;
}

function runEnd(doc: Doc, k: number): boolean {
  if (k >= doc.n || !doc.joined(k - 1)) return true;
  const t = doc.tok(k);
  if (t === undefined) return true;
  if (t.kind === 'punct') return !doc.isQuote(k);
  return doc.isFunction(k) || doc.isReporting(k) || t.norm === 'ل';
}
