import { expect, type Page } from '@playwright/test'

type DurationField = 'library-ttl' | 'search-ttl' | 'empty-search-ttl'
type NumberField = 'size-limit' | 'page-size' | 'tools-port'
type Unit = 'seconds' | 'minutes' | 'hours' | 'days'

/** The settings form: fields by their test ids, errors next to them, and the save outcome. */
export class SettingsPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await expect(this.page.getByTestId('settings-view')).toBeVisible()
  }

  input(field: DurationField | NumberField | 'server-url' | 'token') {
    return this.page.getByTestId(`input-${field}`)
  }

  async setDuration(field: DurationField, amount: string, unit: Unit): Promise<void> {
    await this.input(field).fill(amount)
    await this.page.getByTestId(`unit-${field}`).selectOption(unit)
  }

  async setNumber(field: NumberField, value: string): Promise<void> {
    await this.input(field).fill(value)
  }

  async setToggle(field: 'keep-warm' | 'start-in-tray' | 'serve-to-tools', on: boolean): Promise<void> {
    await this.page.getByTestId(`input-${field}`).setChecked(on)
  }

  async save(): Promise<void> {
    await this.page.getByTestId('settings-save').click()
  }

  error(field: string) {
    return this.page.getByTestId(`error-${field}`)
  }

  saved() {
    return this.page.getByTestId('settings-saved')
  }

  failure() {
    return this.page.getByTestId('settings-error-message')
  }

  /** The address tools are given while the cache is served to them. */
  toolsUrl() {
    return this.page.getByTestId('tools-proxy-url')
  }

  toolsError() {
    return this.page.getByTestId('tools-proxy-error')
  }

  tokenStatus() {
    return this.page.getByTestId('token-status')
  }
}
