import { describe, expect, it } from 'vitest'
import { DecodedChunks } from '../../../src/main/cache/decoded-chunks'
import { checksumOf, DamagedEntryError } from '../../../src/main/cache/entry-codec'

const chunkOf = (titles: string[], seq = 0) => {
  const items = JSON.stringify(
    titles.map((title, index) => ({
      ratingKey: String(index),
      key: `/k/${index}`,
      type: 'movie',
      title,
      files: [],
    })),
  )
  return { seq, items, items_checksum: checksumOf(items) }
}

describe('DecodedChunks', () => {
  it('parses a chunk once while it stays the same', () => {
    const decoded = new DecodedChunks()
    const first = decoded.decode(1, chunkOf(['Alien', 'Brazil']))
    expect(first.map((item) => item.title)).toEqual(['Alien', 'Brazil'])
    expect(decoded.decode(1, chunkOf(['Alien', 'Brazil']))).toBe(first)
  })

  it('parses anew a chunk written again with other items, and never keeps a damaged one', () => {
    const decoded = new DecodedChunks()
    decoded.decode(1, chunkOf(['Alien']))
    expect(decoded.decode(1, chunkOf(['Zardoz'])).map((item) => item.title)).toEqual(['Zardoz'])
    const damaged = { ...chunkOf(['Alien'], 1), items_checksum: 7 }
    expect(() => decoded.decode(1, damaged)).toThrow(DamagedEntryError)
    expect(() => decoded.decode(1, damaged)).toThrow(DamagedEntryError)
  })

  it('keeps only its capacity, the least recently decoded dropped first', () => {
    const decoded = new DecodedChunks(2)
    const kept = decoded.decode(1, chunkOf(['A'], 0))
    decoded.decode(1, chunkOf(['B'], 1))
    decoded.decode(1, chunkOf(['C'], 2))
    expect(decoded.decode(1, chunkOf(['A'], 0))).not.toBe(kept)
  })
})
