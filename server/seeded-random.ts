/** Seeded randomness for the demo data: a sequence generator and a random-access hash. */

/** mulberry32: a tiny, fast PRNG that is good enough for demo data. Returns values in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** murmur3's finaliser: scrambles 32 bits so neighbouring inputs give unrelated outputs. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** A random value in [0, 1) addressed by (seed, n); n may exceed 32 bits (e.g. epoch ms). */
export function hashUnit(seed: number, n: number): number {
  const low = n >>> 0;
  const high = Math.floor(n / 4294967296) >>> 0;
  return mix32(mix32(seed ^ low) + high) / 4294967296;
}
