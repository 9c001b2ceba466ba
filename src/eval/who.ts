/**
 * Checks who said what in main articles against hand-written expectations (src/eval/seeds.who.json): people found
 * as person entities, no place or organization typed as a person, and each statement with its right speaker.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePage } from '../pipeline.js';
import { buildExport } from '../export/index.js';
import type { ExportArticle, ExportDocument } from '../export/types.js';

interface ExpectedQuote {
  speaker: string;
  has: string;
  kind?: 'direct' | 'indirect';
  unnamed?: boolean;
  via?: string[];
  date?: string;
}
interface ExpectedWho {
  file: string;
  people: string[][];
  notPeople: string[];
  quotes: ExpectedQuote[];
  /** Date expressions of the main article with their values ("الاثنين" → "2025-02-03"). */
  dates?: { text: string; value: string }[];
}

export interface WhoScore {
  people: { found: number; expected: number; named: number; unexpected: string[] };
  wrongPeople: string[];
  quotes: { expected: number; found: number; rightSpeaker: number; rightDetails: number; extra: number; total: number };
  dates: { expected: number; found: number; total: number };
  failures: string[];
}

export function evaluateWho(whoPath: string, dir: string): WhoScore {
  const data = JSON.parse(readFileSync(whoPath, 'utf8')) as { pages: ExpectedWho[] };
  const pages = data.pages.map((p) => analyzePage({ source: p.file, bytes: readFileSync(join(dir, p.file)), format: /\.html?$/i.test(p.file) ? 'html' : 'text' }));
  const doc = buildExport(pages, '2026-01-01T00:00:00.000Z');
  const score: WhoScore = { people: { found: 0, expected: 0, named: 0, unexpected: [] }, wrongPeople: [], quotes: { expected: 0, found: 0, rightSpeaker: 0, rightDetails: 0, extra: 0, total: 0 }, dates: { expected: 0, found: 0, total: 0 }, failures: [] };
  data.pages.forEach((exp) => {
    const page = doc.pages.find((p) => p.source === exp.file)!;
    const main = doc.articles.find((a) => a.pageId === page.id && a.role === 'main');
    if (!main) {
      score.failures.push(`${exp.file}: no main article`);
      return;
    }
    const persons = personNames(doc, main);
    for (const spellings of exp.people) {
      score.people.expected++;
      if (spellings.some((s) => persons.has(s))) score.people.found++;
      else score.failures.push(`${exp.file}: person ${spellings[0]} not found (persons: ${[...persons].join('، ')})`);
    }
    for (const n of exp.notPeople) if (persons.has(n)) score.wrongPeople.push(`${exp.file}: ${n}`);
    // Person precision: every person entity the article names should be one the reader listed.
    const known = exp.people.flat();
    for (const id of new Set(main.mentions.map((m) => m.entityId))) {
      const e = doc.entities.find((x) => x.id === id);
      if (!e || e.type !== 'person') continue;
      score.people.named++;
      if (![e.name, ...e.variants].some((n) => known.some((k) => k.includes(n) || n.includes(k)))) score.people.unexpected.push(`${exp.file}: ${e.name}`);
    }
    const matched = new Set<number>();
    for (const q of exp.quotes) {
      score.quotes.expected++;
      const i = main.quotes.findIndex((x, k) => !matched.has(k) && x.text.includes(q.has));
      if (i < 0) {
        score.failures.push(`${exp.file}: quote «${q.has}» not found`);
        continue;
      }
      matched.add(i);
      score.quotes.found++;
      const got = main.quotes[i]!;
      const entity = got.speakerId ? doc.entities.find((e) => e.id === got.speakerId) : undefined;
      const names = [got.speaker, ...(entity ? [entity.name, ...entity.variants] : [])];
      if (names.some((n) => n.includes(q.speaker))) score.quotes.rightSpeaker++;
      else score.failures.push(`${exp.file}: «${q.has}» speaker ${JSON.stringify(names)}, expected ${q.speaker}`);
      const detailsOk =
        (q.kind === undefined || got.kind === q.kind) &&
        (q.unnamed === undefined || (got.speakerId === null) === q.unnamed) &&
        (q.via === undefined || q.via.every((v) => got.via.some((g) => g.includes(v)))) &&
        (q.date === undefined || got.date === q.date);
      if (detailsOk) score.quotes.rightDetails++;
      else score.failures.push(`${exp.file}: «${q.has}» details kind=${got.kind} speakerId=${got.speakerId} via=${JSON.stringify(got.via)} date=${got.date}`);
    }
    for (const d of exp.dates ?? []) {
      score.dates.expected++;
      if (main.dates.some((x) => x.text.includes(d.text) && x.value === d.value)) score.dates.found++;
      else score.failures.push(`${exp.file}: date «${d.text}» = ${d.value} not found (dates: ${main.dates.map((x) => `${x.text}=${x.value}`).join(', ')})`);
    }
    if (exp.dates) score.dates.total += main.dates.length;
    score.quotes.total += main.quotes.length;
    score.quotes.extra += main.quotes.length - matched.size;
    for (let k = 0; k < main.quotes.length; k++) if (!matched.has(k)) score.failures.push(`${exp.file}: unexpected quote «${main.quotes[k]!.text.slice(0, 60)}» by ${main.quotes[k]!.speaker}`);
  });
  return score;
}

function personNames(doc: ExportDocument, a: ExportArticle): Set<string> {
  const ids = new Set(a.mentions.map((m) => m.entityId));
  const names = new Set<string>();
  for (const e of doc.entities) if (ids.has(e.id) && e.type === 'person') [e.name, ...e.variants].forEach((n) => names.add(n));
  for (const m of a.mentions) if (doc.entities.find((e) => e.id === m.entityId)?.type === 'person') names.add(m.text);
  return names;
}
