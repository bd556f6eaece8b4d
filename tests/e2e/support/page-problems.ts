import type { Page } from '@playwright/test'

export interface PageProblems {
  /** Console errors, uncaught exceptions and Content-Security-Policy violations, in order. */
  readonly messages: string[]
}

// The init script runs in the page, but tsconfig.node.json (which covers tests/) has no DOM types,
// so the few browser members it touches are declared here rather than pulling DOM into main's types.
interface BrowserGlobals {
  document: {
    addEventListener(
      type: 'securitypolicyviolation',
      listener: (event: { effectiveDirective: string; blockedURI: string }) => void,
    ): void
  }
  reportCspViolation(text: string): void
}

/**
 * Starts recording everything that would show up as a problem in DevTools. Call before page.goto.
 * CSP violations are also taken from the DOM event, so they count even if the console wording changes.
 */
export async function recordPageProblems(page: Page): Promise<PageProblems> {
  const problems: PageProblems = { messages: [] }
  page.on('console', (message) => {
    if (message.type() === 'error') problems.messages.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.messages.push(`uncaught: ${error.message}`))
  await page.exposeFunction('reportCspViolation', (text: string) => problems.messages.push(`csp: ${text}`))
  await page.addInitScript(() => {
    const browser = globalThis as unknown as BrowserGlobals
    browser.document.addEventListener('securitypolicyviolation', (event) => {
      browser.reportCspViolation(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline code'}`)
    })
  })
  return problems
}
