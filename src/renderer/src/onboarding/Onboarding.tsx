import type { PublicSettings } from '../../../shared/contract'
import { ConnectForm } from './ConnectForm'
import { DemoCard } from './DemoCard'

/** Shown while no server is configured: connect a real server, or try the demo one. */
export function Onboarding({ onConnected }: { onConnected(settings: PublicSettings): void }) {
  return (
    <section className="onboarding" data-testid="onboarding" aria-label="Get started">
      <p className="onboarding-lead">
        Connect Plex Cache to a Plex Media Server to keep its libraries on this computer.
      </p>
      <div className="onboarding-choices">
        <ConnectForm onConnected={onConnected} />
        <DemoCard onConnected={onConnected} />
      </div>
    </section>
  )
}
