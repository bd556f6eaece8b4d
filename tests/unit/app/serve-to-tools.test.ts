import net from 'node:net'
import { describe, expect, it, vi } from 'vitest'
import type { ToolsProxyStatus } from '../../../src/shared/contract'
import { fakePlex } from '../../support/fake-plex'
import { openController } from './support'

const DATASET = { movies: 12, shows: 1, seasonsPerShow: 1, episodesPerSeason: 2, artists: 0, photos: 0 }

/** A port free a moment ago: the settings refuse 0, so the test picks one the system just gave out. */
async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

async function refused(url: string): Promise<boolean> {
  try {
    await fetch(url)
    return false
  } catch {
    return true
  }
}

describe('Settings: serve the cache to other tools', () => {
  it('starts the proxy on loopback when turned on, moves it with the port and stops it when turned off', async () => {
    const fake = await fakePlex({ dataset: DATASET })
    const { controller, events } = await openController()
    await controller.run('setSettings', { serverUrl: fake.url, token: fake.token })
    expect(await controller.run('toolsProxyStatus', undefined)).toEqual({ state: 'off' })

    const port = await freePort()
    const saved = await controller.run('setSettings', { serveToTools: true, toolsPort: port })
    expect(saved).toMatchObject({ serveToTools: true, toolsPort: port })
    const url = `http://127.0.0.1:${port}`
    await vi.waitFor(() =>
      expect(events).toContainEqual({ event: 'toolsProxy', payload: { state: 'serving', url } }),
    )
    expect(await controller.run('toolsProxyStatus', undefined)).toEqual({ state: 'serving', url })
    // A tool with the server's token reads the libraries through it; without a token it is refused, as by Plex.
    const sections = await fetch(`${url}/library/sections`, { headers: { 'X-Plex-Token': fake.token } })
    expect(sections.status).toBe(200)
    expect(await sections.text()).toContain('title="Movies"')
    expect((await fetch(`${url}/library/sections`)).status).toBe(401)

    const otherPort = await freePort()
    await controller.run('setSettings', { toolsPort: otherPort })
    const moved = `http://127.0.0.1:${otherPort}`
    await vi.waitFor(async () =>
      expect(await controller.run('toolsProxyStatus', undefined)).toEqual({ state: 'serving', url: moved }),
    )
    expect(await refused(`${url}/identity`)).toBe(true)

    await controller.run('setSettings', { serveToTools: false })
    await vi.waitFor(async () =>
      expect(await controller.run('toolsProxyStatus', undefined)).toEqual({ state: 'off' }),
    )
    expect(await refused(`${moved}/identity`)).toBe(true)
  })

  it('says so in a notice and in its status when the port is taken, and serves once another is chosen', async () => {
    const fake = await fakePlex({ dataset: DATASET })
    const taken = net.createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const port = (taken.address() as net.AddressInfo).port
    try {
      const { controller, events } = await openController()
      await controller.run('setSettings', { serverUrl: fake.url, token: fake.token })
      await controller.run('setSettings', { serveToTools: true, toolsPort: port })
      const failed: ToolsProxyStatus = {
        state: 'failed',
        port,
        message: `The cache could not be served to other tools: port ${port} is already in use. Choose another port in Settings.`,
      }
      await vi.waitFor(async () =>
        expect(await controller.run('toolsProxyStatus', undefined)).toEqual(failed),
      )
      const notices = events.filter((message) => message.event === 'notice')
      expect(notices).toEqual([{ event: 'notice', payload: { level: 'error', message: failed.message } }])
      // Another setting saved meanwhile does not try the taken port again, nor repeat the notice.
      await controller.run('setSettings', { keepWarm: false })
      expect(events.filter((message) => message.event === 'notice')).toHaveLength(1)

      const free = await freePort()
      await controller.run('setSettings', { toolsPort: free })
      await vi.waitFor(async () =>
        expect(await controller.run('toolsProxyStatus', undefined)).toEqual({
          state: 'serving',
          url: `http://127.0.0.1:${free}`,
        }),
      )
    } finally {
      await new Promise((resolve) => taken.close(resolve))
    }
  })

  it('serves again after a restart when it was left on, and stops when the app closes', async () => {
    const fake = await fakePlex({ dataset: DATASET })
    const first = await openController()
    const port = await freePort()
    await first.controller.run('setSettings', { serverUrl: fake.url, token: fake.token })
    await first.controller.run('setSettings', { serveToTools: true, toolsPort: port })
    const url = `http://127.0.0.1:${port}`
    await vi.waitFor(async () =>
      expect(await first.controller.run('toolsProxyStatus', undefined)).toEqual({ state: 'serving', url }),
    )
    await first.controller.close()
    expect(await refused(`${url}/identity`)).toBe(true)

    const again = await openController({ dataDir: first.dataDir })
    await vi.waitFor(async () =>
      expect(await again.controller.run('toolsProxyStatus', undefined)).toEqual({ state: 'serving', url }),
    )
    const sections = await fetch(`${url}/library/sections`, { headers: { 'X-Plex-Token': fake.token } })
    expect(sections.status).toBe(200)
  })
})
