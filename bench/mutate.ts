/**
 * One generated page from one fixture template: body paragraphs shuffled or replaced with paragraphs of other
 * fixtures, numbers and dates varied, related/teaser blocks added or dropped, captions duplicated, navigation glued
 * to the headline, the page made much longer (several related articles) or shorter. Text pages are edited line by
 * line; HTML pages by replacing whole elements (`<p>`, `<figure>`, `<aside>`) so that they stay valid-ish HTML.
 */
import type { Fixture, HtmlModel, TextModel } from './fixtures.js';
import { escapeHtml, isArticle } from './fixtures.js';
import type { Rng } from './random.js';
import {
  chooseTextVariation,
  randomIsoDate,
  randomPrintedDate,
  shiftIsoDates,
  varyNumbers,
  type TextVariation,
} from './vary.js';

const RELATED_LABELS = ['اقرأ أيضاً', 'إقرأ أيضاً:', 'مواضيع ذات صلة', 'أخبار ذات صلة', 'المزيد من الأخبار', 'الأكثر قراءة', 'قد يهمك أيضاً', 'آخر الأخبار'];
const SECTIONS = ['سياسة', 'اقتصاد', 'محليات', 'عربي ودولي', 'رياضة', 'منوعات', 'أخبار مصر', 'الخليج', 'المحلي'];
const BYLINES = ['كتب: محمود عبد الرحيم', 'كتبت: نورهان السيد', 'وكالات', 'بقلم: د. سامي الحسيني', '«الساحل» (الرياض)', 'الأناضول', 'القاهرة - رويترز'];

/** What the generator did to a page, for the manifest's tallies. */
export type Mutation =
  | 'paragraphs-replaced'
  | 'paragraphs-shuffled'
  | 'shorter'
  | 'body-extended'
  | 'caption-duplicated'
  | 'caption-dropped'
  | 'caption-inserted'
  | 'read-also-inline'
  | 'related-dropped'
  | 'teasers-added'
  | 'own-teaser'
  | 'related-article-added'
  | 'much-longer'
  | 'nav-glued-to-headline'
  | 'numbers-varied'
  | 'months-swapped'
  | 'dates-shifted'
  | 'spacing-changed'
  | 'line-endings-crlf';

export interface GeneratedPage {
  text: string;
  mutations: Set<Mutation>;
}

/** Paragraphs, headlines and captions of the fixtures, by language, to draw from. */
export class DonorPool {
  private readonly byLanguage = new Map<string, Fixture[]>();
  private readonly all: Fixture[];

  /** Donors are article pages: a headline and at least three body paragraphs (not a 404 page or a cookie wall). */
  constructor(fixtures: readonly Fixture[]) {
    this.all = fixtures.filter(isArticle);
    if (this.all.length === 0) throw new Error('no fixture page is an article (a headline and 3+ body paragraphs) to draw paragraphs from');
    for (const f of this.all) {
      const list = this.byLanguage.get(f.language) ?? [];
      list.push(f);
      this.byLanguage.set(f.language, list);
    }
  }

  /** Another fixture in the same language when there is one (else the template itself, else any donor). */
  donor(template: Fixture, rng: Rng): Fixture {
    const same = this.byLanguage.get(template.language) ?? [];
    const others = same.filter((f) => f !== template);
    if (others.length > 0) return rng.pick(others);
    return same.length > 0 ? rng.pick(same) : rng.pick(this.all);
  }

  paragraph(template: Fixture, rng: Rng): string {
    return rng.pick(this.donor(template, rng).paragraphs);
  }

  /** A fixture's headline, or (more often, for variety) the opening words of one of its paragraphs. */
  headline(template: Fixture, rng: Rng): string {
    const d = this.donor(template, rng);
    if (d.headline !== null && rng.chance(0.35)) return d.headline;
    // The opening words of a paragraph, up to a comma when there is one after the fourth word.
    const words = rng.pick(d.paragraphs).split(/\s+/).slice(0, rng.int(6, 12));
    const comma = words.findIndex((w, i) => i >= 4 && /[،,]$/u.test(w));
    return (comma >= 0 ? words.slice(0, comma + 1) : words).join(' ').replace(/[،,.:؛]+$/u, '');
  }

  lead(template: Fixture, rng: Rng): string {
    const words = this.paragraph(template, rng).split(/\s+/);
    return `${words.slice(0, rng.int(12, 25)).join(' ')}…`;
  }

  caption(template: Fixture, rng: Rng): string | null {
    const d = this.donor(template, rng);
    const captions = d.captions.length > 0 ? d.captions : template.captions;
    return captions.length > 0 ? rng.pick(captions) : null;
  }

  /** A coherent related article: one donor's headline and a run of its paragraphs. */
  article(template: Fixture, rng: Rng): { title: string; date: string; paragraphs: string[] } {
    const d = this.donor(template, rng);
    const n = rng.int(2, Math.max(2, Math.min(8, d.paragraphs.length)));
    const from = rng.int(0, Math.max(0, d.paragraphs.length - n));
    return {
      title: this.headline(template, rng),
      date: randomPrintedDate(rng),
      paragraphs: d.paragraphs.slice(from, from + n),
    };
  }
}

export function generatePage(template: Fixture, pool: DonorPool, rng: Rng): GeneratedPage {
  const mutations = new Set<Mutation>();
  const variation = chooseTextVariation(rng);
  if (variation.numberRate > 0) mutations.add('numbers-varied');
  if (variation.months) mutations.add('months-swapped');
  const shiftDays = rng.chance(0.7) ? rng.int(-700, 200) : 0;
  if (shiftDays !== 0) mutations.add('dates-shifted');
  const model = template.model;
  const text =
    model.kind === 'html'
      ? generateHtml(template, model, pool, rng, mutations, variation)
      : generateText(template, model, pool, rng, mutations, variation);
  return { text: shiftIsoDates(text, shiftDays), mutations };
}

/** Body decisions shared by both formats: which paragraphs the main article ends up with. */
function chooseBody(
  template: Fixture,
  pool: DonorPool,
  rng: Rng,
  mutations: Set<Mutation>,
): { texts: (string | null)[]; extra: string[] } {
  const original = template.paragraphs;
  if (!isArticle(template)) return { texts: original, extra: [] }; // a listing, a 404 page: no article to vary
  if (original.length > 1 && rng.chance(0.1)) {
    mutations.add('shorter');
    const keep = rng.int(1, Math.min(3, original.length - 1));
    return { texts: original.map((p, i) => (i < keep ? p : null)), extra: [] };
  }
  let texts = [...original];
  if (texts.length > 2 && rng.chance(0.25)) {
    mutations.add('paragraphs-shuffled');
    texts = [texts[0]!, ...rng.shuffled(texts.slice(1))];
  }
  const rate = rng.pick([0, 0.15, 0.3, 0.5, 0.8]);
  texts = texts.map((p) => {
    if (!rng.chance(rate)) return p;
    mutations.add('paragraphs-replaced');
    return pool.paragraph(template, rng);
  });
  const extra: string[] = [];
  if (rng.chance(0.15)) {
    mutations.add('body-extended');
    for (let i = rng.int(1, 5); i > 0; i--) extra.push(pool.paragraph(template, rng));
  }
  return { texts, extra };
}

/** Full related articles to add: one sometimes, several (a much longer page) more rarely; none on a non-article. */
function relatedCount(template: Fixture, rng: Rng): number {
  if (!isArticle(template)) return 0;
  return rng.chance(0.1) ? rng.int(2, 5) : rng.chance(0.15) ? 1 : 0;
}

function navPrefix(rng: Rng): string {
  return rng.chance(0.5) ? `الرئيسية${rng.pick(SECTIONS)}` : `الرئيسية » ${rng.pick(SECTIONS)} » `;
}

// ---------------------------------------------------------------------------------------------------- text pages

function generateText(
  template: Fixture,
  m: TextModel,
  pool: DonorPool,
  rng: Rng,
  mutations: Set<Mutation>,
  variation: TextVariation,
): string {
  const lines = m.lines;
  const replace = new Map<number, string>();
  const drop = new Set<number>();
  const before = new Map<number, string[]>();
  const after = new Map<number, string[]>();
  const add = (where: Map<number, string[]>, i: number, added: string[]): void => {
    where.set(i, [...(where.get(i) ?? []), ...added]);
  };
  const first = m.body[0];
  // Where added blocks go: after the article, or (no article body) before the page's last few lines.
  const last = m.body[m.body.length - 1] ?? Math.max(0, lines.length - 1 - rng.int(0, 6));
  // Blank lines between paragraphs, as the template has them (or not).
  const blank = (lines[(first ?? last) + 1] ?? '').trim() === '';
  const paragraphs = (ps: string[]): string[] => ps.flatMap((p) => (blank ? ['', p] : [p]));

  const body = chooseBody(template, pool, rng, mutations);
  m.body.forEach((line, k) => {
    const t = body.texts[k];
    if (t === null || t === undefined) drop.add(line);
    else replace.set(line, t);
  });
  if (body.extra.length > 0) add(after, last, paragraphs(body.extra));

  for (const c of m.captions) {
    if (rng.chance(0.25)) {
      mutations.add('caption-duplicated');
      add(after, c, [lines[c]!]);
    } else if (rng.chance(0.1)) {
      mutations.add('caption-dropped');
      drop.add(c);
    }
  }
  const caption = rng.chance(0.2) ? pool.caption(template, rng) : null;
  if (caption !== null && first !== undefined) {
    mutations.add('caption-inserted');
    add(before, first, [caption, caption, ...(blank ? [''] : [])]);
  }
  if (m.body.length > 2 && rng.chance(0.15)) {
    mutations.add('read-also-inline');
    add(after, m.body[rng.int(0, m.body.length - 2)]!, paragraphs([`اقرأ أيضاً: ${pool.headline(template, rng)}`]));
  }
  if (rng.chance(0.2)) {
    // Drop what follows the article (related, teasers, most read) but keep the footer's last lines.
    mutations.add('related-dropped');
    const keep = rng.int(3, 8);
    for (let i = last + 1; i < lines.length - keep; i++) drop.add(i);
  }

  const blocks: string[] = [];
  if (rng.chance(0.35)) {
    mutations.add('teasers-added');
    blocks.push('', ...textTeasers(template, pool, rng, mutations));
  }
  const related = relatedCount(template, rng);
  if (related > 1) mutations.add('much-longer');
  if (related > 0) mutations.add('related-article-added');
  for (let i = 0; i < related; i++) {
    const a = pool.article(template, rng);
    blocks.push('', rng.pick(RELATED_LABELS), a.title, a.date, ...paragraphs(a.paragraphs));
  }
  if (blocks.length > 0) add(after, last, blocks);

  if (m.headline !== null && rng.chance(0.15)) {
    mutations.add('nav-glued-to-headline');
    const glued = navPrefix(rng) + lines[m.headline]!.trim();
    if (rng.chance(0.5)) replace.set(m.headline, glued);
    else add(before, m.headline, [glued]);
  }

  let out: string[] = [];
  lines.forEach((line, i) => {
    out.push(...(before.get(i) ?? []));
    if (!drop.has(i)) out.push(replace.get(i) ?? line);
    out.push(...(after.get(i) ?? []));
  });
  if (rng.chance(0.15)) {
    mutations.add('spacing-changed');
    out = rng.chance(0.5) ? out.filter((l) => l.trim() !== '') : out.flatMap((l) => (l.trim() === '' ? [] : [l, '']));
  }
  const crlf = rng.chance(0.05) ? !m.crlf : m.crlf;
  if (crlf) mutations.add('line-endings-crlf');
  return varyNumbers(out.join(crlf ? '\r\n' : '\n'), variation, rng);
}

function textTeasers(template: Fixture, pool: DonorPool, rng: Rng, mutations: Set<Mutation>): string[] {
  const n = rng.int(2, 8);
  const titles = Array.from({ length: n }, () => pool.headline(template, rng));
  if (template.headline !== null && rng.chance(0.3)) {
    mutations.add('own-teaser');
    titles.splice(rng.int(0, titles.length), 0, template.headline);
  }
  const out = [rng.pick(RELATED_LABELS)];
  switch (rng.int(0, 2)) {
    case 0: // a plain list of headlines
      out.push(...titles);
      break;
    case 1: // a numbered most-read list, each title printed twice (link text and image alt)
      titles.forEach((t, i) => out.push(String(i + 1), t, t));
      break;
    default: // cards: section glued to the image caption, title, lead, byline or date
      for (const t of titles) {
        const cap = pool.caption(template, rng);
        if (cap !== null && rng.chance(0.5)) out.push(rng.pick(SECTIONS) + cap);
        out.push(t, pool.lead(template, rng), rng.chance(0.5) ? rng.pick(BYLINES) : randomPrintedDate(rng), '');
      }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------- HTML pages

interface Edit {
  start: number;
  end: number;
  text: string;
  seq: number;
}

/** Apply non-overlapping edits (later ones that overlap an applied one are skipped). */
function applyEdits(html: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => b.start - a.start || b.end - b.start - (a.end - a.start) || b.seq - a.seq);
  let out = html;
  let limit = Infinity;
  for (const e of sorted) {
    if (e.end > limit) continue;
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
    limit = e.start;
  }
  return out;
}

const SEGMENTS = /(<script\b[\s\S]*?<\/script\s*>|<style\b[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->|<[^>]*>)/gi;

/** Numbers and month names varied in the text between tags only. */
function varyHtmlText(html: string, variation: TextVariation, rng: Rng): string {
  return html
    .split(SEGMENTS)
    .map((part, i) => (i % 2 === 0 ? varyNumbers(part, variation, rng) : part))
    .join('');
}

function randomHref(rng: Rng): string {
  return `/news/${randomIsoDate(rng).replaceAll('-', '/')}/${rng.int(10000, 99999)}`;
}

function generateHtml(
  template: Fixture,
  m: HtmlModel,
  pool: DonorPool,
  rng: Rng,
  mutations: Set<Mutation>,
  variation: TextVariation,
): string {
  const edits: Edit[] = [];
  const edit = (start: number, end: number, text: string): void => {
    edits.push({ start, end, text, seq: edits.length });
  };
  const p = (t: string): string => `<p>${escapeHtml(t)}</p>`;
  const last = m.body[m.body.length - 1];

  const body = chooseBody(template, pool, rng, mutations);
  m.body.forEach((el, k) => {
    const t = body.texts[k];
    if (t === null || t === undefined) edit(el.start, el.end, '');
    else if (t !== el.text) edit(el.start, el.end, `${el.open}${escapeHtml(t)}</p>`);
  });
  if (last && body.extra.length > 0) edit(last.end, last.end, `\n      ${body.extra.map(p).join('\n      ')}`);

  for (const f of m.figures) {
    if (rng.chance(0.25)) {
      mutations.add('caption-duplicated');
      edit(f.end, f.end, `\n      <p class="wp-caption-text">${escapeHtml(f.caption)}</p>`);
    }
  }
  const caption = rng.chance(0.2) ? pool.caption(template, rng) : null;
  const before = m.body[Math.min(1, m.body.length - 1)];
  if (caption !== null && before) {
    mutations.add('caption-inserted');
    const at = before.start;
    const c = escapeHtml(caption);
    edit(at, at, `<figure class="inline-image"><img src="/uploads/${rng.int(1000, 9999)}.jpg" alt="${c}"><figcaption>${c}</figcaption></figure>\n      `);
  }
  if (m.body.length > 2 && rng.chance(0.15)) {
    mutations.add('read-also-inline');
    const el = m.body[rng.int(0, m.body.length - 2)]!;
    const h = escapeHtml(pool.headline(template, rng));
    edit(el.end, el.end, `\n      <p class="read-also"><strong>اقرأ أيضاً:</strong> <a href="${randomHref(rng)}">${h}</a></p>`);
  }
  if (m.related.length > 0 && rng.chance(0.3)) {
    mutations.add('related-dropped');
    for (const r of m.related) if (rng.chance(0.6)) edit(r.start, r.end, '');
  }

  const blocks: string[] = [];
  if (rng.chance(0.35)) {
    mutations.add('teasers-added');
    blocks.push(htmlTeasers(template, pool, rng, mutations));
  }
  const related = relatedCount(template, rng);
  if (related > 1) mutations.add('much-longer');
  if (related > 0) {
    mutations.add('related-article-added');
    const articles = Array.from({ length: related }, () => {
      const a = pool.article(template, rng);
      return `  <article class="related-article">
    <h2><a href="${randomHref(rng)}">${escapeHtml(a.title)}</a></h2>
    <div class="meta"><time datetime="${randomIsoDate(rng)}">${escapeHtml(a.date)}</time></div>
    ${a.paragraphs.map(p).join('\n    ')}
  </article>`;
    });
    blocks.push(`<section class="more-news">\n  <h2 class="section-title">${rng.pick(RELATED_LABELS)}</h2>\n${articles.join('\n')}\n</section>`);
  }
  if (blocks.length > 0) edit(m.insertAt, m.insertAt, `${blocks.join('\n')}\n`);

  if (m.headline !== null && rng.chance(0.15)) {
    mutations.add('nav-glued-to-headline');
    const crumbs = `<span class="crumb">الرئيسية</span><span class="crumb">${rng.pick(SECTIONS)}</span>`;
    edit(m.headline.start, m.headline.end, m.headline.open + crumbs);
  }
  return varyHtmlText(applyEdits(m.html, edits), variation, rng);
}

function htmlTeasers(template: Fixture, pool: DonorPool, rng: Rng, mutations: Set<Mutation>): string {
  const n = rng.int(2, 8);
  const titles = Array.from({ length: n }, () => pool.headline(template, rng));
  if (template.headline !== null && rng.chance(0.3)) {
    mutations.add('own-teaser');
    titles.splice(rng.int(0, titles.length), 0, template.headline);
  }
  const label = escapeHtml(rng.pick(RELATED_LABELS));
  if (rng.chance(0.4)) {
    const items = titles.map((t) => `<li><a href="${randomHref(rng)}">${escapeHtml(t)}</a></li>`);
    return `<section class="most-read">\n  <h2 class="section-title">${label}</h2>\n  <ul>\n    ${items.join('\n    ')}\n  </ul>\n</section>`;
  }
  const cards = titles.map((t) => {
    const href = randomHref(rng);
    const date = randomIsoDate(rng);
    return `  <div class="card">
    <a href="${href}"><img src="/uploads/${rng.int(1000, 9999)}.jpg" alt=""></a>
    <span class="card-section">${rng.pick(SECTIONS)}</span>
    <h3><a href="${href}">${escapeHtml(t)}</a></h3>
    <p>${escapeHtml(pool.lead(template, rng))}</p>
    ${rng.chance(0.5) ? `<span class="card-byline">${escapeHtml(rng.pick(BYLINES))}</span>` : `<time datetime="${date}">${date}</time>`}
  </div>`;
  });
  return `<aside class="related-posts">\n  <h2 class="section-title">${label}</h2>\n${cards.join('\n')}\n</aside>`;
}
