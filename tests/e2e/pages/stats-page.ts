import { expect, type Page } from '@playwright/test'

/** The statistics view: totals, the hit/miss chart, per-library bars and "Reset statistics". */
export class StatsPage {
  constructor(private readonly page: Page) {}

  /** Opens the Statistics tab and waits until the first figures are shown. */
  async open(): Promise<void> {
    await this.page.getByTestId('tab-statistics').click()
    await expect(this.page.getByTestId('statistics-ready')).toBeVisible()
  }

  root() {
    return this.page.getByTestId('statistics-view')
  }

  total(name: 'hits' | 'misses' | 'hit-rate' | 'plex-requests' | 'plex-avoided' | 'bytes-served') {
    return this.page.getByTestId(`total-${name}`)
  }

  async totalNumber(name: 'hits' | 'misses' | 'plex-requests' | 'plex-avoided'): Promise<number> {
    return Number((await this.total(name).textContent())?.replace(/[^\d]/g, ''))
  }

  historyChart() {
    return this.page.getByTestId('history-chart')
  }

  historySummary() {
    return this.page.getByTestId('history-summary')
  }

  /** The drawn hit and miss bars of the history chart (recharts draws one path per non-empty bar). */
  historyBars() {
    return this.historyChart().locator('.recharts-bar-rectangle path')
  }

  tooltip() {
    return this.historyChart().locator('.stats-tooltip')
  }

  /** The screen-reader table's rows: one per bucket that saw reads. */
  historyTableRows() {
    return this.page.getByTestId('history-table').locator('tbody tr th')
  }

  libraryRow(title: string) {
    return this.page
      .getByTestId('library-stats-row')
      .filter({ has: this.page.getByRole('rowheader', { name: title }) })
  }

  libraryChartBars() {
    return this.page.getByTestId('library-chart').locator('.recharts-bar-rectangle path')
  }

  async chooseRange(range: 'hour' | 'day' | 'week'): Promise<void> {
    await this.page.getByTestId(`range-${range}`).click()
  }

  /** A row of the "By consumer" table, by the consumer's name ('cli', a tool's own name). */
  consumerRow(name: string) {
    return this.page.locator(`[data-testid="consumer-row"][data-consumer="${name}"]`)
  }

  inspectionReads() {
    return this.page.getByTestId('inspection-reads')
  }

  resetButton() {
    return this.page.getByTestId('reset-stats')
  }

  dialog() {
    return this.page.getByRole('dialog', { name: 'Reset statistics?' })
  }

  async confirmReset(): Promise<void> {
    await this.dialog().getByTestId('dialog-confirm').click()
  }
}
