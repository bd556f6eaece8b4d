import { createInterface } from 'node:readline'
import { createCore } from '../../src/main/core'
import { startCacheProxy } from '../../src/main/proxy'
import { DEFAULT_SETTINGS } from '../../src/main/service'

/**
 * The proxy for the bench, in its own process so its memory is measured alone: the core on the
 * data folder given in argv[2] (JSON: url, token, dataDir) and the proxy on an ephemeral loopback
 * port. Prints one JSON line with its URL, then answers one JSON line per command on stdin:
 * `refresh` (fill the cache), `clear` (empty it), `memory` (RSS now and its high-water mark).
 * Ends when stdin closes, so it also ends if the bench dies.
 */
interface Job {
  url: string
  token: string
  dataDir: string
}

const job = JSON.parse(process.argv[2] ?? '{}') as Job
const core = createCore({
  dataDir: job.dataDir,
  fetch: (url, init) => fetch(url, init),
  settings: {
    ...DEFAULT_SETTINGS,
    serverUrl: job.url,
    token: job.token,
    keepWarm: false,
    // The bench's listings are up to 150,000 items: room for them, nothing evicted mid-run.
    sizeLimitBytes: 4 * 1024 * 1024 * 1024,
  },
})
const proxy = await startCacheProxy({ service: core.service, port: 0 })

const memory = () => {
  globalThis.gc?.()
  return { rss: process.memoryUsage().rss, maxRss: process.resourceUsage().maxRSS * 1024 }
}
const reply = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`)
reply({ url: proxy.url, ...memory() })

const commands: Record<string, () => Promise<unknown> | unknown> = {
  refresh: async () => ({ outcomes: (await core.service.refreshAll({ force: true })).length }),
  clear: () => {
    core.service.clear()
    return {}
  },
  memory,
}

const lines = createInterface({ input: process.stdin })
lines.on('line', (line) => {
  const command = commands[line.trim()]
  if (!command) return reply({ error: `unknown command ${line}` })
  void Promise.resolve(command()).then(reply, (error: unknown) => reply({ error: String(error) }))
})
lines.on('close', () => {
  void proxy
    .close()
    .then(() => core.close())
    .then(() => process.exit(0))
})
