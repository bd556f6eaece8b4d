import { formatBytes } from './format'
import type { TooLarge } from './service-types'

/** One sentence for a library larger than the size limit, the same in the window and the CLI. */
export function tooLargeMessage(title: string, { neededBytes, limitBytes }: TooLarge): string {
  return (
    `${title} needs ${formatBytes(neededBytes)} but the size limit is ${formatBytes(limitBytes)}, ` +
    'so it was not cached; raise the size limit in Settings.'
  )
}

/** The short form for a library row, where the title is already shown. */
export function tooLargeNote({ neededBytes, limitBytes }: TooLarge): string {
  return `Too large to cache: needs ${formatBytes(neededBytes)}, limit ${formatBytes(limitBytes)}`
}
