/** A stand-in for the app controller's run/onEvent interface that records every call. */
import type { EventMessage, OperationName } from '../../../src/shared/contract'
import type { TrayController } from '../../../src/main/tray'

type Answer = unknown | ((args: unknown) => unknown)

export class FakeController implements TrayController {
  readonly calls: Array<{ operation: OperationName; args: unknown }> = []
  private readonly listeners = new Set<(message: EventMessage) => void>()

  /** What each operation answers: a value, an Error to reject with, or a function of the args. */
  constructor(readonly answers: Partial<Record<OperationName, Answer>>) {}

  async run(operation: OperationName, args?: unknown): Promise<unknown> {
    this.calls.push({ operation, args })
    const answer = this.answers[operation]
    const value = typeof answer === 'function' ? await answer(args) : answer
    if (value instanceof Error) throw value
    return value
  }

  onEvent(listener: (message: EventMessage) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  emit(message: EventMessage): void {
    for (const listener of this.listeners) listener(message)
  }

  get listenerCount(): number {
    return this.listeners.size
  }

  callsOf(operation: OperationName): unknown[] {
    return this.calls.filter((call) => call.operation === operation).map((call) => call.args)
  }
}
