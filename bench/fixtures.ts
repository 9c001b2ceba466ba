/**
 * The project's fixture pages (examples/pages), decoded with the input stage's own `decode` and cut into the parts
 * the corpus generator varies: the main article's body paragraphs, the headline, captions, related/teaser blocks.
 * Finding these parts is heuristic — good enough to vary pages realistically, not a second segmenter.
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { decode } from '../src/input/index.js';

export interface Span {
  start: number;
  end: number;
}

/** A plain-text page as lines (without '\r'); indexes point into `lines`. */
export interface TextModel {
  kind: 'text';
  lines: string[];
  crlf: boolean;
  /** The main article's body paragraphs, in order. */
  body: number[];
  headline: number | null;
  captions: number[];
}

export interface HtmlParagraph extends Span {
  /** The opening tag as written (`<p class="x">`). */
  open: string;
  text: string;
}

export interface HtmlModel {
  kind: 'html';
  html: string;
  /** The main article's `<p>` elements, in order. */
  body: HtmlParagraph[];
  /** The `<h1>` opening tag. */
  headline: (Span & { open: string }) | null;
  figures: (Span & { caption: string })[];
  /** Related / most-read / more-news blocks (`<aside>`, `<section>`) that can be dropped whole. */
  related: Span[];
  /** Where new blocks go: before `</main>`, else before `</body>`, else the end. */
  insertAt: number;
}

export interface Fixture {
  /** Path inside the fixtures folder. */
  name: string;
  /** Extension as found ('.txt', '.html', '.htm'): generated pages keep it. */
  ext: string;
  format: 'text' | 'html';
  language: string;
  encoding: string | null;
  bytes: number;
  model: TextModel | HtmlModel;
  headline: string | null;
  paragraphs: string[];
  captions: string[];
}

export interface FixtureSet {
  dir: string;
  fixtures: Fixture[];
  /** Files that could not be used as templates (empty or undecodable), with why. */
  unused: { name: string; reason: string }[];
  /** sha256 over names and bytes: the corpus is regenerated when the fixtures change. */
  hash: string;
}

const PAGE_EXT = /\.(txt|html?)$/i;

async function listPages(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string): Promise<void> => {
    const entries = await readdir(d, { withFileTypes: true });
    for (const e of entries) {
      if (e.name.startsWith('.')) continue;
      const p = join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile() && PAGE_EXT.test(e.name)) out.push(p);
    }
  };
  await walk(dir);
  return out.sort();
}

export async function loadFixtures(dir: string): Promise<FixtureSet> {
  let paths: string[];
  try {
    paths = await listPages(dir);
  } catch (err) {
    throw new Error(`cannot read the fixture folder ${dir}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const hash = createHash('sha256');
  const fixtures: Fixture[] = [];
  const unused: FixtureSet['unused'] = [];
  for (const path of paths) {
    const name = relative(dir, path);
    const bytes = await readFile(path);
    hash.update(name).update('\u0000').update(bytes).update('\u0000');
    const ext = extname(path).toLowerCase();
    const declared: 'text' | 'html' = ext === '.txt' ? 'text' : 'html';
    const decoded = decode({ source: name, bytes, format: declared });
    const text = decoded.text.replace(/^\uFEFF/, '');
    if (text.trim() === '') {
      unused.push({ name, reason: 'empty after decoding' });
      continue;
    }
    const format = declared === 'text' && /^\s*<(?:!doctype\s+html|html)[\s>/]/i.test(text) ? 'html' : declared;
    const base = { name, ext, format, language: decoded.language, encoding: decoded.encoding, bytes: bytes.length };
    const fixture = format === 'html' ? htmlFixture(base, text) : textFixture(base, text);
    fixtures.push(fixture);
  }
  return { dir, fixtures, unused, hash: hash.digest('hex').slice(0, 16) };
}

/** An article page (a headline and 3+ body paragraphs), not a 404 page, a cookie wall or a listing. */
export function isArticle(f: Fixture): boolean {
  return f.headline !== null && f.paragraphs.length >= 3;
}

// ---------------------------------------------------------------------------------------------- shared heuristics

const ARABIC_LETTER = /[\u0620-\u064A\u0671-\u06D3\u06FA-\u06FF]/gu;
const ANY_LETTER = /\p{L}/gu;

function arabicShare(s: string): number {
  const letters = s.match(ANY_LETTER)?.length ?? 0;
  return letters === 0 ? 0 : (s.match(ARABIC_LETTER)?.length ?? 0) / letters;
}

const SENTENCE_END = /[.!?؟۔:»"”')]\s*$/u;
const ENDS_ELLIPSIS = /(…|\.{3})\s*$/u;
/** "… بسوريا (أ.ب)", "… صباح الأربعاء (الأناضول)": a photo caption with its credit. */
const CAPTION = /^.{10,200}\([^()]{2,20}\)\s*$/u;
const NOT_HEADLINE_START = /^(كتب|كتبت|بقلم|نشر|تاريخ|آخر تحديث|المصدر|الرئيسية|السبت|الأحد|الإثنين|الاثنين|الثلاثاء|الأربعاء|الخميس|الجمعة)/u;

function isBodyText(s: string, minLength: number): boolean {
  return s.length >= minLength && !ENDS_ELLIPSIS.test(s) && !CAPTION.test(s) && arabicShare(s) >= 0.5;
}

function isHeadlineText(s: string): boolean {
  return (
    s.length >= 25 &&
    s.length <= 200 &&
    !CAPTION.test(s) &&
    !/\||\s[»›>]\s/u.test(s) && // a breadcrumb or a menu, not «quotes»
    !/[\d٠-٩۰-۹]{1,2}:[\d٠-٩۰-۹]{2}/u.test(s) && // a time: a date line
    !NOT_HEADLINE_START.test(s) &&
    arabicShare(s) >= 0.5
  );
}

/**
 * The main article's paragraphs: the run of body items (close to each other) with the most text. `gap(a, b)` says
 * whether items a and b are close enough to belong to the same run.
 */
function mainRun<T>(items: T[], size: (t: T) => number, close: (a: T, b: T) => boolean): T[] {
  let best: T[] = [];
  let bestSize = 0;
  let run: T[] = [];
  let runSize = 0;
  for (const item of items) {
    const last = run[run.length - 1];
    if (last !== undefined && !close(last, item)) {
      run = [];
      runSize = 0;
    }
    run.push(item);
    runSize += size(item);
    if (runSize > bestSize) {
      best = run;
      bestSize = runSize;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------- text pages

type Base = Pick<Fixture, 'name' | 'ext' | 'format' | 'language' | 'encoding' | 'bytes'>;

function textFixture(base: Base, text: string): Fixture {
  const crlf = text.includes('\r\n');
  const lines = text.split('\n').map((l) => l.replace(/\r$/, ''));
  const trimmed = lines.map((l) => l.trim());
  // A paragraph ends a sentence; a long headline or a menu glued to one does not.
  const bodyCandidates = trimmed.flatMap((l, i) => (isBodyText(l, 80) && (SENTENCE_END.test(l) || l.length >= 250) ? [i] : []));
  // Close: at most 3 non-empty lines that are not body paragraphs (a caption, a crosshead) in between.
  const body = mainRun(
    bodyCandidates,
    (i) => trimmed[i]!.length,
    (a, b) => trimmed.slice(a + 1, b).filter((l) => l !== '').length <= 3,
  );
  let headline: number | null = null;
  const first = body[0];
  if (first !== undefined) {
    for (let i = first - 1; i >= 0 && i >= first - 12; i--) {
      if (isHeadlineText(trimmed[i]!)) {
        headline = i;
        break;
      }
    }
  }
  const captions = trimmed.flatMap((l, i) => (CAPTION.test(l) ? [i] : []));
  const model: TextModel = { kind: 'text', lines, crlf, body, headline, captions };
  return {
    ...base,
    model,
    headline: headline === null ? null : trimmed[headline]!,
    paragraphs: body.map((i) => trimmed[i]!),
    captions: [...new Set(captions.map((i) => trimmed[i]!))],
  };
}

// ---------------------------------------------------------------------------------------------------- HTML pages

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

export function htmlText(fragment: string): string {
  return fragment
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : m;
      }
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const RELATED_CLASS = /related|most-read|more-news|read-also|popular|latest|trending|teaser|recommend/i;

function htmlFixture(base: Base, html: string): Fixture {
  const paragraphs: HtmlParagraph[] = [];
  for (const m of html.matchAll(/(<p\b[^>]*>)([\s\S]*?)<\/p\s*>/gi)) {
    const text = htmlText(m[2]!);
    if (isBodyText(text, 60)) paragraphs.push({ start: m.index, end: m.index + m[0].length, open: m[1]!, text });
  }
  // Close: less than ~700 characters of other markup (an inline figure, an ad slot) in between.
  const body = mainRun(
    paragraphs,
    (p) => p.text.length,
    (a, b) => b.start - a.end <= 700,
  );
  const h1 = /(<h1\b[^>]*>)([\s\S]*?)<\/h1\s*>/i.exec(html);
  const titleTag = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html);
  const headlineText = h1 ? htmlText(h1[2]!) : titleTag ? htmlText(titleTag[1]!).split(/\s[|–-]\s/)[0]! : '';
  const figures: HtmlModel['figures'] = [];
  for (const m of html.matchAll(/<figure\b[^>]*>([\s\S]*?)<\/figure\s*>/gi)) {
    const cap = /<figcaption\b[^>]*>([\s\S]*?)<\/figcaption\s*>/i.exec(m[1]!);
    if (cap) figures.push({ start: m.index, end: m.index + m[0].length, caption: htmlText(cap[1]!) });
  }
  const related: Span[] = [];
  for (const m of html.matchAll(/<(aside|section)\b([^>]*)>([\s\S]*?)<\/\1\s*>/gi)) {
    const nested = new RegExp(`<${m[1]!}\\b`, 'i').test(m[3]!);
    if (!nested && (m[1]!.toLowerCase() === 'aside' || RELATED_CLASS.test(m[2]!))) {
      related.push({ start: m.index, end: m.index + m[0].length });
    }
  }
  const mainEnd = html.search(/<\/main\s*>/i);
  const bodyEnd = html.search(/<\/body\s*>/i);
  const model: HtmlModel = {
    kind: 'html',
    html,
    body,
    headline: h1 ? { start: h1.index, end: h1.index + h1[1]!.length, open: h1[1]! } : null,
    figures,
    related,
    insertAt: mainEnd >= 0 ? mainEnd : bodyEnd >= 0 ? bodyEnd : html.length,
  };
  return {
    ...base,
    model,
    headline: headlineText.length >= 10 ? headlineText : null,
    paragraphs: body.map((p) => p.text),
    captions: [...new Set(figures.map((f) => f.caption).filter((c) => c.length >= 10))],
  };
}
