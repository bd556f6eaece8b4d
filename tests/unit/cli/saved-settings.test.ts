import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { savedSettings } from '../../../src/cli/saved-settings'
import { tempDir } from '../../support/temp-dir'

function withSettingsFile(text: string): string {
  const dataDir = tempDir()
  fs.writeFileSync(path.join(dataDir, 'settings.json'), text)
  return dataDir
}

describe('the CLI reads the settings the app saved', () => {
  it('takes the server, the size limit and time-to-live values, never a token or keep-warm', () => {
    const dataDir = withSettingsFile(
      JSON.stringify({
        version: 1,
        sizeLimitBytes: 2 * 1024 * 1024,
        libraryTtlSeconds: 600,
        serverUrl: 'http://x:32400',
        keepWarm: true,
        encryptedToken: 'c2VhbGVk',
      }),
    )
    expect(savedSettings(dataDir)).toEqual({
      sizeLimitBytes: 2 * 1024 * 1024,
      libraryTtlSeconds: 600,
      serverUrl: 'http://x:32400',
    })
  })

  it("skips the demo server's address, which lives only as long as the app that started it", () => {
    const dataDir = withSettingsFile(
      JSON.stringify({ version: 1, demo: true, serverUrl: 'http://127.0.0.1:40000' }),
    )
    expect(savedSettings(dataDir)).toEqual({})
  })

  it('falls back to the defaults for a missing, unreadable or out-of-bounds file', () => {
    expect(savedSettings(tempDir())).toEqual({})
    expect(savedSettings(withSettingsFile('{ not json'))).toEqual({})
    expect(savedSettings(withSettingsFile(JSON.stringify({ sizeLimitBytes: 5 })))).toEqual({})
  })
})
