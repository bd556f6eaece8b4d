/** A small seeded generator (mulberry32): the same seed always gives the same library. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number
  /** Uniform integer in [min, max]. */
  int(min: number, max: number): number
  pick<T>(list: readonly T[]): T
  uint32(): number
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0
  const uint32 = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }
  const next = (): number => uint32() / 0x1_0000_0000
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return { next, int, uint32, pick: (list) => elementAt(list, Math.floor(next() * list.length)) }
}

/** Mixes two integers into a well-spread uint32, so per-item details need no stored state. */
export function hash32(a: number, b: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35)
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** An integer in [min, max] chosen by a hash. */
export function scaled(hash: number, min: number, max: number): number {
  return min + Math.floor((hash / 0x1_0000_0000) * (max - min + 1))
}

export function elementAt<T>(list: readonly T[], index: number): T {
  const value = list[index]
  if (value === undefined) throw new RangeError(`index ${index} outside a list of ${list.length}`)
  return value
}
