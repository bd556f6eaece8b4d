import { useState } from 'react'
import { useBridge } from '../bridge/BridgeContext'
import { readOperations } from '../data/read-operations'
import { useRead } from '../data/useRead'
import './tools-proxy.css'

/**
 * Under "Serve the cache to other tools": the address to give a tool, with a copy button, while the
 * proxy listens; why not, when it could not start. Follows the proxy's own status, not the form, so
 * it says what is true now rather than what was typed.
 */
export function ToolsProxyStatusLine() {
  const status = useRead(readOperations.toolsProxyStatus(useBridge())).value
  const [copied, setCopied] = useState<string | null>(null)
  if (status === undefined || status.state === 'off') return null
  if (status.state === 'starting')
    return <p className="tools-proxy muted small">Starting on port {status.port}…</p>
  if (status.state === 'failed')
    return (
      <p className="tools-proxy setting-error" role="alert" data-testid="tools-proxy-error">
        {status.message}
      </p>
    )
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(status.url)
      setCopied(status.url)
    } catch {
      // Some shells refuse the clipboard: the address stays selectable by hand.
      setCopied(null)
    }
  }
  return (
    <div className="tools-proxy" data-testid="tools-proxy-serving">
      <span className="muted small">Set your tools&apos; Plex server address to</span>
      <div className="tools-proxy-url">
        <code data-testid="tools-proxy-url">{status.url}</code>
        <button type="button" className="button" data-testid="tools-proxy-copy" onClick={() => void copy()}>
          {copied === status.url ? 'Copied' : 'Copy'}
        </button>
      </div>
      <span className="muted small">
        Each tool still sends its own Plex token; it sees only what Plex shows it.
      </span>
    </div>
  )
}
