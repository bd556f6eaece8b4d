import type { PublicSettings } from '../../../shared/contract'
import { Field } from './fields'
import type { FieldErrors, SettingsForm } from './settings-form'

interface Props {
  settings: PublicSettings
  form: SettingsForm
  errors: FieldErrors
  onEdit<K extends keyof SettingsForm>(field: K, value: SettingsForm[K]): void
}

const STORAGE: Record<PublicSettings['tokenStorage'], string> = {
  encrypted: 'A token is set, stored encrypted by the system keychain.',
  file: 'A token is set, stored unencrypted in a file only your user account can read (no system keychain was found).',
  session: 'A token is set for this session only: encryption is unavailable, so it is forgotten on quit.',
  none: 'No token is set.',
}

/** The server and its token. The token is write-only: the window learns only whether one is set. */
export function ServerFields({ settings, form, errors, onEdit }: Props) {
  return (
    <fieldset className="settings-group">
      <legend>Plex server</legend>
      <Field
        label="Server URL"
        hint={
          settings.demo
            ? 'Connected to the bundled demo server. Enter a real server and its token to switch.'
            : 'Changing the server needs its token; both are tested before they are saved.'
        }
        error={errors.serverUrl}
        testId="server-url"
      >
        {({ input, describedBy }) => (
          <input
            id={input}
            data-testid="input-server-url"
            type="url"
            autoComplete="url"
            aria-invalid={errors.serverUrl !== undefined}
            aria-describedby={describedBy}
            value={form.serverUrl}
            onChange={(event) => onEdit('serverUrl', event.target.value)}
          />
        )}
      </Field>
      <Field
        label="Plex token"
        hint={
          <span data-testid="token-status" data-token-storage={settings.tokenStorage}>
            {settings.tokenSet ? STORAGE[settings.tokenStorage] : STORAGE.none} Type a new one to replace it.
          </span>
        }
        error={errors.token}
        testId="token"
      >
        {({ input, describedBy }) => (
          <input
            id={input}
            data-testid="input-token"
            type="password"
            autoComplete="off"
            placeholder={settings.tokenSet ? '•••••••• (set; type to replace)' : ''}
            aria-invalid={errors.token !== undefined}
            aria-describedby={describedBy}
            value={form.token}
            onChange={(event) => onEdit('token', event.target.value)}
          />
        )}
      </Field>
    </fieldset>
  )
}
