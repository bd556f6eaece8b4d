/** A plex.tv resource that is a Plex Media Server, as the app keeps it. */
export interface PlexTvServer {
  name: string
  /** The server's machine identifier: /identity on any of its connections must say the same. */
  clientIdentifier: string
  /** The token for this server only; never sent to any other server. */
  accessToken: string
  owned: boolean
  productVersion?: string
  platform?: string
  presence?: boolean
  connections: PlexTvConnection[]
}

export interface PlexTvConnection {
  uri: string
  protocol: 'http' | 'https'
  address: string
  port: number
  local: boolean
  relay: boolean
  IPv6: boolean
}

/**
 * The servers in plex.tv's resources answer: devices whose `provides` contains "server" and that
 * carry an access token (a server shared without one cannot be read). Anything malformed is left
 * out rather than failing the whole list: one odd device must not hide the user's server.
 */
export function serversFromResources(body: unknown): PlexTvServer[] {
  if (!Array.isArray(body)) return []
  return body.flatMap((device): PlexTvServer[] => {
    if (typeof device !== 'object' || device === null) return []
    const raw = device as Record<string, unknown>
    const provides = typeof raw.provides === 'string' ? raw.provides.split(',') : []
    if (!provides.includes('server')) return []
    const name = text(raw.name)
    const clientIdentifier = text(raw.clientIdentifier)
    const accessToken = text(raw.accessToken)
    if (!name || !clientIdentifier || !accessToken) return []
    const connections = Array.isArray(raw.connections)
      ? raw.connections.flatMap((each) => connectionFrom(each) ?? [])
      : []
    return [
      {
        name,
        clientIdentifier,
        accessToken,
        owned: flag(raw.owned),
        ...optionalText('productVersion', raw.productVersion),
        ...optionalText('platform', raw.platform),
        presence: raw.presence === undefined ? undefined : flag(raw.presence),
        connections,
      },
    ]
  })
}

function connectionFrom(value: unknown): PlexTvConnection | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const raw = value as Record<string, unknown>
  const uri = text(raw.uri)
  if (!uri || !URL.canParse(uri)) return undefined
  const url = new URL(uri)
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined
  // A uri with credentials or a query would be a strange place to send a token: left out.
  if (url.username !== '' || url.password !== '' || url.search !== '') return undefined
  const protocol = url.protocol === 'https:' ? 'https' : 'http'
  return {
    uri: uri.replace(/\/+$/, ''),
    protocol,
    address: text(raw.address) ?? url.hostname,
    port: typeof raw.port === 'number' ? raw.port : Number(url.port || (protocol === 'https' ? 443 : 80)),
    local: flag(raw.local),
    relay: flag(raw.relay),
    IPv6: flag(raw.IPv6),
  }
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined
}

function optionalText<K extends string>(key: K, value: unknown): Partial<Record<K, string>> {
  const found = text(value)
  return found === undefined ? {} : ({ [key]: found } as Record<K, string>)
}

function flag(value: unknown): boolean {
  return value === true || value === 1 || value === '1' || value === 'true'
}
