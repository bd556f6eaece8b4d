import fs from 'node:fs'
import path from 'node:path'
import { crc32, inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

const resources = path.join(import.meta.dirname, '..', '..', '..', 'resources')
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

interface DirectoryEntry {
  width: number
  height: number
  planes: number
  bitCount: number
  bytes: number
  offset: number
}

/** Reads the ICONDIR header and its entries the way Windows does (little-endian, 0 means 256). */
function readIcoDirectory(ico: Buffer): { type: number; entries: DirectoryEntry[] } {
  expect(ico.readUInt16LE(0)).toBe(0)
  const type = ico.readUInt16LE(2)
  const count = ico.readUInt16LE(4)
  const entries = Array.from({ length: count }, (_, index) => {
    const at = 6 + index * 16
    expect(ico.readUInt8(at + 3), 'reserved byte').toBe(0)
    return {
      width: ico.readUInt8(at) || 256,
      height: ico.readUInt8(at + 1) || 256,
      planes: ico.readUInt16LE(at + 4),
      bitCount: ico.readUInt16LE(at + 6),
      bytes: ico.readUInt32LE(at + 8),
      offset: ico.readUInt32LE(at + 12),
    }
  })
  return { type, entries }
}

/** Walks every chunk, checking each CRC, and returns the size from IHDR and the inflated pixels. */
function readPng(png: Buffer): { width: number; height: number; colourType: number; scanlines: Buffer } {
  expect(png.subarray(0, 8).equals(PNG_SIGNATURE), 'PNG signature').toBe(true)
  let at = 8
  const types: string[] = []
  const idat: Buffer[] = []
  let header: Buffer | undefined
  while (at < png.length) {
    const length = png.readUInt32BE(at)
    const type = png.toString('latin1', at + 4, at + 8)
    const data = png.subarray(at + 8, at + 8 + length)
    expect(png.readUInt32BE(at + 8 + length), `${type} CRC`).toBe(
      crc32(png.subarray(at + 4, at + 8 + length)),
    )
    types.push(type)
    if (type === 'IHDR') header = data
    if (type === 'IDAT') idat.push(data)
    at += 12 + length
  }
  expect(at).toBe(png.length)
  expect(types[0]).toBe('IHDR')
  expect(types.at(-1)).toBe('IEND')
  return {
    width: header!.readUInt32BE(0),
    height: header!.readUInt32BE(4),
    colourType: header!.readUInt8(9),
    scanlines: inflateSync(Buffer.concat(idat)),
  }
}

describe('resources/tray.ico', () => {
  const ico = fs.readFileSync(path.join(resources, 'tray.ico'))
  const { type, entries } = readIcoDirectory(ico)

  it('is an icon (not a cursor) with 16, 24, 32 and 48 px entries', () => {
    expect(type).toBe(1)
    expect(entries.map((entry) => [entry.width, entry.height])).toEqual([
      [16, 16],
      [24, 24],
      [32, 32],
      [48, 48],
    ])
    for (const entry of entries) expect([entry.planes, entry.bitCount]).toEqual([1, 32])
  })

  it('lays its images end to end after the directory, with nothing left over', () => {
    let expected = 6 + 16 * entries.length
    for (const entry of entries) {
      expect(entry.offset).toBe(expected)
      expected += entry.bytes
    }
    expect(ico.length).toBe(expected)
  })

  it('holds in each entry a valid RGBA PNG of the size the directory states', () => {
    for (const entry of entries) {
      const png = readPng(ico.subarray(entry.offset, entry.offset + entry.bytes))
      expect([png.width, png.height]).toEqual([entry.width, entry.height])
      expect(png.colourType).toBe(6)
      // One filter byte and four bytes a pixel on every row.
      expect(png.scanlines.length).toBe((entry.width * 4 + 1) * entry.height)
    }
  })

  it('draws the same icon as tray.png and tray@2x.png at their sizes', () => {
    const entryPng = (size: number) => {
      const entry = entries.find((candidate) => candidate.width === size)!
      return ico.subarray(entry.offset, entry.offset + entry.bytes)
    }
    expect(entryPng(16).equals(fs.readFileSync(path.join(resources, 'tray.png')))).toBe(true)
    expect(entryPng(32).equals(fs.readFileSync(path.join(resources, 'tray@2x.png')))).toBe(true)
  })
})
