/**
 * The fields of `source` (all, or the `keys` named) that hold a value. Spread over defaults or a
 * current state, a field that is missing or undefined keeps what it had, where spreading `source`
 * itself would overwrite it with undefined. Naming the keys also leaves out anything else `source`
 * carries.
 */
export function definedFields<T extends object, K extends keyof T = keyof T>(
  source: T,
  keys: readonly K[] = Object.keys(source) as K[],
): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {}
  for (const key of keys) {
    if (source[key] !== undefined) picked[key] = source[key]
  }
  return picked
}

/**
 * The named fields `source` carries, undefined ones included: spread after definedFields, they let
 * an undefined value clear a field (a settings change that disconnects clears the server and the
 * token), while a field `source` leaves out keeps what it had.
 */
export function presentFields<T extends object, K extends keyof T>(
  source: T,
  keys: readonly K[],
): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {}
  for (const key of keys) {
    if (Object.hasOwn(source, key)) picked[key] = source[key]
  }
  return picked
}
