import { eventMessage, type EventMessage, type EventName, type EventPayloads } from '../../shared/contract'
import type { ServiceEvent } from '../service'
import { HeldUntilHeard } from '../../shared/held-until-heard'
import { redactSecretsDeep } from '../../shared/redact'

type Listener = (message: EventMessage) => void

/**
 * Fans the service's, the settings' and the cache's events out as contract events. Notices raised
 * before anyone listens (at startup) are kept for the first listener. Every payload passes the
 * scrubber, so a secret that slipped into a message never leaves the main process.
 */
export class EventHub {
  private readonly listeners = new HeldUntilHeard<EventMessage>()

  constructor(private readonly secrets: () => readonly string[]) {}

  on(listener: Listener): () => void {
    return this.listeners.on((message) => deliver(listener, message))
  }

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    // Only notices wait for a listener: everything else is read afresh when one starts.
    this.listeners.emit(scrub(eventMessage(event, payload), this.secrets()), { hold: event === 'notice' })
  }

  fromService(event: ServiceEvent): void {
    switch (event.type) {
      case 'changed':
        return this.emit('changed', { library: event.library })
      case 'progress': {
        const { library, fetched, total, retry } = event
        return this.emit('progress', { library, fetched, total, retry })
      }
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
