import { expect, type Page } from '@playwright/test'

/** The libraries view: one row per Plex library. */
export class LibrariesPage {
  constructor(private readonly page: Page) {}

  async waitUntilListed(): Promise<void> {
    await expect(this.page.getByTestId('libraries-ready')).toBeVisible()
  }

  rows() {
    return this.page.getByTestId('library-row')
  }

  row(title: string) {
    return this.page.getByRole('listitem', { name: title, exact: true })
  }

  async titles(): Promise<string[]> {
    return this.page.getByTestId('library-title').allTextContents()
  }

  async refresh(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Refresh ${title}`, exact: true }).click()
  }

  async refreshAll(): Promise<void> {
    await this.page.getByTestId('refresh-all').click()
  }

  itemCount(title: string) {
    return this.row(title).getByTestId('library-item-count')
  }

  state(title: string) {
    return this.row(title).getByTestId('library-state')
  }

  progress(title: string) {
    return this.row(title).getByRole('progressbar')
  }

  countdown(title: string) {
    return this.row(title).getByTestId('library-countdown')
  }
}
