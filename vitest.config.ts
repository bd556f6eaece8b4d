import { defineConfig } from 'vitest/config'

const UNIT_TESTS = ['tests/unit/**/*.test.ts', 'tests/unit/**/*.test.tsx']

/**
 * Test files that start other processes (the CLI and its launchers, the fake server's own CLI,
 * packaging and first-run installs, the crash, corruption and concurrency checks that need a second
 * process on the same cache file) or read the built app. Each takes seconds and needs `npm run
 * build` first, so they run as their own tier and `npm run test:fast` can leave them out. A new
 * test that starts Node, npm or the CLI, or reads `out/`, belongs in this list (the tray's tiny
 * shell stand-ins for the session bus start in milliseconds and stay in-process).
 */
const PROCESS_TESTS = [
  'tests/unit/cli/cli-commands.test.ts',
  'tests/unit/cli/cli-failures.test.ts',
  'tests/unit/cli/cli-launchers.test.ts',
  'tests/unit/cli/cli-login.test.ts',
  'tests/unit/cli/cli-offline-lookups.test.ts',
  'tests/unit/cli/cli-real-shapes.test.ts',
  'tests/unit/cli/cli-saved-token.test.ts',
  'tests/unit/cli/cli-serve.test.ts',
  'tests/unit/cli/cli-server-text.test.ts',
  'tests/unit/cli/cli-settings.test.ts',
  'tests/unit/cli/cli-shared-cache.test.ts',
  'tests/unit/fake-plex/cli.test.ts',
  'tests/unit/install/first-run.test.ts',
  'tests/unit/install/node-version.test.ts',
  'tests/unit/release/packaging.test.ts',
  'tests/unit/release/linux-package.test.ts',
  'tests/unit/release/windows-installer.test.ts',
  'tests/unit/cache/processes.test.ts',
  'tests/unit/plex/endless-listing.test.ts',
  'tests/unit/resilience/concurrency.test.ts',
  'tests/unit/resilience/corruption.test.ts',
  'tests/unit/resilience/crash-mid-refresh.test.ts',
  'tests/unit/resilience/damaged-entries.test.ts',
  'tests/unit/resilience/locked-file-reads.test.ts',
  'tests/unit/resilience/too-large.test.ts',
  'tests/unit/resilience/unwritable-storage.test.ts',
  'tests/unit/app/settings-changed-elsewhere.test.ts',
  'tests/unit/app/settings-file-modes.test.ts',
  'tests/unit/service/recent-reads.test.ts',
]

export default defineConfig({
  test: {
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: { name: 'in-process', include: UNIT_TESTS, exclude: PROCESS_TESTS },
      },
      {
        extends: true,
        test: { name: 'process', include: PROCESS_TESTS },
      },
    ],
  },
})
