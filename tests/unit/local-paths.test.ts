import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createLocalPathOpener, type ShellPaths } from '../../src/main/local-paths'

function recordingShell(openPathAnswer = '') {
  const opened: Array<{ how: 'open' | 'show'; target: string }> = []
  const shell: ShellPaths = {
    openPath: async (target) => {
      opened.push({ how: 'open', target })
      return openPathAnswer
    },
    showItemInFolder: (target) => opened.push({ how: 'show', target }),
  }
  return { shell, opened }
}

const dataDir = path.resolve('/home/someone/.config/Plex Cache')
const logFile = path.join(dataDir, 'logs', 'plex-cache.log')

describe('the allowlisted opener of local paths', () => {
  it('opens the data folder and shows the log file, and nothing else', async () => {
    const { shell, opened } = recordingShell()
    const opener = createLocalPathOpener({ dataDir, logFile }, shell)
    expect(await opener.openDataFolder()).toBe(true)
    expect(await opener.showLogFile()).toBe(true)
    expect(opened).toEqual([
      { how: 'open', target: dataDir },
      { how: 'show', target: logFile },
    ])
  })

  it('refuses every other path, and each allowed path the other way', async () => {
    const { shell, opened } = recordingShell()
    const opener = createLocalPathOpener({ dataDir, logFile }, shell)
    const refused: Array<[string, 'open' | 'show']> = [
      ['/etc/passwd', 'show'],
      ['/usr/bin/xterm', 'open'],
      [path.join(dataDir, 'cache', 'plex-cache.sqlite'), 'open'],
      [path.join(dataDir, 'settings.json'), 'show'],
      [path.join(dataDir, '..'), 'open'],
      [path.join(dataDir, 'logs'), 'open'],
      // The right place, reached through "..": refused rather than resolved.
      [`${dataDir}/logs/../../Plex Cache`, 'open'],
      [`${logFile}/../plex-cache.log`, 'show'],
      [logFile, 'open'],
      [dataDir, 'show'],
      ['', 'open'],
      ['relative/path', 'open'],
    ]
    for (const [candidate, how] of refused) {
      expect(await opener.open(candidate, how), `${how} ${candidate}`).toBe(false)
    }
    expect(opened).toEqual([])
  })

  it('says when the system could not open the folder', async () => {
    const { shell } = recordingShell('Failed to open path')
    expect(await createLocalPathOpener({ dataDir, logFile }, shell).openDataFolder()).toBe(false)
  })
})
