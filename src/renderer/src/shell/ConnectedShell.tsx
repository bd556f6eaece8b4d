import type { PublicSettings } from '../../../shared/contract'
import type { ConnectionStatus } from '../../../shared/service-types'
import { InspectorView } from '../inspector/InspectorView'
import { LibrariesView } from '../libraries/LibrariesView'
import { SettingsView } from '../settings/SettingsView'
import { StatisticsView } from '../stats/StatisticsView'
import { OfflineBanner } from './ConnectionStatusView'
import { NavTabs, panelId, tabId, type Tab } from './NavTabs'
import './shell.css'

interface Props {
  settings: PublicSettings
  connection: ConnectionStatus | undefined
  /** The shown tab, lifted so the layout can name it for tests (data-view). */
  tab: Tab
  onTab(tab: Tab): void
}

/** Everything shown once a server is set: the tabs, the offline banner, and the chosen view. */
export function ConnectedShell({ settings, connection, tab, onTab }: Props) {
  return (
    <>
      <NavTabs current={tab} onSelect={onTab} />
      <OfflineBanner status={connection} />
      <div className="tab-panel" role="tabpanel" id={panelId(tab)} aria-labelledby={tabId(tab)}>
        {tab === 'libraries' && <LibrariesView offline={connection?.state === 'offline'} />}
        {tab === 'statistics' && <StatisticsView />}
        {tab === 'inspector' && <InspectorView />}
        {tab === 'settings' && <SettingsView settings={settings} />}
      </div>
    </>
  )
}
