import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { withPolicyDirectives } from '../../src/shared/content-security-policy'

const page = (policy: string) =>
  `<head><meta http-equiv="Content-Security-Policy" content="${policy}" /><title>t</title></head>`

describe('withPolicyDirectives (the dev server and the browser bridge loosen index.html with it)', () => {
  it('replaces whole directives in place and keeps the others and their order', () => {
    const html = page(`default-src 'none'; script-src 'self'; connect-src 'none'; img-src 'self' data:`)
    expect(withPolicyDirectives(html, { 'connect-src': `'self'` })).toBe(
      page(`default-src 'none'; script-src 'self'; connect-src 'self'; img-src 'self' data:`),
    )
  })

  it('adds a directive the policy lacks at its end', () => {
    expect(withPolicyDirectives(page(`default-src 'none'`), { 'style-src': `'self' 'nonce-x'` })).toBe(
      page(`default-src 'none'; style-src 'self' 'nonce-x'`),
    )
  })

  it('refuses a page without a policy rather than serve it unprotected', () => {
    expect(() => withPolicyDirectives('<head><title>t</title></head>', {})).toThrow(
      'index.html must declare its Content-Security-Policy meta tag',
    )
  })

  it("finds the renderer's own index.html policy", () => {
    const html = fs.readFileSync(path.resolve(import.meta.dirname, '../../src/renderer/index.html'), 'utf8')
    expect(withPolicyDirectives(html, { 'connect-src': `'self'` })).toContain(`connect-src 'self'`)
  })
})
