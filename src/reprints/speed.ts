/**
 * Speed and memory (a script, not a timed test): `node --expose-gc --import tsx src/reprints/speed.ts [count]`.
 * Adds synthetic ~300-word articles (10% near copies of a recent one, 3% containing one) and reports the mean `add`
 * cost around 1,000, 10,000 and 100,000 articles, and the heap per article.
 */
import { ReprintIndex } from './index.js';
import { article, rng, variant } from './corpus.js';

const total = Number(process.argv[2] ?? 100_000);
const r = rng(7);
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heap0 = process.memoryUsage().heapUsed;
const idx = new ReprintIndex();
const recent: string[][] = [];
const marks = new Set([1_000, 10_000, 100_000, total]);
let window = 0;
let windowN = 0;
let found = 0;
let planted = 0;
for (let i = 1; i <= total; i++) {
  let sents: string[];
  const roll = r();
  if (roll < 0.1 && recent.length > 0) {
    sents = variant(r, recent[Math.floor(r() * recent.length)]!, 0.1);
    planted++;
  } else if (roll < 0.13 && recent.length > 0) {
    sents = [...article(r, 60), ...recent[Math.floor(r() * recent.length)]!];
    planted++;
  } else sents = article(r);
  const text = sents.join(' ');
  recent.push(sents);
  if (recent.length > 200) recent.shift();
  const t0 = process.hrtime.bigint();
  const m = idx.add(`a${i}`, text);
  const dt = Number(process.hrtime.bigint() - t0) / 1e6;
  if (roll < 0.13 && m.length > 0) found++;
  // mean over the 500 adds ending at each mark
  if ([...marks].some((x) => i > x - 500 && i <= x)) {
    window += dt;
    windowN++;
  }
  if (marks.has(i)) {
    console.log(`${i} articles: mean add ${(window / windowN).toFixed(3)} ms (last ${windowN})`);
    window = 0;
    windowN = 0;
  }
}
recent.length = 0;
gc?.();
const heap = process.memoryUsage().heapUsed - heap0;
console.log(`planted reprints found: ${found}/${planted}`);
console.log(`heap: ${(heap / 1e6).toFixed(1)} MB for ${idx.size} articles = ${(heap / idx.size).toFixed(0)} bytes/article${gc ? '' : ' (run with --expose-gc for a clean figure)'}`);
