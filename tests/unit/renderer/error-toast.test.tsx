// @vitest-environment happy-dom
import { act } from 'react'
import { createRoot } from 'react-dom/client'
import { describe, expect, it } from 'vitest'
import { BridgeProvider } from '../../../src/renderer/src/bridge/BridgeContext'
import { useErrorToast } from '../../../src/renderer/src/data/useErrorToast'
import { ToastProvider } from '../../../src/renderer/src/toasts/Toasts'
import type { ContractError, PlexCacheBridge } from '../../../src/shared/contract'

;(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true

function FailingRead({ error }: { error: ContractError | null }) {
  useErrorToast(error)
  return null
}

/** The toasts only listen for connection events; nothing else of the bridge is used. */
const quietBridge = { on: () => () => {} } as unknown as PlexCacheBridge

/** The failure as a new object each time, as every repeated read returns one. */
const failure = (): ContractError => ({ code: 'INTERNAL', message: 'The statistics could not be read.' })

describe('useErrorToast', () => {
  it('does not bring back a dismissed failure while reads keep failing the same way; after a success it may', async () => {
    const host = document.createElement('div')
    document.body.append(host)
    const root = createRoot(host)
    const render = (error: ContractError | null) =>
      act(() =>
        root.render(
          <BridgeProvider bridge={quietBridge}>
            <ToastProvider>
              <FailingRead error={error} />
            </ToastProvider>
          </BridgeProvider>,
        ),
      )
    const toastCount = () => host.querySelectorAll('[data-testid="toast"]').length

    await render(failure())
    expect(toastCount()).toBe(1)
    await act(async () => host.querySelector<HTMLButtonElement>('[data-testid="toast"] button')!.click())
    expect(toastCount()).toBe(0)

    // Events re-read the view: each repeat of the same failure is a new error object.
    await render(failure())
    await render(failure())
    expect(toastCount()).toBe(0)

    await render(null)
    await render(failure())
    expect(toastCount()).toBe(1)
    await act(() => root.unmount())
  })
})
