import { describe, expect, it } from 'vitest'
import { APP_INDEX_URL, APP_ORIGIN } from '../../../src/main/app-origin'
import { isTrustedRendererUrl } from '../../../src/main/ipc/trusted-sender'

describe('isTrustedRendererUrl', () => {
  it('trusts any page on the app://plex-cache origin', () => {
    expect(APP_ORIGIN).toBe('app://plex-cache')
    for (const url of [
      APP_INDEX_URL,
      `${APP_INDEX_URL}#/settings`,
      `${APP_INDEX_URL}?tab=stats`,
      `${APP_ORIGIN}/`,
    ]) {
      expect(isTrustedRendererUrl(url, {}), url).toBe(true)
    }
  })

  it('refuses file: pages, other schemes and look-alike hosts', () => {
    const refused = [
      'file:///opt/plex-cache/out/renderer/index.html',
      'file:///C:/Program%20Files/Plex%20Cache%20%5B1%5D/resources/app.asar/out/renderer/index.html',
      'data:text/html,<p>failed</p>',
      'about:blank',
      'app://evil/index.html',
      'app://plex-cache.evil.example/index.html',
      'app://plex-cache:8080/index.html',
      'app://user:pass@plex-cache/index.html',
      'apps://plex-cache/index.html',
      'https://plex-cache/index.html',
      'http://localhost:5173/',
      '',
      'not a url',
    ]
    for (const url of refused) expect(isTrustedRendererUrl(url, {}), url).toBe(false)
  })

  it('also trusts the dev server origin when one is allowed, and only that origin', () => {
    const location = { devServerUrl: 'http://localhost:5173/' }
    expect(isTrustedRendererUrl('http://localhost:5173/#/libraries', location)).toBe(true)
    expect(isTrustedRendererUrl(APP_INDEX_URL, location)).toBe(true)
    expect(isTrustedRendererUrl('http://localhost:5174/', location)).toBe(false)
    expect(isTrustedRendererUrl('https://localhost:5173/', location)).toBe(false)
    expect(isTrustedRendererUrl('http://127.0.0.1:5173/', location)).toBe(false)
    expect(isTrustedRendererUrl('http://localhost:5173/', { devServerUrl: 'not a url' })).toBe(false)
  })
})
