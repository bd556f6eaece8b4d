import type { FakePlexServer } from '../../src/fake-plex'
import { assertBench } from '../stats'

export const PAGE = 100
export const ALL = '/library/sections/1/all'
export const moviesOnly = (movies: number) => ({ movies, shows: 0, artists: 0, photos: 0 })
export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** GET with the token in a header, as tools send it; resolves with the whole body as text. */
export async function getText(url: string, token: string, accept?: string): Promise<string> {
  const response = await fetch(url, { headers: { 'X-Plex-Token': token, ...(accept && { Accept: accept }) } })
  assertBench(response.ok, `${url} answered ${response.status}`)
  return response.text()
}

export const videoCount = (xml: string) => xml.match(/<Video /g)?.length ?? 0

/** Item requests that reached the fake (a size=0 count and the section list are not). */
export function upstreamItemRequests(fake: FakePlexServer): number {
  return fake.controls
    .requestLog()
    .filter((entry) => /\/all$/.test(entry.path) && entry.plexHeaders['X-Plex-Container-Size'] !== '0').length
}
