import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { redactingLogger } from '../../../src/main/log'
import { createFileLogger } from '../../../src/main/log/log-file'
import { rotatedLogPath } from '../../../src/main/log/rotation'
import { tempDir } from '../../support/temp-dir'

const TOKEN = 'log-secret-token-9f8e7d6c5b4a'

describe('the log file', () => {
  it('is written in the data folder, one line per message with its level', () => {
    const dataDir = tempDir()
    const log = createFileLogger({ dataDir })
    log.info('Fetched "Movies" (1) from Plex: 250 items in 80 ms')
    log.warn('Connection: offline')
    expect(log.file).toBe(path.join(dataDir, 'logs', 'plex-cache.log'))
    const lines = fs.readFileSync(log.file, 'utf8').trim().split('\n')
    expect(lines).toHaveLength(2)
    expect(lines[0]).toMatch(/^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{3}\] \[info\] Fetched "Movies"/)
    expect(lines[1]).toMatch(/\[warn\] Connection: offline$/)
  })

  it('rotates by size into a few numbered files, dropping the oldest', () => {
    const dataDir = tempDir()
    const log = createFileLogger({ dataDir, maxBytes: 1_000, keepFiles: 2 })
    for (let line = 1; line <= 200; line++) log.info(`line ${line} ${'x'.repeat(40)}`)
    const folder = path.dirname(log.file)
    expect(fs.readdirSync(folder).sort()).toEqual(['plex-cache.1.log', 'plex-cache.2.log', 'plex-cache.log'])
    for (const file of fs.readdirSync(folder)) {
      // The limit is checked before each line, so a file ends at most one line past it.
      expect(fs.statSync(path.join(folder, file)).size).toBeLessThan(1_100)
    }
    // Newest in the current file, the one before in .1, and so on: nothing lost in between.
    const text = (file: string) => fs.readFileSync(file, 'utf8')
    expect(text(log.file)).toContain('line 200 ')
    const numbers = (file: string) => [...text(file).matchAll(/line (\d+) /g)].map((m) => Number(m[1]))
    const older = numbers(rotatedLogPath(log.file, 2))
    const old = numbers(rotatedLogPath(log.file, 1))
    const current = numbers(log.file)
    expect([...older, ...old, ...current]).toEqual(
      Array.from({ length: current.at(-1)! - older[0]! + 1 }, (_, i) => older[0]! + i),
    )
  })

  it('holds no token when written through the redacting logger, however a message carries it', () => {
    const dataDir = tempDir()
    const file = createFileLogger({ dataDir })
    const log = redactingLogger(file, () => [TOKEN])
    log.error(`GET http://127.0.0.1:32400/library/sections?X-Plex-Token=${TOKEN} failed`)
    log.warn(`{"X-Plex-Token":"${TOKEN}"}`)
    log.info(`the token ${TOKEN} was pasted here`)
    // Not a known secret, but shaped like one in a URL: cut out too.
    log.info('http://server/?X-Plex-Token=some-other-token-123')
    const text = fs.readFileSync(file.file, 'utf8')
    expect(text.trim().split('\n')).toHaveLength(4)
    expect(text).not.toContain(TOKEN)
    expect(text).not.toContain('some-other-token-123')
    expect(text).toContain('<redacted>')
  })
})
