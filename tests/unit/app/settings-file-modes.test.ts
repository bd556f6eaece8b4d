import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { SettingsStore } from '../../../src/main/settings'
import { tempDir } from '../../support/temp-dir'
import { runCli } from '../cli/run-cli'

const modeOf = (file: string) => fs.statSync(file).mode & 0o777

describe('the settings file and its folder are owner-only', () => {
  it('even after a crash left a world-readable temporary file, in a folder made by someone else', async () => {
    const dataDir = path.join(tempDir(), 'Plex Cache')
    fs.mkdirSync(dataDir, { mode: 0o755 })
    fs.chmodSync(dataDir, 0o755)
    const file = path.join(dataDir, 'settings.json')
    fs.writeFileSync(`${file}.tmp`, '{"half": ', { mode: 0o644 })
    fs.chmodSync(`${file}.tmp`, 0o644)
    fs.writeFileSync(file, '{"version":1}\n', { mode: 0o644 })
    fs.chmodSync(file, 0o644)

    await new SettingsStore({ file, vault: null }).update({ pageSize: 250 })
    expect(modeOf(file).toString(8)).toBe('600')
    expect(modeOf(dataDir).toString(8)).toBe('700')
    expect(fs.existsSync(`${file}.tmp`)).toBe(false)
    expect(JSON.parse(fs.readFileSync(file, 'utf8'))).toMatchObject({ pageSize: 250 })
  })

  it('when the CLI writes it', async () => {
    const dataDir = path.join(tempDir(), 'fresh')
    const run = await runCli(['settings', 'set', 'pageSize', '300', '--data-dir', dataDir])
    expect(run.status, run.stderr).toBe(0)
    expect(modeOf(path.join(dataDir, 'settings.json')).toString(8)).toBe('600')
    expect(modeOf(dataDir).toString(8)).toBe('700')
  })
})
