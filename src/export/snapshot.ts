/**
 * The linkers' state as bytes, and back: what lets the store link new pages incrementally. After a linking run the
 * store keeps this snapshot; the next run restores it and goes on with the new pages only, so that it ends in
 * exactly the state a replay of every page would reach (the linkers are deterministic and the snapshot is taken
 * before `finish`).
 *
 * The state is plain data (Maps, Sets, arrays, typed arrays, numbers, strings) held by a few classes. v8's
 * structured serializer keeps all of it, including shared references and Map order, but not prototypes: each
 * instance of a known class is tagged before serializing and given its prototype back after. An instance of a class
 * this file does not know makes `snapshotLinkers` throw, so a new class in the linkers cannot be lost silently.
 */
import { deserialize, serialize } from 'node:v8';
import { EntityRegistry } from '../entities/index.js';
import { ReprintIndex } from '../reprints/index.js';
import { StoryClusterer, StoryDigest } from '../stories/index.js';
import { Linkers } from './build.js';
import { EntityLinker } from './entities.js';
import { ReprintLinker } from './reprints.js';
import { StoryLinker } from './stories.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Ctor = abstract new (...args: any[]) => object;

const CLASSES: ReadonlyMap<string, Ctor> = new Map<string, Ctor>([
  ['Linkers', Linkers],
  ['EntityLinker', EntityLinker],
  ['EntityRegistry', EntityRegistry],
  ['ReprintLinker', ReprintLinker],
  ['ReprintIndex', ReprintIndex],
  ['StoryLinker', StoryLinker],
  ['StoryClusterer', StoryClusterer],
  ['StoryDigest', StoryDigest],
]);
const NAME_OF = new Map<object, string>([...CLASSES].map(([name, c]) => [c.prototype as object, name]));
const TAG = '__rasdClass';
const PLAIN = new Set<unknown>([Object.prototype, null, Array.prototype, Map.prototype, Set.prototype]);

/** Visits every object reachable from `root` once (Map keys and values, Set members, array items, properties). */
function walk(root: object, visit: (o: object) => void): void {
  const seen = new Set<object>();
  const stack: unknown[] = [root];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    if (ArrayBuffer.isView(v)) continue;
    seen.add(v);
    visit(v);
    if (v instanceof Map) {
      for (const [k, x] of v) {
        if (typeof k === 'object') stack.push(k);
        if (typeof x === 'object') stack.push(x);
      }
    } else if (v instanceof Set) {
      for (const x of v) if (typeof x === 'object') stack.push(x);
    } else if (Array.isArray(v)) {
      for (const x of v) if (typeof x === 'object') stack.push(x);
    } else {
      for (const k of Object.keys(v)) {
        const x = (v as Record<string, unknown>)[k];
        if (typeof x === 'object') stack.push(x);
        else if (typeof x === 'function') throw new Error(`snapshot: a function in the linkers' state (${k})`);
      }
    }
  }
}

/** The linkers' state (before `finish`) as bytes. */
export function snapshotLinkers(linkers: Linkers): Buffer {
  const tagged: object[] = [];
  walk(linkers, (o) => {
    const proto = Object.getPrototypeOf(o) as unknown;
    if (PLAIN.has(proto)) return;
    const name = NAME_OF.get(proto as object);
    if (name === undefined) throw new Error(`snapshot: the linkers hold an instance of an unknown class (${(o as { constructor?: { name?: string } }).constructor?.name ?? '?'})`);
    (o as Record<string, unknown>)[TAG] = name;
    tagged.push(o);
  });
  try {
    return serialize(linkers);
  } finally {
    for (const o of tagged) delete (o as Record<string, unknown>)[TAG];
  }
}

/** Linkers in the state a snapshot recorded. */
export function restoreLinkers(bytes: Uint8Array): Linkers {
  const root = deserialize(bytes) as object;
  walk(root, (o) => {
    const name = (o as Record<string, unknown>)[TAG];
    if (typeof name !== 'string') return;
    const c = CLASSES.get(name);
    if (c === undefined) throw new Error(`snapshot: unknown class ${name}`);
    Object.setPrototypeOf(o, c.prototype as object);
    delete (o as Record<string, unknown>)[TAG];
  });
  if (!(root instanceof Linkers)) throw new Error('snapshot: not a snapshot of the linkers');
  return root;
}
