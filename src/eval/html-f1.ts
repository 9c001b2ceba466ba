/**
 * Main-text F1 on the HTML fixtures (examples/html): rasd's main article against Readability alone, side by side.
 *
 *   node --import tsx src/eval/html-f1.ts        (or, compiled: node dist/src/eval/html-f1.js)
 *
 * Each `NN-name.html` has `NN-name.gold.txt`: the main article's body paragraphs, one per line. Both texts are
 * folded (foldKey: the matching normalization, punctuation as word breaks) and compared as multisets of words.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { analyzePage } from '../pipeline.js';
import { parseDocument } from '../html/parse.js';
import { htmlToBlocks } from '../html/index.js';
import type { DomElement } from '../html/dom-types.js';
import { foldKey } from '../text/index.js';
import { repoRoot } from './run.js';

export interface Score {
  precision: number;
  recall: number;
  f1: number;
}

export interface FixtureResult {
  file: string;
  /** rasd found an article with role 'main'. */
  hasMain: boolean;
  rasd: Score;
  /** The html stage alone: its main zone's body blocks (no title, caption, date or byline), before segmentation. */
  zone: Score;
  readability: Score;
}

const words = (text: string): string[] => foldKey(text).split(' ').filter(Boolean);

/** Token-level precision, recall and F1 of `got` against `gold` (multiset overlap of folded words). */
export function tokenF1(got: string, gold: string): Score {
  const want = new Map<string, number>();
  const goldWords = words(gold);
  for (const w of goldWords) want.set(w, (want.get(w) ?? 0) + 1);
  const gotWords = words(got);
  let common = 0;
  for (const w of gotWords) {
    const n = want.get(w) ?? 0;
    if (n > 0) {
      common++;
      want.set(w, n - 1);
    }
  }
  if (common === 0) return { precision: 0, recall: 0, f1: 0 };
  const precision = common / gotWords.length;
  const recall = common / goldWords.length;
  return { precision, recall, f1: (2 * precision * recall) / (precision + recall) };
}

/** rasd's main text: the paragraphs of the article whose role is 'main' ('' when there is none). */
export function rasdMainText(file: string, html: string): { found: boolean; text: string } {
  const page = analyzePage({ source: file, bytes: new TextEncoder().encode(html), format: 'html' });
  const main = page.articles.find((a) => a.role === 'main');
  return { found: main !== undefined, text: main ? main.paragraphs.join('\n') : '' };
}

/** The html stage's main zone: the blocks it marks 'main' that carry no hint (body text), in page order. */
export function htmlZoneText(file: string, html: string): string {
  const page = htmlToBlocks({ source: file, format: 'html', text: html, encoding: 'utf-8', language: 'ar', warnings: [] });
  return page.blocks.filter((b) => b.zone === 'main' && !b.hint).map((b) => b.text).join('\n');
}

/** Readability alone on the same page, parsed as the html stage parses it. */
export function readabilityText(html: string): string {
  try {
    return new Readability<DomElement>(parseDocument(html)).parse()?.textContent ?? '';
  } catch {
    return '';
  }
}

export function fixtureDir(): string {
  return join(repoRoot(), 'examples', 'html');
}

export function evaluateHtmlF1(dir = fixtureDir()): FixtureResult[] {
  const files = readdirSync(dir).filter((f) => f.endsWith('.html')).sort();
  return files.map((file) => {
    const html = readFileSync(join(dir, file), 'utf8');
    const gold = readFileSync(join(dir, file.replace(/\.html$/, '.gold.txt')), 'utf8');
    const ours = rasdMainText(file, html);
    return {
      file,
      hasMain: ours.found,
      rasd: tokenF1(ours.text, gold),
      zone: tokenF1(htmlZoneText(file, html), gold),
      readability: tokenF1(readabilityText(html), gold),
    };
  });
}

export const mean = (xs: readonly number[]): number => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0);

/**
 * The side-by-side table: F1 (precision/recall) of rasd, of Readability alone, and of the html stage's main zone (what
 * segmentation starts from), per fixture, and the means.
 */
export function formatTable(results: readonly FixtureResult[]): string {
  const pct = (x: number): string => (x * 100).toFixed(1).padStart(5);
  const cell = (s: Score): string => `${pct(s.f1)} (${pct(s.precision)}/${pct(s.recall)})`;
  const width = Math.max(7, ...results.map((r) => r.file.length));
  const avg = (pick: (r: FixtureResult) => Score): string => pct(mean(results.map((r) => pick(r).f1))).padEnd(20);
  const lines = [
    `${'fixture'.padEnd(width)}  rasd F1 (P/R)          Readability F1 (P/R)   html stage zone F1 (P/R)`,
    ...results.map((r) => `${r.file.padEnd(width)}  ${cell(r.rasd)}${r.hasMain ? ' ' : '!'}  ${cell(r.readability)}  ${cell(r.zone)}`),
    `${'mean'.padEnd(width)}  ${avg((r) => r.rasd)}   ${avg((r) => r.readability)}  ${avg((r) => r.zone)}`.trimEnd(),
  ];
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const results = evaluateHtmlF1();
  console.log(formatTable(results));
  const missing = results.filter((r) => !r.hasMain).map((r) => r.file);
  if (missing.length) console.log(`no main article (!): ${missing.join(', ')}`);
}
