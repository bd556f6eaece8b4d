import fs from 'node:fs'
import path from 'node:path'

/** plex-cache.log → plex-cache.3.log: the name of the rotated copy `index` generations back. */
export function rotatedLogPath(file: string, index: number): string {
  const { dir, name, ext } = path.parse(file)
  return path.join(dir, `${name}.${index}${ext}`)
}

/**
 * Shifts the log down one generation (current → .1, .1 → .2 …) and drops the oldest, so the logs
 * never take more than (keep + 1) × the size limit. The current file is gone afterwards; the next
 * line starts a new one.
 */
export function rotateLogFiles(file: string, keep: number): void {
  if (keep < 1) {
    fs.rmSync(file, { force: true })
    return
  }
  fs.rmSync(rotatedLogPath(file, keep), { force: true })
  for (let index = keep - 1; index >= 1; index--) {
    const from = rotatedLogPath(file, index)
    if (fs.existsSync(from)) fs.renameSync(from, rotatedLogPath(file, index + 1))
  }
  fs.renameSync(file, rotatedLogPath(file, 1))
}
