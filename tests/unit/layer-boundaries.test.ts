import path from 'node:path'
import { ESLint } from 'eslint'
import { describe, expect, it } from 'vitest'

const projectRoot = path.resolve(import.meta.dirname, '../..')
const eslint = new ESLint({ cwd: projectRoot })

/** The layering errors (layers/imports, and no-restricted-imports for electron) for one import. */
async function layerErrors(relativeFile: string, statement: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${statement}\n`, { filePath: path.join(projectRoot, relativeFile) })
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'layers/imports' || m.ruleId === 'no-restricted-imports')
    .map((m) => m.message)
}

interface LayerCase {
  file: string
  forbidden: string[]
  allowed: string[]
}

const mainCases: LayerCase[] = [
  {
    file: 'src/main/cache/example.ts',
    forbidden: ['../plex', '../service', '../log', '../app/app-controller', '../settings'],
    allowed: ['../../shared/plex-data', './types'],
  },
  {
    file: 'src/main/plex/example.ts',
    forbidden: ['../cache/types', '../service', '../log'],
    allowed: ['../../shared/plex-data', './errors'],
  },
  {
    file: 'src/main/log/example.ts',
    forbidden: ['../cache', '../service'],
    allowed: ['../../shared/redact'],
  },
  {
    file: 'src/main/plextv/example.ts',
    forbidden: ['../cache', '../service'],
    allowed: ['../plex', '../plex/headers'],
  },
  {
    file: 'src/main/service/example.ts',
    forbidden: [
      '../app/app-controller',
      '../settings',
      '../proxy',
      '../tray',
      '../ipc/handler-table',
      '../core',
    ],
    // ./settings is the service's own settings.ts, not main's settings folder.
    allowed: ['../cache', '../plex', '../log', '../../shared/contract', './settings'],
  },
  {
    file: 'src/main/settings/example.ts',
    forbidden: ['../app', '../proxy', '../tray'],
    allowed: ['../service', '../../shared/settings-table'],
  },
  {
    file: 'src/main/proxy/example.ts',
    forbidden: ['../app', '../settings', '../ipc/bind-ipc'],
    allowed: ['../service', '../cache', '../plex', '../log'],
  },
  {
    file: 'src/main/core.ts',
    forbidden: ['./app', './settings', './proxy', './window'],
    allowed: ['./service', './cache', './client-id'],
  },
  {
    file: 'src/main/app/example.ts',
    forbidden: ['../ipc/bind-ipc', '../tray', '../window', '../index'],
    allowed: [
      '../core',
      '../service',
      '../settings',
      '../proxy',
      '../plextv',
      '../local-paths',
      '../../fake-plex',
    ],
  },
  {
    file: 'src/main/ipc/example.ts',
    forbidden: ['../tray', '../settings', '../window'],
    allowed: ['../app/app-controller', '../service', '../app-origin'],
  },
  {
    file: 'src/main/tray/example.ts',
    forbidden: ['../app/app-controller', '../service', '../cache'],
    allowed: ['../../shared/contract', './tray-wording'],
  },
  {
    file: 'src/main/index.ts',
    forbidden: ['../cli/main', '../web-bridge/bridge-server'],
    allowed: ['./app/app-controller', './tray', './ipc/bind-ipc', './settings'],
  },
  {
    file: 'src/preload/example.ts',
    forbidden: ['../main/ipc/bind-ipc', '../main/service', '../renderer/src/App'],
    allowed: ['../shared/channels', '../shared/contract'],
  },
  {
    file: 'src/fake-plex/example.ts',
    forbidden: ['../main/plex', '../main/plex/extract', '../cli/main'],
    allowed: ['../shared/plex-element', './faults'],
  },
]

const rendererCases: LayerCase[] = [
  {
    file: 'src/renderer/src/inspector/example.ts',
    forbidden: ['../libraries/Countdown', '../shell/AppHeader', '../settings/SettingsView', '../App'],
    allowed: ['../timing/countdown-format', '../dialogs/ConfirmDialog', '../data/useRead', './ttl'],
  },
  {
    file: 'src/renderer/src/settings/example.ts',
    forbidden: ['../onboarding/ConnectForm', '../shell/ConnectedShell'],
    // The renderer's settings view may use src/shared/settings-table: a name is not a layer.
    allowed: ['../certificate/CertificatePrompt', '../../../shared/settings-table', './fields'],
  },
  {
    file: 'src/renderer/src/timing/example.ts',
    forbidden: ['../stats/useStatistics', '../shell/NavTabs'],
    allowed: ['../bridge/BridgeContext', './throttle'],
  },
  {
    file: 'src/renderer/src/shell/example.tsx',
    forbidden: ['../App'],
    allowed: ['../stats/StatisticsView', '../onboarding/SignInWithPlex', '../dialogs/ConfirmDialog'],
  },
]

describe('lint keeps the layers', () => {
  for (const { file, forbidden, allowed } of [...mainCases, ...rendererCases]) {
    it(`${file}: rejects imports from above or aside, allows those from below`, async () => {
      for (const source of forbidden) {
        expect(await layerErrors(file, `import '${source}'`), source).toHaveLength(1)
      }
      for (const source of allowed) {
        expect(await layerErrors(file, `import '${source}'`), source).toEqual([])
      }
    })
  }

  it('says which layer may import what, and where the layering is written down', async () => {
    expect(await layerErrors('src/main/plex/example.ts', "import '../cache/types'")).toEqual([
      "The plex layer may import only shared: '../cache/types' is in cache (see docs/architecture.md).",
    ])
  })

  const electron = "import { app } from 'electron'"

  it('lets only the Electron glue import electron', async () => {
    for (const file of [
      'src/main/service/example.ts',
      'src/main/app/example.ts',
      'src/main/core.ts',
      'src/main/tray/tray-menu.ts',
      'src/cli/example.ts',
      'src/web-bridge/example.ts',
    ]) {
      expect(await layerErrors(file, electron), file).toHaveLength(1)
    }
    for (const file of [
      'src/main/index.ts',
      'src/main/window.ts',
      'src/main/ipc/bind-ipc.ts',
      'src/main/tray/tray.ts',
      'src/preload/index.ts',
    ]) {
      expect(await layerErrors(file, electron), file).toEqual([])
    }
  })
})
