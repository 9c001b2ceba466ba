/**
 * Speed check of findQuotes (not a test): `node --import tsx src/quotes/speed-check.ts [seeds-folder]`.
 * Times the two test articles joined into one (about 5 KB of UTF-8), with their mentions and dates, and, when a folder
 * of seed pages is given, the main article of each seed page with no mentions or dates. Prints CPU ms per article
 * and per 5 KB (best of several batches, so a busy machine skews it less).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { DateMention, EntityMention } from '../types.js';
import { analyzePage } from '../pipeline.js';
import { findQuotes } from './index.js';
import { datesOf, mentionsOf } from './test-helpers.js';
import { dam, rates } from './test-articles.js';

const cpu = (): number => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

interface Case {
  name: string;
  text: string;
  dates: DateMention[];
  mentions: EntityMention[];
}

function time(c: Case): void {
  const bytes = Buffer.byteLength(c.text, 'utf8');
  const runs = Math.max(20, Math.round(2_000_000 / bytes));
  let best = Infinity;
  let quotes = 0;
  for (let batch = 0; batch < 7; batch++) {
    const t = cpu();
    for (let i = 0; i < runs; i++) quotes = findQuotes(c.text, c.dates, c.mentions).length;
    best = Math.min(best, (cpu() - t) / runs);
  }
  const per5k = (best * 5000) / bytes;
  console.log(`${c.name}: ${(bytes / 1000).toFixed(1)} KB, ${quotes} quotes, ${best.toFixed(3)} ms/article, ${per5k.toFixed(3)} ms per 5 KB`);
}

const paragraphs = [...dam.paragraphs, ...rates.paragraphs];
const text = paragraphs.join('\n\n');
const both: Case = {
  name: 'test articles joined',
  text,
  // The substrings of both articles' mentions and dates occur in the joined text in the same order.
  dates: datesOf(text, [...dam.dates, ...rates.dates]),
  mentions: mentionsOf(text, [...dam.mentions, ...rates.mentions]),
};
time(both);

// A long article (the two, 25 times over): no worse than linear.
const long = Array.from({ length: 25 }, () => text).join('\n\n');
time({ name: 'test articles ×25', text: long, dates: [], mentions: [] });

const folder = process.argv[2];
if (folder !== undefined) {
  for (const f of readdirSync(folder).filter((x) => x.endsWith('.txt') || x.endsWith('.html')).sort()) {
    const bytes = readFileSync(join(folder, f));
    const page = analyzePage({ source: f, bytes: new Uint8Array(bytes), format: f.endsWith('.html') ? 'html' : 'text' });
    const main = page.articles.find((a) => a.role === 'main');
    if (main === undefined) continue;
    time({ name: f, text: main.paragraphs.join('\n\n'), dates: [], mentions: [] });
  }
}
