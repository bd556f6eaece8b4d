/** A clock that only moves when a test moves it, so TTL boundaries can be hit exactly. */
export class ManualClock {
  constructor(public nowMs = Date.UTC(2026, 10, 25, 12, 0, 0)) {}

  readonly now = (): number => this.nowMs

  advanceSeconds(seconds: number): void {
    this.nowMs += seconds * 1000
  }
}
