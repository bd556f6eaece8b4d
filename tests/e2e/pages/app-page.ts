import { expect, type Page } from '@playwright/test'
import type { PageProblems } from '../support/page-problems'
import { LibrariesPage } from './libraries-page'
import { OnboardingPage } from './onboarding-page'
import { SettingsPage } from './settings-page'

export type AppTab = 'libraries' | 'statistics' | 'inspector' | 'settings' | 'about'
export type AppView = 'no-bridge' | 'error' | 'onboarding' | AppTab

/** The whole window: which view it shows, and the toasts over it. */
export class AppPage {
  readonly onboarding: OnboardingPage
  readonly libraries: LibrariesPage
  readonly settings: SettingsPage

  constructor(
    readonly page: Page,
    readonly url: string,
    readonly problems: PageProblems,
  ) {
    this.onboarding = new OnboardingPage(page)
    this.libraries = new LibrariesPage(page)
    this.settings = new SettingsPage(page)
  }

  /** Opens the window and waits until it has decided what to show. */
  async open(): Promise<void> {
    await this.page.goto(this.url)
    await expect(this.page.getByTestId('app-ready')).toBeVisible()
  }

  async expectView(view: AppView): Promise<void> {
    await expect(this.page.getByTestId('app-ready')).toHaveAttribute('data-view', view)
  }

  /** Switches to one of the tabs shown once a server is set. */
  async openTab(tab: AppTab): Promise<void> {
    await this.page.getByRole('tab', { name: tab[0]!.toUpperCase() + tab.slice(1), exact: true }).click()
    await this.expectView(tab)
  }

  tab(tab: AppTab) {
    return this.page.getByTestId(`tab-${tab}`)
  }

  offlineBanner() {
    return this.page.getByTestId('offline-banner')
  }

  toasts() {
    return this.page.getByTestId('toast')
  }

  connectionServer() {
    return this.page.getByTestId('connection-server')
  }
}
