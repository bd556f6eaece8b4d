import { describe, expect, it } from 'vitest'
import { isLoopbackHost, startCacheProxy } from '../../../src/main/proxy'
import { openCore } from '../service/support'

describe('proxy: where it listens', () => {
  it('refuses a host that is not loopback unless allowed, with a clear error', async () => {
    const core = openCore(undefined)
    await expect(startCacheProxy({ service: core.service, host: '0.0.0.0', port: 0 })).rejects.toThrow(
      /loopback.*0\.0\.0\.0/,
    )
    expect(['127.0.0.1', '::1', 'localhost', '127.0.0.2'].every(isLoopbackHost)).toBe(true)
    expect(['0.0.0.0', '192.168.1.2', '::'].some(isLoopbackHost)).toBe(false)
  })

  it('answers 503 while no server is set up, and 401 without a token first', async () => {
    const core = openCore(undefined)
    const proxy = await startCacheProxy({ service: core.service, port: 0 })
    try {
      expect(proxy.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect((await fetch(`${proxy.url}/library/sections`)).status).toBe(401)
      const response = await fetch(`${proxy.url}/library/sections`, { headers: { 'X-Plex-Token': 't' } })
      expect(response.status).toBe(503)
    } finally {
      await proxy.close()
    }
  })
})
