import type { PublicSettings, SettingsChange } from '../../../shared/contract'

// The same limits as the contract's schema (main checks again); here they become sentences.
const DAY = 86_400
const MAX_TTL_SECONDS = 365 * DAY
const MB = 1024 * 1024
export const LIMITS = {
  libraryTtlSeconds: { min: 60, max: MAX_TTL_SECONDS },
  searchTtlSeconds: { min: 60, max: MAX_TTL_SECONDS },
  emptySearchTtlSeconds: { min: 10, max: MAX_TTL_SECONDS },
  sizeLimitMb: { min: 1, max: 64 * 1024 },
  pageSize: { min: 50, max: 10_000 },
  // Never longer than the 7 days an expired copy is kept.
  staleWhileRevalidateSeconds: { min: 0, max: 7 * DAY },
} as const

export type Unit = 'seconds' | 'minutes' | 'hours' | 'days'
export const UNIT_SECONDS: Record<Unit, number> = { seconds: 1, minutes: 60, hours: 3600, days: DAY }

export interface Duration {
  amount: string
  unit: Unit
}

/** The form as typed: strings, so a half-typed number is kept as the person left it. */
export interface SettingsForm {
  serverUrl: string
  /** A replacement token; empty keeps the stored one. */
  token: string
  libraryTtl: Duration
  searchTtl: Duration
  emptySearchTtl: Duration
  staleWhileRevalidate: Duration
  sizeLimitMb: string
  pageSize: string
  keepWarm: boolean
  startInTray: boolean
}

export type FieldName = keyof SettingsForm
export type FieldErrors = Partial<Record<FieldName, string>>

export interface CheckedForm {
  errors: FieldErrors
  /** Only the fields that differ from the current settings. */
  change: SettingsChange
  /** A new URL or token is tested against Plex before anything is saved. */
  testConnection: { url: string; token: string } | null
}

/** The largest unit that shows the value as a whole number: 3600 s as 1 hour, 90 s as 90 seconds. */
export function durationOf(seconds: number): Duration {
  const unit = (['days', 'hours', 'minutes'] as const).find(
    (candidate) => seconds % UNIT_SECONDS[candidate] === 0,
  )
  const chosen = unit ?? 'seconds'
  return { amount: String(seconds / UNIT_SECONDS[chosen]), unit: chosen }
}

export function formFromSettings(settings: PublicSettings): SettingsForm {
  const sizeMb = settings.sizeLimitBytes / MB
  return {
    serverUrl: settings.serverUrl ?? '',
    token: '',
    libraryTtl: durationOf(settings.libraryTtlSeconds),
    searchTtl: durationOf(settings.searchTtlSeconds),
    emptySearchTtl: durationOf(settings.emptySearchTtlSeconds),
    // Off reads as "0 minutes" rather than durationOf's "0 days".
    staleWhileRevalidate:
      settings.staleWhileRevalidateSeconds === 0
        ? { amount: '0', unit: 'minutes' }
        : durationOf(settings.staleWhileRevalidateSeconds),
    sizeLimitMb: String(Number.isInteger(sizeMb) ? sizeMb : Math.round(sizeMb)),
    pageSize: String(settings.pageSize),
    keepWarm: settings.keepWarm,
    startInTray: settings.startInTray,
  }
}

export function sameForm(a: SettingsForm, b: SettingsForm): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
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

  const durations = [
    ['libraryTtl', 'libraryTtlSeconds'],
    ['searchTtl', 'searchTtlSeconds'],
    ['emptySearchTtl', 'emptySearchTtlSeconds'],
    ['staleWhileRevalidate', 'staleWhileRevalidateSeconds'],
  ] as const
  for (const [field, setting] of durations) {
    if (sameDuration(form[field], current[field])) continue
    const checked = checkDuration(form[field], LIMITS[setting])
    if (typeof checked === 'string') errors[field] = checked
    else change[setting] = checked
  }

  if (form.sizeLimitMb.trim() !== current.sizeLimitMb) {
    const checked = checkWhole(form.sizeLimitMb, LIMITS.sizeLimitMb, 'megabytes')
    if (typeof checked === 'string') errors.sizeLimitMb = checked
    else change.sizeLimitBytes = checked * MB
  }
  if (form.pageSize.trim() !== current.pageSize) {
    const checked = checkWhole(form.pageSize, LIMITS.pageSize, 'items')
    if (typeof checked === 'string') errors.pageSize = checked
    else change.pageSize = checked
  }
  if (form.keepWarm !== current.keepWarm) change.keepWarm = form.keepWarm
  if (form.startInTray !== current.startInTray) change.startInTray = form.startInTray

  const testConnection = token !== '' && errors.serverUrl === undefined ? { url, token } : null
  return { errors, change, testConnection }
}

function urlProblem(url: string): string | null {
  if (url === '') return 'Enter the server address. To stop using this server, use Disconnect at the top.'
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    return 'Enter the address with http:// or https://, like http://192.168.1.10:32400.'
  }
  return null
}

function sameDuration(a: Duration, b: Duration): boolean {
  return a.amount.trim() === b.amount && a.unit === b.unit
}

/** Whole seconds within the limits, or a sentence saying what is wrong. */
export function checkDuration(duration: Duration, limits: { min: number; max: number }): number | string {
  const amount = Number(duration.amount.trim())
  if (duration.amount.trim() === '' || !Number.isFinite(amount)) return 'Enter a number.'
  const seconds = amount * UNIT_SECONDS[duration.unit]
  if (!Number.isInteger(seconds)) return 'Use whole seconds (pick a smaller unit for fractions).'
  if (seconds < limits.min) return `At least ${describeSeconds(limits.min)}.`
  if (seconds > limits.max) return `At most ${describeSeconds(limits.max)}.`
  return seconds
}

function checkWhole(text: string, limits: { min: number; max: number }, unit: string): number | string {
  const value = Number(text.trim())
  if (text.trim() === '' || !Number.isFinite(value)) return 'Enter a number.'
  if (!Number.isInteger(value)) return `Use a whole number of ${unit}.`
  const amount = (count: number) => `${count.toLocaleString()} ${count === 1 ? unit.replace(/s$/, '') : unit}`
  if (value < limits.min) return `At least ${amount(limits.min)}.`
  if (value > limits.max) return `At most ${amount(limits.max)}.`
  return value
}

export function describeSeconds(seconds: number): string {
  const { amount, unit } = durationOf(seconds)
  return `${amount} ${amount === '1' ? unit.slice(0, -1) : unit}`
}
