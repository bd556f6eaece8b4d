import type { FakeRedirect } from './faults'
import type { StallSchedule, WrongTotals } from './listing-faults'

/** Sizes of the generated library. Every section exists even when its count is 0. */
export interface FakePlexDatasetOptions {
  /** Deterministic PRNG seed, default 1. */
  seed?: number
  /** Default 250 ("Movies", section key "1", type movie). */
  movies?: number
  /** Default 5 ("TV Shows", section key "2", type show). */
  shows?: number
  /** Default 2. */
  seasonsPerShow?: number
  /** Default 6. */
  episodesPerSeason?: number
  /** Default 3 ("Music", section key "3", type artist). */
  artists?: number
  /** Default 2. */
  albumsPerArtist?: number
  /** Default 8. */
  tracksPerAlbum?: number
  /** Default 12 ("Photos", section key "4", type photo; about two thirds sit in albums). */
  photos?: number
  /** Default 2 (0 when there are no photo albums): videos (`type="clip"`) in the albums, as phones put them there. */
  clips?: number
  /** Default 'posix' (`/data/Movies/…`); 'windows' spells generated paths `D:\Movies\…` as a Windows server does. */
  pathStyle?: 'posix' | 'windows'
}

export interface FakePlexOptions {
  /** Default 0: an ephemeral port. */
  port?: number
  /** Default 'fake-plex-token'; the owner's token, which sees every section. */
  token?: string
  /**
   * Users the owner shared some libraries with: each token sees only its section keys in
   * /library/sections and gets 401 under /library/sections/{key} for the others (plex-api-facts §9).
   */
  sharedUsers?: SharedUser[]
  /** 40 hex characters; default derived from the dataset seed. */
  machineIdentifier?: string
  /** Default 'Fake Plex'. */
  friendlyName?: string
  /** Default '1.41.3.9314-a0bfb8370'. */
  version?: string
  dataset?: FakePlexDatasetOptions
  /** Forced maximum page size for listings, default null (off). */
  maxPageSize?: number | null
  /** Serve https with this certificate and key (PEM) instead of http; the URL then starts https://. */
  tls?: { cert: string | Buffer; key: string | Buffer }
}

export interface SharedUser {
  /** Shown in the request log instead of the token. */
  name: string
  token: string
  sections: string[]
}

export interface LoggedRequest {
  method: string
  /** The path as requested, without the query string. */
  path: string
  /** Query parameters; an X-Plex-Token value is replaced by '<redacted>'. */
  query: Record<string, string>
  /** X-Plex-* parameters sent as headers or as query parameters, canonically cased; the token is redacted. */
  plexHeaders: Record<string, string>
  /** The status sent, or 0 when the connection was dropped on purpose. */
  status: number
  /** Whose token came, never the token itself: 'owner', a shared user's name, 'unknown', or 'none'. */
  tokenHolder: string
}

export interface FakePlexControls {
  /** Adds an item of the section's main type and returns its ratingKey. */
  addItem(sectionKey: string, fields?: { title?: string; year?: number; filePath?: string }): string
  /** Adds an empty section; any key or title is served as given (tests use odd and hostile ones). */
  addSection(fields: { key: string; type?: 'movie' | 'show' | 'artist' | 'photo'; title?: string }): void
  removeItem(ratingKey: string): void
  /** Deletes a library: gone from /library/sections, 404 under /library/sections/{key}/. */
  removeSection(key: string): void
  renameItem(ratingKey: string, title: string): void
  /** Requests whose path starts with pathPrefix get that status; null clears the prefix. */
  setForcedStatus(pathPrefix: string, status: number | null): void
  setLatency(ms: number): void
  /** Destroys the socket without any response. */
  setDropConnections(on: boolean): void
  /** JSON responses become truncated, unparseable JSON. */
  setMalformedJson(on: boolean): void
  /** JSON responses arrive whole but are not JSON (single quotes for double): malformed, not truncated. */
  setGarbledJson(on: boolean): void
  /** gzip-encoded responses are cut in half (every body is gzipped while this is on, asked for or not). */
  setTruncatedGzip(on: boolean): void
  /** Listings repeat the first page's items, rotated, on every page and announce a total of a million. */
  setRepeatingPages(on: boolean): void
  /** JSON responses padded with whitespace to `bytes` (valid JSON, far larger than expected); null is off. */
  setOversizedResponse(bytes: number | null): void
  /** 503 maintenance body on every route that needs a token. */
  setMaintenance(on: boolean): void
  setMaxPageSize(size: number | null): void
  /** Listings never end: new items on every page, totalSize 1e9. */
  setEndlessPaging(on: boolean): void
  /** Every Nth listing page (in the order first asked) is left unanswered `times` times, then answered; null is off. */
  setStalledPages(schedule: StallSchedule | null): void
  /** A listing page asked with a size above this gets 400, like real Plex above 1000; null is off. */
  setPageSizeCap(size: number | null): void
  /** Paged listings leave out totalSize and X-Plex-Container-Total-Size. */
  setNoTotals(on: boolean): void
  /** Listings announce an impossible total (see WrongTotals); null is off. */
  setWrongTotals(mode: WrongTotals | null): void
  /** Listing entries come without ratingKey and key, so none is usable. */
  setUnusableItems(on: boolean): void
  /**
   * Requests whose path starts with pathPrefix are answered with a redirect to `location` (status
   * 301, 302, 303, 307 or 308) before any auth check, as a reverse proxy in front of Plex would; null clears.
   */
  setRedirect(pathPrefix: string, redirect: FakeRedirect | null): void
  /** Every Plex route answers 429 Too Many Requests with `Retry-After: retryAfter`; null is off. */
  setRateLimited(retryAfter: string | null): void
  requestLog(): LoggedRequest[]
  clearRequestLog(): void
  /** Turns every fault off and restores the starting maxPageSize; the data and the log stay. */
  reset(): void
}

export interface FakePlexServer {
  /** http://127.0.0.1:PORT (https:// with the tls option), no trailing slash. */
  url: string
  token: string
  machineIdentifier: string
  controls: FakePlexControls
  close(): Promise<void>
}
