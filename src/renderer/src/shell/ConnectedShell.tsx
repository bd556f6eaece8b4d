import type { PublicSettings } from '../../../shared/contract'
import type { ConnectionStatus } from '../../../shared/service-types'
import { AboutView } from '../about/AboutView'
import { InspectorView } from '../inspector/InspectorView'
import { LibrariesView } from '../libraries/LibrariesView'
import { SettingsView } from '../settings/SettingsView'
import { useDiscardGuard } from '../settings/useDiscardGuard'
import { StatisticsView } from '../stats/StatisticsView'
import { useToasts } from '../toasts/Toasts'
import { ConnectionBanner } from './ConnectionBanner'
import { NavTabs, panelId, tabId, type Tab } from './NavTabs'
import { focusFirstHeading } from './focus-heading'
import './shell.css'

interface Props {
  settings: PublicSettings
  connection: ConnectionStatus | undefined
  /** The shown tab, lifted so the layout can name it for tests (data-view). */
  tab: Tab
  onTab(tab: Tab): void
  /** Focus the view's heading once shown (after onboarding, whose focused control is gone). */
  focusViewHeading?: boolean
}

/** Everything shown once a server is set: the tabs, the connection banner, and the chosen view. */
export function ConnectedShell({ settings, connection, tab, onTab, focusViewHeading = false }: Props) {
  const toasts = useToasts()
  // A toast tells the result of something just done in this view; elsewhere it would only cover
  // another view's controls. What lasts (a row's state, the banner) stays in its own view.
  const discard = useDiscardGuard()
  const select = (next: Tab) =>
    discard.guard(tab === 'settings' && next !== tab, () => {
      if (next !== tab) toasts.leaveView()
      onTab(next)
    })
  return (
    <>
      <NavTabs current={tab} onSelect={select} />
      <ConnectionBanner status={connection} settings={settings} onOpenSettings={() => select('settings')} />
      <div
        className="tab-panel"
        role="tabpanel"
        id={panelId(tab)}
        aria-labelledby={tabId(tab)}
        ref={focusViewHeading ? focusFirstHeading : undefined}
      >
        {tab === 'libraries' && <LibrariesView offline={connection?.state === 'offline'} />}
        {tab === 'statistics' && <StatisticsView />}
        {tab === 'inspector' && <InspectorView />}
        {tab === 'settings' && <SettingsView settings={settings} onDirtyChange={discard.onDirtyChange} />}
        {tab === 'about' && <AboutView />}
      </div>
      {discard.dialog}
    </>
  )
}
