import { useState } from 'react'
import type { PublicSettings } from '../../../shared/contract'
import { useBridge } from '../bridge/BridgeContext'

/** "Try the demo server": the bundled fake Plex server, so a new user sees a working app at once. */
export function DemoCard({ onConnected }: { onConnected(settings: PublicSettings): void }) {
  const bridge = useBridge()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const start = async () => {
    setBusy(true)
    setError(null)
    const result = await bridge.useDemoServer()
    setBusy(false)
    if (result.ok) onConnected(result.value)
    else setError(result.error.message)
  }

  return (
    <section className="card demo-card" aria-labelledby="demo-heading">
      <h2 id="demo-heading">Try the demo server</h2>
      <p className="muted">
        No Plex server at hand? Plex Cache can start a pretend one on this computer, with movies, shows and
        music to browse, refresh and clear. Nothing leaves your machine.
      </p>
      <button
        type="button"
        className="button button-primary"
        data-testid="use-demo"
        disabled={busy}
        onClick={() => void start()}
      >
        {busy ? 'Starting the demo server…' : 'Try the demo server'}
      </button>
      {error !== null && (
        <p className="inline-error" role="alert" data-testid="demo-error">
          {error}
        </p>
      )}
    </section>
  )
}
