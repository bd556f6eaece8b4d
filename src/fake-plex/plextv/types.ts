/** A connection plex.tv lists for a server (facts §6). */
export interface FakePlexTvConnection {
  uri: string
  local: boolean
  relay: boolean
  IPv6?: boolean
}

/** A Plex Media Server as the fake plex.tv's resources list it. */
export interface FakePlexTvServer {
  name: string
  /** The server's machine identifier. */
  clientIdentifier: string
  /** The token the account uses for this server. */
  accessToken: string
  owned?: boolean
  connections: FakePlexTvConnection[]
}

export interface FakePlexTvOptions {
  /** Default 0: an ephemeral port on 127.0.0.1. */
  port?: number
  /** The token an approved PIN carries, and the one /api/v2/user and /resources accept. */
  accountToken?: string
  /**
   * A PIN is approved by itself on this poll (1 = the first check already carries the token);
   * null (the default) waits for the claim hook, POST /__fake/pins/{id}/claim.
   */
  approveAfterPolls?: number | null
  /** Default 900, as plex.tv. */
  pinLifetimeSeconds?: number
  servers?: FakePlexTvServer[]
}

export interface FakePlexTvRequest {
  method: string
  /** The whole request target, query string included, exactly as received. */
  url: string
  /** X-Plex-* headers as received (lower-cased names), the token replaced by '<redacted>'. */
  plexHeaders: Record<string, string>
  status: number
}

export interface FakePlexTv {
  /** http://127.0.0.1:PORT: what PLEX_CACHE_PLEX_TV_URL is set to. */
  url: string
  /** The fake sign-in page (`${url}/auth`). */
  authUrl: string
  accountToken: string
  /** Approves a PIN at once, as a person would on the auth page. */
  claim(pinId: number): boolean
  /** Ends a PIN's life now: later checks get 404 code 1020. */
  expire(pinId: number): void
  /** The PINs created so far, newest last. */
  pins(): Array<{ id: number; code: string; polls: number; clientIdentifier: string }>
  setServers(servers: FakePlexTvServer[]): void
  /** The next N answers (any route but the hooks) are this status with plex.tv's error body. */
  failNext(status: 429 | 500 | 503, count?: number): void
  requestLog(): FakePlexTvRequest[]
  close(): Promise<void>
}
