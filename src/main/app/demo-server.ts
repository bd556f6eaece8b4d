import { randomBytes } from 'node:crypto'
import { startFakePlex, type FakePlexDatasetOptions, type FakePlexServer } from '../../fake-plex'

/**
 * The demo library: a few thousand items across movie, show and music sections. The seed is fixed,
 * so the fake server's machine identifier, and with it the cached data, stays the same across launches.
 */
export const DEMO_DATASET: FakePlexDatasetOptions = {
  seed: 1,
  movies: 2000,
  shows: 30,
  seasonsPerShow: 3,
  episodesPerSeason: 10,
  artists: 20,
  albumsPerArtist: 3,
  tracksPerAlbum: 10,
  photos: 40,
}

export interface DemoEndpoint {
  url: string
  token: string
}

/** The bundled fake Plex server, run in-process on loopback while the app is in demo mode. */
export class DemoServer {
  private starting: Promise<FakePlexServer> | undefined

  constructor(private readonly dataset: FakePlexDatasetOptions = DEMO_DATASET) {}

  get running(): boolean {
    return this.starting !== undefined
  }

  /** Starts the server once; later calls get the same one. Its port differs from launch to launch. */
  async start(): Promise<DemoEndpoint> {
    // A fresh random token per launch: the demo needs no secret, but other local programs get no free pass.
    this.starting ??= startFakePlex({ dataset: this.dataset, token: randomBytes(16).toString('hex') })
    try {
      const server = await this.starting
      return { url: server.url, token: server.token }
    } catch (error) {
      this.starting = undefined
      throw error
    }
  }

  async close(): Promise<void> {
    const starting = this.starting
    this.starting = undefined
    if (!starting) return
    const server = await starting.catch(() => undefined)
    await server?.close()
  }
}
