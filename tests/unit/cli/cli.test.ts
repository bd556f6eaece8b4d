import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PlexCache } from '../../../src/main/cache'
import { movieLibrary } from '../../support/library-items'
import { tempDir } from '../../support/temp-dir'

const CLI = path.resolve(import.meta.dirname, '../../../src/cli/index.ts')

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

function seededDataDir(): { dataDir: string; items: ReturnType<typeof movieLibrary> } {
  const dataDir = tempDir()
  const cache = new PlexCache({ dataDir })
  const items = movieLibrary(200)
  cache.setLibraryItems('Movies', items)
  cache.setSearchResults('Movies', 'Lost Garden', items.slice(1, 2))
  cache.getLibraryItems('Movies')
  cache.close()
  return { dataDir, items }
}

describe('the plex-cache CLI on the app cache file', () => {
  it('finds an item by file name and by full path', () => {
    const { dataDir, items } = seededDataDir()
    const file = items[42]!.files[0]!.path
    const byName = cli('find', path.posix.basename(file).toUpperCase(), '--data-dir', dataDir)
    expect(byName.status).toBe(0)
    expect(byName.stdout).toContain(
      `Movies: ${items[42]!.title} (${items[42]!.year}) [ratingKey ${items[42]!.ratingKey}]`,
    )
    const byPath = cli('find', file, '--data-dir', dataDir, '--json')
    expect(JSON.parse(byPath.stdout)).toMatchObject([
      { library: 'Movies', item: { ratingKey: items[42]!.ratingKey } },
    ])
    const none = cli('find', 'nothing.mkv', '--data-dir', dataDir)
    expect(none.status).toBe(1)
    expect(none.stdout).toContain('No cached item has the file "nothing.mkv"')
  })

  it('lists entries and statistics shared with other users of the file', () => {
    const { dataDir } = seededDataDir()
    const entries = cli('entries', '--data-dir', dataDir)
    expect(entries.stdout).toContain('library "Movies": 200 items')
    expect(entries.stdout).toContain('search "lost garden" in "Movies": 1 items')
    const stats = JSON.parse(cli('stats', '--json', '--data-dir', dataDir).stdout) as {
      hits: number
      entryCount: number
    }
    expect(stats).toMatchObject({ hits: 1, entryCount: 2 })
  })

  it('clears one library or everything', () => {
    const { dataDir } = seededDataDir()
    expect(cli('clear', '--library', 'Movies', '--data-dir', dataDir).stdout).toContain(
      'Removed 2 entries of library "Movies"',
    )
    expect(cli('entries', '--data-dir', dataDir).stdout).toContain('The cache is empty.')
  })

  it('explains bad usage with a non-zero exit and changes nothing', () => {
    const { dataDir } = seededDataDir()
    const unknown = cli('frobnicate', '--data-dir', dataDir)
    expect(unknown.status).toBe(2)
    expect(unknown.stderr).toContain('Unknown command "frobnicate"')
    const badOption = cli('stats', '--no-such-option', '--data-dir', dataDir)
    expect(badOption.status).toBe(2)
    expect(badOption.stderr).toContain('--no-such-option')
    expect(cli('find', '--data-dir', dataDir).status).toBe(2)
    expect(cli('entries', '--data-dir', dataDir).stdout).toContain('library "Movies": 200 items')
  })
})
