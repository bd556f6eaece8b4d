// @vitest-environment happy-dom
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it } from 'vitest'
import { ServerFields } from '../../../src/renderer/src/settings/ServerFields'
import { formFromSettings } from '../../../src/renderer/src/settings/settings-form'
import type { PublicSettings } from '../../../src/shared/contract'
import { SETTING_DEFAULTS } from '../../../src/shared/settings-table'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

function tokenStatusFor(tokenStorage: PublicSettings['tokenStorage']): string {
  const settings: PublicSettings = {
    ...SETTING_DEFAULTS,
    serverUrl: 'http://127.0.0.1:32400',
    tokenSet: tokenStorage !== 'none',
    tokenStorage,
    demo: false,
  }
  const host = document.createElement('div')
  const root = createRoot(host)
  act(() =>
    root.render(
      <ServerFields settings={settings} form={formFromSettings(settings)} errors={{}} onEdit={() => {}} />,
    ),
  )
  const text = host.querySelector('[data-testid="token-status"]')!.textContent ?? ''
  act(() => root.unmount())
  return text
}

describe('how the window describes where the token is kept', () => {
  it('says plainly that the token file is not encrypted, and that the keychain is', () => {
    expect(tokenStatusFor('file')).toMatch(/unencrypted in a file only your user account can read/)
    expect(tokenStatusFor('encrypted')).toMatch(/encrypted by the system keychain/)
    expect(tokenStatusFor('encrypted')).not.toMatch(/unencrypted/)
  })
})
