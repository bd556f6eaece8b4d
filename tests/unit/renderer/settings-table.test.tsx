// @vitest-environment happy-dom
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it } from 'vitest'
import { SettingRows } from '../../../src/renderer/src/settings/SettingRows'
import { checkForm, formFromSettings } from '../../../src/renderer/src/settings/settings-form'
import { settingsChangeSchema, type PublicSettings } from '../../../src/shared/contract'
import { MEGABYTE } from '../../../src/shared/setting-checks'
import { SETTING_DEFAULTS, SETTING_KEYS, SETTINGS, type SettingKey } from '../../../src/shared/settings-table'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const settings: PublicSettings = {
  ...SETTING_DEFAULTS,
  serverUrl: 'http://127.0.0.1:32400',
  tokenSet: true,
  tokenStorage: 'encrypted',
  demo: false,
}

const numberKeys = SETTING_KEYS.filter((key) => SETTINGS[key].type !== 'boolean')

/** The form's own text for a stored number: whole seconds, megabytes or a count. */
function typed(key: SettingKey, value: number) {
  const type = SETTINGS[key].type
  if (type === 'duration') return { amount: String(value), unit: 'seconds' as const }
  return String(type === 'size' ? value / MEGABYTE : value)
}

function formErrorFor(key: SettingKey, value: number): string | undefined {
  const form = { ...formFromSettings(settings), [key]: typed(key, value) }
  return checkForm(form, settings).errors[key]
}

describe('the settings table', () => {
  it.each(numberKeys)('%s: the schema and the form accept exactly the same bounds', (key) => {
    const { min, max } = SETTINGS[key] as { min: number; max: number }
    // A size is typed in megabytes, so a step is a megabyte there and a unit elsewhere.
    const step = SETTINGS[key].type === 'size' ? MEGABYTE : 1
    for (const inside of [min, max]) {
      expect(settingsChangeSchema.safeParse({ [key]: inside }).success).toBe(true)
      expect(formErrorFor(key, inside)).toBeUndefined()
    }
    for (const outside of [min - step, max + step]) {
      expect(settingsChangeSchema.safeParse({ [key]: outside }).success).toBe(false)
      // A port says its whole range; other numbers name the bound that was crossed.
      expect(formErrorFor(key, outside)).toMatch(
        SETTINGS[key].type === 'port' ? /^Enter a port number from \d+ to \d+\.$/ : /^At (least|most) /,
      )
    }
  })

  it('gives the schema one field per row besides the server URL and the token', () => {
    expect(Object.keys(settingsChangeSchema.shape).sort()).toEqual(
      [...SETTING_KEYS, 'serverUrl', 'token'].sort(),
    )
    for (const key of SETTING_KEYS.filter((name) => SETTINGS[name].type === 'boolean')) {
      expect(settingsChangeSchema.safeParse({ [key]: 'yes' }).success).toBe(false)
    }
  })

  it('shows every row in the window, labelled and explained from the table', () => {
    const host = document.createElement('div')
    const root = createRoot(host)
    act(() =>
      root.render(
        <>
          {(['cache', 'behaviour', 'tools'] as const).map((group) => (
            <SettingRows
              key={group}
              group={group}
              form={formFromSettings(settings)}
              errors={{}}
              onEdit={() => {}}
            />
          ))}
        </>,
      ),
    )
    for (const key of SETTING_KEYS) {
      const input = host.querySelector(`[data-testid="input-${SETTINGS[key].testId}"]`)
      expect(input, key).not.toBeNull()
      expect(host.textContent).toContain(SETTINGS[key].label)
      expect(host.textContent).toContain(SETTINGS[key].help)
    }
    act(() => root.unmount())
  })
})
