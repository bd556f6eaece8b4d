import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react'
import { EVENT_NAMES } from '../../../shared/channels'
import { useBridge } from '../bridge/BridgeContext'
import { EVENT_INVALIDATIONS } from './event-invalidations'
import { Invalidator } from './invalidator'

/**
 * Answers stay until an event says otherwise, so nothing is read on a timer, on focus or on a
 * network change: main pushes every change (design: "the renderer re-reads what changed"). A
 * view mounting again still reads once, since another process (the CLI) may have changed the cache.
 */
export function createWindowQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // An error envelope is main's considered answer (main already retried Plex); asking again
        // at once would only repeat it.
        retry: false,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        // The bridge is local IPC: the browser's idea of being online says nothing about it.
        networkMode: 'always',
      },
    },
  })
}

const InvalidatorContext = createContext<Invalidator | null>(null)

/** The window's one data layer: a query cache for every read, kept current by the event map. */
export function DataProvider({ children }: { children: ReactNode }) {
  const bridge = useBridge()
  const [client] = useState(createWindowQueryClient)
  const [invalidator] = useState(() => new Invalidator(client))

  useEffect(() => {
    const unsubscribes = EVENT_NAMES.flatMap((event) => {
      const operations = EVENT_INVALIDATIONS[event]
      if (operations === undefined) return []
      return [
        bridge.on(event, () => {
          for (const operation of operations) invalidator.invalidate(operation)
        }),
      ]
    })
    return () => {
      for (const unsubscribe of unsubscribes) unsubscribe()
    }
  }, [bridge, invalidator])

  useEffect(() => () => invalidator.dispose(), [invalidator])

  return (
    <QueryClientProvider client={client}>
      <InvalidatorContext.Provider value={invalidator}>{children}</InvalidatorContext.Provider>
    </QueryClientProvider>
  )
}

export function useInvalidator(): Invalidator {
  const invalidator = useContext(InvalidatorContext)
  if (invalidator === null) throw new Error('useInvalidator is used outside <DataProvider>')
  return invalidator
}
