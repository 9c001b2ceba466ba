/** A candidate span of the entity finder, before overlaps are resolved. */
import type { EntityType } from '../types.js';

/** Rule strength, for spans of the same length: lower wins. */
export const PRIO = {
  gazetteer: 0,
  pattern: 1,
  title: 2,
  shape: 3,
  repeat: 4,
} as const;
export type Prio = (typeof PRIO)[keyof typeof PRIO];

export interface Cand {
  /** Tokens [start, end). */
  start: number;
  end: number;
  /** Original offsets of the mention (without the clitics of its first word). */
  from: number;
  to: number;
  type: EntityType;
  roles: string[];
  prio: Prio;
}
