import type { PublicSettings } from '../../../shared/contract'
import { ConnectForm } from './ConnectForm'
import { DemoCard } from './DemoCard'
import { ReconnectCard } from './ReconnectCard'
import { SignInWithPlex } from './SignInWithPlex'
import './onboarding.css'

/** Shown while no server is configured: connect a real server, or try the demo one. */
export function Onboarding({ onConnected }: { onConnected(settings: PublicSettings): void }) {
  return (
    <section className="onboarding" data-testid="onboarding" aria-label="Get started">
      <p className="onboarding-lead">
        Connect Plex Cache to a Plex Media Server to keep its libraries on this computer.
      </p>
      <div className="onboarding-choices">
        <div className="onboarding-connect">
          <ReconnectCard onConnected={onConnected} />
          <SignInWithPlex onConnected={onConnected} />
          <ConnectForm onConnected={onConnected} />
        </div>
        <DemoCard onConnected={onConnected} />
      </div>
    </section>
  )
}
