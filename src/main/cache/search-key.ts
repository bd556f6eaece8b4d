/**
 * Two searches that Plex would answer identically must share one cache entry:
 * Plex matches titles case-insensitively, so " The Matrix " and "the matrix" are one search.
 * NFC makes a precomposed "é" and "e" + combining accent the same key.
 */
export function normaliseSearchKey(title: string): string {
  return title.normalize('NFC').trim().toLowerCase()
}

/** The lower-cased, NFC form used by every case-insensitive index in the cache. */
export function foldForIndex(text: string): string {
  // normalize() is the costly half and cannot change pure ASCII, which most titles and paths are.
  return ASCII_ONLY.test(text) ? text.toLowerCase() : text.normalize('NFC').toLowerCase()
}

const ASCII_ONLY = /^\p{ASCII}*$/u

/** The last path segment, for both POSIX and Windows paths (Plex servers run on both). */
export function fileNameOf(path: string): string {
  const lastSeparator = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  return path.slice(lastSeparator + 1)
}
