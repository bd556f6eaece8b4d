/**
 * The one IPC contract between the renderer and the main process: every operation the renderer
 * may ask for, with a zod schema for its argument and the type of its result, every event it may
 * receive, the result envelope and its error codes. Main (ipc binding), preload, the browser test
 * bridge and the renderer all import this file; no other file names a channel.
 */
import { z } from 'zod'
import type { EventName, OperationName } from './channels'
import { settingsSchemaShape, type SettingValues } from './settings-table'
import type {
  CacheEntryRow,
  CertificateDetails,
  ConnectionStatus,
  ConnectionTestResult,
  FileMatchRow,
  ItemsResult,
  LibraryRow,
  ProgressRetry,
  RefreshOutcome,
  RefreshRun,
  SearchResult,
  ServiceErrorInfo,
  ServiceStats,
  StatsBucket,
  TrustedCertificate,
} from './service-types'
import type { SignInState } from './sign-in-types'
import type { AboutInfo } from './about'
import type { RecentRead } from './recent-reads'

export {
  channelFor,
  EVENT_CHANNEL,
  EVENT_NAMES,
  OPERATION_NAMES,
  type EventName,
  type OperationName,
} from './channels'

// ---- Envelope -------------------------------------------------------------------------------

/** Stable codes the renderer may branch on. FORBIDDEN: the request did not come from our own window. */
export type ErrorCode = ServiceErrorInfo['code'] | 'FORBIDDEN'

export interface ContractError {
  code: ErrorCode
  message: string
  /** With CERTIFICATE: the names and fingerprint to show before offering to trust it. */
  certificate?: CertificateDetails
}

/** Errors cross the process boundary as values: Electron would carry only a thrown error's message. */
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ContractError }

// ---- Settings as the renderer sees them -----------------------------------------------------

/**
 * Settings without the token: the renderer only learns whether one is set and how it is kept
 * ('encrypted' by the OS keychain, 'file' in an owner-only file that is not encrypted, 'session'
 * when it is not saved and lives only until the app quits, 'none' when there is no token).
 */
export interface PublicSettings extends SettingValues {
  serverUrl: string | null
  tokenSet: boolean
  tokenStorage: 'encrypted' | 'file' | 'session' | 'none'
  /** True while connected to the bundled demo server. */
  demo: boolean
  /** Set when the server was chosen by signing in with Plex, so a rejected token offers to sign in again. */
  signedInWithPlex?: true
  /** Disconnected with the token kept: the server it belongs to, offered as "Reconnect". */
  disconnectedFrom?: string
}

/**
 * The caching proxy the app runs for other Plex tools (Settings: "Serve the cache to other tools").
 * Not a setting: whether it actually listens, and where, is known only after it tried.
 */
export type ToolsProxyStatus =
  | { state: 'off' }
  | { state: 'starting'; port: number }
  | { state: 'serving'; url: string }
  /** It could not listen (the port is taken, most often); said in a sentence. */
  | { state: 'failed'; port: number; message: string }

// ---- Argument schemas -----------------------------------------------------------------------

/** Limits every string so a huge argument is refused before it reaches the service. */
const text = (max: number) => z.string().max(max)
const nonEmptyText = (max: number) => z.string().trim().min(1).max(max)
const library = nonEmptyText(256)
const wholeNumber = (min: number, max: number) => z.number().int().min(min).max(max)
const noArguments = z.strictObject({}).optional()

export const settingsChangeSchema = z.strictObject({
  /** null disconnects; an http(s) URL of a Plex server otherwise. */
  serverUrl: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable()
    .optional(),
  /** null forgets the token. Write-only: it is never sent back. */
  token: text(512).nullable().optional(),
  /** Everything else, with the bounds of the settings table. */
  ...settingsSchemaShape,
})

export type SettingsChange = z.infer<typeof settingsChangeSchema>

// ---- Operations -----------------------------------------------------------------------------

/** Pairs an argument schema with the result type, which exists only at compile time. */
function operation<Result>() {
  return <Schema extends z.ZodType>(args: Schema) => ({ args, result: undefined as unknown as Result })
}

export const contract = {
  listLibraries: operation<LibraryRow[]>()(noArguments),
  getLibraryItems: operation<ItemsResult>()(
    z.strictObject({
      library,
      offset: wholeNumber(0, Number.MAX_SAFE_INTEGER).optional(),
      limit: wholeNumber(1, 10_000).optional(),
      filter: text(512).optional(),
    }),
  ),
  search: operation<SearchResult>()(z.strictObject({ library, title: nonEmptyText(512) })),
  findByFile: operation<FileMatchRow[]>()(z.strictObject({ nameOrPath: nonEmptyText(4096) })),
  refreshLibrary: operation<RefreshOutcome>()(z.strictObject({ library, force: z.boolean().optional() })),
  refreshAll: operation<RefreshOutcome[]>()(z.strictObject({ force: z.boolean().optional() }).optional()),
  /** Stops the refreshes under way (a "Refresh all" and the fetch it is on); the cached copies are kept. */
  cancelRefresh: operation<{ cancelled: boolean }>()(noArguments),
  clear: operation<null>()(noArguments),
  clearLibrary: operation<{ removed: number }>()(z.strictObject({ library })),
  /** Every live cache entry (listings and searches), for the inspector. */
  listEntries: operation<CacheEntryRow[]>()(noArguments),
  deleteSearch: operation<{ removed: boolean }>()(z.strictObject({ library, title: nonEmptyText(512) })),
  resetStats: operation<null>()(noArguments),
  stats: operation<ServiceStats>()(noArguments),
  statsHistory: operation<StatsBucket[]>()(z.strictObject({ range: z.enum(['hour', 'day', 'week']) })),
  /** The last 100 reads made for consumers (the CLI, scripts, tools), newest first; never inspection. */
  recentReads: operation<RecentRead[]>()(noArguments),
  /** With `check`, Plex is asked now (a request that needs the token) before the status is given. */
  connectionStatus: operation<ConnectionStatus>()(
    z.strictObject({ check: z.boolean().optional() }).optional(),
  ),
  getSettings: operation<PublicSettings>()(noArguments),
  setSettings: operation<PublicSettings>()(settingsChangeSchema),
  testConnection: operation<ConnectionTestResult>()(
    z.strictObject({ url: z.url({ protocol: /^https?$/ }).max(2048), token: nonEmptyText(512) }),
  ),
  /**
   * Trusts the certificate an https server presents, for that origin only, after the user saw the
   * fingerprint and confirmed: refused if the server now presents another one.
   */
  trustCertificate: operation<TrustedCertificate>()(
    z.strictObject({
      url: z.url({ protocol: /^https$/ }).max(2048),
      fingerprint256: z.string().regex(/^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$/),
    }),
  ),
  /** Starts the bundled fake Plex server on loopback and connects to it. */
  useDemoServer: operation<PublicSettings>()(noArguments),
  /** Sign in with Plex: a new code, and the system browser opened at Plex's page to approve it. */
  signInStart: operation<SignInState>()(noArguments),
  signInState: operation<SignInState>()(noArguments),
  signInCancel: operation<SignInState>()(noArguments),
  /** Tests every connection of one of the account's servers (named by its machine identifier). */
  signInChooseServer: operation<SignInState>()(z.strictObject({ clientIdentifier: nonEmptyText(128) })),
  /** Saves the server with that connection (one plex.tv listed for it) and its own token. */
  signInUseConnection: operation<PublicSettings>()(
    z.strictObject({ clientIdentifier: nonEmptyText(128), uri: z.url({ protocol: /^https?$/ }).max(2048) }),
  ),
  /** Forgets the token (and the Plex account's); the server URL and the cache stay. */
  signOut: operation<PublicSettings>()(noArguments),
  /** Versions and where the data folder and the log file are. */
  getAbout: operation<AboutInfo>()(noArguments),
  /** Opens the data folder in the file manager. Takes no path: main opens only its own two. */
  openDataFolder: operation<{ opened: boolean }>()(noArguments),
  /** Shows the log file in its folder. */
  showLogFile: operation<{ opened: boolean }>()(noArguments),
  /** Whether the cache is being served to other tools, at which URL, or why it could not be. */
  toolsProxyStatus: operation<ToolsProxyStatus>()(noArguments),
}

export type Contract = typeof contract

/** `true` when two unions of names are the same, else `never` (so assigning `true` fails to compile). */
type SameNames<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never

// The names live in channels.ts (no zod, so the sandboxed preload stays small); this fails to
// compile if the two lists ever differ.
const contractCoversEveryName: SameNames<OperationName, keyof Contract> = true
void contractCoversEveryName

export type ArgsOf<K extends OperationName> = z.input<Contract[K]['args']>
export type ResultOf<K extends OperationName> = Contract[K]['result']

// ---- Events ---------------------------------------------------------------------------------

/** One sentence for the user, at a level the window shows it with. */
export interface Notice {
  level: 'info' | 'warning' | 'error'
  message: string
}

export interface EventPayloads {
  /** Cached data changed; `library` is the section key when one library did. Re-read what is shown. */
  changed: { library?: string }
  /** `retry` while a page that failed is about to be tried again. */
  progress: { library: string; fetched: number; total: number; retry?: ProgressRetry }
  /** Statistics changed; re-read them. */
  stats: Record<string, never>
  connection: ConnectionStatus
  settings: PublicSettings
  /** Something the user should be told that is not the answer to a request (e.g. a damaged cache file was replaced). */
  notice: Notice
  /** Sign in with Plex moved on (approved, expired, servers found, connections tested…). */
  signIn: SignInState
  /** A "Refresh all" moved on: which library is being refreshed, which wait, how each ended. */
  refreshRun: RefreshRun
  /** The proxy for other tools started, stopped or failed to start. */
  toolsProxy: ToolsProxyStatus
}

// As for operations: the names live in channels.ts, and this fails to compile if they differ.
const payloadsCoverEveryName: SameNames<EventName, keyof EventPayloads> = true
void payloadsCoverEveryName

/**
 * One event as it travels, as a union over the event names: `switch (message.event)` narrows the
 * payload. `EventMessage<'progress'>` is one member; `EventMessage` is any of them.
 */
export type EventMessage<E extends EventName = EventName> = {
  [K in E]: { event: K; payload: EventPayloads[K] }
}[E]

/**
 * Pairs an event with its payload: the one place a message is made. The signature keeps the two
 * matched; the cast is only because TypeScript cannot see that a generic pair is a union member.
 */
export function eventMessage<E extends EventName>(event: E, payload: EventPayloads[E]): EventMessage {
  return { event, payload } as EventMessage
}

// ---- The bridge the renderer gets as window.plexCache ---------------------------------------

type OperationFunction<K extends OperationName> =
  undefined extends ArgsOf<K>
    ? (args?: ArgsOf<K>) => Promise<Envelope<ResultOf<K>>>
    : (args: ArgsOf<K>) => Promise<Envelope<ResultOf<K>>>

export type PlexCacheBridge = { [K in OperationName]: OperationFunction<K> } & {
  /** Subscribes to one event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void
}
