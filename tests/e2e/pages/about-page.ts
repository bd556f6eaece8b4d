import { expect, type Page } from '@playwright/test'

/** The About tab: versions, the data folder and the log file, and the buttons that open them. */
export class AboutPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByTestId('tab-about').click()
    await expect(this.page.getByTestId('about-ready')).toBeVisible()
  }

  fact(
    name: 'app-version' | 'electron-version' | 'chromium-version' | 'node-version' | 'data-dir' | 'log-file',
  ) {
    return this.page.getByTestId(`about-${name}`)
  }

  openDataFolderButton() {
    return this.page.getByTestId('open-data-folder')
  }

  showLogFileButton() {
    return this.page.getByTestId('show-log-file')
  }
}

/** The Statistics view's "Recent reads" list, newest first. */
export class RecentReadsPanel {
  constructor(private readonly page: Page) {}

  rows() {
    return this.page.getByTestId('recent-read')
  }

  empty() {
    return this.page.getByTestId('recent-reads-empty')
  }
}
