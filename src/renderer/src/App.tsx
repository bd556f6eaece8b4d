import { useState, type ReactNode } from 'react'
import { BridgeProvider, findBridge, useBridge } from './bridge/BridgeContext'
import { useBridgeEvent } from './bridge/useBridgeEvent'
import { DataProvider } from './data/DataProvider'
import { useConnection } from './hooks/useConnection'
import { useSettings } from './hooks/useSettings'
import { Onboarding } from './onboarding/Onboarding'
import { AppHeader } from './shell/AppHeader'
import { DisconnectDialog } from './shell/DisconnectDialog'
import { ConnectedShell } from './shell/ConnectedShell'
import { ConnectionStatusView } from './shell/ConnectionStatusView'
import type { Tab } from './shell/NavTabs'
import { NoBridge } from './shell/NoBridge'
import { ToastProvider, useToasts } from './toasts/Toasts'

type View = 'loading' | 'no-bridge' | 'error' | 'onboarding' | Tab

// `app-ready` is only in the DOM once the app knows which view to show, so tests can wait on it.
function Layout({ view, header, children }: { view: View; header?: ReactNode; children?: ReactNode }) {
  return (
    <main className="app" data-testid={view === 'loading' ? 'app-loading' : 'app-ready'} data-view={view}>
      <AppHeader status={header} />
      {children}
    </main>
  )
}

export function App() {
  const bridge = findBridge()
  if (bridge === null) {
    return (
      <Layout view="no-bridge">
        <NoBridge />
      </Layout>
    )
  }
  return (
    <BridgeProvider bridge={bridge}>
      <DataProvider>
        <ToastProvider>
          <ConnectedApp />
        </ToastProvider>
      </DataProvider>
    </BridgeProvider>
  )
}

function ConnectedApp() {
  const bridge = useBridge()
  const toasts = useToasts()
  const settings = useSettings()
  const connection = useConnection()
  const [tab, setTab] = useState<Tab>('libraries')
  // Set by Connect, Demo or sign-in: the onboarding form that had focus is gone, so focus goes to
  // the new view's heading rather than being lost to the page body.
  const [justConnected, setJustConnected] = useState(false)
  // About the app as a whole (a damaged cache file replaced, a token kept for this session only): on every tab.
  useBridgeEvent('notice', ({ level, message }) => toasts.show(level, message, { scope: 'app' }))

  const [disconnecting, setDisconnecting] = useState<'asking' | 'busy' | null>(null)

  // Forgets the server; the cache stays. The token goes only when asked, and then plex.tv's sign-in
  // too (a sign-in keeps the account's token to list servers).
  const disconnect = async (forgetToken: boolean) => {
    setDisconnecting('busy')
    const signedOut = forgetToken ? await bridge.signOut() : null
    const result =
      signedOut === null || signedOut.ok
        ? await bridge.setSettings(forgetToken ? { serverUrl: null, token: null } : { serverUrl: null })
        : signedOut
    setDisconnecting(null)
    if (!result.ok) toasts.show('error', result.error.message)
    settings.reload()
  }

  if (settings.value === undefined) {
    if (settings.error === null) return <Layout view="loading" />
    return (
      <Layout view="error">
        <p className="inline-error" role="alert" data-testid="settings-error">
          {settings.error.message}
        </p>
      </Layout>
    )
  }
  if (settings.value.serverUrl === null) {
    return (
      <Layout view="onboarding">
        <Onboarding
          onConnected={() => {
            setTab('libraries')
            setJustConnected(true)
            settings.reload()
          }}
        />
      </Layout>
    )
  }
  return (
    <Layout
      view={tab}
      header={
        <ConnectionStatusView
          status={connection}
          settings={settings.value}
          onDisconnect={() => setDisconnecting('asking')}
        />
      }
    >
      {disconnecting !== null && (
        <DisconnectDialog
          server={connection?.server?.friendlyName || settings.value.serverUrl}
          busy={disconnecting === 'busy'}
          onCancel={() => setDisconnecting(null)}
          onDisconnect={(forgetToken) => void disconnect(forgetToken)}
        />
      )}
      <ConnectedShell
        settings={settings.value}
        connection={connection}
        tab={tab}
        onTab={setTab}
        focusViewHeading={justConnected}
      />
    </Layout>
  )
}
