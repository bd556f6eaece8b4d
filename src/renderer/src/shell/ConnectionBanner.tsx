import { useEffect, useState } from 'react'
import type { PublicSettings } from '../../../shared/contract'
import type { ConnectionProblem, ConnectionStatus } from '../../../shared/service-types'
import { useBridge } from '../bridge/BridgeContext'
import { CertificatePrompt } from '../certificate/CertificatePrompt'
import { SignInWithPlex } from '../onboarding/SignInWithPlex'
import './connection-banner.css'

interface Props {
  status: ConnectionStatus | undefined
  settings: PublicSettings
  onOpenSettings(): void
}

const HEADLINES: Record<ConnectionProblem, string> = {
  unreachable: 'Plex is unreachable.',
  'token-rejected': 'Plex rejected the token.',
  certificate: "The server's certificate was refused.",
  maintenance: 'Plex is in maintenance (503).',
}

const EXPLANATIONS: Record<ConnectionProblem, string> = {
  unreachable: 'Showing cached data, which may be out of date. Plex is asked again every few minutes.',
  'token-rejected':
    'Showing cached data, which may be out of date. The token was revoked or belongs to another account: sign in again or enter a new token.',
  certificate: 'Showing cached data, which may be out of date.',
  maintenance:
    'Showing cached data, which may be out of date. Plex is updating its database, which can take a while; it is asked again every few minutes.',
}

/**
 * While Plex cannot be used the cache keeps answering; this says which trouble it is, in its own
 * words, with the action that fits it. Shown on every tab, above the view.
 */
export function ConnectionBanner({ status, settings, onOpenSettings }: Props) {
  if (status?.state !== 'offline') return null
  const problem = status.problem ?? 'unreachable'
  return (
    <div
      className={`banner banner-offline banner-${problem}`}
      role="status"
      data-testid="offline-banner"
      data-problem={problem}
    >
      <p className="banner-text">
        <strong data-testid="offline-headline">{HEADLINES[problem]}</strong> {EXPLANATIONS[problem]}
        {/* Plex's own words add nothing to a 503 or a 401; for the rest they say what failed. */}
        {status.lastError !== undefined && (problem === 'unreachable' || problem === 'certificate') && (
          <span className="banner-detail" data-testid="offline-detail">
            {' '}
            {status.lastError.message}
          </span>
        )}
      </p>
      <BannerActions status={status} problem={problem} settings={settings} onOpenSettings={onOpenSettings} />
    </div>
  )
}

function BannerActions({
  status,
  problem,
  settings,
  onOpenSettings,
}: {
  status: ConnectionStatus
  problem: ConnectionProblem
  settings: PublicSettings
  onOpenSettings(): void
}) {
  const bridge = useBridge()
  const [busy, setBusy] = useState(false)
  const [signingIn, setSigningIn] = useState(false)
  const [trusting, setTrusting] = useState(false)
  const [actionError, setActionError] = useState<string | null>(null)

  // Started once the sign-in card is mounted, so it hears every step main announces.
  useEffect(() => {
    if (!signingIn) return
    void bridge.signInStart().then((result) => {
      if (!result.ok) setActionError(result.error.message)
    })
  }, [signingIn, bridge])

  const checkAgain = async () => {
    setBusy(true)
    setActionError(null)
    const result = await bridge.connectionStatus({ check: true })
    setBusy(false)
    if (!result.ok) setActionError(result.error.message)
  }

  const certificate = status.lastError?.certificate
  const trustable =
    problem === 'certificate' &&
    certificate?.fingerprint256 !== undefined &&
    settings.serverUrl !== null &&
    new URL(settings.serverUrl).origin === certificate.origin
  const trust = async () => {
    if (!certificate?.fingerprint256 || settings.serverUrl === null) return
    setBusy(true)
    const trusted = await bridge.trustCertificate({
      url: settings.serverUrl,
      fingerprint256: certificate.fingerprint256,
    })
    setBusy(false)
    if (!trusted.ok) return setActionError(trusted.error.message)
    setTrusting(false)
    await checkAgain()
  }

  return (
    <>
      <div className="banner-actions">
        {(problem === 'unreachable' || problem === 'maintenance') && (
          <button
            type="button"
            className="button button-small"
            data-testid="check-again"
            disabled={busy}
            onClick={() => void checkAgain()}
          >
            {busy ? 'Checking…' : 'Check again'}
          </button>
        )}
        {problem === 'token-rejected' &&
          (settings.signedInWithPlex ? (
            <button
              type="button"
              className="button button-small button-primary"
              data-testid="sign-in-again"
              disabled={signingIn}
              onClick={() => setSigningIn(true)}
            >
              Sign in again
            </button>
          ) : (
            // Set up with a URL and a token: a new token is entered where the old one was.
            <button
              type="button"
              className="button button-small button-primary"
              data-testid="sign-in-again"
              onClick={onOpenSettings}
            >
              Enter a new token
            </button>
          ))}
        {trustable && !trusting && (
          <button
            type="button"
            className="button button-small button-primary"
            data-testid="banner-trust-certificate"
            onClick={() => setTrusting(true)}
          >
            Trust this certificate…
          </button>
        )}
        {problem !== 'maintenance' && (
          <button
            type="button"
            className="button button-small"
            data-testid="open-settings"
            onClick={onOpenSettings}
          >
            Open Settings
          </button>
        )}
      </div>
      {actionError !== null && (
        <p className="inline-error" role="alert" data-testid="banner-action-error">
          {actionError}
        </p>
      )}
      {trusting && certificate && (
        <CertificatePrompt
          certificate={certificate}
          message={null}
          busy={busy}
          onTrust={() => void trust()}
          onCancel={() => setTrusting(false)}
        />
      )}
      {signingIn && (
        <div className="banner-sign-in">
          <SignInWithPlex onConnected={() => setSigningIn(false)} />
          <button type="button" className="button button-small" onClick={() => setSigningIn(false)}>
            Close
          </button>
        </div>
      )}
    </>
  )
}
