import { useEffect, useState, type FormEvent } from 'react'
import type { PublicSettings } from '../../../shared/contract'
import type { CertificateDetails } from '../../../shared/service-types'
import { useBridge } from '../bridge/BridgeContext'
import { CertificatePrompt } from '../certificate/CertificatePrompt'
import { useToasts } from '../toasts/Toasts'
import {
  checkForm,
  connectionTestField,
  formFromSettings,
  sameForm,
  type FieldErrors,
  type SettingsForm,
} from './settings-form'
import { ServerFields } from './ServerFields'
import { SettingRows } from './SettingRows'
import { ToolsProxyStatusLine } from './ToolsProxyStatusLine'
import './settings.css'

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; what: string }
  | { kind: 'saved' }
  | { kind: 'unchanged' }
  | { kind: 'error'; message: string }

/** Every setting, checked here with a sentence per field, sent as only what changed, applied at once. */
export function SettingsView({
  settings,
  onDirtyChange,
}: {
  settings: PublicSettings
  /** Told whether the form differs from what is saved, so leaving the tab can ask first. */
  onDirtyChange?(dirty: boolean): void
}) {
  const bridge = useBridge()
  const toasts = useToasts()
  const [base, setBase] = useState(settings)
  const [form, setForm] = useState(() => formFromSettings(settings))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  /** The new server's certificate was refused: offered for trusting, with its fingerprint. */
  const [refused, setRefused] = useState<{ certificate: CertificateDetails; message: string } | null>(null)

  // Settings changed elsewhere (the tray, another save): follow them unless the person is editing.
  if (settings !== base) {
    setBase(settings)
    if (sameForm(form, formFromSettings(base))) setForm(formFromSettings(settings))
  }

  const edit = <K extends keyof SettingsForm>(field: K, value: SettingsForm[K]) => {
    setForm((all) => ({ ...all, [field]: value }))
    setErrors(({ [field]: _fixed, ...others }) => others)
    setStatus({ kind: 'idle' })
  }

  const save = async (event?: FormEvent) => {
    event?.preventDefault()
    setRefused(null)
    const checked = checkForm(form, settings)
    setErrors(checked.errors)
    if (Object.keys(checked.errors).length > 0) return setStatus({ kind: 'idle' })
    if (Object.keys(checked.change).length === 0) return setStatus({ kind: 'unchanged' })

    if (checked.testConnection !== null) {
      setStatus({ kind: 'busy', what: 'Testing the connection…' })
      const tested = await bridge.testConnection(checked.testConnection)
      if (!tested.ok) {
        const { certificate, message } = tested.error
        if (certificate) setRefused({ certificate, message })
        // On the field that caused it: a server that cannot be reached is the address's fault, a refused token the token's.
        setErrors({ [connectionTestField(tested.error.code)]: tested.error.message })
        return setStatus({ kind: 'error', message: 'Nothing was saved: the connection test failed.' })
      }
    }
    setStatus({ kind: 'busy', what: 'Saving…' })
    const saved = await bridge.setSettings(checked.change)
    if (!saved.ok) {
      // Main refused (its schema is the final word): keep what was typed so it can be corrected.
      toasts.show('error', saved.error.message)
      return setStatus({ kind: 'error', message: saved.error.message })
    }
    setBase(saved.value)
    setForm(formFromSettings(saved.value))
    setStatus({ kind: 'saved' })
  }

  // Only after the user saw the fingerprint and chose to trust it; then the save (and its test) runs again.
  const trustThenSave = async (certificate: CertificateDetails) => {
    if (certificate.fingerprint256 === undefined) return
    setStatus({ kind: 'busy', what: 'Trusting the certificate…' })
    const trusted = await bridge.trustCertificate({
      url: certificate.origin,
      fingerprint256: certificate.fingerprint256,
    })
    if (!trusted.ok) {
      setRefused(null)
      return setStatus({ kind: 'error', message: trusted.error.message })
    }
    await save()
  }

  const dirty = !sameForm(form, formFromSettings(settings))
  useEffect(() => onDirtyChange?.(dirty), [dirty, onDirtyChange])
  return (
    <form
      className="panel settings"
      aria-labelledby="settings-heading"
      onSubmit={(event) => void save(event)}
    >
      <div className="panel-header">
        <div className="panel-title">
          <h2 id="settings-heading">Settings</h2>
          <p className="muted small">Changes apply as soon as they are saved.</p>
        </div>
      </div>
      <div className="settings-body" data-testid="settings-view">
        <ServerFields settings={settings} form={form} errors={errors} onEdit={edit} />
        {refused && (
          <CertificatePrompt
            certificate={refused.certificate}
            // The message already shows under the server fields.
            message={null}
            busy={status.kind === 'busy'}
            onCancel={() => setRefused(null)}
            onTrust={() => void trustThenSave(refused.certificate)}
          />
        )}

        <fieldset className="settings-group">
          <legend>Cache</legend>
          <SettingRows group="cache" form={form} errors={errors} onEdit={edit} />
        </fieldset>

        <fieldset className="settings-group">
          <legend>Behaviour</legend>
          <SettingRows group="behaviour" form={form} errors={errors} onEdit={edit} />
        </fieldset>

        <fieldset className="settings-group" data-testid="settings-tools">
          <legend>Other tools</legend>
          <SettingRows group="tools" form={form} errors={errors} onEdit={edit} />
          <ToolsProxyStatusLine />
        </fieldset>
      </div>
      <div className="settings-footer">
        <div className="settings-status" aria-live="polite" data-testid="settings-status">
          {status.kind === 'busy' && <span className="muted">{status.what}</span>}
          {status.kind === 'saved' && (
            <span className="status-saved" data-testid="settings-saved">
              Saved
            </span>
          )}
          {status.kind === 'unchanged' && (
            <span className="muted">Nothing to save: no setting was changed.</span>
          )}
          {status.kind === 'error' && (
            <span className="status-error" role="alert" data-testid="settings-error-message">
              {status.message}
            </span>
          )}
          {status.kind === 'idle' && Object.keys(errors).length > 0 && (
            <span className="status-error" data-testid="settings-invalid">
              Nothing was saved: correct the fields marked above.
            </span>
          )}
        </div>
        <button
          type="button"
          className="button"
          data-testid="settings-reset"
          disabled={!dirty || status.kind === 'busy'}
          onClick={() => {
            setForm(formFromSettings(settings))
            setErrors({})
            setStatus({ kind: 'idle' })
          }}
        >
          Undo changes
        </button>
        <button
          type="submit"
          className="button button-primary"
          data-testid="settings-save"
          disabled={status.kind === 'busy'}
        >
          Save
        </button>
      </div>
    </form>
  )
}
