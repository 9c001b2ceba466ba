/** 32-bit hashing for shingles and MinHash: FNV-1a over UTF-16 units, murmur3's finalizer for mixing. No dependency. */

/** FNV-1a 32-bit of a string's UTF-16 code units (Arabic letters are single units after foldKey). */
export function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3 fmix32: a bijection on 32-bit ints with full avalanche. */
export function fmix32(x: number): number {
  let h = x | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combine a running hash with one more 32-bit value (murmur3's block step). */
export function combine(h: number, v: number): number {
  let k = Math.imul(v | 0, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  let x = (h ^ k) | 0;
  x = (x << 13) | (x >>> 19);
  return (Math.imul(x, 5) + 0xe6546b64) | 0;
}

/**
 * The sorted, de-duplicated set of k-word shingle hashes of `words`. A text shorter than k words gives one shingle
 * (all its words); an empty text gives none. `lead` receives the hash of the first shingle (0 when empty).
 */
export function shingleHashes(words: readonly string[], k: number): { set: Uint32Array; lead: number } {
  const n = words.length;
  if (n === 0) return { set: new Uint32Array(0), lead: 0 };
  const wh = new Uint32Array(n);
  for (let i = 0; i < n; i++) wh[i] = fnv1a(words[i] as string);
  const w = Math.min(k, n);
  const count = n - w + 1;
  const out = new Uint32Array(count);
  for (let i = 0; i < count; i++) {
    let h = 0x3c6ef372 ^ w;
    for (let j = 0; j < w; j++) h = combine(h, wh[i + j] as number);
    out[i] = fmix32(h ^ w);
  }
  const lead = out[0] as number;
  out.sort();
  let m = 0;
  for (let i = 0; i < count; i++) {
    const v = out[i] as number;
    if (m === 0 || out[m - 1] !== v) out[m++] = v;
  }
  return { set: m === count ? out : out.slice(0, m), lead };
}

/** Size of the intersection of two sorted, de-duplicated Uint32Arrays. */
export function intersectSize(a: Uint32Array, b: Uint32Array): number {
  let i = 0;
  let j = 0;
  let n = 0;
  const la = a.length;
  const lb = b.length;
  while (i < la && j < lb) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      n++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return n;
}

/** Seeds for `count` MinHash functions h_i(x) = fmix32(x ^ seed_i), from a fixed splitmix-like sequence. */
export function minhashSeeds(count: number): Uint32Array {
  const seeds = new Uint32Array(count);
  let s = 0x9e3779b9;
  for (let i = 0; i < count; i++) {
    s = (s + 0x9e3779b9) | 0;
    seeds[i] = fmix32(s ^ (i * 0x632be5ab));
  }
  return seeds;
}

/** MinHash signature of a shingle set: for each seed, the minimum of fmix32(x ^ seed). */
export function minhash(set: Uint32Array, seeds: Uint32Array, out: Uint32Array = new Uint32Array(seeds.length)): Uint32Array {
  const H = seeds.length;
  out.fill(0xffffffff);
  for (let i = 0; i < set.length; i++) {
    const x = set[i] as number;
    for (let j = 0; j < H; j++) {
      const v = fmix32(x ^ (seeds[j] as number));
      if (v < (out[j] as number)) out[j] = v;
    }
  }
  return out;
}
