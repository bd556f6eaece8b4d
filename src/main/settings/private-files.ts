import fs from 'node:fs'
import path from 'node:path'

/** Only the owner may list or enter the folder: it holds the settings, and may hold the token. */
export const PRIVATE_FOLDER_MODE = 0o700
/** Only the owner may read or write the file. */
export const PRIVATE_FILE_MODE = 0o600

/**
 * Creates the folder if needed and makes it owner-only either way: a folder made by someone else
 * (Electron makes its userData folder with the umask's 0755) is tightened too.
 */
export function makePrivateFolder(folder: string): void {
  fs.mkdirSync(folder, { recursive: true, mode: PRIVATE_FOLDER_MODE })
  fs.chmodSync(folder, PRIVATE_FOLDER_MODE)
}

/**
 * Writes the file aside and renames it over the old one, so a crash mid-write never leaves half a
 * file. The mode is set with chmod, not only on open: `mode` applies only when a file is created,
 * so a temporary file a crash left behind (or one created under another umask) would otherwise
 * keep whatever mode it had, and the rename would carry that mode over.
 */
export function writePrivateFile(file: string, text: string): void {
  makePrivateFolder(path.dirname(file))
  const temporary = `${file}.tmp`
  fs.writeFileSync(temporary, text, { mode: PRIVATE_FILE_MODE })
  fs.chmodSync(temporary, PRIVATE_FILE_MODE)
  fs.renameSync(temporary, file)
}
