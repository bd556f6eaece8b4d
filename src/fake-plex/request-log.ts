import type { LoggedRequest } from './options'
import type { PlexRequest } from './request'

export const REDACTED = '<redacted>'
// Long CLI runs (benchmarks) must not grow without bound; tests never come near this.
const MAX_ENTRIES = 10_000

/** What tests assert against: every served request, with the token never stored. */
export class RequestLog {
  private entries: LoggedRequest[] = []

  record(request: PlexRequest, status: number, tokenHolder = 'none'): void {
    const query = Object.fromEntries(
      Object.entries(request.query).map(([name, value]) => [name, isToken(name) ? REDACTED : value]),
    )
    const plexHeaders = Object.fromEntries(
      Object.entries(request.plexParams).map(([name, value]) => [name, isToken(name) ? REDACTED : value]),
    )
    this.entries.push({
      method: request.method,
      path: request.rawPath,
      query,
      plexHeaders,
      status,
      tokenHolder,
    })
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES)
  }

  list(): LoggedRequest[] {
    return this.entries.map((entry) => structuredClone(entry))
  }

  clear(): void {
    this.entries = []
  }
}

function isToken(name: string): boolean {
  return name.toLowerCase() === 'x-plex-token'
}
