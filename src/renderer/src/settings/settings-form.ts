import type { PublicSettings, SettingsChange } from '../../../shared/contract'
import {
  checkDuration,
  checkPort,
  checkWhole,
  durationOf,
  MEGABYTE,
  megabyteBounds,
  serverUrlProblem,
  type Duration,
} from '../../../shared/setting-checks'
import { SETTING_KEYS, SETTINGS, type SettingKey } from '../../../shared/settings-table'

// The fields, their bounds and their sentences all come from the settings table; main checks again.
export {
  describeSeconds,
  durationOf,
  UNIT_SECONDS,
  type Duration,
  type Unit,
} from '../../../shared/setting-checks'

/** What a row is typed as: an amount and a unit, megabytes or a count as text, or a checkbox. */
type FormValueOf<K extends SettingKey> = (typeof SETTINGS)[K]['type'] extends 'duration'
  ? Duration
  : (typeof SETTINGS)[K]['type'] extends 'boolean'
    ? boolean
    : string

/** The form as typed: strings, so a half-typed number is kept as the person left it. */
export type SettingsForm = {
  serverUrl: string
  /** A replacement token; empty keeps the stored one. */
  token: string
} & { [K in SettingKey]: FormValueOf<K> }

export type FieldName = keyof SettingsForm
export type FieldErrors = Partial<Record<FieldName, string>>

export interface CheckedForm {
  errors: FieldErrors
  /** Only the fields that differ from the current settings. */
  change: SettingsChange
  /** A new URL or token is tested against Plex before anything is saved. */
  testConnection: { url: string; token: string } | null
}

type FormValue = Duration | boolean | string

function formValueOf(key: SettingKey, value: number | boolean): FormValue {
  const definition = SETTINGS[key]
  if (definition.type === 'boolean') return value as boolean
  const number = value as number
  // Off reads as "0 minutes" rather than durationOf's "0 days".
  if (definition.type === 'duration')
    return number === 0 ? { amount: '0', unit: 'minutes' } : durationOf(number)
  if (definition.type === 'size') return String(Math.round(number / MEGABYTE))
  return String(number)
}

export function formFromSettings(settings: PublicSettings): SettingsForm {
  const values = Object.fromEntries(SETTING_KEYS.map((key) => [key, formValueOf(key, settings[key])]))
  return { serverUrl: settings.serverUrl ?? '', token: '', ...values } as SettingsForm
}

export function sameForm(a: SettingsForm, b: SettingsForm): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** A typed value as the setting's number or boolean, or a sentence saying what is wrong. */
function checkValue(key: SettingKey, typed: FormValue): number | boolean | string {
  const definition = SETTINGS[key]
  if (definition.type === 'boolean') return typed as boolean
  if (definition.type === 'duration') return checkDuration(typed as Duration, definition)
  if (definition.type === 'count') return checkWhole(typed as string, definition, definition.unit)
  if (definition.type === 'port') return checkPort(typed as string, definition)
  const megabytes = checkWhole(typed as string, megabyteBounds(definition), 'megabytes')
  return typeof megabytes === 'number' ? megabytes * MEGABYTE : megabytes
}

function sameValue(typed: FormValue, current: FormValue): boolean {
  if (typeof typed === 'string') return typed.trim() === current
  if (typeof typed === 'boolean') return typed === current
  const shown = current as Duration
  return typed.amount.trim() === shown.amount && typed.unit === shown.unit
}

/** Checks every field and works out the change to send; nothing is sent while any error remains. */
export function checkForm(form: SettingsForm, settings: PublicSettings): CheckedForm {
  const current = formFromSettings(settings)
  const errors: FieldErrors = {}
  const change: SettingsChange = {}

  const url = form.serverUrl.trim()
  const urlChanged = url !== (settings.serverUrl ?? '')
  if (urlChanged) {
    const problem = urlProblem(url)
    if (problem !== null) errors.serverUrl = problem
    else change.serverUrl = url
  }
  const token = form.token.trim()
  if (token !== '') change.token = token
  else if (urlChanged)
    errors.token = 'Enter the token for the new server: it is tested before anything is saved.'

  for (const key of SETTING_KEYS) {
    if (sameValue(form[key], current[key])) continue
    const checked = checkValue(key, form[key])
    if (typeof checked === 'string') errors[key] = checked
    else (change as Record<string, unknown>)[key] = checked
  }

  const testConnection = token !== '' && errors.serverUrl === undefined ? { url, token } : null
  return { errors, change, testConnection }
}

/**
 * Which field a failed connection test belongs under: a rejected token under the token; a server
 * that cannot be reached, has the wrong certificate or is not Plex under the address.
 */
export function connectionTestField(code: string): 'serverUrl' | 'token' {
  return code === 'AUTH' ? 'token' : 'serverUrl'
}

function urlProblem(url: string): string | null {
  if (url === '') return 'Enter the server address. To stop using this server, use Disconnect at the top.'
  return serverUrlProblem(url)
}
