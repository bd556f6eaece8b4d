import { describe, expect, it } from 'vitest'
import { checkForm, formFromSettings } from '../../../src/renderer/src/settings/settings-form'
import type { PublicSettings } from '../../../src/shared/contract'
import { checkSettingText, MEGABYTE, parsePlainNumber } from '../../../src/shared/setting-checks'
import { SETTING_KEYS, SETTINGS, type SettingValues } from '../../../src/shared/settings-table'

// Issue 13 §3: "0x10" was taken as 16 hours and "1e3" as 1000 MB. The window's form and the CLI's
// `settings set` share one parser, so both refuse what Number() alone would read as something else.

const defaults = Object.fromEntries(SETTING_KEYS.map((key) => [key, SETTINGS[key].default])) as SettingValues
const settings: PublicSettings = {
  ...defaults,
  serverUrl: 'http://127.0.0.1:32400',
  tokenSet: true,
  tokenStorage: 'encrypted',
  demo: false,
}

const NOT_PLAIN = 'Enter a number in plain digits, like 90 or 1.5.'

describe('strict numbers in settings', () => {
  it('reads only plain decimal digits', () => {
    expect(parsePlainNumber(' 90 ')).toBe(90)
    expect(parsePlainNumber('1.5')).toBe(1.5)
    expect(parsePlainNumber('-2')).toBe(-2)
    for (const text of [
      '0x10',
      '1e3',
      '0b1',
      '0o7',
      'Infinity',
      '1_000',
      '1,000',
      '.5',
      '5.',
      '',
      ' ',
      '12abc',
    ])
      expect(parsePlainNumber(text), text).toBeUndefined()
  })

  it('the window refuses hex and exponents on the field that has them, and still takes plain numbers', () => {
    const form = formFromSettings(settings)
    const checked = checkForm(
      {
        ...form,
        libraryTtlSeconds: { amount: '0x10', unit: 'hours' },
        sizeLimitBytes: '1e3',
        pageSize: '0x20',
      },
      settings,
    )
    expect(checked.errors).toEqual({
      libraryTtlSeconds: NOT_PLAIN,
      sizeLimitBytes: NOT_PLAIN,
      pageSize: NOT_PLAIN,
    })
    expect(checked.change).toEqual({})

    const plain = checkForm(
      {
        ...form,
        libraryTtlSeconds: { amount: '1.5', unit: 'hours' },
        sizeLimitBytes: '1000',
        pageSize: '300',
      },
      settings,
    )
    expect(plain.errors).toEqual({})
    expect(plain.change).toEqual({ libraryTtlSeconds: 5400, sizeLimitBytes: 1000 * MEGABYTE, pageSize: 300 })
  })

  it('the CLI parser (settings set) gives the same answers', () => {
    expect(checkSettingText(SETTINGS.sizeLimitBytes, '1e3')).toBe(NOT_PLAIN)
    expect(checkSettingText(SETTINGS.pageSize, '0x20')).toBe(NOT_PLAIN)
    expect(checkSettingText(SETTINGS.libraryTtlSeconds, '0x10')).toMatch(/^Enter a number/)
    expect(checkSettingText(SETTINGS.libraryTtlSeconds, '+0.5.5')).toBe(NOT_PLAIN)
    expect(checkSettingText(SETTINGS.libraryTtlSeconds, '1e3')).toMatch(/^Enter a number/)
    expect(checkSettingText(SETTINGS.libraryTtlSeconds, '16h')).toBe(16 * 3600)
    expect(checkSettingText(SETTINGS.libraryTtlSeconds, '1.5h')).toBe(5400)
    expect(checkSettingText(SETTINGS.sizeLimitBytes, '1000')).toBe(1000 * MEGABYTE)
  })
})
