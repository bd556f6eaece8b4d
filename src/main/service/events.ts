import type { ServiceEvent } from '../../shared/service-types'

export type ServiceListener = (event: ServiceEvent) => void

/** Fans service events out to the IPC binding, the tray and the CLI's progress bar. */
export class ServiceEvents {
  private readonly listeners = new Set<ServiceListener>()

  on(listener: ServiceListener): () => void {
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
    }
  }

  emit(event: ServiceEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event)
      } catch {
        // A broken listener (a closed window, say) must not fail the cache read that emitted the event.
      }
    }
  }

  clear(): void {
    this.listeners.clear()
  }
}
