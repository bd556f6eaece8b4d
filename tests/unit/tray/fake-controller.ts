/** A stand-in for the app controller's run/onEvent slice that records every call. */
import type { ArgsOf, EventMessage, OperationName, ResultOf } from '../../../src/shared/contract'
import type { TrayController } from '../../../src/main/tray'

/** What one operation answers: its result, an Error to reject with, or a function of the args. */
type Answer<K extends OperationName> =
  ResultOf<K> | Error | ((args: ArgsOf<K>) => ResultOf<K> | Error | Promise<ResultOf<K>>)

export type Answers = { [K in OperationName]?: Answer<K> }

export class FakeController implements TrayController {
  readonly calls: Array<{ operation: OperationName; args: unknown }> = []
  private readonly listeners = new Set<(message: EventMessage) => void>()

  /** An operation without an answer rejects, as the real controller never resolves to nothing. */
  constructor(readonly answers: Answers) {}

  async run<K extends OperationName>(operation: K, args: ArgsOf<K>): Promise<ResultOf<K>> {
    this.calls.push({ operation, args })
    const answer: Answer<K> | undefined = this.answers[operation]
    if (answer === undefined) throw new Error(`The fake controller has no answer for ${operation}`)
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
