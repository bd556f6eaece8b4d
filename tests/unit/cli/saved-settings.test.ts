import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { savedCacheSettings } from '../../../src/cli/saved-settings'
import { tempDir } from '../../support/temp-dir'

function withSettingsFile(text: string): string {
  const dataDir = tempDir()
  fs.writeFileSync(path.join(dataDir, 'settings.json'), text)
  return dataDir
}

describe('the CLI reads the cache settings the app saved', () => {
  it('takes the size limit and time-to-live values, never a server or token', () => {
    const dataDir = withSettingsFile(
      JSON.stringify({
        version: 1,
        sizeLimitBytes: 2 * 1024 * 1024,
        libraryTtlSeconds: 600,
        serverUrl: 'http://x:32400',
      }),
    )
    expect(savedCacheSettings(dataDir)).toEqual({ sizeLimitBytes: 2 * 1024 * 1024, libraryTtlSeconds: 600 })
  })

  it('falls back to the defaults for a missing, unreadable or out-of-bounds file', () => {
    expect(savedCacheSettings(tempDir())).toEqual({})
    expect(savedCacheSettings(withSettingsFile('{ not json'))).toEqual({})
    expect(savedCacheSettings(withSettingsFile(JSON.stringify({ sizeLimitBytes: 5 })))).toEqual({})
  })
})
