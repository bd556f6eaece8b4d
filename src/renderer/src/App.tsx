import appIcon from '../../../resources/icon.png'

// `app-ready` is only in the DOM once React has committed, so tests can wait on it.
export function App() {
  return (
    <main className="app" data-testid="app-ready">
      <header className="app-header">
        <img className="app-icon" src={appIcon} alt="" width={56} height={56} />
        <div>
          <h1 className="app-title">Plex Cache</h1>
          <p className="app-subtitle">
            Your Plex libraries, kept on this computer and refreshed on your terms.
          </p>
        </div>
      </header>
    </main>
  )
}
