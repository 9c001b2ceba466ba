/**
 * Speed (a script, not a timed test): `node --import tsx src/stories/speed.ts [count]`. Assigns synthetic articles
 * (sentences recombined from src/reprints/corpus.ts templates, plus the invented names of one synthetic event: 30%
 * open a new event, the rest follow one of the 300 most recent events) with dates advancing one day per 1,000 articles, and reports the mean `assign` cost around 1,000, 10,000 and
 * 100,000 articles (the 500 assigns ending at each mark) and the number of stories.
 */
import { StoryClusterer } from './index.js';
import { article, rng, variant } from '../reprints/corpus.js';

const total = Number(process.argv[2] ?? 100_000);
const r = rng(11);
const c = new StoryClusterer();
const LETTERS = 'ابتثجحخدذرزسشصضطظعغفقكلمنهوي';
const word = (): string => Array.from({ length: 4 + Math.floor(r() * 3) }, () => LETTERS[Math.floor(r() * LETTERS.length)]).join('');
const events: string[][] = [];
const marks = [1_000, 10_000, 100_000].filter((m) => m <= total);
const means: number[] = [];
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
      means.push(window / 500);
      console.log(`${mark.toLocaleString('en')} articles: mean assign ${(window / 500).toFixed(3)} ms, ${c.stories().length} stories`);
      window = 0;
    }
  }
}
if (means.length > 1) {
  const ratio = (means[means.length - 1] as number) / (means[0] as number);
  console.log(`cost ratio last/first mark: ${ratio.toFixed(2)} (${ratio <= 2 ? 'flat: within 2×' : 'NOT within 2×'})`);
}
