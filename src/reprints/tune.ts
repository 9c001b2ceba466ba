/**
 * Measured tuning (a script, not a test): `node --import tsx src/reprints/tune.ts`.
 * 400 synthetic ~300-word articles, and for each edit rate a variant of each (rate = share of sentences replaced,
 * deleted, inserted before, or with one word changed). A variant at rate ≤ 0.3 counts as a reprint of its source;
 * at 0.5 it is a rewrite, and a match then counts as a false positive, as does any match to another article.
 */
import { ReprintIndex } from './index.js';
import { article, rng, variant } from './corpus.js';
import { intersectSize, shingleHashes } from './hash.js';
import { foldKey } from '../text/index.js';

const N = 400;
const RATES = [0, 0.05, 0.1, 0.2, 0.3, 0.5];
const POSITIVE = 0.3;
const THRESHOLDS = [0.4, 0.5, 0.6, 0.7, 0.8, 0.9];
const k = Number(process.argv[2] ?? 5);

const r = rng(42);
const sources = Array.from({ length: N }, () => article(r));
const variants = RATES.map((rate) => sources.map((s) => variant(r, s, rate).join(' ')));

const set = (t: string): Uint32Array => shingleHashes(foldKey(t).split(' '), k).set;
const jac = (a: Uint32Array, b: Uint32Array): number => { const i = intersectSize(a, b); return i / (a.length + b.length - i); };
const srcSets = sources.map((s) => set(s.join(' ')));
console.log(`k=${k}: Jaccard of variant vs source, by edit rate (mean / 5th percentile):`);
for (const [ri, rate] of RATES.entries()) {
  const js = variants[ri]!.map((v, i) => jac(set(v), srcSets[i]!)).sort((a, b) => a - b);
  console.log(`  rate ${rate.toFixed(2)}: ${(js.reduce((a, b) => a + b, 0) / js.length).toFixed(3)} / ${js[Math.floor(js.length * 0.05)]!.toFixed(3)}`);
}
let maxNeg = 0;
for (let i = 0; i < N; i++) for (let j = i + 1; j < N; j++) maxNeg = Math.max(maxNeg, jac(srcSets[i]!, srcSets[j]!));
console.log(`  unrelated same-template articles: max Jaccard over ${(N * (N - 1)) / 2} pairs = ${maxNeg.toFixed(3)}`);

function run(threshold: number, bands: number, rows: number): { tp: number; fp: number; fn: number; perRate: number[] } {
  let tp = 0, fp = 0, fn = 0;
  const perRate: number[] = [];
  for (const [ri, rate] of RATES.entries()) {
    const idx = new ReprintIndex({ threshold, bands, rows, shingle: k });
    sources.forEach((s, i) => idx.add(`s${i}`, s.join(' ')));
    let found = 0;
    variants[ri]!.forEach((v, i) => {
      const m = idx.add(`v${i}`, v).filter((x) => x.kind !== 'containment' && x.id.startsWith('s'));
      const hit = m.some((x) => x.id === `s${i}`);
      if (hit) found++;
      const wrong = m.filter((x) => x.id !== `s${i}`).length;
      fp += wrong;
      if (rate <= POSITIVE) { if (hit) tp++; else fn++; } else if (hit) fp++;
    });
    perRate.push(found / N);
  }
  return { tp, fp, fn, perRate };
}

for (const [bands, rows] of [[32, 4], [16, 8], [20, 5]] as const) {
  console.log(`\nbands×rows = ${bands}×${rows}; recall per rate ${RATES.join('/')}; P/R with positives = rate ≤ ${POSITIVE}`);
  for (const t of THRESHOLDS) {
    const { tp, fp, fn, perRate } = run(t, bands, rows);
    const p = tp / Math.max(1, tp + fp), rc = tp / Math.max(1, tp + fn);
    console.log(`  threshold ${t.toFixed(2)}: P=${p.toFixed(3)} R=${rc.toFixed(3)}  found ${perRate.map((x) => x.toFixed(2)).join(' ')}`);
  }
}
