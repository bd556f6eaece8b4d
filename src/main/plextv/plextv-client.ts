import { plexIdentityHeaders, type PlexIdentity } from '../plex/headers'
import type { FetchFunction } from '../plex'
import { PlexTvError, plexTvStatusError } from './errors'
import { serversFromResources, type PlexTvServer } from './resources'

/** A PIN as plex.tv returns it; `authToken` stays null until the user approves the code. */
export interface PlexTvPin {
  id: number
  code: string
  /** Epoch milliseconds. */
  expiresAt: number
  authToken: string | null
}

export interface PlexTvClientOptions {
  apiUrl: string
  identity: PlexIdentity
  fetch: FetchFunction
  /** Per request. Default 10 s. */
  timeoutMs?: number
}

const MAX_BODY_CHARACTERS = 4 * 1024 * 1024

/**
 * The few plex.tv calls signing in needs (facts §6). Tokens go only in the X-Plex-Token header,
 * never in a URL; the app's client identifier and product name go in every request, so plex.tv
 * shows "Plex Cache" on the approval page and in the account's device list.
 */
export class PlexTvClient {
  private readonly apiUrl: string
  private readonly timeoutMs: number

  constructor(private readonly options: PlexTvClientOptions) {
    this.apiUrl = options.apiUrl.replace(/\/+$/, '')
    this.timeoutMs = options.timeoutMs ?? 10_000
  }

  get clientIdentifier(): string {
    return this.options.identity.clientIdentifier
  }

  /** A strong (long) code, for the auth page rather than plex.tv/link. */
  async createPin(signal?: AbortSignal): Promise<PlexTvPin> {
    const body = await this.request('POST', '/api/v2/pins?strong=true', 'creating a sign-in code', { signal })
    return pinFrom(body)
  }

  async checkPin(id: number, signal?: AbortSignal): Promise<PlexTvPin> {
    const body = await this.request('GET', `/api/v2/pins/${encodeURIComponent(id)}`, 'the PIN check', {
      signal,
    })
    return pinFrom(body)
  }

  /** Throws PlexTvError 'auth' when the token is not (or no longer) valid. */
  async checkToken(token: string, signal?: AbortSignal): Promise<void> {
    await this.request('GET', '/api/v2/user', 'the account check', { token, signal })
  }

  /** The account's Plex Media Servers, each with its connections and its own access token. */
  async servers(token: string, signal?: AbortSignal): Promise<PlexTvServer[]> {
    const body = await this.request(
      'GET',
      '/api/v2/resources?includeHttps=1&includeRelay=1&includeIPv6=1',
      'the server list',
      { token, signal },
    )
    if (!Array.isArray(body))
      throw new PlexTvError('protocol', 'plex.tv sent a server list that is not a list.')
    return serversFromResources(body)
  }

  private async request(
    method: 'GET' | 'POST',
    path: string,
    what: string,
    { token, signal }: { token?: string; signal?: AbortSignal | undefined },
  ): Promise<unknown> {
    if (signal?.aborted) throw cancelled()
    const timeout = AbortSignal.timeout(this.timeoutMs)
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout
    const headers = {
      ...plexIdentityHeaders(this.options.identity),
      ...(token ? { 'X-Plex-Token': token } : {}),
    }
    let response: Response
    let text: string
    try {
      response = await this.options.fetch(`${this.apiUrl}${path}`, { method, headers, signal: combined })
      text = await response.text()
    } catch {
      if (signal?.aborted) throw cancelled()
      if (timeout.aborted)
        throw new PlexTvError(
          'unavailable',
          `plex.tv did not answer ${what} within ${this.timeoutMs / 1000} s.`,
        )
      throw new PlexTvError('unavailable', `plex.tv could not be reached for ${what}; check the network.`)
    }
    const body = parseJson(text.slice(0, MAX_BODY_CHARACTERS))
    if (!response.ok) throw plexTvStatusError(response.status, body, what)
    if (body === undefined) throw new PlexTvError('protocol', `plex.tv's answer to ${what} was not JSON.`)
    return body
  }
}

function cancelled(): PlexTvError {
  return new PlexTvError('cancelled', 'Signing in was cancelled.')
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

function pinFrom(body: unknown): PlexTvPin {
  const raw = (body ?? {}) as Record<string, unknown>
  const id = typeof raw.id === 'number' ? raw.id : Number(raw.id)
  const code = raw.code
  const expiresAt = typeof raw.expiresAt === 'string' ? Date.parse(raw.expiresAt) : Number.NaN
  if (!Number.isInteger(id) || typeof code !== 'string' || code === '' || Number.isNaN(expiresAt)) {
    throw new PlexTvError('protocol', 'plex.tv sent a sign-in code without an id, a code or an expiry.')
  }
  const authToken = typeof raw.authToken === 'string' && raw.authToken !== '' ? raw.authToken : null
  return { id, code, expiresAt, authToken }
}
