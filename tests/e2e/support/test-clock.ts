/**
 * The core's clock in e2e tests: real time plus an offset a test can push forward, so a TTL of an
 * hour can run out in an instant. The page's own clock is moved with Playwright's page.clock.
 */
export class TestClock {
  private offsetMs = 0

  readonly now = (): number => Date.now() + this.offsetMs

  advance(ms: number): void {
    this.offsetMs += ms
  }
}
