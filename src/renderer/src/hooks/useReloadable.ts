import { useCallback, useEffect, useRef, useState } from 'react'
import type { ContractError, Envelope } from '../../../shared/contract'

export interface Reloadable<T> {
  /** undefined until the first answer arrives. */
  value: T | undefined
  error: ContractError | null
  reload(): void
}

/**
 * Keeps the latest answer of one read-only operation. Events can arrive in bursts (a refresh
 * changes several things at once), so reloads asked for while one is running collapse into one
 * more read afterwards, and an older answer never overwrites a newer one.
 */
export function useReloadable<T>(read: () => Promise<Envelope<T>>): Reloadable<T> {
  const [value, setValue] = useState<T | undefined>(undefined)
  const [error, setError] = useState<ContractError | null>(null)
  const readRef = useRef(read)
  const running = useRef(false)
  const again = useRef(false)
  const mounted = useRef(true)

  useEffect(() => {
    readRef.current = read
  })

  const reload = useCallback(() => {
    if (running.current) {
      again.current = true
      return
    }
    running.current = true
    void (async () => {
      do {
        again.current = false
        const envelope = await readRef.current()
        if (!mounted.current) return
        if (envelope.ok) {
          setValue(envelope.value)
          setError(null)
        } else {
          setError(envelope.error)
        }
      } while (again.current)
      running.current = false
    })()
  }, [])

  useEffect(() => {
    mounted.current = true
    reload()
    return () => {
      mounted.current = false
      running.current = false
    }
  }, [reload])

  return { value, error, reload }
}
