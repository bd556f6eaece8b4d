import { describe, expect, it } from 'vitest'
import { createHandlerTable } from '../../../src/main/ipc/handler-table'
import { openController } from './support'

async function reachable(url: string): Promise<boolean> {
  try {
    await fetch(`${url}/identity`)
    return true
  } catch {
    return false
  }
}

describe('demo mode', () => {
  it('starts the bundled fake server on loopback and lists its libraries', async () => {
    const { controller, events } = await openController()
    const table = createHandlerTable(controller)
    const settings = await table.useDemoServer({})
    expect(settings).toMatchObject({ ok: true, value: { demo: true, tokenSet: true } })
    const url = settings.ok ? settings.value.serverUrl! : ''
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(events).toContainEqual({ event: 'settings', payload: expect.objectContaining({ demo: true }) })

    const libraries = await table.listLibraries({})
    expect(libraries.ok && libraries.value.map((row) => [row.title, row.type])).toEqual([
      ['Movies', 'movie'],
      ['TV Shows', 'show'],
      ['Music', 'artist'],
      ['Photos', 'photo'],
    ])
    const refreshed = await table.refreshLibrary({ library: 'Movies' })
    expect(refreshed).toMatchObject({ ok: true, value: { itemCount: 40 } })

    // Asking again reuses the running server.
    const again = await table.useDemoServer({})
    expect(again.ok && again.value.serverUrl).toBe(url)

    await controller.close()
    expect(await reachable(url)).toBe(false)
  })

  it('comes back on the next launch, on a new port, with the same cached data', async () => {
    const first = await openController()
    const started = await first.controller.run('useDemoServer', undefined)
    await first.controller.run('refreshLibrary', { library: '1' })
    await first.controller.close()

    const second = await openController({ dataDir: first.dataDir })
    const settings = await second.controller.run('getSettings', undefined)
    expect(settings).toMatchObject({ demo: true, tokenSet: true })
    expect(settings.serverUrl).not.toBe(started.serverUrl)
    const libraries = await second.controller.run('listLibraries', undefined)
    expect(libraries.find((row) => row.key === '1')).toMatchObject({ cached: true, itemCount: 40 })
  })

  it('stops the demo server when the user switches to another server', async () => {
    const { controller } = await openController()
    const demo = await controller.run('useDemoServer', undefined)
    const settings = await controller.run('setSettings', { serverUrl: 'http://127.0.0.1:9' })
    expect(settings).toMatchObject({ demo: false, tokenSet: false })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(await reachable(demo.serverUrl!)).toBe(false)
  })
})
