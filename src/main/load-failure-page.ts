// Free of `electron` imports: the page a window shows when our renderer could not be shown is
// plain text building, tested under Node. window.ts decides when to show it.
import { createHash } from 'node:crypto'

export type LoadFailure =
  | { kind: 'load-failed'; url: string; code: number; description: string }
  | { kind: 'renderer-gone'; reason: string; exitCode: number }

const STYLE =
  'body{font:15px/1.5 system-ui,sans-serif;margin:3em auto;max-width:36em;padding:0 1em;color:#222;background:#fafafa}' +
  'code{background:#eee;padding:0 .3em;border-radius:3px;word-break:break-all}' +
  '@media (prefers-color-scheme:dark){body{color:#eee;background:#1e1e1e}code{background:#333}}'
const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64')

// No scripts, no network, nothing but the one inline style above. The page is a data: URL, an
// opaque origin, so the IPC binding refuses it even though the preload still runs in it.
export const LOAD_FAILURE_CSP = `default-src 'none'; style-src 'sha256-${STYLE_HASH}'; base-uri 'none'; form-action 'none'`

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`)
}

function whatFailed(failure: LoadFailure): string {
  if (failure.kind === 'load-failed') {
    return `The page <code>${escapeHtml(failure.url)}</code> did not load: ${escapeHtml(failure.description)} (error ${failure.code}).`
  }
  return `The window's display process stopped (${escapeHtml(failure.reason)}, exit code ${failure.exitCode}).`
}

/** A self-contained error page saying what failed and how to try again. */
export function loadFailureHtml(failure: LoadFailure): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${LOAD_FAILURE_CSP}">
<title>Plex Cache could not show its window</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Plex Cache could not show its window</h1>
<p>${whatFailed(failure)}</p>
<p>Your cache is safe: this only affects the window. To try again, press <strong>Ctrl+R</strong> (<strong>&#8984;R</strong> on macOS) or <strong>F5</strong> in this window.</p>
<p>If it keeps failing, quit Plex Cache and start it again. When running from source, check that <code>npm run dev</code> is still running, or rebuild with <code>npm run build</code>.</p>
</body>
</html>
`
}

/** The error page as a URL a window can load without touching the disk or our protocol. */
export function loadFailurePageUrl(failure: LoadFailure): string {
  return `data:text/html;charset=utf-8,${encodeURIComponent(loadFailureHtml(failure))}`
}

export interface KeyInput {
  type: string
  key: string
  control: boolean
  meta: boolean
}

/** The keys the error page tells people to press to try again. */
export function isRetryKey(input: KeyInput): boolean {
  if (input.type !== 'keyDown') return false
  return input.key === 'F5' || ((input.control || input.meta) && input.key.toLowerCase() === 'r')
}
