import { useState } from 'react'
import type { PublicSettings } from '../../../shared/contract'
import { useBridge } from '../bridge/BridgeContext'
import { useSettings } from '../hooks/useSettings'

/**
 * After Disconnect with the token kept: one click back to that server. The token is kept only for
 * it (the main process drops it when any other address is chosen), so only it is offered.
 */
export function ReconnectCard({ onConnected }: { onConnected(settings: PublicSettings): void }) {
  const bridge = useBridge()
  const settings = useSettings().value
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const server = settings?.tokenSet ? settings.disconnectedFrom : undefined
  if (server === undefined) return null

  const reconnect = async () => {
    setBusy(true)
    setError(null)
    const result = await bridge.setSettings({ serverUrl: server })
    setBusy(false)
    if (result.ok) onConnected(result.value)
    else setError(result.error.message)
  }

  return (
    <section className="card reconnect-card" aria-labelledby="reconnect-heading" data-testid="reconnect-card">
      <h2 id="reconnect-heading">Reconnect</h2>
      <p className="muted">
        The token for <span className="reconnect-server">{server}</span> is still saved, and the cache was
        kept. Entering another server below forgets that token.
      </p>
      <button
        type="button"
        className="button button-primary"
        data-testid="reconnect"
        disabled={busy}
        onClick={() => void reconnect()}
      >
        {busy ? 'Reconnecting…' : 'Reconnect to this server'}
      </button>
      {error !== null && (
        <p className="inline-error" role="alert" data-testid="reconnect-error">
          {error}
        </p>
      )}
    </section>
  )
}
