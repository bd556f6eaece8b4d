import { describe, expect, it } from 'vitest'
import { recentReadsLines } from '../../../src/cli/recent-reads-lines'
import type { RecentRead } from '../../../src/shared/recent-reads'

const read = (fields: Partial<RecentRead>): RecentRead => ({
  at: Date.UTC(2026, 11, 1, 12, 0, 0),
  consumer: 'Stash2Plex',
  kind: 'library',
  library: '1',
  libraryTitle: 'Movies',
  query: '',
  outcome: 'hit',
  items: 3,
  ...fields,
})

describe('stats: the recent reads lines', () => {
  it('says what each read was and how it was answered, a passed-through request by its method and path', () => {
    const lines = recentReadsLines([
      read({
        kind: 'plex',
        library: null,
        libraryTitle: null,
        query: 'GET /library/metadata/7',
        outcome: 'passed',
        items: null,
      }),
      read({ kind: 'search', query: 'alien', outcome: 'miss', items: 1 }),
      read({}),
    ])
    expect(lines[0]).toBe('Recent reads (newest first)')
    expect(lines[1]).toMatch(/ {2}Stash2Plex {2}GET \/library\/metadata\/7 {2}passed$/)
    expect(lines[2]).toMatch(/search "alien" in Movies {2}miss, 1 item$/)
    expect(lines[3]).toMatch(/Movies {2}hit, 3 items$/)
  })

  it('strips terminal control characters a tool could have put in its name or path', () => {
    const [, line] = recentReadsLines([
      read({
        consumer: 'evil\u001b[2Jtool',
        kind: 'plex',
        query: 'GET /x\u001b]0;owned\u0007',
        outcome: 'failed',
        items: null,
      }),
    ])
    expect([...(line ?? '')].some((char) => char.charCodeAt(0) < 0x20)).toBe(false)
    expect(line).toMatch(/failed$/)
  })
})
