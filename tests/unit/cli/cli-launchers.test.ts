import { spawn } from 'node:child_process'
import os from 'node:os'
import { describe, expect, it } from 'vitest'
import { BIN, cleanEnv, CLI_ENTRY, json, REPO_ROOT, runCli } from './run-cli'
import { tempDir } from '../../support/temp-dir'

describe('ways to start plex-cache', () => {
  it('runs through the bin launcher from any working directory', async () => {
    const dataDir = tempDir()
    const run = await runCli(['stats', '--json', '--data-dir', dataDir], { command: [BIN], cwd: os.tmpdir() })
    expect(run.stderr).toBe('')
    expect(run.status).toBe(0)
    expect(json<{ entries: number }>(run).entries).toBe(0)
  })

  it('runs as npm run cli', async () => {
    const npm = spawn('npm', ['run', '--silent', 'cli', '--', 'help'], { cwd: REPO_ROOT, env: cleanEnv() })
    let stdout = ''
    npm.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text))
    const status = await new Promise((resolve) => npm.once('close', resolve))
    expect(status).toBe(0)
    expect(stdout).toContain('Usage: plex-cache <command> [options]')
  })

  it('runs the fake Plex server like npm run fake-plex, and stops it cleanly on SIGTERM', async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', CLI_ENTRY, 'fake-plex', '--port', '0', '--movies', '3', '--token', 'demo'],
      { cwd: REPO_ROOT, env: cleanEnv() },
    )
    let stdout = ''
    child.stdout.setEncoding('utf8')
    const url = await new Promise<string>((resolve, reject) => {
      child.once('exit', (code) => reject(new Error(`fake-plex exited early with ${code}`)))
      child.stdout.on('data', (text: string) => {
        stdout += text
        const match = /listening on (\S+)/.exec(stdout)
        if (match) resolve(match[1]!)
      })
    })
    const response = await fetch(`${url}/library/sections`, {
      headers: { 'X-Plex-Token': 'demo', Accept: 'application/json' },
    })
    expect(response.status).toBe(200)
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
    child.kill('SIGTERM')
    expect(await exited).toBe(0)
    expect(stdout).toContain('Fake Plex stopping')

    const help = await runCli(['fake-plex', '--help'])
    expect(help).toMatchObject({ status: 0, stdout: expect.stringContaining('npm run fake-plex') })
    expect((await runCli(['fake-plex', '--bogus'])).status).toBe(2)
  })
})
