import { useState, type FormEvent } from 'react'
import type { PublicSettings } from '../../../shared/contract'
import { useBridge } from '../bridge/BridgeContext'
import { useToasts } from '../toasts/Toasts'
import { DurationField, NumberField, ToggleField } from './fields'
import { checkForm, formFromSettings, sameForm, type FieldErrors, type SettingsForm } from './settings-form'
import { ServerFields } from './ServerFields'

type Status =
  | { kind: 'idle' }
  | { kind: 'busy'; what: string }
  | { kind: 'saved' }
  | { kind: 'unchanged' }
  | { kind: 'error'; message: string }

/** Every setting, checked here with a sentence per field, sent as only what changed, applied at once. */
export function SettingsView({ settings }: { settings: PublicSettings }) {
  const bridge = useBridge()
  const toasts = useToasts()
  const [base, setBase] = useState(settings)
  const [form, setForm] = useState(() => formFromSettings(settings))
  const [errors, setErrors] = useState<FieldErrors>({})
  const [status, setStatus] = useState<Status>({ kind: 'idle' })

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

  const save = async (event: FormEvent) => {
    event.preventDefault()
    const checked = checkForm(form, settings)
    setErrors(checked.errors)
    if (Object.keys(checked.errors).length > 0) return setStatus({ kind: 'idle' })
    if (Object.keys(checked.change).length === 0) return setStatus({ kind: 'unchanged' })

    if (checked.testConnection !== null) {
      setStatus({ kind: 'busy', what: 'Testing the connection…' })
      const tested = await bridge.testConnection(checked.testConnection)
      if (!tested.ok) {
        setErrors({ token: tested.error.message })
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

  const dirty = !sameForm(form, formFromSettings(settings))
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

        <fieldset className="settings-group">
          <legend>Cache</legend>
          <DurationField
            label="Library time to live"
            hint="How long a fetched library counts as fresh. The next refresh uses a new value."
            value={form.libraryTtl}
            error={errors.libraryTtl}
            testId="library-ttl"
            onChange={(value) => edit('libraryTtl', value)}
          />
          <DurationField
            label="Search time to live"
            hint="How long a search that found something is kept."
            value={form.searchTtl}
            error={errors.searchTtl}
            testId="search-ttl"
            onChange={(value) => edit('searchTtl', value)}
          />
          <DurationField
            label="Empty search time to live"
            hint="Kept short, so a file Plex has just scanned is found soon."
            value={form.emptySearchTtl}
            error={errors.emptySearchTtl}
            testId="empty-search-ttl"
            onChange={(value) => edit('emptySearchTtl', value)}
          />
          <DurationField
            label="Serve while revalidating"
            hint="For this long after a library expires, it is shown at once, marked stale, while Plex is asked in the background. 0 is off."
            value={form.staleWhileRevalidate}
            error={errors.staleWhileRevalidate}
            testId="stale-while-revalidate"
            onChange={(value) => edit('staleWhileRevalidate', value)}
          />
          <NumberField
            label="Size limit"
            hint="The oldest entries are evicted above this size."
            unit="MB"
            value={form.sizeLimitMb}
            error={errors.sizeLimitMb}
            testId="size-limit"
            onChange={(value) => edit('sizeLimitMb', value)}
          />
          <NumberField
            label="Page size"
            hint="Items asked of Plex per request while fetching a library."
            unit="items"
            value={form.pageSize}
            error={errors.pageSize}
            testId="page-size"
            onChange={(value) => edit('pageSize', value)}
          />
        </fieldset>

        <fieldset className="settings-group">
          <legend>Behaviour</legend>
          <ToggleField
            label="Keep libraries warm"
            hint="Refresh a library shortly before it expires, while Plex is reachable."
            checked={form.keepWarm}
            testId="keep-warm"
            onChange={(value) => edit('keepWarm', value)}
          />
          <ToggleField
            label="Start in the tray"
            hint="Open Plex Cache without its window; the tray menu still refreshes."
            checked={form.startInTray}
            testId="start-in-tray"
            onChange={(value) => edit('startInTray', value)}
          />
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
