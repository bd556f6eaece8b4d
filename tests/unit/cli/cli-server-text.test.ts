import { beforeEach, describe, expect, it } from 'vitest'
import type { FakePlexServer } from '../../../src/fake-plex'
import { fakePlex } from '../../support/fake-plex'
import { tempDir } from '../../support/temp-dir'
import { json, runCli, type CliRun } from './run-cli'

/**
 * What the server says reaches a person's terminal: titles, paths, keys, and the token woven into
 * error messages. These run the real CLI against the fake server serving hostile values.
 */

const TOKEN = 'cli-server-text-token-0123'

// Clear screen, bell, an 8-bit CSI, a window-title OSC, a carriage return and a newline.
const HOSTILE_TITLE = 'Evil\u001b[2J Movie\u0007\u009b31m Night\u001b]0;pwned\u0007\r\nDone'
const HOSTILE_PATH = '/data/Movies/Evil\u001b[2J\u0085\u007f.mkv'
const HOSTILE_LIBRARY = 'Bad\u001bc Library\u001b[1;1H'

/** Any control character a terminal could act on: C0 except tab and newline, DEL, C1. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const TERMINAL_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/

let plex: FakePlexServer
let dataDir: string

beforeEach(async () => {
  plex = await fakePlex({ token: TOKEN, dataset: { movies: 3, shows: 1, artists: 1, photos: 1 } })
  dataDir = tempDir()
})

function cli(args: readonly string[], token = TOKEN): Promise<CliRun> {
  return runCli([...args, '--server', plex.url, '--token', token, '--data-dir', dataDir])
}

function expectNoTerminalControls(run: CliRun): void {
  expect(run.stdout).not.toMatch(TERMINAL_CONTROL)
  expect(run.stderr).not.toMatch(TERMINAL_CONTROL)
}

describe('server-supplied text in human output', () => {
  it('strips control sequences from titles and paths, keeping one line per item', async () => {
    const ratingKey = plex.controls.addItem('1', { title: HOSTILE_TITLE, year: 2001, filePath: HOSTILE_PATH })
    plex.controls.addSection({ key: '9', title: HOSTILE_LIBRARY })
    const refresh = await cli(['refresh'])
    expect(refresh.status).toBe(0)
    expectNoTerminalControls(refresh)
    expect(refresh.stdout).toContain('Bad Library (9): fetched 0 items')

    const items = await cli(['items', '1', '--filter', 'Evil'])
    expect(items.status).toBe(0)
    expectNoTerminalControls(items)
    expect(items.stdout.split('\n')).toContain(
      `Evil Movie Night Done (2001) [movie ${ratingKey}]  /data/Movies/Evil.mkv`,
    )

    const search = await cli(['search', '1', 'Evil'])
    expect(search.stderr).toBe('')
    expectNoTerminalControls(search)
    expect(search.stdout).toContain('Evil Movie Night Done (2001)')

    const find = await cli(['find', HOSTILE_PATH])
    expect(find.stderr).toBe('')
    expectNoTerminalControls(find)
    expect(find.stdout).toContain('/data/Movies/Evil.mkv')

    const libraries = await cli(['libraries'])
    expectNoTerminalControls(libraries)
    expect(libraries.stdout).toMatch(/^9 +Bad Library +movie /m)
  })

  it('keeps --json exact: the same strings, with every control character escaped', async () => {
    const ratingKey = plex.controls.addItem('1', { title: HOSTILE_TITLE, filePath: HOSTILE_PATH })
    const run = await cli(['items', '1', '--json'])
    expect(run.status).toBe(0)
    expect(run.stdout).not.toMatch(TERMINAL_CONTROL)
    expect(run.stdout).toContain('Evil\\u001b[2J Movie\\u0007\\u009b31m')
    const page = json<{ items: Array<{ ratingKey: string; title: string; files: Array<{ path: string }> }> }>(
      run,
    )
    const item = page.items.find((candidate) => candidate.ratingKey === ratingKey)
    expect(item?.title).toBe(HOSTILE_TITLE)
    expect(item?.files[0]?.path).toBe(HOSTILE_PATH)
  })
})

describe('a one-letter token', () => {
  it('leaves a failure message readable instead of redacting every letter of it', async () => {
    for (const token of ['e', 'r', 't', 'd']) {
      const run = await cli(['libraries'], token)
      expect(run.status, token).toBe(1)
      expect(run.stderr, token).toMatch(
        /^plex-cache: The Plex server rejected the token \(401 Unauthorized\)\.[^\n]* The token comes from --token, PLEX_TOKEN or the one the desktop app saved\.\n$/,
      )
      expect(run.stderr, token).not.toContain('redacted')
    }
  })
})

describe('oversized values from the server', () => {
  it('are a protocol failure (exit 1) naming the field, not a usage error, and never echoed', async () => {
    plex.controls.addSection({ key: 'k'.repeat(3000), title: 'Huge' })
    for (const args of [['libraries'], ['refresh'], ['libraries', '--json']]) {
      const run = await cli(args)
      expect(run.status, args.join(' ')).toBe(1)
      expect(run.stderr).toMatch(
        /^plex-cache: The Plex server sent a section key of 3000 characters[^\n]*\n$/,
      )
      expect(run.stderr).not.toContain('kkkk')
    }
  })
})
