import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const projectRoot = path.resolve(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: projectRoot })

async function restrictedImportErrors(relativeFile: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(projectRoot, relativeFile) })
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message)
}

describe('lint keeps the process boundaries', () => {
  const forbidden = [
    "import { ipcRenderer } from 'electron'",
    "import Database from 'better-sqlite3'",
    "import fs from 'node:fs'",
    "import path from 'path'",
    "import { readFile } from 'fs/promises'",
    "import { PlexCache } from '../../main/cache'",
    "import '../../preload/index'",
  ]

  for (const folder of ['src/renderer/src/Example.tsx', 'src/shared/example.ts']) {
    it(`rejects main-process and Node imports in ${path.dirname(folder)}`, async () => {
      for (const statement of forbidden) {
        expect(await restrictedImportErrors(folder, `${statement}\n`), statement).toHaveLength(1)
      }
    })
  }

  it('allows them in the main process, and allows shared code in the renderer', async () => {
    expect(
      await restrictedImportErrors('src/main/example.ts', "import fs from 'node:fs'\nexport const f = fs\n"),
    ).toEqual([])
    expect(
      await restrictedImportErrors(
        'src/renderer/src/Example.tsx',
        "import { formatBytes } from '../../shared/format'\n",
      ),
    ).toEqual([])
    // Our own folders may share a name with a Node built-in (inspector, stream...).
    expect(
      await restrictedImportErrors(
        'src/renderer/src/Example.tsx',
        "import { InspectorView } from './inspector/InspectorView'\n",
      ),
    ).toEqual([])
  })
})
