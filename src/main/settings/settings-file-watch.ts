import fs from 'node:fs'
import path from 'node:path'

/** Several events arrive for one save (the temporary file, the rename); one look after them is enough. */
const SETTLE_MS = 100

/**
 * Calls `onChange` shortly after settings.json is replaced or changed by anyone, this process
 * included (the caller ignores a file that says what it already holds). The folder is watched,
 * not the file: every save renames a new file over the old one, which a watch on the file itself
 * would lose track of. Returns a function that stops watching. Where watching is unavailable,
 * changes made elsewhere apply at the next start.
 */
export function watchSettingsFile(file: string, onChange: () => void): () => void {
  const name = path.basename(file)
  let timer: NodeJS.Timeout | undefined
  let watcher: fs.FSWatcher
  try {
    watcher = fs.watch(path.dirname(file), { persistent: false }, (_event, changed) => {
      if (changed !== null && changed !== name) return
      clearTimeout(timer)
      timer = setTimeout(onChange, SETTLE_MS)
    })
  } catch {
    return () => {}
  }
  watcher.on('error', () => watcher.close())
  return () => {
    clearTimeout(timer)
    watcher.close()
  }
}
