import { describe, expect, it } from 'vitest'
import { defaultDataDir } from '../../../src/main/data-dir'

describe('defaultDataDir', () => {
  it('uses the folder Electron gives the app as userData on each platform', () => {
    expect(defaultDataDir({}, 'linux', '/home/ann')).toBe('/home/ann/.config/Plex Cache')
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'linux', '/home/ann')).toBe('/xdg/Plex Cache')
    expect(defaultDataDir({}, 'darwin', '/Users/ann')).toBe(
      '/Users/ann/Library/Application Support/Plex Cache',
    )
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ann\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ann')).toBe(
      'C:\\Users\\ann\\AppData\\Roaming\\Plex Cache',
    )
  })

  it('lets PLEX_CACHE_DATA_DIR override it', () => {
    expect(defaultDataDir({ PLEX_CACHE_DATA_DIR: '/srv/plex-cache' }, 'linux', '/home/ann')).toBe(
      '/srv/plex-cache',
    )
  })
})
