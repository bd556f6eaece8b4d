import { describe, expect, it } from 'vitest'
import { DEFAULT_LIMITS } from '../../../src/main/cache'
import { DEFAULT_PAGE_SIZE } from '../../../src/main/plex'
import { DEFAULT_PROXY_PORT } from '../../../src/main/proxy'
import { DEFAULT_SETTINGS } from '../../../src/main/service'
import { MAX_STALE_WHILE_REVALIDATE_SECONDS } from '../../../src/main/service/revalidation'
import { DEFAULT_STATE } from '../../../src/main/settings/stored-settings'
import { SETTING_DEFAULTS, SETTINGS } from '../../../src/shared/settings-table'

describe('the settings table in the main process', () => {
  it('is where every layer takes its defaults and ceilings from', () => {
    expect(DEFAULT_STATE).toMatchObject(SETTING_DEFAULTS)
    const {
      startInTray: _windowOnly,
      notifyWhenHidden: _alsoWindowOnly,
      // The app controller's, not the service's: it starts and stops the proxy.
      serveToTools: _appOnly,
      toolsPort: _alsoAppOnly,
      ...serviceDefaults
    } = SETTING_DEFAULTS
    expect(DEFAULT_SETTINGS).toEqual(serviceDefaults)
    expect(DEFAULT_LIMITS).toMatchObject({
      libraryTtlSeconds: SETTING_DEFAULTS.libraryTtlSeconds,
      sizeLimitBytes: SETTING_DEFAULTS.sizeLimitBytes,
    })
    // Kept in their own layers for their own reasons; the table must agree with them.
    expect(SETTINGS.pageSize.default).toBe(DEFAULT_PAGE_SIZE)
    expect(SETTINGS.staleWhileRevalidateSeconds.max).toBe(MAX_STALE_WHILE_REVALIDATE_SECONDS)
    expect(SETTINGS.toolsPort.default).toBe(DEFAULT_PROXY_PORT)
  })
})
