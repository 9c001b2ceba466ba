/**
 * `npm run bench` (second suite): the cost of assigning one article to a story at 1,000, 10,000 and 100,000 articles
 * already grouped (target: flat, at most 2× from the first mark to the last). `--articles N` for a shorter run.
 */
import { measureAssign } from '../src/stories/speed.js';

const at = process.argv.indexOf('--articles');
const total = at >= 0 ? Number(process.argv[at + 1]) : 100_000;
const marks = [1_000, 10_000, 100_000].filter((m) => m <= total);
console.log(`story assignment: ${total.toLocaleString('en')} synthetic articles`);
const started = Date.now();
const got = measureAssign(total, marks, (m) =>
  console.log(`  ${m.articles.toLocaleString('en').padStart(7)} articles grouped: mean assign ${m.meanMs.toFixed(3)} ms (${m.stories.toLocaleString('en')} stories)`),
);
const first = got[0];
const last = got[got.length - 1];
if (first && last && got.length > 1) {
  const ratio = last.meanMs / first.meanMs;
  console.log(`  cost ratio ${last.articles.toLocaleString('en')} / ${first.articles.toLocaleString('en')}: ${ratio.toFixed(2)}× (${ratio <= 2 ? 'flat: within 2×' : 'NOT within 2×'}); ${((Date.now() - started) / 1000).toFixed(0)} s`);
  console.log(`BENCH_JSON ${JSON.stringify({ suite: 'stories', marks: got, ratio })}`);
}
