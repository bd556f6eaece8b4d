import { expect, type Page } from '@playwright/test'

/** The libraries view: one row per Plex library, the cache's figures and the clear button. */
export class LibrariesPage {
  constructor(private readonly page: Page) {}

  async waitUntilListed(): Promise<void> {
    await expect(this.page.getByTestId('libraries-ready')).toBeVisible()
  }

  rows() {
    return this.page.getByTestId('library-row')
  }

  row(title: string) {
    return this.page.getByRole('row', { name: title, exact: true })
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

  /** Fetches every library whole again, changed or not. */
  async refetchAll(): Promise<void> {
    await this.page.getByTestId('refetch-all').click()
  }

  async clear(title: string): Promise<void> {
    await this.page.getByRole('button', { name: `Clear ${title}`, exact: true }).click()
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

  fetched(title: string) {
    return this.row(title).getByTestId('library-fetched')
  }

  /** The countdown as seconds left, read from its "m:ss" / "h:mm:ss" text. */
  async secondsLeft(title: string): Promise<number> {
    const text = (await this.countdown(title).textContent()) ?? ''
    if (!/^(\d+d )?\d+(:\d\d){1,2}$/.test(text)) throw new Error(`not a running countdown: "${text}"`)
    const [days, clock] = text.includes('d ') ? text.split('d ') : ['0', text]
    const parts = clock!.split(':').map(Number)
    return Number(days) * 86_400 + parts.reduce((total, part) => total * 60 + part, 0)
  }

  /** "Refreshing Movies (1 of 4)" while a refresh runs, then how the "Refresh all" ended. */
  runStatus() {
    return this.page.getByTestId('refresh-run-status')
  }

  async cancelRefresh(): Promise<void> {
    await this.page.getByTestId('refresh-cancel').click()
  }

  /** A queued library's place in a "Refresh all": "2 of 4 in Refresh all". */
  waiting(title: string) {
    return this.row(title).getByTestId('library-waiting')
  }

  /** How the library's latest refresh ended: "Fetched from Plex", "Unchanged on the server", "Failed: …". */
  outcome(title: string) {
    return this.row(title).getByTestId('library-outcome')
  }

  clearLibraryDialog(title: string) {
    return this.page.getByRole('dialog', { name: `Clear ${title} from the cache?` })
  }

  /** Clears one library, answering its confirmation. */
  async clearAndConfirm(title: string): Promise<void> {
    await this.clear(title)
    await this.clearLibraryDialog(title).getByRole('button', { name: 'Clear library' }).click()
    await expect(this.clearLibraryDialog(title)).toBeHidden()
  }

  hitRate() {
    return this.page.getByTestId('hit-rate')
  }

  cacheSize() {
    return this.page.getByTestId('cache-size')
  }

  cacheSizeBar() {
    return this.page.getByTestId('cache-size-bar')
  }

  clearDialog() {
    return this.page.getByRole('dialog', { name: 'Clear the whole cache?' })
  }

  /** Opens the "Clear cache" confirmation; the dialog says what will go. */
  async askToClearAll(): Promise<void> {
    await this.page.getByTestId('clear-cache').click()
    await expect(this.clearDialog()).toBeVisible()
  }

  async confirmClearAll(): Promise<void> {
    await this.clearDialog().getByRole('button', { name: 'Clear cache' }).click()
    await expect(this.clearDialog()).toBeHidden()
  }
}
