import { afterEach } from 'vitest'
import {
  startFakePlex,
  type FakePlexOptions,
  type FakePlexServer,
  type LoggedRequest,
} from '../../../src/fake-plex'
import { createCore, type Core, type CoreOptions } from '../../../src/main/core'
import { DEFAULT_SETTINGS, type ServiceEvent, type ServiceSettings } from '../../../src/main/service'
import { tempDir } from '../../support/temp-dir'

const fakes: FakePlexServer[] = []
const cores: Core[] = []

afterEach(async () => {
  await Promise.all(cores.splice(0).map((core) => core.close()))
  await Promise.all(fakes.splice(0).map((fake) => fake.close()))
})

/** A small library: 120 movies, read 50 per request, so one pass is exactly three pages. */
export const SMALL_DATASET = {
  movies: 120,
  shows: 2,
  seasonsPerShow: 1,
  episodesPerSeason: 3,
  artists: 1,
  photos: 4,
}
export const PAGE_SIZE = 50

export async function fakePlex(options: FakePlexOptions = {}): Promise<FakePlexServer> {
  const fake = await startFakePlex({ dataset: SMALL_DATASET, ...options })
  fakes.push(fake)
  return fake
}

export function settingsFor(
  fake: FakePlexServer | undefined,
  changes: Partial<ServiceSettings> = {},
): ServiceSettings {
  return {
    ...DEFAULT_SETTINGS,
    ...(fake ? { serverUrl: fake.url, token: fake.token } : {}),
    pageSize: PAGE_SIZE,
    keepWarm: false,
    ...changes,
  }
}

/** The real core over a temp directory, with instant retries; closed after the test. */
export function openCore(
  fake: FakePlexServer | undefined,
  options: Partial<Omit<CoreOptions, 'settings'>> & { settings?: Partial<ServiceSettings> } = {},
): Core {
  const core = createCore({
    dataDir: options.dataDir ?? tempDir('plex-cache-service-'),
    fetch: (url, init) => fetch(url, init),
    clientIdentifier: '0f3c9a52-8f0b-4c8e-9a0e-2b6c1e9f4a11',
    clientTuning: { retries: 1, sleep: async () => {}, timeoutMs: 5_000 },
    ...options,
    settings: settingsFor(fake, options.settings),
  })
  cores.push(core)
  return core
}

/** Listing requests that return items (a size=0 count request is not one). */
export function itemPageRequests(log: readonly LoggedRequest[]): LoggedRequest[] {
  return log.filter((entry) => /\/all$/.test(entry.path) && containerSize(entry) !== '0')
}

export function countRequests(log: readonly LoggedRequest[]): LoggedRequest[] {
  return log.filter((entry) => /\/all$/.test(entry.path) && containerSize(entry) === '0')
}

export function pathsOf(log: readonly LoggedRequest[]): string[] {
  return log.map((entry) => entry.path)
}

function containerSize(entry: LoggedRequest): string | undefined {
  return entry.plexHeaders['X-Plex-Container-Size'] ?? entry.query['X-Plex-Container-Size']
}

export function recordEvents(core: Core): ServiceEvent[] {
  const events: ServiceEvent[] = []
  core.service.on((event) => events.push(event))
  return events
}
