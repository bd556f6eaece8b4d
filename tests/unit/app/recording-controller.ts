import type { AppController } from '../../../src/main/app/app-controller'
import type { EventMessage, OperationName } from '../../../src/shared/contract'

/**
 * A controller that only records what reaches it: proves that a refused request never got past
 * validation or the sender check. Not a stand-in for the real one, whose behaviour other tests cover.
 */
export function recordingController(
  answer: (operation: OperationName, args: unknown) => unknown = () => null,
) {
  const calls: Array<{ operation: OperationName; args: unknown }> = []
  const listeners = new Set<(message: EventMessage) => void>()
  const controller: AppController = {
    run: async (operation, args) => {
      calls.push({ operation, args })
      return answer(operation, args) as never
    },
    onEvent(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    close: async () => {},
  }
  const emit = (message: EventMessage) => {
    for (const listener of listeners) listener(message)
  }
  return { controller, calls, emit, listenerCount: () => listeners.size }
}
