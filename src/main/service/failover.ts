import { normalizeBaseUrl, type FetchFunction } from '../plex'
import { probeAll } from '../plex/identity-probe'
import type { ServerConnections } from '../../shared/service-types'

export interface FailoverDeps {
  fetch: FetchFunction
  clientIdentifier: string
  /** Per probe; default 3 s. */
  probeTimeoutMs?: number | undefined
}

/**
 * When the chosen address of a signed-in server stops answering (a laptop leaving the home
 * network), the other addresses plex.tv listed for the same server are asked who they are, all at
 * once, and the first in preference order that names the same machine is used instead.
 * Only addresses of that one server are ever candidates, and only while the current address is
 * one of them: the server's token never goes to another server.
 */
export async function workingAlternative(
  currentUrl: string,
  connections: ServerConnections | undefined,
  knownMachineIdentifier: string | undefined,
  deps: FailoverDeps,
): Promise<string | undefined> {
  if (!connections || connections.urls.length < 2) return undefined
  if (knownMachineIdentifier !== undefined && knownMachineIdentifier !== connections.machineIdentifier)
    return undefined
  const urls = connections.urls.flatMap((url) => safeNormalized(url) ?? [])
  const current = safeNormalized(currentUrl)
  if (current === undefined || !urls.includes(current)) return undefined
  const candidates = urls.filter((url) => url !== current)
  const probes = await probeAll(candidates, connections.machineIdentifier, {
    fetch: deps.fetch,
    clientIdentifier: deps.clientIdentifier,
    timeoutMs: deps.probeTimeoutMs,
  })
  return probes.find((probe) => probe.reachable)?.url
}

function safeNormalized(url: string): string | undefined {
  try {
    return normalizeBaseUrl(url)
  } catch {
    return undefined
  }
}
