import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export const CLIENT_ID_FILE = 'client-id'

/**
 * The X-Plex-Client-Identifier: created once per data directory and kept, so Plex sees one stable
 * device for the app and the CLI that share the directory, across launches.
 */
export function persistentClientIdentifier(dataDir: string): string {
  const file = path.join(dataDir, CLIENT_ID_FILE)
  const existing = readIdentifier(file)
  if (existing) return existing
  fs.mkdirSync(dataDir, { recursive: true })
  try {
    // 'wx': when two processes start at once, one writes and the other reads what it wrote.
    fs.writeFileSync(file, `${randomUUID()}\n`, { flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  const written = readIdentifier(file)
  if (!written) throw new Error(`Could not keep a client identifier in ${file}`)
  return written
}

function readIdentifier(file: string): string | undefined {
  try {
    const text = fs.readFileSync(file, 'utf8').trim()
    return text === '' ? undefined : text
  } catch {
    return undefined
  }
}
