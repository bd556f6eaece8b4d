import fs from 'node:fs'
import {
  settingsChangeSchema,
  type Notice,
  type PublicSettings,
  type SettingsChange,
} from '../../shared/contract'
import { definedFields } from '../../shared/defined-fields'
import { HeldUntilHeard } from '../../shared/held-until-heard'
import { ServiceError } from '../service'
import type { ServiceSettings } from '../service'
import { writePrivateFile } from './private-files'
import { savedTokenLocation, type SavedTokenLocation } from './shared-token-vault'
import { watchSettingsFile } from './settings-file-watch'
import { publicSettingsOf, savedStorageOf, serviceSettingsOf } from './settings-views'
import {
  DEFAULT_STATE,
  stateFromStored,
  storedFromState,
  storedSettingsSchema,
  type SavedPlexServer,
  type SettingsState,
} from './stored-settings'
import { sealToken, unsealToken, type TokenVault, type UnsealedToken } from './token-vault'

/** A validated change that has not been saved yet; see SettingsStore.prepare. */
export type PreparedSettings = Readonly<SettingsState>

const UNREADABLE_TOKEN_NOTICE =
  'The saved Plex token could not be decrypted by the system keychain or read from its file. ' +
  'Enter it again in Settings.'

const SESSION_ONLY_NOTICE =
  'Encryption is not available on this system, so the Plex token is not saved: ' +
  'it is kept only until Plex Cache quits.'

export const TOKEN_DROPPED_NOTICE =
  'The saved Plex token was removed: it belongs to the previous server and is never sent to another. ' +
  "Enter the new server's token."

/**
 * The app's settings in `<dataDir>/settings.json`, validated on load and on change. The token is
 * written only encrypted by the OS keychain; without one it stays in memory for the session.
 * Loading reads the file only: the saved token is decrypted later (unsealSavedToken), because the
 * keychain may first ask the user, and the app must not wait for that.
 * Main-process only: publicSettings() is what may leave it.
 */
export class SettingsStore {
  private readonly file: string
  private readonly vault: TokenVault | null
  /** Loading settings at startup can raise notices before the app listens: they are kept for it. */
  private readonly notices = new HeldUntilHeard<Notice>()
  private state: SettingsState
  /** The stored copy waiting to be decrypted; until it is, the token counts as set. */
  private unsealing: string | null

  constructor(options: { file: string; vault: TokenVault | null }) {
    this.file = options.file
    this.vault = options.vault
    this.state = this.load()
    this.unsealing = this.state.encryptedToken
  }

  get demo(): boolean {
    return this.state.demo
  }

  get startInTray(): boolean {
    return this.state.startInTray
  }

  /** A saved token is waiting for the keychain (see unsealSavedToken). */
  get tokenAwaitsKeychain(): boolean {
    return this.unsealing !== null && this.unsealing === this.state.encryptedToken
  }

  /** Where the saved token is kept, or null when none is saved. */
  get savedTokenLocation(): SavedTokenLocation | null {
    return this.state.encryptedToken === null ? null : savedTokenLocation(this.state.encryptedToken)
  }

  /** Calls `onChange` when settings.json changes, by this store or anyone else; see prepareFromFile. */
  watchFile(onChange: () => void): () => void {
    return watchSettingsFile(this.file, onChange)
  }

  /** Notices raised before the first listener are delivered to it. */
  onNotice(listener: (notice: Notice) => void): () => void {
    return this.notices.on(listener)
  }

  publicSettings(): PublicSettings {
    const settings = publicSettingsOf(this.state)
    if (!this.tokenAwaitsKeychain) return settings
    return { ...settings, tokenSet: true, tokenStorage: savedStorageOf(this.state.encryptedToken!) }
  }

  serviceSettings(): ServiceSettings {
    return serviceSettingsOf(this.state)
  }

  /** The service's view of a prepared change, to apply before it is committed. */
  serviceSettingsOf(prepared: PreparedSettings): ServiceSettings {
    return serviceSettingsOf(prepared)
  }

  /**
   * Validates a change (throws ServiceError INVALID_ARGUMENT) and works out the result without
   * saving it. A new token is sealed by the keychain first, which may wait on the user.
   */
  async prepare(change: SettingsChange): Promise<PreparedSettings> {
    const parsed = settingsChangeSchema.safeParse(change)
    if (!parsed.success) {
      throw new ServiceError('INVALID_ARGUMENT', `Invalid settings: ${parsed.error.issues[0]?.message ?? ''}`)
    }
    const { token, serverUrl, ...plain } = parsed.data
    const newToken = token === undefined ? undefined : await this.tokenFields(token === '' ? null : token)
    // Worked out from the state as it is after the keychain answered, not as it was before.
    const next: SettingsState = { ...this.state, ...definedFields(plain) }
    const leavingDemo = this.state.demo && serverUrl !== undefined && serverUrl !== this.state.serverUrl
    if (serverUrl !== undefined) next.serverUrl = serverUrl
    // Disconnecting but keeping the token remembers whose token it is; choosing any server ends that.
    if (serverUrl !== undefined) {
      next.disconnectedFrom =
        serverUrl === null && this.state.token !== null && !this.state.demo
          ? (this.state.serverUrl ?? this.state.disconnectedFrom)
          : null
    }
    // A token belongs to its server: one given for another server must never be sent to a new one.
    if (leavingDemo || this.movesToAnotherServer(serverUrl)) {
      next.demo = false
      next.token = null
      next.encryptedToken = null
    }
    // Another address of the signed-in server keeps its list (also while disconnected from it with
    // its token kept); any other server, or none, drops it.
    const serverOfToken = next.serverUrl ?? next.disconnectedFrom
    if (!next.plexServer?.connections.some((connection) => connection.uri === serverOfToken))
      next.plexServer = null
    if (serverUrl === null) next.demo = false
    if (newToken !== undefined) Object.assign(next, newToken)
    if (next.token === null) next.disconnectedFrom = null
    return next
  }

  /** Saves a prepared change and makes it current; throws ServiceError INTERNAL when it cannot be written. */
  commit(prepared: PreparedSettings): PublicSettings {
    // Unchanged on disk (say, only the saved token was decrypted): nothing to write.
    if (JSON.stringify(storedFromState(prepared)) !== JSON.stringify(storedFromState(this.state))) {
      this.save(prepared)
    }
    const sessionOnlyNow = prepared.token !== null && prepared.encryptedToken === null && !prepared.demo
    const tokenChanged = prepared.token !== this.state.token
    const tokenDropped =
      !this.state.demo && this.publicSettings().tokenSet && !publicSettingsOf(prepared).tokenSet
    const serverChanged = prepared.serverUrl !== this.state.serverUrl && prepared.serverUrl !== null
    const savedTokenGone = this.state.encryptedToken !== null && prepared.encryptedToken === null
    this.state = { ...prepared }
    // A token nobody uses any more does not stay behind in the keychain or the token file.
    if (savedTokenGone) void this.vault?.forget?.().catch(() => {})
    if (sessionOnlyNow && tokenChanged) this.notices.emit({ level: 'warning', message: SESSION_ONLY_NOTICE })
    if (tokenDropped && serverChanged) this.notices.emit({ level: 'warning', message: TOKEN_DROPPED_NOTICE })
    return this.publicSettings()
  }

  async update(change: SettingsChange): Promise<PublicSettings> {
    return this.commit(await this.prepare(change))
  }

  /**
   * Asks the keychain for the saved token. Resolves to null, after a notice, when it cannot be
   * had; the stored copy is kept in case the keychain comes back. Changes nothing itself: see
   * prepareUnsealed.
   */
  async unsealSavedToken(): Promise<UnsealedToken | null> {
    const sealed = this.state.encryptedToken
    if (sealed === null || this.state.token !== null) return null
    const unsealed = await unsealToken(this.vault, sealed)
    if (unsealed === null) {
      if (this.unsealing === sealed) this.unsealing = null
      if (this.state.encryptedToken === sealed)
        this.notices.emit({ level: 'warning', message: UNREADABLE_TOKEN_NOTICE })
    }
    return unsealed
  }

  /**
   * The current settings with the unsealed token (and its fresh copy, when the keychain asked for
   * one), or null when the token was replaced or removed while the keychain was asked.
   */
  prepareUnsealed(unsealed: UnsealedToken): PreparedSettings | null {
    if (this.unsealing === unsealed.sealed) this.unsealing = null
    if (this.state.encryptedToken !== unsealed.sealed || this.state.token !== null) return null
    return { ...this.state, token: unsealed.token, encryptedToken: unsealed.resealed ?? unsealed.sealed }
  }

  /**
   * The settings as another front end (the CLI, a second window) left them in the file, to apply
   * and commit like any change; null when the file says what this store already holds, or cannot
   * be read (the store's own copy is kept, and the file is left for the next save to replace).
   * The token is kept only while the file still names the same server and the same sealed copy;
   * a new sealed copy waits for the keychain, as at start-up.
   */
  prepareFromFile(): PreparedSettings | null {
    const stored = readStoredState(this.file)
    if (stored === null) return null
    if (JSON.stringify(storedFromState(stored)) === JSON.stringify(storedFromState(this.state))) return null
    const sameToken =
      stored.serverUrl === this.state.serverUrl && stored.encryptedToken === this.state.encryptedToken
    if (!sameToken) this.unsealing = stored.encryptedToken
    return { ...stored, token: sameToken ? this.state.token : null }
  }

  /**
   * The bundled demo server: its URL changes with every launch and its token is a published constant,
   * so the token is kept in memory only and the app restarts the demo on the next launch.
   */
  prepareDemo(serverUrl: string, token: string): PreparedSettings {
    return { ...this.state, serverUrl, token, encryptedToken: null, demo: true, disconnectedFrom: null }
  }

  /**
   * The server chosen by signing in with Plex: its address, its own token (sealed into the shared
   * token store like a typed one) and every address plex.tv listed for it.
   */
  async prepareSignIn(
    serverUrl: string,
    token: string,
    plexServer: SavedPlexServer,
  ): Promise<PreparedSettings> {
    return {
      ...this.state,
      serverUrl,
      demo: false,
      plexServer,
      disconnectedFrom: null,
      ...(await this.tokenFields(token)),
    }
  }

  /** Signing out: the token and the signed-in server's addresses are forgotten; the URL stays for cached data. */
  prepareSignOut(): PreparedSettings {
    return {
      ...this.state,
      token: null,
      encryptedToken: null,
      plexServer: null,
      demo: false,
      disconnectedFrom: null,
    }
  }

  /** The signed-in server as saved, or null for a server set up by URL and token. */
  get plexServer(): SavedPlexServer | null {
    return this.state.plexServer
  }

  /**
   * The server changes from the one the token was given for (the current one, or the one
   * disconnected from with the token kept) to another.
   */
  private movesToAnotherServer(serverUrl: string | null | undefined): boolean {
    const tokenServer = this.state.serverUrl ?? this.state.disconnectedFrom
    return serverUrl !== undefined && serverUrl !== null && tokenServer !== null && serverUrl !== tokenServer
  }

  private async tokenFields(token: string | null): Promise<Pick<SettingsState, 'token' | 'encryptedToken'>> {
    if (token === null) return { token: null, encryptedToken: null }
    return { token, encryptedToken: await sealToken(this.vault, token) }
  }

  private load(): SettingsState {
    let text: string
    try {
      text = fs.readFileSync(this.file, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') {
        this.notices.emit({
          level: 'warning',
          message: 'The settings file could not be read; using defaults.',
        })
      }
      return { ...DEFAULT_STATE }
    }
    const parsed = storedSettingsSchema.safeParse(parseJson(text))
    if (!parsed.success) return this.recoverFromDamagedFile()
    return stateFromStored(parsed.data)
  }

  private recoverFromDamagedFile(): SettingsState {
    const movedTo = `${this.file}.damaged-${Date.now()}`
    let where = ''
    try {
      fs.renameSync(this.file, movedTo)
      where = ` It was moved to ${movedTo}.`
    } catch {
      // Left in place; the next save overwrites it.
    }
    this.notices.emit({
      level: 'warning',
      message: `The settings file was damaged, so the default settings are used.${where}`,
    })
    return { ...DEFAULT_STATE }
  }

  private save(state: SettingsState): void {
    try {
      writePrivateFile(this.file, `${JSON.stringify(storedFromState(state), null, 2)}\n`)
    } catch (error) {
      throw new ServiceError('INTERNAL', `The settings could not be saved (${(error as Error).message}).`)
    }
  }
}

/** The file's settings, or null when it is missing, unreadable or invalid. */
function readStoredState(file: string): SettingsState | null {
  let text: string
  try {
    text = fs.readFileSync(file, 'utf8')
  } catch {
    return null
  }
  const parsed = storedSettingsSchema.safeParse(parseJson(text))
  return parsed.success ? stateFromStored(parsed.data) : null
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}
