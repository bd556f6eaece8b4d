import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { fakePlex } from '../../support/fake-plex'
import { openController } from './support'

const servers: http.Server[] = []
afterEach(() => servers.splice(0).forEach((server) => server.close()))

/** A server that only notes every request's full URL and headers, to see whether a token reached it. */
async function recordingServer(): Promise<{ url: string; seen: string[] }> {
  const seen: string[] = []
  const server = http.createServer((request, response) => {
    seen.push(`${request.url} ${JSON.stringify(request.headers)}`)
    response.writeHead(401).end()
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen }
}

describe('changing the server in the window', () => {
  it('without a new token removes the saved one, says so, and never sends it to the new server', async () => {
    const first = await fakePlex({ dataset: { movies: 2, shows: 0, artists: 0, photos: 0 } })
    const second = await recordingServer()
    const { controller, events, store } = await openController()
    await controller.run('setSettings', { serverUrl: first.url, token: first.token })

    const settings = await controller.run('setSettings', { serverUrl: second.url })
    expect(settings).toMatchObject({ serverUrl: second.url, tokenSet: false, tokenStorage: 'none' })
    expect(events).toContainEqual({
      event: 'notice',
      payload: { level: 'warning', message: expect.stringContaining('The saved Plex token was removed') },
    })
    await expect(controller.run('listLibraries', undefined)).rejects.toMatchObject({ code: 'NOT_CONFIGURED' })
    expect(second.seen.join('\n')).not.toContain(first.token)
    expect(store.serviceSettings().token).toBeUndefined()
  })

  it('with the new token keeps the new one and says nothing about removing', async () => {
    const first = await fakePlex({ dataset: { movies: 2, shows: 0, artists: 0, photos: 0 } })
    const second = await fakePlex({
      dataset: { movies: 3, shows: 0, artists: 0, photos: 0 },
      token: 'second-token',
    })
    const { controller, events } = await openController()
    await controller.run('setSettings', { serverUrl: first.url, token: first.token })
    const settings = await controller.run('setSettings', { serverUrl: second.url, token: 'second-token' })
    expect(settings).toMatchObject({ serverUrl: second.url, tokenSet: true })
    expect(JSON.stringify(events)).not.toContain('token was removed')
    expect((await controller.run('listLibraries', undefined)).length).toBeGreaterThan(0)
  })
})

describe('disconnecting with the token kept', () => {
  it('offers only the same server back: reconnecting there works, any other address drops the token', async () => {
    const first = await fakePlex({ dataset: { movies: 2, shows: 0, artists: 0, photos: 0 } })
    const second = await recordingServer()
    const { controller, store } = await openController()
    await controller.run('setSettings', { serverUrl: first.url, token: first.token })

    const disconnected = await controller.run('setSettings', { serverUrl: null })
    expect(disconnected).toMatchObject({ serverUrl: null, tokenSet: true, disconnectedFrom: first.url })
    const reconnected = await controller.run('setSettings', { serverUrl: first.url })
    expect(reconnected).toMatchObject({ serverUrl: first.url, tokenSet: true })
    expect(reconnected.disconnectedFrom).toBeUndefined()
    expect((await controller.run('listLibraries', undefined)).map((row) => row.title)).toContain('Movies')

    await controller.run('setSettings', { serverUrl: null })
    const elsewhere = await controller.run('setSettings', { serverUrl: second.url })
    expect(elsewhere).toMatchObject({ serverUrl: second.url, tokenSet: false })
    expect(elsewhere.disconnectedFrom).toBeUndefined()
    await controller.run('refreshAll', { force: false }).catch(() => undefined)
    expect(second.seen.join('\n')).not.toContain(first.token)
    expect(store.serviceSettings().token).toBeUndefined()
  })
})
