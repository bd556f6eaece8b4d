import { expect, type Page } from '@playwright/test'

/** The inspector: cache entries, find by file and the virtualised item browser. */
export class InspectorPage {
  constructor(private readonly page: Page) {}

  /** Opens the Inspector tab and waits until the entries are listed. */
  async open(): Promise<void> {
    await this.page.getByTestId('tab-inspector').click()
    await expect(this.page.getByTestId('inspector-view')).toBeVisible()
    await expect(this.page.getByTestId('entries-summary')).not.toHaveText('Loading…')
  }

  // ---- Entries ----

  entries() {
    return this.page.getByTestId('entry-row')
  }

  entry(kind: 'library' | 'search', text: string) {
    return this.page.locator(`[data-testid="entry-row"][data-kind="${kind}"]`, { hasText: text })
  }

  /** Clicks the entry's Delete and answers its confirmation: 'confirm' deletes, 'cancel' keeps it. */
  async deleteEntry(
    kind: 'library' | 'search',
    text: string,
    answer: 'confirm' | 'cancel' = 'confirm',
  ): Promise<void> {
    await this.entry(kind, text).getByTestId('entry-delete').click()
    const dialog = this.page.getByTestId('entry-delete-dialog')
    await dialog.getByTestId(answer === 'confirm' ? 'dialog-confirm' : 'dialog-cancel').click()
    await dialog.waitFor({ state: 'hidden' })
  }

  deleteDialog() {
    return this.page.getByTestId('entry-delete-dialog')
  }

  // ---- Item browser ----

  grid() {
    return this.page.getByTestId('item-grid')
  }

  summary() {
    return this.page.getByTestId('browser-summary')
  }

  rows() {
    return this.page.getByTestId('item-row')
  }

  row(title: string) {
    return this.rows().filter({ has: this.page.getByTestId('item-title').getByText(title, { exact: true }) })
  }

  selectedRow() {
    return this.page.locator('[data-testid="item-row"][aria-selected="true"]')
  }

  async filter(text: string): Promise<void> {
    await this.page.getByTestId('browser-filter').fill(text)
  }

  /** The total the grid shows (the rows matching the filter). */
  async total(): Promise<number> {
    return Number(await this.grid().getAttribute('data-total'))
  }

  async press(key: string): Promise<void> {
    await this.grid().focus()
    await this.page.keyboard.press(key)
  }

  // ---- Find by file ----

  async findByFile(nameOrPath: string): Promise<void> {
    await this.page.getByTestId('find-input').fill(nameOrPath)
    await this.page.getByTestId('find-submit').click()
  }

  findResults() {
    return this.page.getByTestId('find-result')
  }

  async showFound(index = 0): Promise<void> {
    await this.findResults().nth(index).getByTestId('find-show').click()
  }
}
