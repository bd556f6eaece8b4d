export const USAGE = `Usage: plex-cache <command> [options]
       npm run cli -- <command> [options]

Commands:
  libraries                      every Plex library with its cache state, size and time left
  refresh [LIBRARY...] [--force] fetch libraries into the cache (all when none is named); unless
                                 --force, an unchanged library only has its time extended
  items LIBRARY [--offset N] [--limit N] [--filter TEXT]
                                 a page of a library's items, from the cache when it is fresh
  search LIBRARY TITLE           items whose title contains TITLE (case-insensitive)
  find NAME_OR_PATH              which cached Plex item has this file (name or full path)
  stats [--reset]                hits, misses, size, Plex requests made and avoided
  clear [LIBRARY]                remove every cached entry, or one library and its searches
  settings                       every setting the app and the CLI share (settings.json)
  settings set KEY VALUE         change one, checked as the app's Settings window does:
                                 durations as 90, 90s, 5m, 2h or 1d; sizeLimitBytes in
                                 megabytes; on or off; a new serverUrl drops the saved token
  login [--server-name NAME] [--connection URI]
                                 sign in with Plex: prints the page and the code to approve,
                                 waits, then saves the server (the only one, or NAME) and its
                                 best connection (or URI) with its token, as the app does
  logout                         forget the Plex tokens (the cache and the server URL stay)
  servers                        the signed-in account's servers and connections: local,
                                 remote or relay, https or http, reachable and how fast, and
                                 which one is in use
  trust-certificate [URL] [--fingerprint SHA256] [--remove]
                                 show the certificate an https server (URL, else the saved
                                 one) presents and trust it for that server only: y/N on a
                                 terminal, or --fingerprint (refused if it does not match);
                                 --remove forgets it
  serve [--port N] [--host ADDR] serve the cache to other Plex tools (python-plexapi, sync
                                 plugins) at http://127.0.0.1:32499 until Ctrl+C: point a
                                 tool's Plex URL there; listings and title searches come
                                 from the cache, the rest goes to the server. Every request
                                 needs a Plex token the server accepts. --host 0.0.0.0 lets
                                 other machines reach it (a warning says so)
  fake-plex [...]                run the fake Plex server, as npm run fake-plex does
                                 (plex-cache fake-plex --help lists its options)
  help                           this text

LIBRARY is a section key ("1") or a library title ("movies"), case-insensitively.

Options:
  --server URL     the Plex server for this run (default: $PLEX_URL, else the saved serverUrl)
  --token TOKEN    the X-Plex-Token (default: $PLEX_TOKEN, else the token the app saved,
                   which is used only with the saved serverUrl); never printed
  --data-dir DIR   the Plex Cache data folder shared with the desktop app
                   (default: the app's folder, or $PLEX_CACHE_DATA_DIR)
  --json           print machine-readable JSON on stdout

Exit codes: 0 ok, 1 failure (the reason is one line on stderr), 2 bad usage.`
