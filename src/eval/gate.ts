/**
 * Quality gate for page understanding: compares what rasd made of a page with what a person expects (evaldata
 * files: snippets that must and must not appear, exact headlines, dates, captions, credits), as trafilatura's
 * evaldata does. Every expectation is one check; the gate reports each failure and the share that passed.
 */
import type { AnalyzedPage, Article } from '../types.js';

export interface ExpectedArticle {
  title: string;
  published?: string | null;
  first?: string;
  last?: string;
  must?: string[];
  mustNot?: string[];
  captions?: string[];
  credits?: string[];
  outlet?: string | null;
}
export interface ExpectedPage {
  file: string;
  language?: string;
  main: ExpectedArticle | null;
  related?: ExpectedArticle[];
  teasers?: { title: string; duplicateOf?: string | null; published?: string | null }[];
  warnings?: string[];
}
export interface EvalData {
  pages: ExpectedPage[];
}
export interface CheckResult {
  file: string;
  check: string;
  ok: boolean;
  detail?: string;
}

const textOf = (a: Article): string => a.paragraphs.join('\n\n');

export function evaluatePage(exp: ExpectedPage, page: AnalyzedPage): CheckResult[] {
  const out: CheckResult[] = [];
  const check = (name: string, ok: boolean, detail?: string): void => {
    out.push(detail === undefined || ok ? { file: exp.file, check: name, ok } : { file: exp.file, check: name, ok, detail });
  };
  if (exp.language) check('language', page.language === exp.language, `got ${page.language}`);
  const main = page.articles.find((a) => a.role === 'main');
  if (exp.main === null) check('no main article', !main, `got main «${main?.title}»`);
  else if (!main) check(`main «${exp.main.title}»`, false, 'no main article');
  else articleChecks('main', exp.main, main, page, check);

  for (const r of exp.related ?? []) {
    const got = page.articles.find((a) => a.role === 'related' && a.title === r.title);
    if (!got) check(`related «${r.title}»`, false, `not found; related: ${titles(page, 'related')}`);
    else articleChecks('related', r, got, page, check);
  }
  const related = page.articles.filter((a) => a.role === 'related').length;
  check('related count', related === (exp.related ?? []).length, `got ${related}: ${titles(page, 'related')}`);

  for (const t of exp.teasers ?? []) {
    const got = page.articles.filter((a) => a.role === 'teaser' && a.title === t.title);
    check(`teaser «${t.title}»`, got.length > 0, `not found; teasers: ${titles(page, 'teaser')}`);
    if (t.duplicateOf !== undefined && got.length > 0) {
      const targets = got.map((g) => (g.duplicateOf === null ? null : page.articles[g.duplicateOf]?.title ?? null));
      check(`teaser «${t.title}» duplicateOf`, targets.includes(t.duplicateOf), `got ${JSON.stringify(targets)}`);
    }
    if (t.published !== undefined && got.length > 0) {
      const dates = got.map((g) => g.published);
      check(`teaser «${t.title}» published`, dates.includes(t.published), `got ${JSON.stringify(dates)}`);
    }
  }
  const teasers = page.articles.filter((a) => a.role === 'teaser').length;
  check('teaser count', teasers === (exp.teasers ?? []).length, `got ${teasers}: ${titles(page, 'teaser')}`);
  for (const w of exp.warnings ?? []) check(`warning ${w}`, page.warnings.some((x) => x.rule === w), `got ${page.warnings.map((x) => x.rule).join(', ')}`);
  return out;
}

function titles(page: AnalyzedPage, role: string): string {
  return page.articles
    .filter((a) => a.role === role)
    .map((a) => `«${a.title}»`)
    .join(' ');
}

function articleChecks(role: string, exp: ExpectedArticle, got: Article, _page: AnalyzedPage, check: (n: string, ok: boolean, d?: string) => void): void {
  const text = textOf(got);
  const name = `${role} «${exp.title.slice(0, 40)}»`;
  check(`${name} title`, got.title === exp.title, `got «${got.title}»`);
  if (exp.published !== undefined) check(`${name} published`, got.published === exp.published, `got ${got.published}`);
  if (exp.first) check(`${name} starts`, text.startsWith(exp.first), `starts «${text.slice(0, 60)}»`);
  if (exp.last) check(`${name} ends`, text.endsWith(exp.last), `ends «${text.slice(-60)}»`);
  for (const s of exp.must ?? []) check(`${name} has «${s}»`, text.includes(s));
  for (const s of exp.mustNot ?? []) check(`${name} lacks «${s}»`, !text.includes(s) && !got.title.includes(s) === !exp.title.includes(s));
  for (const c of exp.captions ?? []) check(`${name} caption «${c.slice(0, 30)}»`, got.captions.includes(c), `got ${JSON.stringify(got.captions)}`);
  for (const c of exp.credits ?? []) check(`${name} credit «${c}»`, got.credits.some((x) => x.includes(c)), `got ${JSON.stringify(got.credits)}`);
  if (exp.outlet !== undefined) check(`${name} outlet`, got.outlet === exp.outlet, `got ${got.outlet}`);
}

export function summarize(results: CheckResult[]): { passed: number; total: number; share: number } {
  const passed = results.filter((r) => r.ok).length;
  return { passed, total: results.length, share: results.length ? passed / results.length : 1 };
}
