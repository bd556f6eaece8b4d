import { useEffect, useRef } from 'react'
import type { EventName, EventPayloads } from '../../../shared/contract'
import { useBridge } from './BridgeContext'

/** Listens to one core event for the component's lifetime; the latest listener is always the one called. */
export function useBridgeEvent<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void) {
  const bridge = useBridge()
  const latest = useRef(listener)
  useEffect(() => {
    latest.current = listener
  })
  useEffect(() => bridge.on(event, (payload) => latest.current(payload)), [bridge, event])
}
