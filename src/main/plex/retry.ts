import { PlexAbortError, isRetryable, type PlexError } from './errors'
import type { SleepFunction } from './types'

export interface RetryPolicy {
  /** Attempts after the first one. */
  retries: number
  baseDelayMs: number
  maxDelayMs: number
  sleep: SleepFunction
  random: () => number
  /** Longest single wait a server's Retry-After may impose. Default MAX_RETRY_AFTER_MS. */
  maxRetryAfterMs?: number
  /** Longest all the waits of one request may add up to; past it the failure is reported. Default MAX_TOTAL_RETRY_WAIT_MS. */
  maxTotalWaitMs?: number
}

/** A 429 or 503 may ask for an hour; a person waiting for a listing should not wait more than a minute at a time. */
export const MAX_RETRY_AFTER_MS = 60_000
/** Two full Retry-After waits: after that the server is not coming back soon, and the cached copy serves meanwhile. */
export const MAX_TOTAL_RETRY_WAIT_MS = 120_000

/** Told before each wait, so a listing can show "page 12 timed out, retrying (2/4)". */
export interface RetryNotice {
  error: PlexError
  /** This retry's number, from 1. */
  attempt: number
  /** Retries allowed in all. */
  attempts: number
  delayMs: number
}

export interface RetryHooks {
  onRetry?: (notice: RetryNotice) => void
  /**
   * A chance to repair a failure that is not retryable as it stands, e.g. lowering a page size the
   * server refused with 400. Returns true when the repaired request should be sent again at once.
   */
  recover?: (error: unknown) => boolean
}

/**
 * Runs `attempt`, repeating it after retryable failures (PlexUnavailableError) with exponential
 * backoff, or after the wait the server asked for (Retry-After on a 429 or 503), capped. Auth,
 * not-found, bad-request, protocol and abort errors are thrown at once: repeating them cannot help,
 * and a 401 repeated quickly may get a client locked out.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  policy: RetryPolicy,
  signal?: AbortSignal,
  hooks: RetryHooks = {},
): Promise<T> {
  let waitedMs = 0
  for (let failures = 0; ; failures++) {
    try {
      return await attempt()
    } catch (error) {
      if (failures >= policy.retries) throw error
      if (!isRetryable(error)) {
        if (hooks.recover?.(error)) continue
        throw error
      }
      const delayMs = retryDelay(error as PlexError, failures, policy)
      if (waitedMs + delayMs > (policy.maxTotalWaitMs ?? MAX_TOTAL_RETRY_WAIT_MS)) throw error
      waitedMs += delayMs
      hooks.onRetry?.({ error: error as PlexError, attempt: failures + 1, attempts: policy.retries, delayMs })
      await policy.sleep(delayMs, signal)
      if (signal?.aborted) throw new PlexAbortError()
    }
  }
}

/** The server's Retry-After when it gave one (capped), else our own backoff. */
export function retryDelay(error: PlexError, failures: number, policy: Omit<RetryPolicy, 'sleep'>): number {
  if (error.retryAfterMs !== undefined) {
    return Math.min(Math.max(0, error.retryAfterMs), policy.maxRetryAfterMs ?? MAX_RETRY_AFTER_MS)
  }
  return backoffDelay(failures, policy)
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
