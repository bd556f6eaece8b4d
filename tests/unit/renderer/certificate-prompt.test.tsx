// @vitest-environment happy-dom
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it, vi } from 'vitest'
import { BridgeProvider } from '../../../src/renderer/src/bridge/BridgeContext'
import { ConnectForm } from '../../../src/renderer/src/onboarding/ConnectForm'
import type { ContractError, PlexCacheBridge } from '../../../src/shared/contract'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

const FINGERPRINT = `${'AB:'.repeat(31)}CD`
const REFUSED: ContractError = {
  code: 'CERTIFICATE',
  message: 'The Plex server at https://192.168.1.10:32400 presented a self-signed certificate.',
  certificate: {
    origin: 'https://192.168.1.10:32400',
    reason: 'self-signed',
    names: ['plex.home'],
    fingerprint256: FINGERPRINT,
  },
}

/** The contract's transport stand-in: answers the three operations this form uses, in order. */
function scriptedBridge() {
  const calls: Array<[string, unknown]> = []
  let trusted = false
  const bridge = {
    testConnection: async (args: unknown) => {
      calls.push(['testConnection', args])
      return trusted
        ? {
            ok: true,
            value: { friendlyName: 'Home', version: '1.41', machineIdentifier: 'm', libraryCount: 3 },
          }
        : { ok: false, error: REFUSED }
    },
    trustCertificate: async (args: unknown) => {
      calls.push(['trustCertificate', args])
      trusted = true
      return {
        ok: true,
        value: { origin: REFUSED.certificate!.origin, fingerprint256: FINGERPRINT, names: [] },
      }
    },
  } as unknown as PlexCacheBridge
  return { bridge, calls }
}

async function renderForm(bridge: PlexCacheBridge) {
  const host = document.createElement('div')
  document.body.append(host)
  const root = createRoot(host)
  await act(async () =>
    root.render(
      <BridgeProvider bridge={bridge}>
        <ConnectForm onConnected={() => {}} />
      </BridgeProvider>,
    ),
  )
  const type = async (testId: string, value: string) => {
    const input = host.querySelector<HTMLInputElement>(`[data-testid="${testId}"]`)!
    const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!
    await act(async () => {
      setter.call(input, value)
      input.dispatchEvent(new Event('input', { bubbles: true }))
    })
  }
  const click = async (testId: string) =>
    act(async () => host.querySelector<HTMLButtonElement>(`[data-testid="${testId}"]`)!.click())
  return { host, type, click, unmount: () => act(() => root.unmount()) }
}

describe('the connect form and a refused certificate', () => {
  it('shows the names and fingerprint, trusts only on the button, then tests again', async () => {
    const { bridge, calls } = scriptedBridge()
    const form = await renderForm(bridge)
    await form.type('connect-url', 'https://192.168.1.10:32400')
    await form.type('connect-token', 'secret-token')
    await form.click('test-connection')
    await vi.waitFor(() =>
      expect(form.host.querySelector('[data-testid="certificate-prompt"]')).not.toBeNull(),
    )
    expect(form.host.textContent).toContain('Trust this certificate for https://192.168.1.10:32400?')
    expect(form.host.querySelector('[data-testid="certificate-fingerprint"]')!.textContent).toBe(FINGERPRINT)
    expect(form.host.querySelector('[data-testid="certificate-names"]')!.textContent).toBe('plex.home')
    expect(calls.map(([name]) => name)).toEqual(['testConnection'])

    await form.click('trust-certificate')
    await vi.waitFor(() => expect(form.host.querySelector('[data-testid="connect-result"]')).not.toBeNull())
    expect(calls).toEqual([
      ['testConnection', { url: 'https://192.168.1.10:32400', token: 'secret-token' }],
      ['trustCertificate', { url: 'https://192.168.1.10:32400', fingerprint256: FINGERPRINT }],
      ['testConnection', { url: 'https://192.168.1.10:32400', token: 'secret-token' }],
    ])
    form.unmount()
  })
})
