/**
 * The page where the user approves a PIN, as Plex's own apps build it: the parameters sit after
 * `#?`, so they never reach a server's logs, and the product name is what the page shows.
 */
export function authPageUrl(
  authUrl: string,
  clientIdentifier: string,
  code: string,
  product = 'Plex Cache',
): string {
  const parameters = new URLSearchParams({
    clientID: clientIdentifier,
    code,
    'context[device][product]': product,
  })
  return `${authUrl}#?${parameters.toString()}`
}
