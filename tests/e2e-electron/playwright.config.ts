import { defineConfig } from '@playwright/test'

// Only for machines with the Electron binary: `npx playwright test -c tests/e2e-electron/playwright.config.ts`
// after `npm run build`. The default Playwright run (tests/e2e, through the browser bridge) never picks it up.
export default defineConfig({
  testDir: '.',
  testMatch: '*.electron.spec.ts',
  workers: 1,
  reporter: 'list',
  timeout: 60_000,
})
