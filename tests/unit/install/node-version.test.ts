import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../support/temp-dir'

// better-sqlite3 13 crashes Node.js older than 22 with a bare segfault on first use, so every entry
// point checks the version first and stops with one line and exit code 1.

const repoRoot = path.resolve(import.meta.dirname, '../../..')
const checkScript = path.join(repoRoot, 'scripts/check-node.cjs')
const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as {
  engines: { node: string }
  scripts: Record<string, string>
  bin: Record<string, string>
}
const { MINIMUM, isSupported } = (await import(checkScript)) as {
  MINIMUM: { major: number; minor: number }
  isSupported: (version: string) => boolean
}

/** The Node.js this machine ships (Debian's is 20) when it is older than the project needs. */
function machineOldNode(): string | null {
  const candidate = process.env.PLEX_CACHE_OLD_NODE ?? '/usr/bin/node'
  if (!fs.existsSync(candidate)) return null
  const version = execFileSync(candidate, ['--version'], { encoding: 'utf8' }).trim()
  return isSupported(version) ? null : candidate
}
const oldNode = machineOldNode()

describe('the Node.js version check', () => {
  it('agrees with "engines" in package.json', () => {
    expect(pkg.engines.node).toBe(`>=${MINIMUM.major}.${MINIMUM.minor}`)
  })

  it('accepts 22.12 and later, refuses what came before', () => {
    for (const version of ['v22.12.0', 'v22.23.3', 'v23.0.0', 'v24.1.0', 'v100.0.0']) {
      expect(isSupported(version), version).toBe(true)
    }
    for (const version of ['v22.11.9', 'v22.0.0', 'v20.20.2', 'v18.19.0', 'v8.17.0']) {
      expect(isSupported(version), version).toBe(false)
    }
  })

  it('guards every npm entry point that can load better-sqlite3 or start Electron', () => {
    for (const name of [
      'start',
      'dev',
      'dev:web',
      'build',
      'test',
      'test:unit',
      'test:fast',
      'test:process',
      'test:e2e',
      'bench',
      'fake-plex',
    ]) {
      expect(pkg.scripts[name], name).toMatch(/^node scripts\/(check-node|ensure-electron)\.cjs && /)
    }
    expect(fs.readFileSync(path.join(repoRoot, 'scripts/ensure-electron.cjs'), 'utf8')).toContain(
      "require('./check-node.cjs').requireSupportedNode(process.version)",
    )
    expect(pkg.scripts.cli).toBe(`node ${pkg.bin['plex-cache']}`)
  })

  it('stops the CLI with one line under a Node.js that reports an old version', () => {
    // Stands in for an old Node on machines that have none: the real launcher, told it runs on 20.
    const preload = path.join(tempDir('plex-cache-old-node-'), 'pretend-node-20.cjs')
    fs.writeFileSync(preload, "Object.defineProperty(process, 'version', { value: 'v20.20.2' })\n")
    const run = spawnSync(
      process.execPath,
      ['--require', preload, path.join(repoRoot, pkg.bin['plex-cache']!), 'stats'],
      {
        encoding: 'utf8',
      },
    )
    expect(run.stderr).toBe('Plex Cache needs Node.js 22.12 or newer; this is v20.20.2.\n')
    expect(run.stdout).toBe('')
    expect(run.status).toBe(1)
  })

  describe.skipIf(oldNode === null)(`on this machine's own old Node.js (${oldNode ?? 'none here'})`, () => {
    const oldVersion = oldNode ? execFileSync(oldNode, ['--version'], { encoding: 'utf8' }).trim() : ''
    const oneLine = `Plex Cache needs Node.js 22.12 or newer; this is ${oldVersion}.\n`
    const env = { ...process.env, PATH: `${path.dirname(oldNode ?? '')}${path.delimiter}${process.env.PATH}` }

    it('the plex-cache command prints one line and exits 1, no segfault', () => {
      const run = spawnSync(oldNode!, [path.join(repoRoot, pkg.bin['plex-cache']!), 'find', 'x.mkv'], {
        encoding: 'utf8',
      })
      expect({ status: run.status, signal: run.signal, stderr: run.stderr }).toEqual({
        status: 1,
        signal: null,
        stderr: oneLine,
      })
    })

    it.each(['start', 'dev', 'dev:web', 'test', 'bench', 'cli', 'fake-plex'])(
      'npm run %s prints one line and exits 1',
      (script) => {
        const run = spawnSync('npm', ['run', '--silent', script], { cwd: repoRoot, env, encoding: 'utf8' })
        expect(run.stderr).toBe(oneLine)
        expect(run.status).toBe(1)
      },
    )
  })
})
