/**
 * The bench corpus: N pages generated from the fixture pages, written once to disk (bench/out/corpus/, 500 pages a
 * folder) and reused while the seed, the page count, the fixtures and the generator stay the same. Pages are written
 * one at a time as they are generated; nothing holds the corpus in memory.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { countUnencodable1256, encodePage, type OutputEncoding } from './encoding.js';
import { loadFixtures, type Fixture, type FixtureSet } from './fixtures.js';
import { DonorPool, generatePage } from './mutate.js';
import { createRng, hashSeed, type Rng } from './random.js';

/** Bump when generation changes, so that an old corpus on disk is regenerated. */
export const GENERATOR_VERSION = 4;
const PAGES_PER_FOLDER = 500;

export interface CorpusOptions {
  fixturesDir: string;
  /** bench/out: the corpus goes to <outDir>/corpus, the manifest to <outDir>/manifest.json. */
  outDir: string;
  pages: number;
  seed: string;
  /** Regenerate even when the manifest matches. */
  force?: boolean;
}

export interface Manifest {
  generator: number;
  seed: string;
  pages: number;
  /** Templates by language; `unused` are fixture files that could not be decoded to any text. */
  fixtures: { hash: string; templates: string[]; languages: Record<string, number>; unused: string[] };
  bytes: number;
  byFormat: Record<string, number>;
  byEncoding: Record<string, number>;
  /** How many pages got each variation. */
  mutations: Record<string, number>;
  sizes: { min: number; median: number; p95: number; max: number };
  generationMs: number;
}

export interface Corpus {
  dir: string;
  manifest: Manifest;
  /** False when an existing corpus was reused. */
  generated: boolean;
  fixtures: FixtureSet;
}

export async function ensureCorpus(opts: CorpusOptions): Promise<Corpus> {
  const fixtures = await loadFixtures(opts.fixturesDir);
  if (fixtures.fixtures.length === 0) {
    const why = fixtures.unused.map((u) => `${u.name}: ${u.reason}`).join('; ');
    throw new Error(
      `no usable fixture pages (.txt, .html, .htm) in ${opts.fixturesDir}${why ? ` (${why})` : ''}; ` +
        'the bench generates its corpus from them, so add fixture pages first',
    );
  }
  const dir = join(opts.outDir, 'corpus');
  const manifestPath = join(opts.outDir, 'manifest.json');
  const previous = readManifest(manifestPath);
  if (
    !opts.force &&
    previous !== null &&
    existsSync(dir) &&
    previous.generator === GENERATOR_VERSION &&
    previous.seed === opts.seed &&
    previous.pages === opts.pages &&
    previous.fixtures.hash === fixtures.hash
  ) {
    return { dir, manifest: previous, generated: false, fixtures };
  }
  rmSync(manifestPath, { force: true }); // an interrupted generation must not look complete
  const manifest = generate(fixtures, join(opts.outDir, 'corpus.tmp'), opts);
  rmSync(dir, { recursive: true, force: true });
  renameSync(join(opts.outDir, 'corpus.tmp'), dir);
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  return { dir, manifest, generated: true, fixtures };
}

function readManifest(path: string): Manifest | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  } catch {
    return null;
  }
}

function chooseEncoding(rng: Rng, text: string): OutputEncoding {
  const r = rng.next();
  if (r < 0.04) return countUnencodable1256(text) <= text.length * 0.002 ? 'windows-1256' : 'utf-8';
  if (r < 0.05) return 'utf-16le-bom';
  if (r < 0.08) return 'utf-8-bom';
  return 'utf-8';
}

function pickTemplate(fixtures: Fixture[], weights: number[], total: number, rng: Rng): Fixture {
  let r = rng.next() * total;
  for (let i = 0; i < fixtures.length; i++) {
    r -= weights[i]!;
    if (r < 0) return fixtures[i]!;
  }
  return fixtures[fixtures.length - 1]!;
}

function stem(f: Fixture): string {
  return basename(f.name, f.ext)
    .replace(/[^A-Za-z0-9_-]+/g, '-')
    .slice(0, 40);
}

function generate(set: FixtureSet, tmpDir: string, opts: CorpusOptions): Manifest {
  const started = performance.now();
  rmSync(tmpDir, { recursive: true, force: true });
  const pool = new DonorPool(set.fixtures);
  // Pages in other languages (Persian, Urdu) are labelled and not analysed: keep them a small share.
  const weights = set.fixtures.map((f) => (f.language === 'ar' ? 1 : 0.25));
  const total = weights.reduce((a, b) => a + b, 0);
  const seed = hashSeed(opts.seed);
  const sizes = new Uint32Array(opts.pages);
  const byFormat: Record<string, number> = {};
  const byEncoding: Record<string, number> = {};
  const mutations: Record<string, number> = {};
  let bytes = 0;
  for (let i = 0; i < opts.pages; i++) {
    const rng = createRng(hashSeed(seed, i));
    const template = pickTemplate(set.fixtures, weights, total, rng);
    const page = generatePage(template, pool, rng);
    const encoding = chooseEncoding(rng, page.text);
    // The HTML's declared charset says what the bytes now are (the template may have declared iso-8859-6).
    const text =
      template.format === 'html'
        ? page.text.replace(/(charset\s*=\s*["']?)[\w.:-]+/gi, `$1${encoding === 'windows-1256' ? 'windows-1256' : 'utf-8'}`)
        : page.text;
    const data = encodePage(text, encoding);
    const folder = join(tmpDir, String(Math.floor(i / PAGES_PER_FOLDER)).padStart(3, '0'));
    if (i % PAGES_PER_FOLDER === 0) mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, `p${String(i).padStart(6, '0')}-${stem(template)}${template.ext}`), data);
    sizes[i] = data.length;
    bytes += data.length;
    byFormat[template.format] = (byFormat[template.format] ?? 0) + 1;
    byEncoding[encoding] = (byEncoding[encoding] ?? 0) + 1;
    for (const m of page.mutations) mutations[m] = (mutations[m] ?? 0) + 1;
  }
  sizes.sort();
  const at = (q: number): number => sizes[Math.min(sizes.length - 1, Math.floor(q * sizes.length))] ?? 0;
  return {
    generator: GENERATOR_VERSION,
    seed: opts.seed,
    pages: opts.pages,
    fixtures: {
      hash: set.hash,
      templates: set.fixtures.map((f) => f.name),
      languages: set.fixtures.reduce<Record<string, number>>((acc, f) => ({ ...acc, [f.language]: (acc[f.language] ?? 0) + 1 }), {}),
      unused: set.unused.map((u) => `${u.name}: ${u.reason}`),
    },
    bytes,
    byFormat,
    byEncoding,
    mutations: Object.fromEntries(Object.entries(mutations).sort((a, b) => b[1] - a[1])),
    sizes: { min: at(0), median: at(0.5), p95: at(0.95), max: at(1) },
    generationMs: Math.round(performance.now() - started),
  };
}
