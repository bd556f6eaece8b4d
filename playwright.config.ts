import { defineConfig } from '@playwright/test'

// Playwright cannot download browsers on these machines, so it drives an installed Chromium.
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const rendererPort = Number(process.env.RENDERER_PORT ?? 4318)

export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  reporter: 'list',
  use: {
    baseURL: `http://127.0.0.1:${rendererPort}/`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: chromiumPath,
          // Without the background-networking flags Chromium keeps trying to reach the internet.
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: {
    // The same Node that runs Playwright, with tsx's loader for TypeScript; no npx or npm in between.
    command: `"${process.execPath}" --import tsx tests/e2e/support/serve-renderer.ts ${rendererPort}`,
    url: `http://127.0.0.1:${rendererPort}/`,
    reuseExistingServer: false,
    stdout: 'pipe',
    timeout: 30_000,
  },
})
