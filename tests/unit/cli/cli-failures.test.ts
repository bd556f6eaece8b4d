import { createServer } from 'node:net'
import { beforeEach, describe, expect, it } from 'vitest'
import type { FakePlexServer } from '../../../src/fake-plex'
import { fakePlex } from '../../support/fake-plex'
import { createCore } from '../../../src/main/core'
import { DEFAULT_SETTINGS } from '../../../src/main/service'
import { tempDir } from '../../support/temp-dir'
import { json, runCli, type CliRun } from './run-cli'

const TOKEN = 'cli-failures-secret-token'
const WRONG_TOKEN = 'wrong-token-0123456789'

let plex: FakePlexServer

beforeEach(async () => {
  plex = await fakePlex({ token: TOKEN, dataset: { movies: 30, shows: 1, artists: 1, photos: 2 } })
})

function expectOneLineFailure(run: CliRun, ...phrases: RegExp[]): void {
  expect(run.status).toBe(1)
  expect(run.stdout).toBe('')
  expect(run.stderr).toMatch(/^plex-cache: [^\n]+\n$/)
  for (const phrase of phrases) expect(run.stderr).toMatch(phrase)
}

/** A loopback port nobody listens on. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

describe('plex-cache failures and exit codes', () => {
  it('says one line, without the token, when the token is wrong', async () => {
    const dataDir = tempDir()
    for (const args of [['refresh'], ['libraries'], ['items', 'Movies', '--json']]) {
      const run = await runCli([...args, '--server', plex.url, '--token', WRONG_TOKEN, '--data-dir', dataDir])
      expectOneLineFailure(run, /token/i)
      expect(run.stderr).not.toContain(WRONG_TOKEN)
    }
    // Once the server is known, each library's refresh fails on its own: still one reason line.
    const good = await runCli(['refresh', '--data-dir', dataDir], {
      env: { PLEX_URL: plex.url, PLEX_TOKEN: TOKEN },
    })
    expect(good.status).toBe(0)
    const run = await runCli([
      'refresh',
      '--json',
      '--server',
      plex.url,
      '--token',
      WRONG_TOKEN,
      '--data-dir',
      dataDir,
    ])
    expect(run.status).toBe(1)
    expect(run.stderr).toMatch(
      /^plex-cache: could not refresh Movies, TV Shows, Music, Photos: [^\n]*token[^\n]*\n$/,
    )
    expect(json<Array<{ outcome: string }>>(run).map((outcome) => outcome.outcome)).toEqual(
      Array(4).fill('failed'),
    )
    expect(run.stdout + run.stderr).not.toContain(WRONG_TOKEN)
  })

  it('says one line when the server cannot be reached', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`
    const run = await runCli(['refresh', '--server', url, '--token', TOKEN, '--data-dir', tempDir()])
    expectOneLineFailure(run, /server address \(--server, PLEX_URL or plex-cache settings\)/)
    expect(run.stderr).not.toContain(TOKEN)
  })

  it('fails with exit 1 on an unknown library', async () => {
    const env = { PLEX_URL: plex.url, PLEX_TOKEN: TOKEN }
    const dataDir = tempDir()
    for (const args of [
      ['items', 'Nope'],
      ['refresh', '99'],
      ['search', 'Nope', 'x'],
    ]) {
      expectOneLineFailure(await runCli([...args, '--data-dir', dataDir], { env }), /Nope|99/)
    }
  })

  it('asks for a server when one is needed, and reads the cache without one', async () => {
    const dataDir = tempDir()
    const env = { PLEX_URL: plex.url, PLEX_TOKEN: TOKEN }
    expect((await runCli(['refresh', 'Movies', '--data-dir', dataDir], { env })).status).toBe(0)

    const refresh = await runCli(['refresh', '--data-dir', dataDir])
    expectOneLineFailure(
      refresh,
      /Connect the desktop app to your server, or pass --server URL and --token TOKEN \(or set PLEX_URL and PLEX_TOKEN\)/,
    )
    const find = await runCli(['find', 'Amélie (2001).mkv', '--json', '--data-dir', dataDir])
    expect(find.status).toBe(0)
    expect(json<unknown[]>(find)).toHaveLength(1)
    expect((await runCli(['stats', '--data-dir', dataDir])).status).toBe(0)
    const items = await runCli(['items', 'Movies', '--limit', '2', '--json', '--data-dir', dataDir])
    expect(items.status).toBe(0)
    expect(json<{ source: string; total: number }>(items)).toMatchObject({ total: 30 })
    expect((await runCli(['clear', '--data-dir', dataDir])).status).toBe(0)
  })

  it('serves an expired library as stale, with a warning, while Plex is in maintenance', async () => {
    const dataDir = tempDir()
    // Cached two hours ago by another process (the app), so its hour-long TTL is over.
    const past = createCore({
      dataDir,
      fetch: globalThis.fetch,
      clock: () => Date.now() - 2 * 3600_000,
      settings: { ...DEFAULT_SETTINGS, serverUrl: plex.url, token: TOKEN, keepWarm: false },
    })
    await past.service.refreshLibrary({ library: 'Movies' })
    await past.close()
    const env = { PLEX_URL: plex.url, PLEX_TOKEN: TOKEN }
    plex.controls.setMaintenance(true)
    try {
      const stale = await runCli(['items', 'movies', '--limit', '3', '--json', '--data-dir', dataDir], {
        env,
      })
      expect(stale.status).toBe(0)
      expect(json<{ source: string; total: number }>(stale)).toMatchObject({ source: 'stale', total: 30 })
      expect(stale.stderr).toMatch(
        /^plex-cache: warning: serving a stale copy \(cached 2h 00m ago\) [^\n]+\n$/,
      )
    } finally {
      plex.controls.setMaintenance(false)
    }
    const fresh = await runCli(['items', 'movies', '--limit', '3', '--json', '--data-dir', dataDir], { env })
    expect(fresh).toMatchObject({ status: 0, stderr: '' })
    // Fresh again: refetched, or revalidated as unchanged (then served from the cache).
    expect(json<{ source: string }>(fresh).source).toBeOneOf(['plex', 'cache'])
  })

  it('exits 2 with a reason on bad usage, and 0 for help', async () => {
    const dataDir = tempDir()
    const unknown = await runCli(['frobnicate', '--data-dir', dataDir])
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('Unknown command "frobnicate"')
    const badOption = await runCli(['stats', '--no-such-option', '--token', WRONG_TOKEN])
    expect(badOption.status).toBe(2)
    expect(badOption.stderr).toContain('--no-such-option')
    expect(badOption.stderr).not.toContain(WRONG_TOKEN)
    expect((await runCli(['items', 'Movies', '--limit', 'many'])).status).toBe(2)
    expect((await runCli(['search', 'Movies'])).status).toBe(2)
    for (const args of [[], ['help'], ['--help']]) {
      const help = await runCli(args)
      expect(help.status).toBe(0)
      expect(help.stdout).toContain('Usage: plex-cache <command> [options]')
    }
  })
})
