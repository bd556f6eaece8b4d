import { expect, type Page } from '@playwright/test'
import type { PageProblems } from '../support/page-problems'
import { LibrariesPage } from './libraries-page'
import { OnboardingPage } from './onboarding-page'

export type AppView = 'no-bridge' | 'error' | 'onboarding' | 'libraries'

/** The whole window: which view it shows, and the toasts over it. */
export class AppPage {
  readonly onboarding: OnboardingPage
  readonly libraries: LibrariesPage

  constructor(
    readonly page: Page,
    readonly url: string,
    readonly problems: PageProblems,
  ) {
    this.onboarding = new OnboardingPage(page)
    this.libraries = new LibrariesPage(page)
  }

  /** Opens the window and waits until it has decided what to show. */
  async open(): Promise<void> {
    await this.page.goto(this.url)
    await expect(this.page.getByTestId('app-ready')).toBeVisible()
  }

  async expectView(view: AppView): Promise<void> {
    await expect(this.page.getByTestId('app-ready')).toHaveAttribute('data-view', view)
  }

  toasts() {
    return this.page.getByTestId('toast')
  }

  connectionServer() {
    return this.page.getByTestId('connection-server')
  }
}
