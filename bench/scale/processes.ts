import { execFile, spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { FakePlexDatasetOptions } from '../../src/fake-plex'
import type { ScaleJob, ScaleProcessResult } from './refresh-process'

const runFile = promisify(execFile)
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const FAKE_SCRIPT = fileURLToPath(new URL('./fake-process.ts', import.meta.url))
const REFRESH_SCRIPT = fileURLToPath(new URL('./refresh-process.ts', import.meta.url))

export interface ScaleFake {
  url: string
  token: string
  stop: () => void
}

/** Starts the fake server in a child process and waits for the line with its URL. */
export async function startScaleFake(dataset: FakePlexDatasetOptions): Promise<ScaleFake> {
  const child = spawn(process.execPath, ['--import', 'tsx', FAKE_SCRIPT, JSON.stringify(dataset)], {
    cwd: PROJECT_ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout })
  const first = await Promise.race([
    once(lines, 'line').then(([line]) => line as string),
    once(child, 'exit').then(([code]) => {
      throw new Error(`the fake server process exited (code ${code})`)
    }),
  ])
  const { url, token } = JSON.parse(first) as { url: string; token: string }
  return { url, token, stop: () => child.stdin.end() }
}

/** One cold refresh and its hit reads, in a fresh Node process so peak memory is that run's alone. */
export async function runScaleProcess(job: ScaleJob): Promise<ScaleProcessResult> {
  const { stdout } = await runFile(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', REFRESH_SCRIPT, JSON.stringify(job)],
    { cwd: PROJECT_ROOT, maxBuffer: 16 * 1024 * 1024, timeout: 120_000 },
  )
  return JSON.parse(stdout) as ScaleProcessResult
}
