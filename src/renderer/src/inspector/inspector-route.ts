/**
 * "#inspector/<section key>" opens the item browser on that library, so a link (or the UI
 * benchmark) can land straight on it. Only read once, when the view mounts.
 */
export function libraryFromHash(hash: string): string | null {
  const match = /^#inspector\/([^/?#]+)/.exec(hash)
  return match?.[1] === undefined ? null : decodeURIComponent(match[1])
}
