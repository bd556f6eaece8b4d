import { describe, expect, it } from 'vitest'
import { noSandboxNotice } from '../../../src/main/sandbox-notice'

describe('the notice for a window without Chromium sandbox', () => {
  it('says nothing while the sandbox is on', () => {
    expect(noSandboxNotice(false)).toBeNull()
  })

  it('warns, names the switch and points at the safe fixes when it is off', () => {
    const notice = noSandboxNotice(true)
    expect(notice?.level).toBe('warning')
    expect(notice?.message).toContain('--no-sandbox')
    expect(notice?.message).toContain('deb package')
    expect(notice?.message).toContain('Linux: the sandbox will not start')
  })
})
