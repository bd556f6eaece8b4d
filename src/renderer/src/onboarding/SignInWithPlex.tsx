import { useState } from 'react'
import type { PublicSettings } from '../../../shared/contract'
import type { SignInState } from '../../../shared/sign-in-types'
import { useBridge } from '../bridge/BridgeContext'
import { useBridgeEvent } from '../bridge/useBridgeEvent'
import { useNow } from '../timing/useNow'
import { ConnectionPicker } from './ConnectionPicker'

function minutesAndSeconds(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000))
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`
}

/**
 * "Sign in with Plex": Plex's page opens in the browser for the code shown here; once approved,
 * the account's servers and the chosen server's tested connections. Main does the talking and
 * keeps every token; this only shows the steps it announces.
 */
export function SignInWithPlex({ onConnected }: { onConnected(settings: PublicSettings): void }) {
  const bridge = useBridge()
  const [state, setState] = useState<SignInState>({ step: 'idle' })
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  useBridgeEvent('signIn', setState)

  const run = async <T,>(
    work: () => Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>,
  ) => {
    setBusy(true)
    setError(null)
    const result = await work()
    setBusy(false)
    if (!result.ok) setError(result.error.message)
    return result.ok ? result.value : undefined
  }

  const start = async () => {
    const next = await run(() => bridge.signInStart())
    if (next) setState(next)
  }
  const cancel = async () => {
    const next = await run(() => bridge.signInCancel())
    if (next) setState(next)
  }
  const chooseServer = async (clientIdentifier: string) => {
    const next = await run(() => bridge.signInChooseServer({ clientIdentifier }))
    if (next) setState(next)
  }
  const use = async (clientIdentifier: string, uri: string) => {
    const settings = await run(() => bridge.signInUseConnection({ clientIdentifier, uri }))
    if (settings) onConnected(settings)
  }

  return (
    <section className="card sign-in-card" aria-labelledby="sign-in-heading" data-testid="sign-in">
      <h2 id="sign-in-heading">Sign in with Plex</h2>
      {(state.step === 'idle' || state.step === 'failed' || state.step === 'done') && (
        <>
          <p className="muted">
            Approve Plex Cache on plex.tv in your browser; it then finds your server and the best way to reach
            it. No token to copy.
          </p>
          {state.step === 'failed' && state.reason !== 'cancelled' && (
            <p className="inline-error" role="alert" data-testid="sign-in-failed">
              {state.message}
            </p>
          )}
          <button
            type="button"
            className="button button-primary"
            data-testid="sign-in-start"
            disabled={busy}
            onClick={() => void start()}
          >
            {state.step === 'failed' ? 'Sign in again' : 'Sign in with Plex'}
          </button>
        </>
      )}
      {state.step === 'waiting' && <Waiting state={state} busy={busy} onCancel={() => void cancel()} />}
      {state.step === 'servers' && (
        <>
          <p>This account has several servers. Which one should Plex Cache keep?</p>
          <ul className="sign-in-list">
            {state.servers.map((server) => (
              <li key={server.clientIdentifier}>
                <button
                  type="button"
                  className="button"
                  data-testid="sign-in-server"
                  disabled={busy}
                  onClick={() => void chooseServer(server.clientIdentifier)}
                >
                  {server.name}
                </button>{' '}
                <span className="muted">
                  {server.owned ? 'yours' : 'shared with you'} · {server.connectionCount} connections
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {state.step === 'testing' && (
        <p className="muted" data-testid="sign-in-testing">
          Testing every connection of {state.server.name}…
        </p>
      )}
      {state.step === 'connections' && (
        <ConnectionPicker
          key={state.server.clientIdentifier}
          server={state.server}
          connections={state.connections}
          chosen={state.chosen}
          busy={busy}
          onUse={(uri) => void use(state.server.clientIdentifier, uri)}
        />
      )}
      {error !== null && (
        <p className="inline-error" role="alert" data-testid="sign-in-error">
          {error}
        </p>
      )}
    </section>
  )
}

function Waiting(props: {
  state: Extract<SignInState, { step: 'waiting' }>
  busy: boolean
  onCancel(): void
}) {
  const now = useNow()
  const { state } = props
  return (
    <div data-testid="sign-in-waiting">
      <p>
        {state.browserOpened
          ? 'Plex opened in your browser. Sign in there and approve this code:'
          : 'Open this page in your browser, sign in and approve this code:'}
      </p>
      {!state.browserOpened && (
        <p>
          <code className="sign-in-url">{state.authUrl}</code>
        </p>
      )}
      <p className="sign-in-code" data-testid="sign-in-code">
        {state.code}
      </p>
      <p className="muted" data-testid="sign-in-countdown">
        Waiting for approval · the code expires in {minutesAndSeconds(state.expiresAt - now)}
      </p>
      <button
        type="button"
        className="button"
        data-testid="sign-in-cancel"
        disabled={props.busy}
        onClick={props.onCancel}
      >
        Cancel
      </button>
    </div>
  )
}
