/**
 * Two searches that Plex would answer identically must share one cache entry:
 * Plex matches titles case-insensitively, so " The Matrix " and "the matrix" are one search.
 * NFC makes a precomposed "é" and "e" + combining accent the same key.
 */
export function normaliseSearchKey(title: string): string {
  return title.normalize('NFC').trim().toLowerCase()
}

/** The last path segment, for both POSIX and Windows paths (Plex servers run on both). */
export function fileNameOf(path: string): string {
  const lastSeparator = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'))
  return path.slice(lastSeparator + 1)
}
