/**
 * Cache entries and documents are scoped to the server's machine identifier, so two servers (or one
 * URL that later points at another server) never share data.
 */
export function libraryCacheKey(machineIdentifier: string, sectionKey: string): string {
  return `${machineIdentifier}:${sectionKey}`
}

/** The section key of a scoped cache key, or undefined when the entry belongs to another server. */
export function sectionKeyOf(cacheKey: string, machineIdentifier: string): string | undefined {
  const prefix = `${machineIdentifier}:`
  return cacheKey.startsWith(prefix) ? cacheKey.slice(prefix.length) : undefined
}

export function sectionsDocument(machineIdentifier: string): string {
  return `sections:${machineIdentifier}`
}
