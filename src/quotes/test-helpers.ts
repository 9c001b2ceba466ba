/** Helpers for the quote tests: build mentions and dates from substrings, compare quotes with expectations. */
import assert from 'node:assert/strict';
import type { DateMention, EntityMention, EntityType, QuoteMention } from '../types.js';

/** [substring, type, occurrence (0-based, default 0)] */
export type MentionSpec = [string, EntityType, number?];
/** [substring, value, occurrence] */
export type DateSpec = [string, string, number?];

export interface Expected {
  speaker: string;
  kind: 'direct' | 'indirect';
  text: string;
  unnamed?: boolean;
  via?: string[];
  date?: string | null;
  /** The speaker is carried over from an earlier sentence (speakerStart/End null). */
  carried?: boolean;
}

function find(text: string, sub: string, nth = 0): number {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(sub, at + 1);
    if (at < 0) throw new Error(`"${sub}" (#${nth}) not in the test text`);
  }
  return at;
}

export function mentionsOf(text: string, specs: MentionSpec[] = []): EntityMention[] {
  return specs.map(([sub, type, nth]) => {
    const start = find(text, sub, nth ?? 0);
    return { text: sub, start, end: start + sub.length, type, roles: [] };
  });
}

export function datesOf(text: string, specs: DateSpec[] = []): DateMention[] {
  return specs.map(([sub, value, nth]) => {
    const start = find(text, sub, nth ?? 0);
    return { text: sub, start, end: start + sub.length, value };
  });
}

/** A quote as the tests write it, from a found QuoteMention. */
export function asExpected(q: QuoteMention): Required<Expected> {
  return {
    speaker: q.speaker,
    kind: q.kind,
    text: q.text,
    unnamed: q.unnamed,
    via: q.via,
    date: q.date,
    carried: q.speakerStart === null,
  };
}

export function normalizeExpected(e: Expected): Required<Expected> {
  return {
    speaker: e.speaker,
    kind: e.kind,
    text: e.text,
    unnamed: e.unnamed ?? false,
    via: e.via ?? [],
    date: e.date ?? null,
    carried: e.carried ?? false,
  };
}

/** Spans agree with the texts; quotes are in order with no span twice. */
export function checkSpans(text: string, quotes: QuoteMention[]): void {
  let prev = -1;
  const seen = new Set<string>();
  for (const q of quotes) {
    assert.equal(text.slice(q.start, q.end), q.text, 'quote span');
    assert.ok(q.start >= prev, 'text order');
    prev = q.start;
    const key = `${q.start}:${q.end}`;
    assert.ok(!seen.has(key), 'no span twice');
    seen.add(key);
    if (q.speakerStart !== null && q.speakerEnd !== null) {
      assert.equal(text.slice(q.speakerStart, q.speakerEnd), q.speaker, 'speaker span');
    } else {
      assert.equal(q.speakerStart, null);
      assert.equal(q.speakerEnd, null);
    }
  }
}
