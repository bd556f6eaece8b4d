import { useState } from 'react'
import type { SignInConnection, SignInServer } from '../../../shared/sign-in-types'

function kindOf(connection: SignInConnection): string {
  return connection.relay ? 'relay' : connection.local ? 'local' : 'remote'
}

/** The server's connections as tested, the preferred working one selected; any other working one may be picked. */
export function ConnectionPicker(props: {
  server: SignInServer
  connections: SignInConnection[]
  chosen: string | null
  busy: boolean
  onUse(uri: string): void
}) {
  const [picked, setPicked] = useState<string | null>(props.chosen)
  return (
    <div className="sign-in-connections" data-testid="sign-in-connections">
      <p>
        {props.chosen === null ? (
          <span className="inline-error" role="alert">
            None of {props.server.name}’s connections answered. Is the server running?
          </span>
        ) : (
          <>
            Plex Cache chose the best connection to <strong>{props.server.name}</strong>; pick another if you
            prefer. The others are tried when it stops answering.
          </>
        )}
      </p>
      <ul className="sign-in-list">
        {props.connections.map((connection) => (
          <li key={connection.uri}>
            <label className={connection.reachable ? '' : 'muted'}>
              <input
                type="radio"
                name="sign-in-connection"
                data-testid="sign-in-connection"
                value={connection.uri}
                disabled={!connection.reachable || props.busy}
                checked={picked === connection.uri}
                onChange={() => setPicked(connection.uri)}
              />{' '}
              <code>{connection.uri}</code> · {kindOf(connection)} · {connection.protocol} ·{' '}
              {connection.reachable
                ? `${connection.latencyMs ?? '?'} ms`
                : `unreachable${connection.problem ? ` (${connection.problem})` : ''}`}
            </label>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button button-primary"
        data-testid="sign-in-use-connection"
        disabled={picked === null || props.busy}
        onClick={() => picked !== null && props.onUse(picked)}
      >
        Use this connection
      </button>
    </div>
  )
}
