import { useQuery, type UseQueryOptions } from '@tanstack/react-query'
import { useCallback } from 'react'
import type { ContractError } from '../../../shared/contract'
import { contractErrorOf } from './bridge-read'
import { useInvalidator } from './DataProvider'
import type { ReadQuery } from './read-operations'

export interface Reloadable<T> {
  /** undefined until the first answer arrives; kept when a later read fails. */
  value: T | undefined
  error: ContractError | null
  /** Reads again now (after an action of the user's), coalesced with reads that events cause. */
  reload(): void
}

/** One contract read through the query cache, in the shape the views use. */
export function useRead<T>(
  options: ReadQuery<T> & Pick<UseQueryOptions<T, Error, T>, 'placeholderData' | 'refetchInterval'>,
): Reloadable<T> {
  const query = useQuery(options)
  const invalidator = useInvalidator()
  const operation = options.queryKey[0]
  const reload = useCallback(() => invalidator.invalidate(operation), [invalidator, operation])
  return { value: query.data, error: contractErrorOf(query.error), reload }
}
