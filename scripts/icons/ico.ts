// Minimal ICO writer: Windows wants its tray icon as an .ico holding several sizes, and has read
// PNG-compressed entries since Vista, so each entry is simply one of our PNGs.

export interface IcoEntry {
  /** Width and height in pixels (square), 1 to 256. */
  size: number
  png: Buffer
}

const HEADER_BYTES = 6
const DIRECTORY_ENTRY_BYTES = 16

export function encodeIco(entries: IcoEntry[]): Buffer {
  if (entries.length === 0) throw new Error('an icon needs at least one image')
  const header = Buffer.alloc(HEADER_BYTES)
  header.writeUInt16LE(0, 0) // reserved
  header.writeUInt16LE(1, 2) // 1 = icon (2 would be a cursor)
  header.writeUInt16LE(entries.length, 4)

  const directory = Buffer.alloc(DIRECTORY_ENTRY_BYTES * entries.length)
  let offset = HEADER_BYTES + directory.length
  entries.forEach(({ size, png }, index) => {
    if (!Number.isInteger(size) || size < 1 || size > 256) throw new Error(`no ICO entry can be ${size} px`)
    const at = index * DIRECTORY_ENTRY_BYTES
    // One byte each for width and height, where 0 stands for 256.
    directory.writeUInt8(size % 256, at)
    directory.writeUInt8(size % 256, at + 1)
    directory.writeUInt8(0, at + 2) // no palette
    directory.writeUInt8(0, at + 3) // reserved
    directory.writeUInt16LE(1, at + 4) // colour planes
    directory.writeUInt16LE(32, at + 6) // bits per pixel: RGBA
    directory.writeUInt32LE(png.length, at + 8)
    directory.writeUInt32LE(offset, at + 12)
    offset += png.length
  })
  return Buffer.concat([header, directory, ...entries.map((entry) => entry.png)])
}
