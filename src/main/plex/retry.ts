import { PlexAbortError, isRetryable } from './errors'
import type { SleepFunction } from './types'

export interface RetryPolicy {
  /** Attempts after the first one. */
  retries: number
  baseDelayMs: number
  maxDelayMs: number
  sleep: SleepFunction
  random: () => number
}

/**
 * Runs `attempt`, repeating it after retryable failures (PlexUnavailableError) with exponential
 * backoff. Auth, not-found, bad-request, protocol and abort errors are thrown at once: repeating
 * them cannot help, and a 401 repeated quickly may get a client locked out.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<T> {
  for (let failures = 0; ; failures++) {
    try {
      return await attempt()
    } catch (error) {
      if (!isRetryable(error) || failures >= policy.retries) throw error
      await policy.sleep(backoffDelay(failures, policy), signal)
      if (signal?.aborted) throw new PlexAbortError()
    }
  }
}

/**
 * "Equal jitter": half the exponential step is fixed, half random, so many clients that failed
 * together (say, after a server restart) do not all come back at the same instant.
 */
export function backoffDelay(failures: number, policy: Omit<RetryPolicy, 'sleep'>): number {
  const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** failures)
  return step / 2 + (policy.random() * step) / 2
}

export const sleepUnlessAborted: SleepFunction = (ms, signal) =>
  new Promise((resolve) => {
    if (signal?.aborted) return resolve()
    const onAbort = () => {
      clearTimeout(timer)
      resolve()
    }
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal?.addEventListener('abort', onAbort, { once: true })
  })
