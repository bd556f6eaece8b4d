/**
 * The one place secrets (the Plex token) are cut out of text before it leaves the process: CLI
 * output, service errors, events for the window. Pure, so the main process and the CLI share it.
 */

export const REDACTED = '<redacted>'

/**
 * Below this length a secret is taken only where it stands on its own: a test's one-letter token
 * "e" must not turn "server" into "s<redacted>rv<redacted>r". A real Plex token (20 characters)
 * is longer, and is cut out wherever it appears, even glued to other text (as after "%3D").
 */
const SHORT_SECRET_LENGTH = 8
const TOKEN_CHARACTER = /[A-Za-z0-9_-]/

/** An X-Plex-Token value echoed in a URL, a header or JSON: cut out even when it is not a known secret. */
const TOKEN_PARAMETER = /(x-plex-token"?\s*(?:[=:]|%3d)\s*"?)([^\s&"',;)}\]]+)/gi

type Span = [start: number, end: number]

/**
 * `text` with every occurrence of every secret replaced by REDACTED, in one pass over the original
 * text: a replacement is never scanned again, so a secret that happens to occur inside "<redacted>"
 * cannot garble it. Overlapping occurrences (of one secret or of several) become one REDACTED, so no
 * part of any secret shows. Markers already in the text are left alone, which makes redacting twice
 * (service, then CLI) the same as redacting once.
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  return redactWith(text, searchForms(secrets))
}

/** Every string in a JSON-like value (keys included) redacted; the structure is kept exactly. */
export function redactSecretsDeep<T>(value: T, secrets: ReadonlyArray<string | undefined>): T {
  const forms = searchForms(secrets)
  const walk = (node: unknown): unknown => {
    if (typeof node === 'string') return redactWith(node, forms)
    if (Array.isArray(node)) return node.map(walk)
    if (!isPlainObject(node)) return node
    return Object.fromEntries(
      Object.entries(node).map(([key, inner]) => [redactWith(key, forms), walk(inner)]),
    )
  }
  return walk(value) as T
}

/**
 * The secrets as they may appear in text: as they are, and JSON-escaped (a token holding a quote or a
 * backslash shows up escaped in a server's JSON echoed into a message). Longest first, so a secret
 * that contains another is found whole.
 */
function searchForms(secrets: ReadonlyArray<string | undefined>): string[] {
  const forms = new Set<string>()
  for (const secret of secrets) {
    if (secret === undefined || secret === '') continue
    forms.add(secret)
    forms.add(JSON.stringify(secret).slice(1, -1))
  }
  return [...forms].sort((a, b) => b.length - a.length)
}

function redactWith(text: string, secrets: readonly string[]): string {
  const markers = occurrences(text, REDACTED)
  const insideMarker = ([start, end]: Span): boolean =>
    markers.some(([markerStart, markerEnd]) => start >= markerStart && end <= markerEnd)
  const spans: Span[] = []
  for (const match of text.matchAll(TOKEN_PARAMETER)) {
    const start = (match.index ?? 0) + (match[1] ?? '').length
    spans.push([start, start + (match[2] ?? '').length])
  }
  for (const secret of secrets) {
    const short = secret.length < SHORT_SECRET_LENGTH
    for (const span of occurrences(text, secret)) if (!short || standsAlone(text, span)) spans.push(span)
  }
  const wanted = spans.filter((span) => !insideMarker(span))
  if (wanted.length === 0) return text
  // A secret straddling a marker swallows the whole marker rather than leaving half of it.
  const straddled = markers.filter(([start, end]) => wanted.some((span) => span[0] < end && start < span[1]))
  return replaceSpans(text, merge([...wanted, ...straddled]))
}

/** Every place `needle` starts, overlapping ones included ("aa" twice in "aaa"). */
function occurrences(text: string, needle: string): Span[] {
  const found: Span[] = []
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1))
    found.push([at, at + needle.length])
  return found
}

function standsAlone(text: string, [start, end]: Span): boolean {
  return !TOKEN_CHARACTER.test(text.charAt(start - 1)) && !TOKEN_CHARACTER.test(text.charAt(end))
}

/** Sorted, with overlapping and touching spans joined. */
function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a[0] - b[0] || b[1] - a[1])
  const merged: Span[] = []
  for (const [start, end] of sorted) {
    const last = merged.at(-1)
    if (last && start <= last[1]) last[1] = Math.max(last[1], end)
    else merged.push([start, end])
  }
  return merged
}

function replaceSpans(text: string, spans: readonly Span[]): string {
  let result = ''
  let from = 0
  for (const [start, end] of spans) {
    result += text.slice(from, start) + REDACTED
    from = end
  }
  return result + text.slice(from)
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false
  const prototype = Object.getPrototypeOf(value) as unknown
  return prototype === Object.prototype || prototype === null
}
