import { PlexConfigError } from './errors'

const EXAMPLE = 'for example http://192.168.1.10:32400'

/**
 * Checks a server address a person typed and returns it without trailing slashes, ready for
 * `${baseUrl}/library/sections`. The input is never echoed in the error: people paste URLs that carry
 * `?X-Plex-Token=…`, and the token must not end up in a message or a log.
 */
export function normalizeBaseUrl(raw: string): string {
  const trimmed = typeof raw === 'string' ? raw.trim() : ''
  if (trimmed === '') throw new PlexConfigError(`The Plex server address is empty; enter one, ${EXAMPLE}.`)
  let url: URL
  try {
    url = new URL(trimmed)
  } catch {
    throw new PlexConfigError(`The Plex server address is not a valid URL; enter one ${EXAMPLE}.`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new PlexConfigError(
      `The Plex server address must start with http:// or https://, ${EXAMPLE} (it starts with "${url.protocol}").`,
    )
  }
  if (url.username !== '' || url.password !== '') {
    throw new PlexConfigError(
      'The Plex server address must not contain a user name or password; the token is entered separately.',
    )
  }
  if (url.search !== '' || url.hash !== '') {
    throw new PlexConfigError(
      'The Plex server address must not contain a query (?…) or fragment (#…); the token is entered separately.',
    )
  }
  // A path is kept: a server behind a reverse proxy may live at https://host/plex.
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`
}
