/**
 * Runs rasd over the pages of an evaldata file and checks them: `node dist/src/eval/run.js EVALDATA DIR`.
 * Prints each failed check and the share passed; exits 1 when the share is under --floor (default 0).
 */
import { readFileSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzePage } from '../pipeline.js';
import { evaluatePage, summarize, type CheckResult, type EvalData } from './gate.js';

export function evaluate(evaldataPath: string, dir: string): CheckResult[] {
  const data = JSON.parse(readFileSync(evaldataPath, 'utf8')) as EvalData;
  const results: CheckResult[] = [];
  for (const exp of data.pages) {
    const path = join(dir, exp.file);
    const bytes = readFileSync(path);
    const page = analyzePage({ source: exp.file, bytes, format: /\.html?$/i.test(path) ? 'html' : 'text' });
    results.push(...evaluatePage(exp, page));
  }
  return results;
}

/** The repository root: the nearest folder above this file with a package.json. */
export function repoRoot(): string {
  let d = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(d, 'package.json')) && dirname(d) !== d) d = dirname(d);
  return d;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [evaldata, dir] = process.argv.slice(2);
  const floorArg = process.argv.indexOf('--floor');
  const floor = floorArg > 0 ? Number(process.argv[floorArg + 1]) : 0;
  if (!evaldata || !dir) {
    console.error('usage: node dist/src/eval/run.js EVALDATA DIR [--floor SHARE]');
    process.exit(2);
  }
  const results = evaluate(evaldata, dir);
  for (const r of results) if (!r.ok) console.log(`FAIL ${r.file}: ${r.check}${r.detail ? ` — ${r.detail}` : ''}`);
  const s = summarize(results);
  const files = new Set(results.map((r) => r.file));
  const clean = [...files].filter((f) => results.every((r) => r.file !== f || r.ok)).length;
  console.log(`${s.passed}/${s.total} checks passed (${(s.share * 100).toFixed(1)}%); ${clean}/${files.size} pages fully right`);
  process.exit(s.share < floor ? 1 : 0);
}
