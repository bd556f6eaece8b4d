import { useState } from 'react'
import { ConfirmDialog } from '../dialogs/ConfirmDialog'
import './disconnect-dialog.css'

/** Rendered only while asking, so each time starts with the token kept. */
interface Props {
  /** The server's name, or its address when Plex gave none. */
  server: string
  busy: boolean
  onCancel(): void
  /** `forgetToken`: forget the server's token too, and sign out of plex.tv. */
  onDisconnect(forgetToken: boolean): void
}

/**
 * Disconnect used to forget the server and its token at once. It now says the cache stays, and
 * forgets the token (signing out of plex.tv) only when asked to: off by default, the safe choice.
 */
export function DisconnectDialog({ server, busy, onCancel, onDisconnect }: Props) {
  const [forgetToken, setForgetToken] = useState(false)
  return (
    <ConfirmDialog
      open
      title={`Disconnect from ${server}?`}
      confirmLabel={forgetToken ? 'Disconnect and forget the token' : 'Disconnect'}
      busy={busy}
      testId="disconnect-dialog"
      onCancel={onCancel}
      onConfirm={() => onDisconnect(forgetToken)}
    >
      <p>
        The cache is kept: its libraries stay on this computer, readable by the command line, and are used
        again when you connect to this server.
      </p>
      <label className="dialog-check">
        <input
          type="checkbox"
          data-testid="disconnect-forget-token"
          checked={forgetToken}
          onChange={(event) => setForgetToken(event.target.checked)}
        />
        <span>Forget the token too (and sign out of plex.tv). Leave unticked to keep the token.</span>
      </label>
    </ConfirmDialog>
  )
}
