import type { EventMessage, EventName, EventPayloads } from '../../shared/contract'
import type { ServiceEvent } from '../service'
import { redactSecretsDeep } from '../../shared/redact'

type Listener = (message: EventMessage) => void

const MAX_BUFFERED_NOTICES = 20

/**
 * Fans the service's, the settings' and the cache's events out as contract events. Notices raised
 * before anyone listens (at startup) are kept for the first listener. Every payload passes the
 * scrubber, so a secret that slipped into a message never leaves the main process.
 */
export class EventHub {
  private readonly listeners = new Set<Listener>()
  private pendingNotices: EventMessage[] = []

  constructor(private readonly secrets: () => readonly string[]) {}

  on(listener: Listener): () => void {
    this.listeners.add(listener)
    const pending = this.pendingNotices
    this.pendingNotices = []
    for (const message of pending) deliver(listener, message)
    return () => {
      this.listeners.delete(listener)
    }
  }

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    const message = scrub({ event, payload } as EventMessage, this.secrets())
    if (this.listeners.size === 0) {
      if (event === 'notice' && this.pendingNotices.length < MAX_BUFFERED_NOTICES)
        this.pendingNotices.push(message)
      return
    }
    for (const listener of [...this.listeners]) deliver(listener, message)
  }

  fromService(event: ServiceEvent): void {
    switch (event.type) {
      case 'changed':
        return this.emit('changed', event.library === undefined ? {} : { library: event.library })
      case 'progress':
        return this.emit('progress', {
          library: event.library,
          fetched: event.fetched,
          total: event.total,
          ...(event.retry ? { retry: event.retry } : {}),
        })
      case 'stats':
        return this.emit('stats', {})
      case 'connection':
        return this.emit('connection', event.status)
      case 'refreshRun':
        return this.emit('refreshRun', event.run)
    }
  }

  clear(): void {
    this.listeners.clear()
    this.pendingNotices = []
  }
}

function deliver(listener: Listener, message: EventMessage): void {
  try {
    listener(message)
  } catch {
    // One broken listener (a window being torn down) must not stop the others or the emitter.
  }
}

/**
 * Redacts the payload's strings, not its JSON text: replacing inside JSON could hit a key (a token
 * "e" would rename "event") or break the syntax, and the strings are what the window shows.
 */
function scrub(message: EventMessage, secrets: readonly string[]): EventMessage {
  return secrets.some((secret) => secret.length > 0) ? redactSecretsDeep(message, secrets) : message
}
