/**
 * How one run of inline text (between two block boundaries) becomes blocks. Mostly one block; but a run of links side
 * by side or joined by list separators ("a - b", "a، b") is one block per link (a short label before them is one
 * more), a breadcrumb ("a > b") is one block hinted 'boilerplate', and a headline link with a date beside it
 * ("<a>headline</a> 06/08/2025") is two blocks.
 */
import type { BlockHint } from '../types.js';
import type { DomElement, DomNode } from './dom-types.js';

/** A text node of the run holding more than whitespace: its link (null: not in one) and its index in the pieces. */
export interface Solid {
  node: DomNode;
  link: DomElement | null;
  at: number;
}

export interface RunPart {
  raw: string;
  link: DomElement | null;
  nodes: DomNode[];
  hint: BlockHint | undefined;
}

interface Segment {
  link: DomElement | null;
  from: number;
  to: number;
  nodes: DomNode[];
}

/** Between breadcrumb items, and between the items of a list of links ("a | b", "a، b", "a - b"). */
const CRUMB_SEPARATOR = /^[\s>»«›‹/\\]+$/;
const LIST_SEPARATOR = /^[\s|\-–—،,·•]+$/;
const DIGIT = /[0-9٠-٩۰-۹]/;
const DATE = /[0-9٠-٩]{1,4}\s*[/.-]\s*[0-9٠-٩]{1,2}|[0-9٠-٩]{1,2}:[0-9٠-٩]{2}|[0-9٠-٩]{4}/;
const words = (s: string): number => s.split(/\s+/).filter(Boolean).length;

/**
 * Links joined by separators: a breadcrumb ("الرئيسية > صحة", maybe ending in a plain item) or a list of links
 * ("a - b", maybe after a short label: "آخر الأخبار: a - b"). Returns the kind and where the links start.
 */
function linkLine(segs: readonly Segment[], text: (s: Segment) => string): { kind: 'crumb' | 'list'; start: number } | null {
  const start = segs[0]?.link ? 0 : segs[1]?.link && words(text(segs[0] as Segment)) <= 3 ? 1 : -1;
  if (start < 0) return null;
  let kind: 'crumb' | 'list' | null = null;
  let links = 1;
  for (let i = start + 1; i < segs.length; i += 2) {
    const sep = segs[i] as Segment;
    const next = segs[i + 1];
    const t = sep.link ? '' : text(sep);
    // "a > b > current page": the last separator and the plain item in one text node
    if (!next && kind !== 'list' && links >= 2 && /^[\s>»«›‹/\\]+[^\s>»«›‹/\\]/.test(t) && start === 0) return { kind: 'crumb', start };
    const k = CRUMB_SEPARATOR.test(t) ? 'crumb' : LIST_SEPARATOR.test(t) ? 'list' : null;
    if (!k || (kind && k !== kind) || !next) return null;
    kind = k;
    if (next.link) links++;
    else if (i + 2 !== segs.length || kind !== 'crumb') return null;
  }
  if (!kind || links < 2 || (kind === 'crumb' && start > 0)) return null;
  return { kind, start };
}

export function splitRun(pieces: readonly string[], solid: readonly Solid[]): RunPart[] {
  const first = solid[0];
  if (!first) return [];
  const segs: Segment[] = [];
  for (const p of solid) {
    const last = segs[segs.length - 1];
    if (last && last.link === p.link) {
      last.to = p.at;
      last.nodes.push(p.node);
    } else segs.push({ link: p.link, from: p.at, to: p.at, nodes: [p.node] });
  }
  const text = (s: Segment): string => pieces.slice(s.from, s.to + 1).join('');
  const part = (s: Segment, hint?: BlockHint): RunPart => ({ raw: text(s), link: s.link, nodes: s.nodes, hint });
  const whole = (hint?: BlockHint): RunPart[] => [
    { raw: pieces.join(''), link: segs.length === 1 ? first.link : null, nodes: solid.map((p) => p.node), hint },
  ];
  if (segs.length < 2) return whole();
  if (segs.every((s) => s.link)) return segs.map((s) => part(s));
  const line = linkLine(segs, text);
  if (line?.kind === 'crumb') return whole('boilerplate');
  if (line) return segs.filter((sg, i) => sg.link || i < line.start).map((sg) => part(sg));
  if (segs.length === 2) {
    const [a, b] = segs as [Segment, Segment];
    const [link, other] = a.link ? [a, b] : [b, a];
    const rest = text(other);
    if (link.link && !other.link && words(text(link)) >= 3 && DIGIT.test(rest) && words(rest) <= 5) {
      const dated = part(other, DATE.test(rest) ? 'date' : undefined);
      return a === link ? [part(link), dated] : [dated, part(link)];
    }
  }
  return whole();
}
