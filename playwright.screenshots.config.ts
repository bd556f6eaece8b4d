import { defineConfig } from '@playwright/test'
import browserSuite from './playwright.config'

// `npm run screenshots`: regenerates docs/screenshots from the browser suite's fixtures. Its own
// test folder, so `npm test` and `npm run test:e2e` (tests/e2e) never run it.
export default defineConfig({
  ...browserSuite,
  testDir: 'tests/screenshots',
})
