import type { Page } from '@playwright/test'

/** "Connect to Plex" and "Try the demo server". */
export class OnboardingPage {
  constructor(private readonly page: Page) {}

  root() {
    return this.page.getByTestId('onboarding')
  }

  async fill(url: string, token: string): Promise<void> {
    await this.page.getByLabel('Server URL').fill(url)
    await this.page.getByLabel('Plex token').fill(token)
  }

  async testConnection(): Promise<void> {
    await this.page.getByTestId('test-connection').click()
  }

  async connect(): Promise<void> {
    await this.page.getByTestId('connect').click()
  }

  async useDemo(): Promise<void> {
    await this.page.getByTestId('use-demo').click()
  }

  result() {
    return this.page.getByTestId('connect-result')
  }

  error() {
    return this.page.getByTestId('connect-error')
  }
}
