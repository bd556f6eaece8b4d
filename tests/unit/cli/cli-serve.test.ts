import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process'
import net from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { fakePlex } from '../../support/fake-plex'
import { tempDir } from '../../support/temp-dir'
import { CLI_ENTRY, cleanEnv, REPO_ROOT, runCli } from './run-cli'

const TOKEN = 'cli-serve-secret-token'
const DATASET = { movies: 20, shows: 1, seasonsPerShow: 1, episodesPerSeason: 2, artists: 0, photos: 0 }

interface Serving {
  child: ChildProcessWithoutNullStreams
  url: string
  stderr(): string
  /** Resolves with the exit code and everything printed. */
  exited: Promise<{ status: number | null; stdout: string; stderr: string }>
}

const children: ChildProcessWithoutNullStreams[] = []
afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

/** `plex-cache serve ...` in a child process, resolved once it has printed its URL. */
function serve(args: string[], env: NodeJS.ProcessEnv): Promise<Serving> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI_ENTRY, 'serve', ...args], {
    cwd: REPO_ROOT,
    env: { ...cleanEnv(), ...env },
  })
  children.push(child)
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8')
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
  const exited = new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (status) => resolve({ status, stdout, stderr })),
  )
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (text: string) => {
      stdout += text
      const url = /at (http:\/\/\S+) /.exec(stdout)?.[1]
      if (url) resolve({ child, url, stderr: () => stderr, exited })
    })
    void exited.then((run) => reject(new Error(`serve exited ${run.status}:\n${run.stdout}\n${run.stderr}`)))
  })
}

describe('plex-cache serve', () => {
  it('serves the saved server to tools on loopback until SIGTERM, then stops cleanly', async () => {
    const plex = await fakePlex({ token: TOKEN, dataset: DATASET })
    const dataDir = tempDir()
    const serving = await serve(['--port', '0', '--data-dir', dataDir], {
      PLEX_URL: plex.url,
      PLEX_TOKEN: TOKEN,
    })
    expect(serving.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(serving.stderr()).not.toContain('warning')

    const listing = await fetch(`${serving.url}/library/sections/1/all`, {
      headers: { 'X-Plex-Token': TOKEN, Accept: 'application/json' },
    })
    expect(listing.status).toBe(200)
    const body = (await listing.json()) as { MediaContainer: { size: number; Metadata: unknown[] } }
    expect(body.MediaContainer.Metadata).toHaveLength(20)
    expect(
      (await fetch(`${serving.url}/library/sections`, { headers: { 'X-Plex-Token': 'wrong' } })).status,
    ).toBe(401)

    serving.child.kill('SIGTERM')
    const run = await serving.exited
    expect(run.status).toBe(0)
    expect(run.stderr).toContain('plex-cache: stopping')
    expect(run.stdout + run.stderr).not.toContain(TOKEN)
    await expect(fetch(`${serving.url}/identity`)).rejects.toThrow()
  })

  it('listens on another address only when named, with a warning that other machines can reach it', async () => {
    const plex = await fakePlex({ token: TOKEN, dataset: DATASET })
    const serving = await serve(['--port', '0', '--host', '0.0.0.0', '--data-dir', tempDir()], {
      PLEX_URL: plex.url,
      PLEX_TOKEN: TOKEN,
    })
    // 0.0.0.0 is where it listens, not an address to give a tool: it names usable ones.
    expect(serving.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(serving.url).not.toContain('0.0.0.0')
    expect(serving.stderr()).toContain('other machines can reach the cache')
    expect(serving.stderr()).toContain('Every request needs a Plex token your server accepts')
    const port = new URL(serving.url).port
    const sections = await fetch(`http://127.0.0.1:${port}/library/sections`)
    expect(sections.status).toBe(401)
    serving.child.kill('SIGINT')
    expect((await serving.exited).status).toBe(0)
  })

  it('refuses to start without a server, or on a port already in use, in one line', async () => {
    const noServer = await runCli(['serve', '--port', '0', '--data-dir', tempDir()])
    expect(noServer.status).toBe(1)
    expect(noServer.stderr).toMatch(/^plex-cache: No Plex server to serve: .*PLEX_URL/)

    const plex = await fakePlex({ token: TOKEN, dataset: DATASET })
    const taken = net.createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const port = (taken.address() as net.AddressInfo).port
    try {
      const busy = await runCli(['serve', '--port', String(port), '--data-dir', tempDir()], {
        env: { PLEX_URL: plex.url, PLEX_TOKEN: TOKEN },
      })
      expect(busy.status).toBe(1)
      expect(busy.stderr).toBe(
        `plex-cache: port ${port} is already in use on 127.0.0.1; pick another with --port N.\n`,
      )
    } finally {
      await new Promise((resolve) => taken.close(resolve))
    }
  })
})
