import type { ContractError, Envelope } from '../../../shared/contract'

/**
 * A failed envelope as a thrown error, because a query function reports failure by throwing; the
 * contract's own error rides along untouched, so views show its code and message as before.
 */
export class BridgeReadError extends Error {
  constructor(readonly contractError: ContractError) {
    super(contractError.message)
    this.name = 'BridgeReadError'
  }
}

/** The value of a successful envelope; a failed one throws its ContractError for the query to hold. */
export async function unwrap<T>(envelope: Promise<Envelope<T>>): Promise<T> {
  const result = await envelope
  if (!result.ok) throw new BridgeReadError(result.error)
  return result.value
}

// The same error object for the same failure, so effects keyed on it (an error toast) run once.
const unexpected = new WeakMap<Error, ContractError>()

/** The contract error behind a query's error, or a generic one for anything unexpected. */
export function contractErrorOf(error: Error | null): ContractError | null {
  if (error === null) return null
  if (error instanceof BridgeReadError) return error.contractError
  let known = unexpected.get(error)
  if (known === undefined) {
    known = { code: 'INTERNAL', message: error.message }
    unexpected.set(error, known)
  }
  return known
}
