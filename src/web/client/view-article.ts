/**
 * The article reader: title, outlet, date, credits, captions, and the text with entity mentions as links to their
 * pages and quotes highlighted, each quote numbered and listed beside the text with its speaker.
 */
import type { ArticleDetail, DataSource, XEntity, XQuote } from './types.js';
import { chips, empty, h, joined, link, meta, section, time, to } from './dom.js';
import { fmtDate, KIND_LABEL, ROLE_LABEL, TYPE_LABEL } from './format.js';
import { copyOf, entityLink, viewTitle } from './parts.js';
import { segmentText, usableSpans } from './spans.js';
import type { View } from './view.js';

function quoteTitle(q: XQuote): string {
  return `${KIND_LABEL[q.kind] ?? ''} — ${q.speaker || 'مصدر غير مسمى'}${q.date !== null ? ' (' + fmtDate(q.date) + ')' : ''}`;
}

function focusAside(n: number): void {
  const li = document.getElementById('quote-' + n);
  if (li === null) return;
  li.scrollIntoView({ block: 'nearest', behavior: 'smooth' });
  li.focus({ preventScroll: true });
}

/** Closing quotes and punctuation that stay with the words before them: a quote's number goes after them. */
const CLOSING = /^[»”’"')\]}.,،؛:!?؟…]+/;

/** The text as paragraphs, mentions linked, quotes marked and numbered (numbers follow text order). */
function body(a: ArticleDetail, types: ReadonlyMap<string, string>, numbers: ReadonlyMap<number, number>): HTMLElement {
  const div = h('div', { class: 'reader-text' });
  const paras = segmentText(a.text, a.mentions, a.quotes);
  for (const runs of paras) {
    const p = h('p');
    // characters of the next run already shown (the punctuation that closes a quote, before its number)
    let taken = 0;
    runs.forEach((run, k) => {
      const text = run.text.slice(taken);
      taken = 0;
      if (text === '') return;
      const m = run.mention === null ? undefined : a.mentions[run.mention];
      let node: Node = m !== undefined ? link(to.entity(m.entityId), { class: 'mention ent-' + (types.get(m.entityId) ?? 'x') }, text) : document.createTextNode(text);
      const q = run.quote === null ? undefined : a.quotes[run.quote];
      if (q !== undefined && run.quote !== null) {
        const n = numbers.get(run.quote) ?? 0;
        const span = h('span', { class: 'q q-' + q.kind, title: quoteTitle(q), 'data-quote': n }, node);
        span.addEventListener('mouseenter', () => document.getElementById('quote-' + n)?.classList.add('hot'));
        span.addEventListener('mouseleave', () => document.getElementById('quote-' + n)?.classList.remove('hot'));
        node = span;
        const next = runs[k + 1];
        if (next === undefined || next.quote !== run.quote) {
          const btn = h('button', { type: 'button', class: 'qref', 'aria-label': `القول ${n}: ${q.speaker}` }, String(n));
          btn.addEventListener('click', () => focusAside(n));
          // «…» and the full stop stay with the quote's last word, and the number with them: no line starts with "»."
          const closing = next !== undefined && next.quote === null && next.mention === null ? (CLOSING.exec(next.text)?.[0] ?? '') : '';
          taken = closing.length;
          p.append(node, h('span', { class: 'qend' }, closing, btn));
          return;
        }
      }
      p.append(node);
    });
    div.append(p);
  }
  if (paras.length === 0) div.append(empty('لا نص لهذا المقال (عنوان إحالة فقط).'));
  return div;
}

function quotesAside(a: ArticleDetail, order: readonly number[], names: ReadonlyMap<string, XEntity>): HTMLElement {
  const list = h('ol', { class: 'quote-list' });
  order.forEach((qi, k) => {
    const q = a.quotes[qi] as XQuote;
    const ent = q.speakerId !== null ? names.get(q.speakerId) : undefined;
    const who = q.speakerId !== null ? link(to.entity(q.speakerId), { class: 'entity' }, ent?.name ?? q.speaker) : h('span', { class: 'unnamed' }, q.speaker || 'مصدر غير مسمى');
    list.append(
      h(
        'li',
        { id: 'quote-' + (k + 1), tabindex: '-1', class: 'q-' + q.kind },
        h('p', { class: 'who' }, h('span', { class: 'num' }, String(k + 1)), ' ', who, ent !== undefined && q.speaker !== ent.name ? h('span', { class: 'as' }, ` («${q.speaker}»)`) : null),
        h('p', { class: 'said-text' }, q.kind === 'direct' ? ['«', q.text, '»'] : q.text),
        h(
          'p',
          { class: 'sub' },
          KIND_LABEL[q.kind] ?? q.kind,
          q.date !== null ? [' · ', time(q.date)] : null,
          q.via.length > 0 ? [' · نقلاً عن ', q.via.join('، ')] : null,
        ),
      ),
    );
  });
  return h('aside', { class: 'reader-aside', 'aria-labelledby': 'aside-h' }, h('h2', { id: 'aside-h' }, 'من قال ماذا'), order.length > 0 ? list : empty('لا أقوال في هذا المقال.'));
}

export function articleBody(a: ArticleDetail, dupTitle: string | null): HTMLElement {
  const names = new Map(a.entities.map((e) => [e.id, e] as const));
  const types = new Map(a.entities.map((e) => [e.id, e.type] as const));
  const order = usableSpans(a.quotes, a.text.length);
  const numbers = new Map(order.map((qi, k) => [qi, k + 1] as const));
  const mentioned = new Set(a.mentions.map((m) => m.entityId));
  return h(
    'article',
    { class: 'reader' },
    viewTitle(
      a.title || 'بلا عنوان',
      meta([
        ['المنفذ', a.outlet ?? 'غير معروف'],
        ['التاريخ', time(a.published)],
        ['النوع', ROLE_LABEL[a.role] ?? a.role],
        ['الكاتب والمصدر', a.credits.length > 0 ? joined(a.credits) : null],
        ['القصة', a.storyId !== null ? link(to.story(a.storyId), null, 'صفحة القصة') : null],
        ['الصفحة', a.source !== null ? h('bdi', { class: 'source' }, a.source) : null],
      ]),
      a.duplicateOf !== null ? copyOf(a.role, a.duplicateOf, dupTitle) : null,
    ),
    h('div', { class: 'reader-grid' }, body(a, types, numbers), quotesAside(a, order, names)),
    a.captions.length > 0 ? section('تعليقات الصور', 'captions', h('ul', { class: 'captions' }, a.captions.map((c) => h('li', null, c)))) : null,
    section(
      'الأسماء في المقال',
      'article-entities',
      chips(
        a.entities.filter((e) => mentioned.has(e.id) || a.quotes.some((q) => q.speakerId === e.id)).map((e) => h('span', null, entityLink(e), h('small', null, ' ', TYPE_LABEL[e.type] ?? ''))),
        'entities',
      ) ?? empty('لا أسماء.'),
    ),
  );
}

export const articleView: View = async (src: DataSource, route) => {
  const a = await src.article(route.id ?? '');
  if (a === null) return null;
  let dupTitle: string | null = null;
  if (a.duplicateOf !== null) dupTitle = (await src.article(a.duplicateOf).catch(() => null))?.title ?? null;
  return { title: a.title, node: articleBody(a, dupTitle) };
};
