import { pinnedFetch } from './plex/pinned-fetch'
import type { FetchFunction } from './plex'
import { CertificatePins } from './settings/certificate-pins'

/**
 * Node's fetch for the CLI and the browser bridge, honouring the certificates the user trusted in
 * this data folder (read on each request, so a pin added by the window or the CLI applies at once).
 * Electron does the same for net.fetch in certificate-trust.ts.
 */
export function fetchWithTrustedCertificates(dataDir: string): FetchFunction {
  const pins = new CertificatePins(dataDir)
  return pinnedFetch((origin) => pins.fingerprintFor(origin))
}
