/**
 * Operation and event names and the IPC channels they travel on. Kept apart from contract.ts so
 * the sandboxed preload can use them without bundling zod; contract.ts checks the lists match.
 * Imports nothing, so the two files never import each other.
 */

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

export const EVENT_NAMES = [
  'changed',
  'progress',
  'stats',
  'connection',
  'settings',
  'notice',
  'signIn',
  'refreshRun',
  'toolsProxy',
] as const

export type EventName = (typeof EVENT_NAMES)[number]

const CHANNEL_PREFIX = 'plex-cache:'

export function channelFor(operation: OperationName): string {
  return `${CHANNEL_PREFIX}${operation}`
}

/** Main sends every event on this one channel as an EventMessage. */
export const EVENT_CHANNEL = `${CHANNEL_PREFIX}event`
