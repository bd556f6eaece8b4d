import path from 'node:path'

// Which part of the app may import which: the layering docs/architecture.md describes, as a lint
// error. A file belongs to the layer whose folder (or file) in these tables holds it most closely;
// it may import its own layer, the layers under `mayImport`, and any package. Each relative import
// is resolved from the importing file before it is judged, so folders that share a name (the
// renderer's settings/ and main's settings/) are never confused, as a pattern on the text could be.

const everyMainLayer = [
  'shared',
  'log',
  'cache',
  'plex',
  'plextv',
  'service',
  'settings',
  'proxy',
  'core',
  'electron-free rules',
  'app',
  'ipc',
  'tray',
  'fake-plex',
]

/** Main-process layers, lowest first. */
export const mainLayers = [
  { layer: 'shared', paths: ['src/shared'], mayImport: [] },
  { layer: 'log', paths: ['src/main/log'], mayImport: ['shared'] },
  { layer: 'cache', paths: ['src/main/cache'], mayImport: ['shared'] },
  { layer: 'plex', paths: ['src/main/plex'], mayImport: ['shared'] },
  { layer: 'plextv', paths: ['src/main/plextv'], mayImport: ['plex', 'shared'] },
  { layer: 'service', paths: ['src/main/service'], mayImport: ['cache', 'plex', 'log', 'shared'] },
  // Settings storage reports failures as the service's errors and stores the service's settings.
  { layer: 'settings', paths: ['src/main/settings'], mayImport: ['service', 'shared'] },
  // The proxy for other tools is one more consumer of the service, like the CLI and the window.
  { layer: 'proxy', paths: ['src/main/proxy'], mayImport: ['service', 'cache', 'plex', 'log', 'shared'] },
  // The composition root that Electron's main (through app), the CLI and the tests all call.
  {
    layer: 'core',
    paths: ['src/main/core.ts', 'src/main/client-id.ts'],
    mayImport: ['service', 'cache', 'plex', 'log', 'shared'],
  },
  // Decisions the Electron glue hands to Electron, kept free of it so they are tested under Node.
  {
    layer: 'electron-free rules',
    paths: ['src/main/app-origin.ts', 'src/main/external-links.ts', 'src/main/local-paths.ts'],
    mayImport: ['shared'],
  },
  {
    layer: 'app',
    paths: ['src/main/app'],
    mayImport: everyMainLayer.filter((layer) => !['app', 'ipc', 'tray'].includes(layer)),
  },
  { layer: 'ipc', paths: ['src/main/ipc'], mayImport: ['app', 'service', 'electron-free rules', 'shared'] },
  // The tray gets what it shows and does as functions: it needs nothing but the contract's types.
  { layer: 'tray', paths: ['src/main/tray'], mayImport: ['shared'] },
  // Everything else directly in src/main: the Electron entry and its glue, on top of it all.
  { layer: 'electron entry', paths: ['src/main'], mayImport: everyMainLayer },
  // Apart from the main process, but judged by the same table. The fake server keeps its own Plex
  // facts rather than borrowing the client's, so a misreading of Plex in one cannot hide in both.
  { layer: 'fake-plex', paths: ['src/fake-plex'], mayImport: ['shared'] },
  { layer: 'preload', paths: ['src/preload'], mayImport: ['shared'] },
]

const rendererBase = ['bridge', 'data', 'hooks', 'timing', 'toasts', 'dialogs', 'certificate', 'controls']
const rendererFeatures = ['about', 'inspector', 'libraries', 'onboarding', 'settings', 'stats']
const inRenderer = (folder) => `src/renderer/src/${folder}`

/**
 * Renderer layers: the shell composes the features; a feature uses the base folders but never
 * another feature or the shell; the base folders use only each other. What two features share
 * moves down into a base folder.
 */
export const rendererLayers = [
  { layer: 'shared', paths: ['src/shared'], mayImport: [] },
  { layer: 'renderer base', paths: rendererBase.map(inRenderer), mayImport: ['shared'] },
  ...rendererFeatures.map((feature) => ({
    layer: `${feature} view`,
    paths: [inRenderer(feature)],
    mayImport: ['renderer base', 'shared'],
  })),
  {
    layer: 'shell',
    paths: [inRenderer('shell')],
    mayImport: ['renderer base', 'shared', ...rendererFeatures.map((feature) => `${feature} view`)],
  },
  // App.tsx and main.tsx put it all together.
  {
    layer: 'renderer root',
    paths: ['src/renderer/src'],
    mayImport: ['renderer base', 'shell', 'shared', ...rendererFeatures.map((feature) => `${feature} view`)],
  },
]

const withoutExtension = (file) => file.replace(/\.(tsx?|jsx?)$/, '')

/** The layer holding a project-relative path, or undefined for one outside every listed folder. */
function layerOf(layers, relativePath) {
  const target = withoutExtension(relativePath.split(path.sep).join('/'))
  let best
  for (const entry of layers) {
    for (const layerPath of entry.paths.map(withoutExtension)) {
      const holds = target === layerPath || target.startsWith(`${layerPath}/`)
      if (holds && (!best || layerPath.length > best.length)) best = { entry, length: layerPath.length }
    }
  }
  return best?.entry
}

const layerImportsRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps imports flowing down the layers docs/architecture.md describes.' },
    schema: [{ type: 'object', properties: { layers: { type: 'array' } }, additionalProperties: false }],
    messages: {
      upward:
        "The {{from}} layer may import only {{allowed}}: '{{source}}' is in {{to}} (see docs/architecture.md).",
      unlisted: "'{{source}}' is outside every layer the {{from}} layer may use (see docs/architecture.md).",
    },
  },
  create(context) {
    const layers = context.options[0]?.layers ?? []
    const root = context.cwd
    const from = layerOf(layers, path.relative(root, context.filename))
    if (!from) return {}

    const check = (sourceNode) => {
      const source = sourceNode?.value
      if (typeof source !== 'string' || !source.startsWith('.')) return
      const resolved = path.relative(root, path.resolve(path.dirname(context.filename), source))
      if (!resolved.startsWith(`src${path.sep}`)) return
      const to = layerOf(layers, resolved)
      if (to === from) return
      if (!to) {
        context.report({ node: sourceNode, messageId: 'unlisted', data: { source, from: from.layer } })
      } else if (!from.mayImport.includes(to.layer)) {
        const allowed = from.mayImport.length ? from.mayImport.join(', ') : 'its own files'
        context.report({
          node: sourceNode,
          messageId: 'upward',
          data: { source, from: from.layer, to: to.layer, allowed },
        })
      }
    }
    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    }
  },
}

export const layersPlugin = { rules: { imports: layerImportsRule } }

/**
 * The only files that may import `electron`: thin glue that hands Electron's pieces to the rest.
 * Everything else is tested under Node, where there is no Electron.
 */
export const electronGlue = [
  'src/main/index.ts',
  'src/main/app-protocol.ts',
  'src/main/background-notifications.ts',
  'src/main/certificate-trust.ts',
  'src/main/system-vault.ts',
  'src/main/window.ts',
  'src/main/ipc/bind-ipc.ts',
  'src/main/tray/tray.ts',
  'src/main/tray/tray-actions.ts',
  'src/preload/index.ts',
]
