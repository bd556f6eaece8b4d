import { useState } from 'react'
import type { AboutInfo } from '../../../shared/about'
import { useBridge } from '../bridge/BridgeContext'
import { readOperations } from '../data/read-operations'
import { useErrorToast } from '../data/useErrorToast'
import { useRead } from '../data/useRead'
import { useToasts } from '../toasts/Toasts'
import './about.css'

/** The browser's own engine, for the browser bridge, where the main process is plain Node. */
function browserEngine(): string | null {
  const version = /Chrom(?:e|ium)\/([\d.]+)/.exec(navigator.userAgent)?.[1]
  return version ? `${version} (this browser)` : null
}

/** Versions, and where Plex Cache keeps its data and its log, with buttons to open each. */
export function AboutView() {
  const bridge = useBridge()
  const about = useRead(readOperations.getAbout(bridge))
  useErrorToast(about.error)
  return (
    <section className="panel about" aria-labelledby="about-heading" data-testid="about-view">
      <div className="panel-header">
        <h2 id="about-heading">About Plex Cache</h2>
      </div>
      {about.value === undefined ? <p className="muted">Loading…</p> : <AboutDetails about={about.value} />}
    </section>
  )
}

function AboutDetails({ about }: { about: AboutInfo }) {
  const bridge = useBridge()
  const toasts = useToasts()
  const [busy, setBusy] = useState(false)
  const run = async (action: () => Promise<{ ok: boolean; value?: { opened: boolean } }>, what: string) => {
    setBusy(true)
    try {
      const result = await action()
      if (!result.ok || !result.value?.opened) toasts.show('error', `The ${what} could not be opened.`)
    } finally {
      setBusy(false)
    }
  }
  return (
    <div className="about-body" data-testid="about-ready">
      <dl className="about-facts">
        <dt>Plex Cache</dt>
        <dd data-testid="about-app-version">{about.appVersion}</dd>
        <dt>Electron</dt>
        <dd data-testid="about-electron-version">{about.electronVersion ?? '—'}</dd>
        <dt>Chromium</dt>
        <dd data-testid="about-chromium-version">{about.chromiumVersion ?? browserEngine() ?? '—'}</dd>
        <dt>Node.js</dt>
        <dd data-testid="about-node-version">{about.nodeVersion}</dd>
      </dl>
      <dl className="about-paths">
        <PathRow
          label="Data folder"
          path={about.dataDir}
          testId="about-data-dir"
          buttonTestId="open-data-folder"
          buttonText="Open folder"
          busy={busy}
          onOpen={() => void run(() => bridge.openDataFolder(), 'data folder')}
        />
        <PathRow
          label="Log file"
          path={about.logFile}
          testId="about-log-file"
          buttonTestId="show-log-file"
          buttonText="Show log file"
          busy={busy}
          onOpen={() => void run(() => bridge.showLogFile(), 'log file')}
        />
      </dl>
      <p className="muted small">
        The log records refreshes, revalidations, evictions, recoveries, connection changes and errors; it
        never holds your Plex token.
      </p>
    </div>
  )
}

interface PathRowProps {
  label: string
  path: string
  testId: string
  buttonTestId: string
  buttonText: string
  busy: boolean
  onOpen(): void
}

/** A path the main process chose, with the one button that opens it. */
function PathRow({ label, path, testId, buttonTestId, buttonText, busy, onOpen }: PathRowProps) {
  return (
    <>
      <dt>{label}</dt>
      <dd>
        <code data-testid={testId}>{path}</code>
        <button type="button" className="button" data-testid={buttonTestId} disabled={busy} onClick={onOpen}>
          {buttonText}
        </button>
      </dd>
    </>
  )
}
