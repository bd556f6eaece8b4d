import type { EventPayloads } from '../../shared/contract'

export type Notice = EventPayloads['notice']

const MAX_BUFFERED = 20

/**
 * Notices often arise before anyone listens (while loading settings or opening the cache at
 * startup). They are kept and handed to the first listener, so the user still hears about them.
 */
export class NoticeBuffer {
  private readonly listeners = new Set<(notice: Notice) => void>()
  private pending: Notice[] = []

  emit(notice: Notice): void {
    if (this.listeners.size === 0) {
      if (this.pending.length < MAX_BUFFERED) this.pending.push(notice)
      return
    }
    for (const listener of [...this.listeners]) listener(notice)
  }

  on(listener: (notice: Notice) => void): () => void {
    this.listeners.add(listener)
    const pending = this.pending
    this.pending = []
    for (const notice of pending) listener(notice)
    return () => this.listeners.delete(listener)
  }
}
