/** The page was opened without Electron's preload or the browser bridge: there is no core to talk to. */
export function NoBridge() {
  return (
    <section className="card notice-card" role="alert" data-testid="no-bridge">
      <h2>Not connected to Plex Cache&apos;s main process</h2>
      <p>
        This window has no connection to the part of Plex Cache that keeps the cache, so there is nothing to
        show. Open Plex Cache from the app itself, or run <code>npm run dev:web</code> to use it in a browser.
      </p>
    </section>
  )
}
