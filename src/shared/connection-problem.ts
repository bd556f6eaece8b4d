import type { ConnectionProblem, ServiceErrorInfo } from './service-types'

/**
 * The kind of connection failure an error is, or undefined when it says nothing about the
 * connection (a library deleted, a malformed answer, a full disk). One definition for the
 * service's status, the window's banner and toasts, and the OS notification.
 */
export function connectionProblemOf(
  error: Pick<ServiceErrorInfo, 'code' | 'status'>,
): ConnectionProblem | undefined {
  switch (error.code) {
    case 'AUTH':
      return 'token-rejected'
    case 'CERTIFICATE':
      return 'certificate'
    case 'UNREACHABLE':
      // A 503 is Plex answering that it is busy (database migrations can last hours), not a network fault.
      return error.status === 503 ? 'maintenance' : 'unreachable'
    default:
      return undefined
  }
}

/** A few words for the cause, to end a sentence: "3 of 4 libraries could not be refreshed: <cause>". */
export function problemCause(problem: ConnectionProblem): string {
  switch (problem) {
    case 'maintenance':
      return 'Plex is in maintenance (503)'
    case 'token-rejected':
      return 'Plex rejected the token (401)'
    case 'certificate':
      return "the server's certificate was refused"
    case 'unreachable':
      return 'Plex is unreachable'
  }
}

/** The cause of a failure in a few words: the connection kind when there is one, else its own message. */
export function failureCause(error: Pick<ServiceErrorInfo, 'code' | 'status' | 'message'>): string {
  const problem = connectionProblemOf(error)
  if (problem === undefined) return error.message.replace(/\.$/, '')
  // A status other than the usual one (403 for a token, 429 rate limit) is named as it is.
  if (problem === 'token-rejected' && error.status !== undefined && error.status !== 401)
    return `Plex refused the token (${error.status})`
  if (problem === 'unreachable' && error.status !== undefined)
    return `Plex is not answering (${error.status})`
  return problemCause(problem)
}
