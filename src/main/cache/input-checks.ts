/**
 * The cache is reached from IPC, the CLI and scripts; a wrong argument must fail loudly
 * before anything is read or written, never turn into a silently empty answer.
 */
export class CacheArgumentError extends TypeError {
  constructor(message: string) {
    super(message)
    this.name = 'CacheArgumentError'
  }
}

const MAX_KEY_LENGTH = 1024

export function checkText(value: unknown, what: string, { allowEmpty = false } = {}): string {
  if (typeof value !== 'string') throw new CacheArgumentError(`${what} must be a string, got ${typeof value}`)
  if (!allowEmpty && value.trim() === '') throw new CacheArgumentError(`${what} must not be empty`)
  if (value.length > MAX_KEY_LENGTH)
    throw new CacheArgumentError(`${what} is longer than ${MAX_KEY_LENGTH} characters`)
  return value
}

export function checkWholeNumber(value: unknown, what: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw new CacheArgumentError(`${what} must be a whole number from ${min} to ${max}, got ${String(value)}`)
  }
  return value
}

export function checkItems(value: unknown, what: string): void {
  if (!Array.isArray(value)) throw new CacheArgumentError(`${what} must be an array of items`)
  for (const [index, item] of value.entries()) {
    const candidate = item as { ratingKey?: unknown; title?: unknown; files?: unknown } | null
    if (
      typeof candidate !== 'object' ||
      candidate === null ||
      typeof candidate.ratingKey !== 'string' ||
      typeof candidate.title !== 'string' ||
      !Array.isArray(candidate.files)
    ) {
      throw new CacheArgumentError(
        `${what}[${index}] is not a cached item (ratingKey, title and files are required)`,
      )
    }
  }
}
