import type { NumberSetting } from './settings-table'

/**
 * The sentences a person sees when a setting is out of bounds, the same in the window and the CLI:
 * both check typed text against the settings table with these functions.
 */

export type Unit = 'seconds' | 'minutes' | 'hours' | 'days'
export const UNIT_SECONDS: Record<Unit, number> = { seconds: 1, minutes: 60, hours: 3600, days: 86_400 }
export const MEGABYTE = 1024 * 1024

export interface Duration {
  amount: string
  unit: Unit
}

/** The largest unit that shows the value as a whole number: 3600 s as 1 hour, 90 s as 90 seconds. */
export function durationOf(seconds: number): Duration {
  const unit = (['days', 'hours', 'minutes'] as const).find(
    (candidate) => seconds % UNIT_SECONDS[candidate] === 0,
  )
  const chosen = unit ?? 'seconds'
  return { amount: String(seconds / UNIT_SECONDS[chosen]), unit: chosen }
}

export function describeSeconds(seconds: number): string {
  const { amount, unit } = durationOf(seconds)
  return `${amount} ${amount === '1' ? unit.slice(0, -1) : unit}`
}

/**
 * Plain decimal digits, with an optional sign and fraction: "90", "1.5", "-2". JavaScript's
 * Number() also takes "0x10" (16), "1e3" (1000), "0b1", "Infinity" and " ", none of which a
 * person typing a setting means; they are refused rather than silently read as something else.
 */
const PLAIN_DECIMAL = /^[-+]?\d+(\.\d+)?$/

/** The number a person typed, or undefined when it is not written in plain decimal digits. */
export function parsePlainNumber(text: string): number | undefined {
  const trimmed = text.trim()
  return PLAIN_DECIMAL.test(trimmed) ? Number(trimmed) : undefined
}

const NOT_PLAIN = 'Enter a number in plain digits, like 90 or 1.5.'

/** Whole seconds within the row's bounds, or a sentence saying what is wrong. */
export function checkDuration(
  duration: Duration,
  bounds: Pick<NumberSetting, 'min' | 'max'>,
): number | string {
  if (duration.amount.trim() === '') return 'Enter a number.'
  const amount = parsePlainNumber(duration.amount)
  if (amount === undefined) return NOT_PLAIN
  const seconds = amount * UNIT_SECONDS[duration.unit]
  if (!Number.isInteger(seconds)) return 'Use whole seconds (pick a smaller unit for fractions).'
  if (seconds < bounds.min) return `At least ${describeSeconds(bounds.min)}.`
  if (seconds > bounds.max) return `At most ${describeSeconds(bounds.max)}.`
  return seconds
}

/** A whole number within bounds, or a sentence; `unit` names what is counted ("megabytes", "items"). */
export function checkWhole(
  text: string,
  bounds: { min: number; max: number },
  unit: string,
): number | string {
  if (text.trim() === '') return 'Enter a number.'
  const value = parsePlainNumber(text)
  if (value === undefined) return NOT_PLAIN
  if (!Number.isInteger(value)) return `Use a whole number of ${unit}.`
  const amount = (count: number) => `${count.toLocaleString()} ${count === 1 ? unit.replace(/s$/, '') : unit}`
  if (value < bounds.min) return `At least ${amount(bounds.min)}.`
  if (value > bounds.max) return `At most ${amount(bounds.max)}.`
  return value
}

/** A port within bounds (written without thousands separators, as ports are), or a sentence. */
export function checkPort(text: string, bounds: { min: number; max: number }): number | string {
  const value = parsePlainNumber(text)
  if (value === undefined || !Number.isInteger(value) || value < bounds.min || value > bounds.max)
    return `Enter a port number from ${bounds.min} to ${bounds.max}.`
  return value
}

/** A size setting's bounds in the megabytes it is typed in. */
export function megabyteBounds(bounds: Pick<NumberSetting, 'min' | 'max'>): { min: number; max: number } {
  return { min: Math.ceil(bounds.min / MEGABYTE), max: Math.floor(bounds.max / MEGABYTE) }
}

/**
 * A number setting from text as a person types it: a size in megabytes, a count as is, a duration
 * as an amount with an optional unit ("90", "90s", "5m", "2h", "1d"; plain numbers are seconds).
 */
export function checkSettingText(definition: NumberSetting, text: string): number | string {
  if (definition.type === 'size') {
    const megabytes = checkWhole(text, megabyteBounds(definition), 'megabytes')
    return typeof megabytes === 'number' ? megabytes * MEGABYTE : megabytes
  }
  if (definition.type === 'count') return checkWhole(text, definition, definition.unit)
  if (definition.type === 'port') return checkPort(text, definition)
  const match = /^\s*([^a-z]*?)\s*([smhd]?)\s*$/i.exec(text)
  if (match === null) return 'Enter a number, optionally followed by s, m, h or d.'
  const units: Record<string, Unit> = { '': 'seconds', s: 'seconds', m: 'minutes', h: 'hours', d: 'days' }
  return checkDuration({ amount: match[1]!, unit: units[match[2]!.toLowerCase()]! }, definition)
}

/** Null for an http(s) address, else the sentence both front ends show. */
export function serverUrlProblem(url: string): string | null {
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    return 'Enter the address with http:// or https://, like http://192.168.1.10:32400.'
  }
  return null
}
