import { execFile, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import type { ClientJob, ClientProcessResult } from './client-process'

const runFile = promisify(execFile)
const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const FAKE_SCRIPT = fileURLToPath(new URL('./fake-process.ts', import.meta.url))
const CLIENT_SCRIPT = fileURLToPath(new URL('./client-process.ts', import.meta.url))

export interface FakeServerProcess {
  url: string
  token: string
  /** The server process's CPU time so far, in ms. */
  cpuMs: () => Promise<number>
  stop: () => void
}

/** Starts the fake in a child process and waits for the line with its URL. */
export async function startFakeProcess(movies: number): Promise<FakeServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', FAKE_SCRIPT, String(movies)], {
    cwd: PROJECT_ROOT,
    stdio: ['pipe', 'pipe', 'inherit'],
  })
  const lines = createInterface({ input: child.stdout })
  const waiting: Array<(line: string) => void> = []
  lines.on('line', (line) => waiting.shift()?.(line))
  const nextLine = () =>
    new Promise<string>((resolve, reject) => {
      waiting.push(resolve)
      child.once('exit', (code) => reject(new Error(`the fake server process exited (code ${code})`)))
    })
  const { url, token } = JSON.parse(await nextLine()) as { url: string; token: string }
  return {
    url,
    token,
    cpuMs: async () => {
      const answer = nextLine()
      child.stdin.write('cpu\n')
      return (JSON.parse(await answer) as { cpuMs: number }).cpuMs
    },
    stop: () => child.stdin.end(),
  }
}

/** Runs one page size in a fresh Node process, so its CPU and peak memory are the client's alone. */
export async function runClientProcess(job: ClientJob): Promise<ClientProcessResult> {
  const { stdout } = await runFile(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', CLIENT_SCRIPT, JSON.stringify(job)],
    { cwd: PROJECT_ROOT, maxBuffer: 16 * 1024 * 1024 },
  )
  return JSON.parse(stdout) as ClientProcessResult
}
