import { DamagedEntryError } from './entry-codec'
import type { EntryWriter } from './entry-writer'
import type { CacheEvent, LibraryMeta } from './types'

/**
 * What happens when a read meets an entry whose stored bytes are not what was written: the entry
 * is a miss, dropped whole, counted as a 'damaged' eviction and reported through the cache's
 * events, so a person learns why it is fetched again and never sees a parser's message.
 */
export class DamagedEntries {
  constructor(
    private readonly writer: EntryWriter,
    private readonly inWriteTransaction: <T>(work: () => T) => T,
    private readonly onEvent: ((event: CacheEvent) => void) | undefined,
  ) {}

  /** The read's answer, or `whenDamaged` after dropping the damaged entry it met. */
  orElse<T, U>(read: () => T, whenDamaged: U): T | U {
    try {
      return read()
    } catch (error) {
      if (!(error instanceof DamagedEntryError)) throw error
      this.drop(error.entryId)
      return whenDamaged
    }
  }

  /** Runs a lookup across entries again without each damaged one it meets, dropping that one. */
  without<T>(lookup: (skipEntries: ReadonlySet<number>) => T): T {
    const skip = new Set<number>()
    for (;;) {
      try {
        return lookup(skip)
      } catch (error) {
        if (!(error instanceof DamagedEntryError) || skip.has(error.entryId)) throw error
        skip.add(error.entryId)
        this.drop(error.entryId)
      }
    }
  }

  private drop(entryId: number): void {
    let dropped
    try {
      dropped = this.inWriteTransaction(() => this.writer.dropDamaged(entryId))
    } catch {
      // Could not write (locked, read-only): the entry stays, is still caught on every read, and a
      // refetch replaces it. The reader's answer must not depend on this cleanup.
      return
    }
    if (!dropped) return
    const title = dropped.meta ? (JSON.parse(dropped.meta) as LibraryMeta).title : undefined
    this.onEvent?.({
      type: 'damaged-entry-dropped',
      namespace: dropped.namespace,
      library: dropped.library,
      ...(dropped.namespace === 'search' ? { query: dropped.query } : {}),
      title: title || undefined,
    })
  }
}
