/**
 * Query-string parameters of the API, checked: every reader returns the value or throws a bad_request ApiError
 * whose message names the parameter. An empty value (`?role=`) counts as not given; a parameter given twice counts
 * by its first value; unknown parameters are ignored.
 */
import { badRequest } from './errors.js';

/** Reads one parameter: undefined when absent or empty. */
export type Get = (name: string) => string | undefined;

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;
/** Beyond this an offset can only give an empty page; refused so that the number stays a plain integer in SQL. */
export const MAX_OFFSET = 1_000_000_000;
/** Longest id, name or outlet accepted as a filter. */
export const MAX_TEXT = 500;
/** Longest search query accepted (src/search reads at most 1000 characters of it anyway). */
export const MAX_QUERY = 2000;

export const ROLES = ['main', 'related', 'teaser'] as const;
export const ENTITY_TYPES = ['person', 'organization', 'location'] as const;

/** C0 controls other than tab, CR, LF (PostgreSQL refuses NUL in text), and lone surrogates. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function getter(query: (name: string) => string | undefined): Get {
  return (name) => {
    const v = query(name);
    return v === undefined || v === '' ? undefined : v;
  };
}

function integer(get: Get, name: string, min: number, max: number, fallback: number): number {
  const raw = get(name);
  if (raw === undefined) return fallback;
  if (!/^\d{1,10}$/.test(raw)) throw badRequest(`${name} must be a whole number from ${min} to ${max}`);
  const n = Number(raw);
  if (n < min || n > max) throw badRequest(`${name} must be a whole number from ${min} to ${max}`);
  return n;
}

export function paging(get: Get): { limit: number; offset: number } {
  return { limit: integer(get, 'limit', 1, MAX_LIMIT, DEFAULT_LIMIT), offset: integer(get, 'offset', 0, MAX_OFFSET, 0) };
}

/** A free-text parameter (id, name, outlet, query): at most `max` characters, no control characters. */
export function text(get: Get, name: string, max: number = MAX_TEXT): string | undefined {
  const raw = get(name);
  if (raw === undefined) return undefined;
  if (raw.length > max) throw badRequest(`${name} is longer than ${max} characters`);
  if (CONTROL.test(raw)) throw badRequest(`${name} contains control characters`);
  return raw;
}

/** Whether `value` is free of characters that cannot be stored (NUL and the other C0 controls, lone surrogates). */
export function isCleanText(value: string): boolean {
  return !CONTROL.test(value);
}

/** A calendar day, YYYY-MM-DD. */
export function day(get: Get, name: string): string | undefined {
  const raw = get(name);
  if (raw === undefined) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const d = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
  if (!d || d.toISOString().slice(0, 10) !== raw) throw badRequest(`${name} must be a date YYYY-MM-DD`);
  return raw;
}

export function oneOf<T extends string>(get: Get, name: string, values: readonly T[]): T | undefined {
  const raw = get(name);
  if (raw === undefined) return undefined;
  if (!(values as readonly string[]).includes(raw)) throw badRequest(`${name} must be one of ${values.join(', ')}`);
  return raw as T;
}

/** The search query: required, with at least one character that is not a space. */
export function query(get: Get, name: string): string {
  const q = text(get, name, MAX_QUERY);
  if (q === undefined || q.trim() === '') throw badRequest(`${name} is required`);
  return q;
}

/** The date range [from, to]; from after to is refused. */
export function range(get: Get): { from?: string; to?: string } {
  const from = day(get, 'from');
  const to = day(get, 'to');
  if (from !== undefined && to !== undefined && from > to) throw badRequest('from must not be after to');
  return compact({ from, to });
}

/** The object without its undefined values (for the store's optional filters under exactOptionalPropertyTypes). */
export function compact<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
