import { describe, expect, it } from 'vitest'
import { createHash } from 'node:crypto'
import {
  isRetryKey,
  LOAD_FAILURE_CSP,
  loadFailureHtml,
  loadFailurePageUrl,
} from '../../../src/main/load-failure-page'

describe('the load-failure page', () => {
  it('carries a policy that allows no script, no network and only its own style', () => {
    expect(LOAD_FAILURE_CSP).toMatch(/^default-src 'none';/)
    expect(LOAD_FAILURE_CSP).not.toMatch(/script-src|unsafe-inline|connect-src|\*/)
    const html = loadFailureHtml({ kind: 'renderer-gone', reason: 'crashed', exitCode: 1 })
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${LOAD_FAILURE_CSP}">`)
    expect(html).not.toMatch(/<script|\son\w+=|<link|<img|<iframe|src=/i)
    const style = /<style>([^<]*)<\/style>/.exec(html)?.[1] ?? ''
    const hash = createHash('sha256').update(style).digest('base64')
    expect(LOAD_FAILURE_CSP).toContain(`style-src 'sha256-${hash}'`)
  })

  it('says what failed and how to retry, escaping whatever came from the failure', () => {
    const html = loadFailureHtml({
      kind: 'load-failed',
      url: 'http://localhost:5173/?<script>alert(1)</script>',
      code: -102,
      description: 'ERR_CONNECTION_REFUSED "quoted" & more',
    })
    expect(html).toContain('ERR_CONNECTION_REFUSED')
    expect(html).toContain('error -102')
    expect(html).toContain('Ctrl+R')
    expect(html).toContain('npm run dev')
    expect(html).not.toContain('<script>')
    expect(html).toContain('&#60;script&#62;')
    expect(html).toContain('&#34;quoted&#34; &#38; more')
  })

  it('is a self-contained data: URL', () => {
    const failure = { kind: 'renderer-gone', reason: 'killed', exitCode: 9 } as const
    const url = loadFailurePageUrl(failure)
    expect(url.startsWith('data:text/html;charset=utf-8,')).toBe(true)
    expect(decodeURIComponent(url.slice(url.indexOf(',') + 1))).toBe(loadFailureHtml(failure))
  })

  it('retries on Ctrl+R, Cmd+R and F5 key presses only', () => {
    const key = (key: string, control = false, meta = false, type = 'keyDown') => ({
      type,
      key,
      control,
      meta,
    })
    expect(isRetryKey(key('r', true))).toBe(true)
    expect(isRetryKey(key('R', false, true))).toBe(true)
    expect(isRetryKey(key('F5'))).toBe(true)
    expect(isRetryKey(key('r'))).toBe(false)
    expect(isRetryKey(key('t', true))).toBe(false)
    expect(isRetryKey(key('r', true, false, 'keyUp'))).toBe(false)
  })
})
