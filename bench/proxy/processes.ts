import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url))
const PROXY_SCRIPT = fileURLToPath(new URL('./proxy-process.ts', import.meta.url))

export interface Memory {
  rss: number
  /** The process's RSS high-water mark since it started (getrusage). */
  maxRss: number
}

export interface ProxyProcess {
  url: string
  /** RSS right after start-up, after a GC. */
  started: Memory
  command<T>(name: 'refresh' | 'clear' | 'memory'): Promise<T>
  stop(): Promise<void>
}

/** Starts bench/proxy/proxy-process.ts on a data folder and waits for its URL. */
export async function startProxyProcess(job: {
  url: string
  token: string
  dataDir: string
}): Promise<ProxyProcess> {
  const child = spawn(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', PROXY_SCRIPT, JSON.stringify(job)],
    {
      cwd: PROJECT_ROOT,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  )
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
  const next = async <T>(): Promise<T> => {
    const line = await lines.next()
    if (line.done) throw new Error('the proxy process ended')
    const value = JSON.parse(line.value) as T & { error?: string }
    if (value.error) throw new Error(`proxy process: ${value.error}`)
    return value
  }
  const first = await next<Memory & { url: string }>()
  // One command at a time: replies come back in order.
  let turn: Promise<unknown> = Promise.resolve()
  return {
    url: first.url,
    started: { rss: first.rss, maxRss: first.maxRss },
    command: <T>(name: string) => {
      const result = turn.then(() => {
        child.stdin.write(`${name}\n`)
        return next<T>()
      })
      turn = result.catch(() => undefined)
      return result
    },
    stop: async () => {
      child.stdin.end()
      if (child.exitCode === null) await once(child, 'exit')
    },
  }
}
