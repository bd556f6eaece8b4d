import fs from 'node:fs'
import path from 'node:path'
import { openSharedSettings } from '../main/settings'
import { serverConnectionsOf } from '../main/settings/settings-views'
import { storedSettingsSchema } from '../main/settings/stored-settings'
import type { ServiceSettings } from '../main/service'
import { definedFields } from '../shared/defined-fields'
import { SETTING_KEYS, type SettingKey } from '../shared/settings-table'

type SavedSettings = Partial<Omit<ServiceSettings, 'token' | 'keepWarm'>>

// Keep-warm, the tray and notifications are the running app's business, not the CLI's.
const APP_ONLY_SETTINGS = new Set<SettingKey>(['keepWarm', 'startInTray', 'notifyWhenHidden'])
const CLI_SETTING_KEYS = SETTING_KEYS.filter((name) => !APP_ONLY_SETTINGS.has(name))

/**
 * The settings saved in `<dataDir>/settings.json` by the app or by `plex-cache settings set`: the
 * server and the cache's rules, so the CLI and the window use one configuration. Keep-warm is the
 * running app's business, and the demo server's address dies with the app that started it, so
 * neither is taken. A missing or damaged file gives the defaults; the app, which owns the file,
 * reports and repairs it.
 */
export function savedSettings(dataDir: string): SavedSettings {
  let text: string
  try {
    text = fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8')
  } catch {
    return {}
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return {}
  }
  const parsed = storedSettingsSchema.safeParse(json)
  if (!parsed.success) return {}
  const saved: Record<string, unknown> = definedFields(parsed.data, CLI_SETTING_KEYS)
  if (typeof parsed.data.serverUrl === 'string' && parsed.data.demo !== true) {
    saved.serverUrl = parsed.data.serverUrl
    // The signed-in server's other addresses, for the same fail-over the app does.
    Object.assign(
      saved,
      serverConnectionsOf({ serverUrl: parsed.data.serverUrl, plexServer: parsed.data.plexServer ?? null }),
    )
  }
  return saved as SavedSettings
}

/**
 * The token saved with the settings (keychain or token file), or undefined when none is, with a
 * warning on stderr when one is saved but cannot be had.
 */
export async function savedToken(dataDir: string): Promise<string | undefined> {
  const store = openSharedSettings(dataDir, null)
  if (!store.tokenAwaitsKeychain) return undefined
  if (store.savedTokenLocation === 'safe-storage') {
    process.stderr.write(
      'plex-cache: warning: the saved token is still sealed by an earlier version of the app; ' +
        'start the app once to move it where the CLI can read it, or pass --token.\n',
    )
    return undefined
  }
  const unsealed = await store.unsealSavedToken()
  if (unsealed === null) process.stderr.write('plex-cache: warning: the saved token could not be read.\n')
  return unsealed?.token
}
