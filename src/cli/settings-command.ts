import path from 'node:path'
import { openSharedSettings } from '../main/settings'
import type { PublicSettings, SettingsChange } from '../shared/contract'
import { checkSettingText, describeSeconds, MEGABYTE, serverUrlProblem } from '../shared/setting-checks'
import { isSettingKey, SETTING_KEYS, SETTINGS, type SettingKey } from '../shared/settings-table'
import type { CliCommand, GlobalOptions } from './args'
import { EXIT_OK, EXIT_USAGE } from './failure'
import type { Output } from './output'

type SettingsCommand = Extract<CliCommand, { name: 'settings' }>

const TOKEN_STORAGE: Record<PublicSettings['tokenStorage'], string> = {
  encrypted: 'set, encrypted by the system keychain',
  file: 'set, unencrypted in an owner-only file (no system keychain)',
  session: 'set for the running app only',
  none: 'not set',
}

/**
 * `plex-cache settings [--json]` and `plex-cache settings set KEY VALUE`: the settings the desktop
 * app keeps in `<dataDir>/settings.json`, read and changed through the app's own SettingsStore, so
 * the bounds and the sentences for a bad value are the window's.
 */
export async function runSettingsCommand(
  command: SettingsCommand,
  options: GlobalOptions,
  output: Output,
): Promise<number> {
  const file = settingsFile(options.dataDir)
  // The same store the app opens, without safeStorage: a token only it can open is left alone.
  const store = openSharedSettings(options.dataDir, null)
  store.onNotice((notice) => output.err(`plex-cache: ${notice.level}: ${notice.message}`))
  if (command.set !== undefined) {
    const change = changeFrom(command.set.key, command.set.value)
    if (typeof change === 'string') {
      output.err(`plex-cache: ${change}`)
      return EXIT_USAGE
    }
    await store.update(change)
  }
  const settings = store.publicSettings()
  if (options.json) output.json(settings)
  else for (const line of settingsLines(settings, file)) output.out(line)
  return EXIT_OK
}

export function settingsFile(dataDir: string): string {
  return path.join(dataDir, 'settings.json')
}

/** The one-setting change, or a sentence saying why there is none. */
function changeFrom(key: string, text: string): SettingsChange | string {
  if (key === 'serverUrl') {
    const problem = serverUrlProblem(text.trim())
    return problem === null ? { serverUrl: text.trim() } : `serverUrl: ${problem}`
  }
  if (!isSettingKey(key)) {
    return `"${key}" is not a setting. The settings are: serverUrl, ${SETTING_KEYS.join(', ')}.`
  }
  const definition = SETTINGS[key]
  if (definition.type === 'boolean') {
    const value = { true: true, on: true, yes: true, false: false, off: false, no: false }[
      text.trim().toLowerCase()
    ]
    return value === undefined ? `${key}: Enter on or off.` : { [key]: value }
  }
  const checked = checkSettingText(definition, text)
  return typeof checked === 'string' ? `${key}: ${checked}` : { [key]: checked }
}

function settingsLines(settings: PublicSettings, file: string): string[] {
  const rows: Array<[string, string, string]> = [
    ['serverUrl', settings.serverUrl === null ? 'not set' : settings.serverUrl, 'Plex server'],
    ['token', settings.tokenSet ? TOKEN_STORAGE[settings.tokenStorage] : TOKEN_STORAGE.none, 'Plex token'],
    ...SETTING_KEYS.map((key): [string, string, string] => [
      key,
      shownValue(key, settings[key]),
      SETTINGS[key].label,
    ]),
  ]
  if (settings.demo) rows[0]![1] += ' (the demo server, while the app runs)'
  const keyWidth = Math.max(...rows.map(([key]) => key.length))
  const valueWidth = Math.max(...rows.map(([, value]) => value.length))
  return [
    `Settings in ${file}, shared with the desktop app:`,
    ...rows.map(([key, value, label]) => `  ${key.padEnd(keyWidth)}  ${value.padEnd(valueWidth)}  ${label}`),
    'Change one with: plex-cache settings set KEY VALUE',
  ]
}

function shownValue(key: SettingKey, value: number | boolean): string {
  const definition = SETTINGS[key]
  if (typeof value === 'boolean') return value ? 'on' : 'off'
  if (definition.type === 'duration') return value === 0 ? '0 (off)' : describeSeconds(value)
  if (definition.type === 'size') return `${Math.round(value / MEGABYTE)} MB`
  if (definition.type === 'port') return String(value)
  return `${value.toLocaleString('en-US')} ${definition.type === 'count' ? definition.unit : ''}`.trim()
}
