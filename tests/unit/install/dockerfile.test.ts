/**
 * Docker cannot run on this project's machines, so the container recipe is checked for what can go
 * wrong without it: every file it copies exists, every npm script it runs is defined, the command
 * it starts parses as `serve` on all addresses and the default port, and the environment it
 * documents is what the CLI reads.
 */
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseCli } from '../../../src/cli/args'
import { defaultDataDir } from '../../../src/main/data-dir'
import { DEFAULT_PROXY_PORT } from '../../../src/main/proxy'

const ROOT = path.resolve(import.meta.dirname, '../../..')
const dockerfile = fs.readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8')
const packageJson = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  bin: Record<string, string>
  scripts: Record<string, string>
  engines: { node: string }
}

/** The Dockerfile's instructions, with continuation lines joined and comments dropped. */
const instructions = dockerfile
  .replace(/\\\n/g, ' ')
  .split('\n')
  .map((line) => line.trim())
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => {
    const [keyword, ...rest] = line.split(/\s+/)
    return { keyword: keyword!.toUpperCase(), args: rest.join(' ') }
  })
const all = (keyword: string) =>
  instructions.filter((entry) => entry.keyword === keyword).map((entry) => entry.args)
const jsonArray = (keyword: string) => JSON.parse(all(keyword).at(-1)!) as string[]

describe('the Dockerfile', () => {
  it('builds and runs on Node 22, as package.json requires', () => {
    const images = all('FROM').map((args) => args.split(/\s+/)[0])
    expect(images.length).toBeGreaterThan(0)
    for (const image of images) expect(image).toMatch(/^node:22(-|$)/)
    expect(packageJson.engines.node).toMatch(/^>=22\./)
  })

  it('copies only files that exist, or the CLI bundle the build stage makes', () => {
    const cliOutDir = fs.readFileSync(path.join(ROOT, 'vite.cli.config.ts'), 'utf8')
    expect(cliOutDir).toContain("'out/cli'")
    for (const args of all('COPY')) {
      const parts = args.split(/\s+/)
      if (parts[0] === '--from=build') {
        expect(parts[1]).toBe('/app/out/cli')
        continue
      }
      for (const source of parts.slice(0, -1)) {
        if (source === '.') continue
        expect(fs.existsSync(path.join(ROOT, source)), `${source} exists`).toBe(true)
      }
    }
    const ignored = fs.readFileSync(path.join(ROOT, '.dockerignore'), 'utf8').split('\n')
    expect(ignored).toEqual(expect.arrayContaining(['node_modules', 'out']))
  })

  it('runs only npm scripts package.json defines, with install scripts kept off', () => {
    const runs = all('RUN').join(' && ')
    const scripts = [...runs.matchAll(/npm run (\S+)/g)].map((match) => match[1]!)
    expect(scripts).toEqual(['build'])
    for (const script of scripts) expect(packageJson.scripts).toHaveProperty(script)
    expect(runs).toContain('npm ci')
    expect(fs.readFileSync(path.join(ROOT, '.npmrc'), 'utf8')).toMatch(/^ignore-scripts=true$/m)
  })

  it('starts the package’s own bin as `serve` on all addresses and the default port, which it exposes', () => {
    const entrypoint = jsonArray('ENTRYPOINT')
    expect(entrypoint[0]).toBe('node')
    expect(entrypoint[1]).toBe(packageJson.bin['plex-cache'])
    expect(fs.existsSync(path.join(ROOT, entrypoint[1]!))).toBe(true)
    const command = parseCli(jsonArray('CMD'), {}).command
    expect(command).toEqual({ name: 'serve', host: '0.0.0.0', port: DEFAULT_PROXY_PORT })
    expect(all('EXPOSE')).toEqual([String(DEFAULT_PROXY_PORT)])
  })

  it('keeps the data folder on the volume, and takes the server and token from the environment the CLI reads', () => {
    const env = all('ENV').join(' ')
    const dataDir = /PLEX_CACHE_DATA_DIR=(\S+)/.exec(env)?.[1]
    expect(dataDir).toBe('/data')
    expect(defaultDataDir({ PLEX_CACHE_DATA_DIR: dataDir })).toBe(dataDir)
    expect(all('VOLUME')).toEqual([dataDir])
    for (const name of ['PLEX_URL', 'PLEX_TOKEN']) expect(dockerfile).toContain(name)
    const parsed = parseCli(jsonArray('CMD'), { PLEX_URL: 'http://plex:32400', PLEX_TOKEN: 't' })
    expect(parsed.options).toMatchObject({ server: 'http://plex:32400', token: 't' })
  })
})
