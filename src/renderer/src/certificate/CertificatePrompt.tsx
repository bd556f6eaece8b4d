import type { CertificateDetails } from '../../../shared/service-types'
import './certificate-prompt.css'

interface Props {
  certificate: CertificateDetails
  /** The sentence main wrote for this case (what is wrong and the fix); null when shown elsewhere. */
  message: string | null
  busy: boolean
  onTrust(): void
  onCancel(): void
}

/**
 * Shown when a connection test was refused for the server's certificate. The user sees the names
 * and the SHA-256 fingerprint (to compare with the server's own) before anything is trusted, and
 * trusting applies to this one server (origin) only. A certificate that could not be read offers
 * no trust button: there would be no fingerprint to confirm.
 */
export function CertificatePrompt({ certificate, message, busy, onTrust, onCancel }: Props) {
  const canTrust = certificate.fingerprint256 !== undefined
  return (
    <div
      className="certificate-prompt"
      role="alertdialog"
      aria-labelledby="certificate-heading"
      data-testid="certificate-prompt"
    >
      {message !== null && (
        <p className="inline-error" role="alert" data-testid="connect-error">
          {message}
        </p>
      )}
      {canTrust && (
        <>
          <h3 id="certificate-heading">Trust this certificate for {certificate.origin}?</h3>
          <dl className="certificate-details">
            <dt>Names</dt>
            <dd data-testid="certificate-names">{certificate.names.join(', ') || '(none)'}</dd>
            <dt>SHA-256</dt>
            <dd data-testid="certificate-fingerprint" className="mono">
              {certificate.fingerprint256}
            </dd>
            {certificate.validTo && (
              <>
                <dt>Valid until</dt>
                <dd>{certificate.validTo}</dd>
              </>
            )}
          </dl>
          <p className="muted small">
            Compare the fingerprint with the one your server shows. Trusting it applies to this server address
            only, and only to this exact certificate.
          </p>
          <div className="form-actions">
            <button type="button" className="button" disabled={busy} onClick={onCancel}>
              Cancel
            </button>
            <button
              type="button"
              className="button button-primary"
              data-testid="trust-certificate"
              disabled={busy}
              onClick={onTrust}
            >
              Trust this certificate
            </button>
          </div>
        </>
      )}
    </div>
  )
}
