import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..')
export const CLI_ENTRY = path.join(REPO_ROOT, 'src/cli/index.ts')
export const BIN = path.join(REPO_ROOT, 'bin/plex-cache.cjs')
const BUILT_CLI = path.join(REPO_ROOT, 'out/cli/index.cjs')

export interface CliRun {
  status: number | null
  stdout: string
  stderr: string
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv
  cwd?: string
  /** Run another script (the bin launcher) instead of the CLI itself (see cliCommand). */
  command?: string[]
}

let chosenCommand: string[] | undefined

/**
 * How to start the CLI: the bundle `npm run build` made (what the launchers run) when it is newer
 * than every source file, else the sources through tsx. The bundle starts about half a second
 * sooner per run, and the process tier runs the CLI some hundred times; the check keeps a test
 * run after an edit, without a build, on the edited sources.
 */
function cliCommand(): string[] {
  chosenCommand ??= builtCliIsFresh() ? [BUILT_CLI] : ['--import', 'tsx', CLI_ENTRY]
  return chosenCommand
}

function builtCliIsFresh(): boolean {
  let built: number
  try {
    built = fs.statSync(BUILT_CLI).mtimeMs
  } catch {
    return false
  }
  const sources = fs.readdirSync(path.join(REPO_ROOT, 'src'), { recursive: true, withFileTypes: true })
  return sources.every(
    (entry) => !entry.isFile() || fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs <= built,
  )
}

/**
 * Runs the real CLI in a child process. Asynchronous on purpose: the fake Plex server lives in the
 * test process, and a spawnSync would block the very event loop that has to answer the child.
 */
export function runCli(args: readonly string[], options: RunOptions = {}): Promise<CliRun> {
  const command = options.command ?? cliCommand()
  const child = spawn(process.execPath, [...command, ...args], {
    cwd: options.cwd ?? REPO_ROOT,
    env: { ...cleanEnv(), ...options.env },
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text))
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text))
  return new Promise((resolve, reject) => {
    child.once('error', reject)
    child.once('close', (status) => resolve({ status, stdout, stderr }))
  })
}

/** The parent's environment minus anything that would point the CLI at a real server or cache. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env }
  delete env.PLEX_URL
  delete env.PLEX_TOKEN
  delete env.PLEX_CACHE_DATA_DIR
  return env
}

/** Parses stdout as JSON, failing with the whole run in the message when it is not. */
export function json<T>(run: CliRun): T {
  try {
    return JSON.parse(run.stdout) as T
  } catch {
    throw new Error(`not JSON (exit ${run.status}):\n${run.stdout}\n--- stderr ---\n${run.stderr}`)
  }
}
