import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'

const projectRoot = path.resolve(import.meta.dirname, '../../..')
const children: ChildProcess[] = []

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL')
})

function runCli(args: string[]): ChildProcess & { output: () => string } {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/fake-plex/cli.ts', ...args], {
    cwd: projectRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.push(child)
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  return Object.assign(child, { output: () => output })
}

function exitOf(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode)
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)))
}

async function waitFor(read: () => string, pattern: RegExp, timeoutMs = 15_000): Promise<RegExpMatchArray> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const match = read().match(pattern)
    if (match) return match
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${pattern}; output so far:\n${read()}`)
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

describe('fake Plex CLI', () => {
  it('prints its URL and token, serves, and stops cleanly on SIGTERM', async () => {
    const cli = runCli([
      '--port',
      '0',
      '--token',
      'cli-token',
      '--movies',
      '7',
      '--seasons',
      '1',
      '--episodes',
      '3',
    ])
    const [, url] = await waitFor(cli.output, /listening on (http:\/\/127\.0\.0\.1:\d+)/)
    expect(cli.output()).toContain('Token: cli-token')
    const identity = await fetch(`${url}/identity`)
    expect(identity.status).toBe(200)
    const count = await fetch(`${url}/library/sections/2/all?type=4&X-Plex-Container-Size=0`, {
      headers: { 'X-Plex-Token': 'cli-token', Accept: 'application/json' },
    })
    expect(((await count.json()) as { MediaContainer: { totalSize: number } }).MediaContainer.totalSize).toBe(
      15,
    )
    cli.kill('SIGTERM')
    expect(await exitOf(cli)).toBe(0)
  })

  it('rejects a bad number with a clear message', async () => {
    const cli = runCli(['--movies', 'lots'])
    expect(await exitOf(cli)).toBe(2)
    expect(cli.output()).toMatch(/--movies must be a non-negative integer, got "lots"/)
  })

  it('reports a port that is already in use', async () => {
    const blocker = createServer()
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
    const { port } = blocker.address() as { port: number }
    try {
      const cli = runCli(['--port', String(port)])
      expect(await exitOf(cli)).toBe(1)
      expect(cli.output()).toContain(`port ${port} is already in use`)
    } finally {
      blocker.close()
    }
  })
})
