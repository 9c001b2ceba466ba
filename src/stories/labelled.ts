/** The labelled story set (examples/stories) read through the whole pipeline, and B-cubed scores (for the tests). */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePage } from '../pipeline.js';
import { repoRoot } from '../eval/run.js';
import type { StoryInput } from './index.js';

export interface Labelled {
  inputs: StoryInput[];
  /** file → gold story id */
  gold: Map<string, string>;
}

/** The labelled story set read through the whole pipeline: each file's main article, in file-name order. */
export function loadLabelled(): Labelled {
  const dir = join(repoRoot(), 'examples', 'stories');
  const labels = JSON.parse(readFileSync(join(dir, 'labels.json'), 'utf8')) as { stories: { id: string; files: string[] }[] };
  const gold = new Map<string, string>();
  for (const s of labels.stories) for (const f of s.files) gold.set(f, s.id);
  const inputs: StoryInput[] = [];
  for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
    const bytes = readFileSync(join(dir, f));
    const page = analyzePage({ source: f, bytes, format: 'text' });
    const main = page.articles.find((a) => a.role === 'main');
    if (!main) throw new Error(`${f}: no main article`);
    inputs.push({ id: f, title: main.title, text: main.paragraphs.join('\n\n'), published: main.published, entities: [...new Set(main.mentions.map((m) => m.text))] });
  }
  return { inputs, gold };
}

/** B-cubed precision, recall and F1 of `got` (item → cluster) against `gold` (item → class), over gold's items. */
export function bcubed(got: Map<string, string>, gold: Map<string, string>): { p: number; r: number; f1: number } {
  const items = [...gold.keys()];
  const byGot = new Map<string, string[]>();
  const byGold = new Map<string, string[]>();
  for (const i of items) {
    const c = got.get(i) ?? `?${i}`;
    byGot.set(c, [...(byGot.get(c) ?? []), i]);
    const g = gold.get(i) as string;
    byGold.set(g, [...(byGold.get(g) ?? []), i]);
  }
  let p = 0;
  let r = 0;
  for (const i of items) {
    const c = byGot.get(got.get(i) ?? `?${i}`) as string[];
    const g = byGold.get(gold.get(i) as string) as string[];
    const both = c.filter((j) => gold.get(j) === gold.get(i)).length;
    p += both / c.length;
    r += both / g.length;
  }
  p /= items.length;
  r /= items.length;
  return { p, r, f1: p + r > 0 ? (2 * p * r) / (p + r) : 0 };
}
