/**
 * Operation and event names and the IPC channels they travel on. Kept apart from contract.ts so
 * the sandboxed preload can use them without bundling zod; contract.ts checks the lists match.
 */
import type { EventName } from './contract'

export const OPERATION_NAMES = [
  'listLibraries',
  'getLibraryItems',
  'search',
  'findByFile',
  'refreshLibrary',
  'refreshAll',
  'cancelRefresh',
  'clear',
  'clearLibrary',
  'listEntries',
  'deleteSearch',
  'resetStats',
  'stats',
  'statsHistory',
  'recentReads',
  'connectionStatus',
  'getSettings',
  'setSettings',
  'testConnection',
  'trustCertificate',
  'useDemoServer',
  'signInStart',
  'signInState',
  'signInCancel',
  'signInChooseServer',
  'signInUseConnection',
  'signOut',
  'getAbout',
  'openDataFolder',
  'showLogFile',
  'toolsProxyStatus',
] as const

export type OperationName = (typeof OPERATION_NAMES)[number]

export const EVENT_NAMES: readonly EventName[] = [
  'changed',
  'progress',
  'stats',
  'connection',
  'settings',
  'notice',
  'signIn',
  'refreshRun',
  'toolsProxy',
]

const CHANNEL_PREFIX = 'plex-cache:'

export function channelFor(operation: OperationName): string {
  return `${CHANNEL_PREFIX}${operation}`
}

/** Main sends every event on this one channel as an EventMessage. */
export const EVENT_CHANNEL = `${CHANNEL_PREFIX}event`
