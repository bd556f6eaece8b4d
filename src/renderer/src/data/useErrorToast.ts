import { useEffect, useRef } from 'react'
import type { ContractError } from '../../../shared/contract'
import { useToasts } from '../toasts/Toasts'

/**
 * A failed read is shown once, with the envelope's own message. Reads are repeated by events
 * (stats every second at most), so the same failure coming back is not news: it is shown again
 * only after a read succeeded in between.
 */
export function useErrorToast(error: ContractError | null) {
  const toasts = useToasts()
  const shown = useRef<string | null>(null)
  useEffect(() => {
    if (error === null) {
      shown.current = null
      return
    }
    const key = `${error.code}:${error.message}`
    if (shown.current === key) return
    shown.current = key
    toasts.show('error', error.message)
  }, [error, toasts])
}
