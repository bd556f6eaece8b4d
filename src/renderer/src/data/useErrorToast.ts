import { useEffect } from 'react'
import type { ContractError } from '../../../shared/contract'
import { useToasts } from '../toasts/Toasts'

/** Each failed read is shown once, with the envelope's own message. */
export function useErrorToast(error: ContractError | null) {
  const toasts = useToasts()
  useEffect(() => {
    if (error !== null) toasts.show('error', error.message)
  }, [error, toasts])
}
