import {
  contract,
  OPERATION_NAMES,
  type ContractError,
  type Envelope,
  type OperationName,
  type ResultOf,
} from '../../shared/contract'
import type { AppController } from '../app/app-controller'
import { ServiceError } from '../service'
import { redactSecrets } from '../../shared/redact'
import type { CertificateDetails } from '../../shared/service-types'

export type HandlerTable = {
  [K in OperationName]: (rawArgs: unknown) => Promise<Envelope<ResultOf<K>>>
}

const MAX_MESSAGE_LENGTH = 300
const INTERNAL_MESSAGE = 'Something went wrong inside Plex Cache. Try again, or restart the app.'

/**
 * One handler per contract operation, shared by Electron's IPC and the browser test bridge. Each
 * validates its argument with the contract's schema (a refused argument never reaches the app),
 * and answers with an envelope: it never throws, and never sends a stack or an unexpected error's text.
 */
export function createHandlerTable(
  controller: Pick<AppController, 'run'>,
  onUnexpectedError: (operation: OperationName, error: unknown) => void = logUnexpected,
): HandlerTable {
  const table: Partial<Record<OperationName, (rawArgs: unknown) => Promise<Envelope<unknown>>>> = {}
  for (const operation of OPERATION_NAMES) {
    table[operation] = async (rawArgs) => {
      try {
        const parsed = contract[operation].args.safeParse(rawArgs)
        if (!parsed.success)
          return failure('INVALID_ARGUMENT', invalidMessage(operation, parsed.error.issues))
        const value = await controller.run(operation, parsed.data as never)
        return { ok: true, value }
      } catch (error) {
        if (error instanceof ServiceError) {
          const { certificate } = error.info
          return failure(error.code, clip(error.message), certificate)
        }
        onUnexpectedError(operation, error)
        return failure('INTERNAL', INTERNAL_MESSAGE)
      }
    }
  }
  return table as HandlerTable
}

function failure(
  code: ContractError['code'],
  message: string,
  certificate?: CertificateDetails,
): { ok: false; error: ContractError } {
  return { ok: false, error: { code, message, certificate } }
}

interface Issue {
  path: PropertyKey[]
  message: string
}

function invalidMessage(operation: OperationName, issues: readonly Issue[]): string {
  const first = issues[0]
  if (!first) return `Invalid arguments for ${operation}.`
  const where = first.path.length > 0 ? ` (${first.path.map(String).join('.')})` : ''
  // Clipped: an unrecognised key is named in the message, and a hostile caller picks its length.
  return clip(`Invalid arguments for ${operation}${where}: ${first.message}`)
}

function clip(message: string): string {
  return message.length > MAX_MESSAGE_LENGTH ? `${message.slice(0, MAX_MESSAGE_LENGTH - 1)}…` : message
}

function logUnexpected(operation: OperationName, error: unknown): void {
  // The log leaves the process too: a request URL in a stack or message must not carry the token.
  const details = error instanceof Error ? (error.stack ?? error.message) : String(error)
  console.error(`plex-cache: ${operation} failed unexpectedly: ${redactSecrets(details, [])}`)
}
