import { useId, useState, type FormEvent } from 'react'
import type { PublicSettings } from '../../../shared/contract'
import type { CertificateDetails, ConnectionTestResult } from '../../../shared/service-types'
import { useBridge } from '../bridge/BridgeContext'
import { CertificatePrompt } from '../certificate/CertificatePrompt'

type Outcome =
  | { kind: 'idle' }
  | { kind: 'busy'; what: string }
  | { kind: 'ok'; server: ConnectionTestResult }
  | { kind: 'error'; message: string }
  /** Refused for the server's certificate: shown with its fingerprint, to trust or not. */
  | { kind: 'certificate'; message: string; certificate: CertificateDetails; trusting: boolean }

/** Checked here only to give a friendlier sentence; the contract's schema is the real check. */
function problemWith(url: string, token: string): string | null {
  if (!URL.canParse(url) || !/^https?:$/.test(new URL(url).protocol)) {
    return 'Enter the server address with http:// or https://, like http://192.168.1.10:32400.'
  }
  if (token.trim() === '') return 'Enter your Plex token.'
  return null
}

/** "Connect to Plex": a URL and a token, tested before anything is saved. */
export function ConnectForm({ onConnected }: { onConnected(settings: PublicSettings): void }) {
  const bridge = useBridge()
  const [url, setUrl] = useState('')
  const [token, setToken] = useState('')
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' })
  const ids = { url: useId(), token: useId() }

  // A wrong URL or token must save nothing, so Connect tests first and saves only on success.
  const test = async (): Promise<boolean> => {
    const problem = problemWith(url, token)
    if (problem !== null) {
      setOutcome({ kind: 'error', message: problem })
      return false
    }
    setOutcome({ kind: 'busy', what: 'Testing the connection…' })
    const result = await bridge.testConnection({ url: url.trim(), token })
    if (result.ok) setOutcome({ kind: 'ok', server: result.value })
    else if (result.error.certificate) {
      const { message, certificate } = result.error
      setOutcome({ kind: 'certificate', message, certificate, trusting: false })
    } else setOutcome({ kind: 'error', message: result.error.message })
    return result.ok
  }

  // Only after the user saw the fingerprint and chose to trust it; then the test runs again.
  const trust = async (certificate: CertificateDetails, message: string) => {
    if (certificate.fingerprint256 === undefined) return
    setOutcome({ kind: 'certificate', message, certificate, trusting: true })
    const trusted = await bridge.trustCertificate({
      url: certificate.origin,
      fingerprint256: certificate.fingerprint256,
    })
    if (!trusted.ok) return setOutcome({ kind: 'error', message: trusted.error.message })
    await test()
  }

  const connect = async (event: FormEvent) => {
    event.preventDefault()
    if (!(await test())) return
    setOutcome({ kind: 'busy', what: 'Connecting…' })
    const saved = await bridge.setSettings({ serverUrl: url.trim(), token })
    if (saved.ok) onConnected(saved.value)
    else setOutcome({ kind: 'error', message: saved.error.message })
  }

  const busy = outcome.kind === 'busy' || (outcome.kind === 'certificate' && outcome.trusting)
  return (
    <form
      className="card connect-form"
      onSubmit={(event) => void connect(event)}
      aria-labelledby="connect-heading"
    >
      <h2 id="connect-heading">Connect to Plex</h2>
      <p className="muted">Use your own Plex Media Server. The token stays on this computer.</p>
      <label htmlFor={ids.url}>Server URL</label>
      <input
        id={ids.url}
        data-testid="connect-url"
        type="url"
        placeholder="http://192.168.1.10:32400"
        autoComplete="url"
        value={url}
        onChange={(event) => setUrl(event.target.value)}
      />
      <label htmlFor={ids.token}>Plex token</label>
      <input
        id={ids.token}
        data-testid="connect-token"
        type="password"
        autoComplete="off"
        value={token}
        onChange={(event) => setToken(event.target.value)}
      />
      <div className="form-actions">
        <button
          type="button"
          className="button"
          data-testid="test-connection"
          disabled={busy}
          onClick={() => void test()}
        >
          Test connection
        </button>
        <button type="submit" className="button button-primary" data-testid="connect" disabled={busy}>
          Connect
        </button>
      </div>
      <div className="form-outcome" aria-live="polite">
        {outcome.kind === 'busy' && <p className="muted">{outcome.what}</p>}
        {outcome.kind === 'ok' && (
          <p className="inline-success" data-testid="connect-result">
            Found <strong>{outcome.server.friendlyName}</strong> · Plex {outcome.server.version} ·{' '}
            {outcome.server.libraryCount} {outcome.server.libraryCount === 1 ? 'library' : 'libraries'}
          </p>
        )}
        {outcome.kind === 'certificate' && (
          <CertificatePrompt
            certificate={outcome.certificate}
            message={outcome.message}
            busy={outcome.trusting}
            onTrust={() => void trust(outcome.certificate, outcome.message)}
            onCancel={() => setOutcome({ kind: 'error', message: outcome.message })}
          />
        )}
        {outcome.kind === 'error' && (
          <p className="inline-error" role="alert" data-testid="connect-error">
            {outcome.message}
          </p>
        )}
      </div>
    </form>
  )
}
