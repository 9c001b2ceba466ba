/**
 * Speed check of the html stage (not a test): `node --import tsx src/html/speed-check.ts [KB]`.
 * Builds a realistic Arabic article page of about KB kilobytes (default 100) and prints, per phase and in all, ms per
 * page and MB/s of page text (UTF-8 bytes), in CPU time of this process (one core). Batches are timed apart and the
 * best and median batch are shown, so a machine busy with other work skews the numbers less.
 */
import { extract } from './dom.js';
import { flattenForReadability, shallowContainers } from './flatten.js';
import { parseDocument } from './parse.js';
import { htmlToBlocks } from './index.js';
import { dropBoilerplate, findMain } from './main-content.js';
import { readHeadMeta } from './meta.js';
import { arrange } from './structure.js';
import { bigPage } from './test-pages.js';

const kb = Number(process.argv[2] ?? '100');
const html = bigPage(kb * 1000);
const bytes = Buffer.byteLength(html, 'utf8');
const page = { source: 'speed.html', format: 'html' as const, text: html, encoding: 'utf-8', language: 'ar', warnings: [] };
const perBatch = Math.max(5, Math.round(5_000_000 / bytes));

const phases = { parse: 0, meta: 0, walk: 0, boilerplate: 0, flatten: 0, readability: 0, arrange: 0 };
type Phase = keyof typeof phases;
const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
function phased(): void {
  let t = cpu();
  const lap = (k: Phase): void => {
    const now = cpu();
    phases[k] += now - t;
    t = now;
  };
  const doc = parseDocument(html);
  lap('parse');
  readHeadMeta(doc);
  lap('meta');
  const x = extract(doc);
  lap('walk');
  const later = dropBoilerplate(x);
  lap('boilerplate');
  x.containers = shallowContainers(x.containers, flattenForReadability(x.elements));
  lap('flatten');
  const m = findMain(doc, x, later);
  lap('readability');
  arrange(x.blocks, x.containers, [m.title ?? '']);
  lap('arrange');
}

const fmt = (ms: number): string => `${ms.toFixed(2)} ms/page, ${(bytes / 1e6 / (ms / 1000)).toFixed(2)} MB/s`;
for (let i = 0; i < 30; i++) htmlToBlocks(page);
const batches: number[] = [];
let blocks = 0;
for (let b = 0; b < 15; b++) {
  const t0 = cpu();
  for (let i = 0; i < perBatch; i++) blocks = htmlToBlocks(page).blocks.length;
  batches.push((cpu() - t0) / perBatch);
}
batches.sort((a, z) => a - z);
for (let i = 0; i < perBatch * 5; i++) phased();
const total = Object.values(phases).reduce((a, z) => a + z, 0);
console.log(`${(bytes / 1000).toFixed(0)} KB page, ${blocks} blocks, ${perBatch} pages a batch`);
console.log(`best batch:   ${fmt(batches[0] as number)}`);
console.log(`median batch: ${fmt(batches[Math.floor(batches.length / 2)] as number)}`);
for (const [k, v] of Object.entries(phases)) console.log(`  ${k.padEnd(12)} ${((100 * v) / total).toFixed(0).padStart(3)}%  ${(v / (perBatch * 5)).toFixed(2)} ms`);
