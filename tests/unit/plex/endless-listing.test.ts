import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { fakePlex } from './fake-server'

const run = promisify(execFile)
const CHILD = fileURLToPath(new URL('./endless-listing-child.ts', import.meta.url))
const MB = 1024 * 1024

describe('an endless listing (new items for ever, totalSize 1e9) in a process of its own', () => {
  it('ends in a protocol error at the byte cap with a bounded peak RSS', async () => {
    const fake = await fakePlex()
    fake.controls.setEndlessPaging(true)
    const maxBytes = 64 * MB
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', CHILD, JSON.stringify({ url: fake.url, token: fake.token, maxBytes })],
      { timeout: 90_000 },
    )
    const result = JSON.parse(stdout) as {
      code?: string
      message?: string
      rssBefore: number
      peakRssBytes: number
    }
    expect(result.code).toBe('protocol')
    expect(result.message).toMatch(/sent more than 64 MB for one listing/)
    // Uncapped, this grew past 4 GB. Capped, the items kept (a few hundred bytes each) and one page
    // in flight are all that grow: far below the bytes read, which are let go page by page.
    const growth = result.peakRssBytes - result.rssBefore
    expect(growth).toBeLessThan(200 * MB)
    // The listing really ran to the cap: 64 MB of pages came through.
    const served = fake.controls.requestLog().filter((entry) => entry.path.endsWith('/all')).length
    expect(served).toBeGreaterThan(20)
  }, 120_000)
})
