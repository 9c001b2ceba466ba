/**
 * The cost of assigning one article to a story as the number already grouped grows (used by bench/stories.bench.ts;
 * a measurement, never a timed test). Synthetic articles: sentences recombined from src/reprints/corpus.ts
 * templates, plus the invented names of one synthetic event (30% open a new event, the rest follow one of the 300
 * most recent), dated one day further every 1,000 articles. The mean `assign` cost is taken over the 500 assigns
 * that end at each mark.
 */
import { StoryClusterer } from './index.js';
import { article, rng, variant } from '../reprints/corpus.js';

export interface AssignMark {
  articles: number;
  meanMs: number;
  stories: number;
}

export function measureAssign(total: number, marks: readonly number[], onMark: (m: AssignMark) => void = () => undefined): AssignMark[] {
  const r = rng(11);
  const c = new StoryClusterer();
  const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
  const word = (): string => Array.from({ length: 4 + Math.floor(r() * 3) }, () => LETTERS[Math.floor(r() * LETTERS.length)]).join('');
  const events: string[][] = [];
  const out: AssignMark[] = [];
  let window = 0;
  for (let i = 1; i <= total; i++) {
    if (events.length === 0 || r() < 0.3) {
      events.push(Array.from({ length: 6 }, word));
      if (events.length > 300) events.shift();
    }
    const names = events[Math.floor(r() * events.length)] as string[];
    const pick = (): string => names[Math.floor(r() * names.length)] as string;
    const sents = variant(r, article(r, 200), 0.2).map((x) => `${x} ${pick()} ${pick()}`);
    sents[0] = `${pick()} ${pick()} ${sents[0] ?? ''}`;
    const day = new Date(Date.UTC(2025, 0, 1) + Math.floor(i / 1000) * 86_400_000).toISOString().slice(0, 10);
    const input = { id: `a${i}`, title: sents[0] ?? '', text: sents.slice(1).join(' '), published: day, entities: [] };
    const t0 = process.hrtime.bigint();
    c.assign(input);
    const dt = Number(process.hrtime.bigint() - t0) / 1e6;
    const mark = marks.find((m) => i > m - 500 && i <= m);
    if (mark !== undefined) {
      window += dt;
      if (i === mark) {
        const m = { articles: mark, meanMs: window / 500, stories: c.stories().length };
        out.push(m);
        onMark(m);
        window = 0;
      }
    }
  }
  return out;
}
