import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { config, fromRoot } from './release-config'

const run = promisify(execFile)
const include = fromRoot(config.nsis.include)
const script = fs.readFileSync(include, 'utf8')
const code = script
  .split('\n')
  .filter((line) => !line.trim().startsWith(';'))
  .join('\n')

/** The body of one `!macro NAME` ... `!macroend` block. */
function macro(name: string): string {
  const match = new RegExp(`!macro ${name}\\n([\\s\\S]*?)!macroend`).exec(code)
  if (!match) throw new Error(`no macro ${name} in ${config.nsis.include}`)
  return match[1]!
}

const makensis = ['/usr/bin/makensis', '/usr/local/bin/makensis'].find((file) => fs.existsSync(file))

describe('the Windows installer (NSIS)', () => {
  it('installs per user, so it edits the user PATH without asking for elevation', () => {
    expect(config.nsis).toMatchObject({ oneClick: true, perMachine: false, include: 'build/installer.nsh' })
  })

  it('adds resources\\bin, where plex-cache.cmd is, to the user PATH on install', () => {
    expect(code).toContain('!define PLEX_CACHE_BIN "$INSTDIR\\resources\\bin"')
    const install = macro('customInstall')
    expect(install).toContain('ReadRegStr $R0 HKCU "Environment" "Path"')
    expect(install).toContain('WriteRegExpandStr HKCU "Environment" "Path" "$R0;$R1"')
    // Only when the folder is not there yet, and never from a PATH too long to have been read whole.
    expect(install).toContain('Call PlexCachePathWithout')
    expect(install).toContain('${NSIS_MAX_STRLEN}')
    expect(install).toContain('SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment"')
  })

  it('takes it out of the user PATH on uninstall, keeping every other entry', () => {
    const uninstall = macro('customUnInstall')
    expect(uninstall).toContain('Call un.PlexCachePathWithout')
    expect(uninstall).toContain('WriteRegExpandStr HKCU "Environment" "Path" "$R2"')
    expect(uninstall).toContain('SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment"')
  })

  it('uses plain NSIS: no plugin that electron-builder would have to download', () => {
    // Plugin calls look like `Name::Function`.
    expect(code).not.toMatch(/\b\w+::\w+/)
  })

  // electron-builder compiles the installer and, separately with BUILD_UNINSTALLER, the uninstaller,
  // both with warnings as errors (-WX). Debian's nsis package provides makensis.
  it.skipIf(!makensis)(
    'compiles as installer and as uninstaller with warnings as errors (makensis)',
    async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'plex-cache-nsis-'))
      try {
        const harness = path.join(dir, 'harness.nsi')
        fs.writeFileSync(
          harness,
          [
            'Unicode true',
            `OutFile "${path.join(dir, 'harness.exe')}"`,
            'RequestExecutionLevel user',
            `!include "${include}"`,
            'Section "install"',
            '!ifndef BUILD_UNINSTALLER',
            '  !insertmacro customInstall',
            '!endif',
            'SectionEnd',
            '!ifdef BUILD_UNINSTALLER',
            'Section "un.Uninstall"',
            '  !insertmacro customUnInstall',
            'SectionEnd',
            'Function .onInit',
            `  WriteUninstaller "${path.join(dir, 'uninstall.exe')}"`,
            'FunctionEnd',
            '!endif',
          ].join('\n'),
        )
        await run(makensis!, ['-WX', '-V2', harness])
        await run(makensis!, ['-WX', '-V2', '-DBUILD_UNINSTALLER', harness])
        expect(fs.existsSync(path.join(dir, 'harness.exe'))).toBe(true)
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
  )

  it('ships a plex-cache.cmd that runs the app binary in Node mode on the bundled CLI', () => {
    const cmd = fs.readFileSync(fromRoot('resources/bin/plex-cache.cmd'), 'utf8')
    expect(cmd).toContain('\r\n') // cmd.exe wants CRLF line ends
    expect(cmd).toContain('set "ELECTRON_RUN_AS_NODE=1"')
    // resources\bin -> the install folder's "Plex Cache.exe" and resources\app.asar.
    expect(cmd).toContain('"%~dp0..\\..\\Plex Cache.exe" "%~dp0..\\app.asar\\out\\cli\\index.cjs" %*')
  })
})
