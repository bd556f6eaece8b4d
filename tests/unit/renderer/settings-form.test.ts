import { describe, expect, it } from 'vitest'
import {
  checkForm,
  durationOf,
  formFromSettings,
  type SettingsForm,
} from '../../../src/renderer/src/settings/settings-form'
import type { PublicSettings } from '../../../src/shared/contract'

const settings: PublicSettings = {
  serverUrl: 'http://127.0.0.1:32400',
  tokenSet: true,
  tokenStorage: 'encrypted',
  demo: false,
  libraryTtlSeconds: 3600,
  searchTtlSeconds: 3600,
  emptySearchTtlSeconds: 300,
  sizeLimitBytes: 100 * 1024 * 1024,
  pageSize: 200,
  keepWarm: true,
  staleWhileRevalidateSeconds: 0,
  startInTray: false,
  notifyWhenHidden: true,
  serveToTools: false,
  toolsPort: 32499,
}

const edited = (change: Partial<SettingsForm>) =>
  checkForm({ ...formFromSettings(settings), ...change }, settings)

describe('settings form', () => {
  it('shows durations in the largest whole unit', () => {
    expect(durationOf(3600)).toEqual({ amount: '1', unit: 'hours' })
    expect(durationOf(300)).toEqual({ amount: '5', unit: 'minutes' })
    expect(durationOf(90)).toEqual({ amount: '90', unit: 'seconds' })
    expect(durationOf(2 * 86_400)).toEqual({ amount: '2', unit: 'days' })
  })

  it('sends only what changed', () => {
    expect(edited({}).change).toEqual({})
    expect(edited({ libraryTtlSeconds: { amount: '2', unit: 'minutes' }, keepWarm: false })).toEqual({
      errors: {},
      change: { libraryTtlSeconds: 120, keepWarm: false },
      testConnection: null,
    })
    expect(edited({ sizeLimitBytes: '250' }).change).toEqual({ sizeLimitBytes: 250 * 1024 * 1024 })
  })

  it('explains each invalid field and sends nothing for it', () => {
    const checked = edited({
      libraryTtlSeconds: { amount: '30', unit: 'seconds' },
      searchTtlSeconds: { amount: '', unit: 'minutes' },
      emptySearchTtlSeconds: { amount: '1.5', unit: 'seconds' },
      sizeLimitBytes: '0',
      pageSize: '10.5',
    })
    expect(checked.errors).toEqual({
      libraryTtlSeconds: 'At least 1 minute.',
      searchTtlSeconds: 'Enter a number.',
      emptySearchTtlSeconds: 'Use whole seconds (pick a smaller unit for fractions).',
      sizeLimitBytes: 'At least 1 megabyte.',
      pageSize: 'Use a whole number of items.',
    })
    expect(edited({ libraryTtlSeconds: { amount: '400', unit: 'days' } }).errors.libraryTtlSeconds).toBe(
      'At most 365 days.',
    )
  })

  it('sets the stale-while-revalidate window: 0 (off) shown in minutes, at most the 7 days copies are kept', () => {
    expect(formFromSettings(settings).staleWhileRevalidateSeconds).toEqual({ amount: '0', unit: 'minutes' })
    expect(edited({ staleWhileRevalidateSeconds: { amount: '10', unit: 'minutes' } }).change).toEqual({
      staleWhileRevalidateSeconds: 600,
    })
    expect(
      edited({ staleWhileRevalidateSeconds: { amount: '8', unit: 'days' } }).errors
        .staleWhileRevalidateSeconds,
    ).toBe('At most 7 days.')
  })

  it('tests a new server with its token before saving, and needs the token', () => {
    expect(edited({ serverUrl: 'http://10.0.0.2:32400' }).errors.token).toMatch(/token for the new server/)
    expect(edited({ serverUrl: 'ftp://x' }).errors.serverUrl).toMatch(/http:\/\//)
    expect(edited({ serverUrl: 'http://10.0.0.2:32400', token: ' abc ' })).toEqual({
      errors: {},
      change: { serverUrl: 'http://10.0.0.2:32400', token: 'abc' },
      testConnection: { url: 'http://10.0.0.2:32400', token: 'abc' },
    })
    expect(edited({ token: 'new' }).testConnection).toEqual({ url: settings.serverUrl, token: 'new' })
  })
})
