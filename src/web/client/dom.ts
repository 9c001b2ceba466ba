/**
 * The only way the views build the page. Text goes in with textContent (createTextNode); attributes are set one by
 * one with setAttribute and event-handler attributes are refused; links are only the page's own hash routes, built
 * here with every id URL-encoded. No innerHTML anywhere: article text, titles, names are untrusted.
 */
import { fmtDate, ISO_DATE } from './format.js';

export type Child = Node | string | number | null | undefined | false | readonly Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined>;

const FORBIDDEN = /^(on|href$|src$|srcdoc$|action$|formaction$|xlink:href$|style$)/i;

function append(parent: Node, c: Child): void {
  if (c === null || c === undefined || c === false) return;
  if (Array.isArray(c)) {
    for (const x of c as readonly Child[]) append(parent, x);
    return;
  }
  if (typeof c === 'string' || typeof c === 'number') parent.appendChild(document.createTextNode(String(c)));
  else parent.appendChild(c as Node);
}

function setAttrs(el: Element, attrs: Attrs | null | undefined): void {
  if (attrs === null || attrs === undefined) return;
  for (const [k, v] of Object.entries(attrs)) {
    if (FORBIDDEN.test(k)) throw new Error(`attribute ${k} is not set through h()`);
    if (v === null || v === undefined || v === false) continue;
    el.setAttribute(k, v === true ? '' : String(v));
  }
}

/** An HTML element with attributes (no handlers, no URLs) and children (strings become text nodes). */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs?: Attrs | null, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element; links inside an SVG are made with svgLink. */
export function s(tag: string, attrs?: Attrs | null, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag) as SVGElement;
  setAttrs(el, attrs);
  append(el, children);
  return el;
}

/** The page's routes; ids are URL-encoded, so an id can never leave the hash. */
export const to = {
  stories: (): string => '#/stories',
  story: (id: string): string => '#/story/' + encodeURIComponent(id),
  article: (id: string): string => '#/article/' + encodeURIComponent(id),
  entity: (id: string): string => '#/entity/' + encodeURIComponent(id),
  entities: (params: Record<string, string> = {}): string => withParams('#/entities', params),
  articles: (params: Record<string, string> = {}): string => withParams('#/articles', params),
  search: (params: Record<string, string> = {}): string => withParams('#/search', params),
};

export function withParams(base: string, params: Record<string, string>): string {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== '') qs.set(k, v);
  const str = qs.toString();
  return str === '' ? base : base + '?' + str;
}

function checkRoute(route: string): string {
  if (!/^#\/[A-Za-z0-9\-._~%/?&=+!*'()]*$/.test(route)) throw new Error('not a page route: ' + route);
  return route;
}

/** A link to one of the page's own routes (built with `to`). */
export function link(route: string, attrs: Attrs | null, ...children: Child[]): HTMLAnchorElement {
  const a = h('a', attrs, ...children);
  a.href = checkRoute(route);
  return a;
}

/** The same inside an SVG drawing. */
export function svgLink(route: string, attrs: Attrs | null, ...children: Child[]): SVGElement {
  const a = s('a', attrs, ...children);
  a.setAttribute('href', checkRoute(route));
  return a;
}

/** A <time> for an ISO date (YYYY, YYYY-MM, YYYY-MM-DD), shown in Arabic; anything else as plain text. */
export function time(date: string | null, fallback = 'بلا تاريخ'): HTMLElement {
  if (date === null || date === '') return h('span', { class: 'nodate' }, fallback);
  if (!ISO_DATE.test(date)) return h('span', null, date);
  return h('time', { datetime: date }, fmtDate(date));
}

/** A titled section with an h2. */
export function section(title: string, cls: string, ...children: Child[]): HTMLElement {
  const id = 'sec-' + cls;
  return h('section', { class: 'block ' + cls, 'aria-labelledby': id }, h('h2', { id }, title), ...children);
}

/** Small labelled values in a row ("التاريخ: …"). */
export function meta(items: readonly [string, Child][]): HTMLElement {
  const dl = h('dl', { class: 'meta' });
  for (const [k, v] of items) {
    if (v === null || v === undefined || v === false || (Array.isArray(v) && v.length === 0)) continue;
    dl.append(h('div', null, h('dt', null, k), h('dd', null, v)));
  }
  return dl;
}

/** Chips: short values (keywords, outlets, variants), optionally linked. */
export function chips(values: readonly (string | HTMLElement)[], cls = ''): HTMLElement | null {
  if (values.length === 0) return null;
  return h('ul', { class: ('chips ' + cls).trim() }, values.map((v) => h('li', null, v)));
}

/** "a، b، c" from children. */
export function joined(parts: readonly Child[], sep = '، '): Child[] {
  const out: Child[] = [];
  parts.forEach((p, i) => {
    if (i > 0) out.push(sep);
    out.push(p);
  });
  return out;
}

export function empty(text: string): HTMLElement {
  return h('p', { class: 'empty' }, text);
}
