import { builtinModules } from 'node:module'
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import { electronGlue, layersPlugin, mainLayers, rendererLayers } from './eslint.layers.js'

// The renderer and the shared contract run in a sandboxed browser context: they must
// never reach for Electron, SQLite, Node built-ins or main-process code.
const mainOnlyMessage =
  'Main-process only: the renderer and src/shared talk to main through the IPC contract.'
const builtinMessage = 'Node built-ins are not available in the sandboxed renderer.'
const electronOnlyInGlueMessage =
  'Only the Electron glue (electronGlue in eslint.layers.js) imports electron: hand its pieces in as dependencies.'

// Built-ins are listed as exact names, not patterns: a pattern such as "inspector" would also
// forbid our own ./inspector folder.
const forbiddenOutsideMain = {
  paths: [
    ...['electron', 'better-sqlite3'].map((name) => ({ name, message: mainOnlyMessage })),
    ...builtinModules.map((name) => ({ name, message: builtinMessage })),
  ],
  patterns: [
    { group: ['node:*'], message: builtinMessage },
    {
      group: ['**/main', '**/main/**', '**/preload', '**/preload/**', '@main/*'],
      message: 'Do not import main-process or preload code from the renderer or src/shared.',
    },
  ],
}

export default tseslint.config(
  {
    ignores: [
      '.tmp/**',
      'out/**',
      'dist/**',
      'node_modules/**',
      'bench-results/**',
      'test-results/**',
      'playwright-report/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', forbiddenOutsideMain],
    },
  },
  {
    files: ['src/shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: { 'no-restricted-imports': ['error', forbiddenOutsideMain] },
  },
  {
    files: ['src/main/**/*.ts', 'src/shared/**/*.ts', 'src/preload/**/*.ts', 'src/fake-plex/**/*.ts'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/imports': ['error', { layers: mainLayers }] },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    plugins: { layers: layersPlugin },
    rules: { 'layers/imports': ['error', { layers: rendererLayers }] },
  },
  {
    // The renderer and src/shared have their own, stricter list above.
    files: [
      'src/main/**/*.ts',
      'src/preload/**/*.ts',
      'src/cli/**/*.ts',
      'src/fake-plex/**/*.ts',
      'src/web-bridge/**/*.ts',
    ],
    ignores: electronGlue,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: electronOnlyInGlueMessage }],
          patterns: [{ group: ['electron/*'], message: electronOnlyInGlueMessage }],
        },
      ],
    },
  },
  {
    // The launcher and the Node.js check are CommonJS in plain old JavaScript on purpose: an outdated
    // Node must be able to parse them to print why it cannot run Plex Cache.
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
)
