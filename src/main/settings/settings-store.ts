import fs from 'node:fs'
import path from 'node:path'
import { settingsChangeSchema, type PublicSettings, type SettingsChange } from '../../shared/contract'
import { ServiceError } from '../service'
import type { ServiceSettings } from '../service'
import { NoticeBuffer, type Notice } from './notice-buffer'
import {
  DEFAULT_STATE,
  stateFromStored,
  storedFromState,
  storedSettingsSchema,
  type SettingsState,
} from './stored-settings'

/** The OS keychain as Electron's safeStorage offers it; null where there is none (Node, tests). */
export interface TokenVault {
  isEncryptionAvailable(): boolean
  encrypt(plain: string): Buffer
  decrypt(data: Buffer): string
}

/** A validated change that has not been saved yet; see SettingsStore.prepare. */
export type PreparedSettings = Readonly<SettingsState>

const SESSION_ONLY_NOTICE =
  'Encryption is not available on this system, so the Plex token is not saved: ' +
  'it is kept only until Plex Cache quits.'

/**
 * The app's settings in `<dataDir>/settings.json`, validated on load and on change. The token is
 * written only encrypted by the OS keychain; without one it stays in memory for the session.
 * Main-process only: publicSettings() is what may leave it.
 */
export class SettingsStore {
  private readonly file: string
  private readonly vault: TokenVault | null
  private readonly notices = new NoticeBuffer()
  private state: SettingsState

  constructor(options: { file: string; vault: TokenVault | null }) {
    this.file = options.file
    this.vault = options.vault
    this.state = this.load()
  }

  get demo(): boolean {
    return this.state.demo
  }

  get startInTray(): boolean {
    return this.state.startInTray
  }

  /** Notices raised before the first listener are delivered to it. */
  onNotice(listener: (notice: Notice) => void): () => void {
    return this.notices.on(listener)
  }

  publicSettings(): PublicSettings {
    return publicSettingsOf(this.state)
  }

  serviceSettings(): ServiceSettings {
    return serviceSettingsOf(this.state)
  }

  /** The service's view of a prepared change, to apply before it is committed. */
  serviceSettingsOf(prepared: PreparedSettings): ServiceSettings {
    return serviceSettingsOf(prepared)
  }

  /** Validates a change (throws ServiceError INVALID_ARGUMENT) and works out the result without saving it. */
  prepare(change: SettingsChange): PreparedSettings {
    const parsed = settingsChangeSchema.safeParse(change)
    if (!parsed.success) {
      throw new ServiceError('INVALID_ARGUMENT', `Invalid settings: ${parsed.error.issues[0]?.message ?? ''}`)
    }
    const { token, serverUrl, ...plain } = parsed.data
    const next: SettingsState = { ...this.state }
    for (const [name, value] of Object.entries(plain)) {
      if (value !== undefined) (next as unknown as Record<string, unknown>)[name] = value
    }
    const leavingDemo = this.state.demo && serverUrl !== undefined && serverUrl !== this.state.serverUrl
    if (serverUrl !== undefined) next.serverUrl = serverUrl
    if (leavingDemo) {
      // The demo's token belongs to the demo server; another server needs its own.
      next.demo = false
      next.token = null
      next.encryptedToken = null
    }
    if (serverUrl === null) next.demo = false
    if (token !== undefined) Object.assign(next, this.tokenFields(token === '' ? null : token))
    return next
  }

  /** Saves a prepared change and makes it current; throws ServiceError INTERNAL when it cannot be written. */
  commit(prepared: PreparedSettings): PublicSettings {
    this.save(prepared)
    const sessionOnlyNow = prepared.token !== null && prepared.encryptedToken === null && !prepared.demo
    const tokenChanged = prepared.token !== this.state.token
    this.state = { ...prepared }
    if (sessionOnlyNow && tokenChanged) this.notices.emit({ level: 'warning', message: SESSION_ONLY_NOTICE })
    return this.publicSettings()
  }

  update(change: SettingsChange): PublicSettings {
    return this.commit(this.prepare(change))
  }

  /**
   * The bundled demo server: its URL changes with every launch and its token is a published constant,
   * so the token is kept in memory only and the app restarts the demo on the next launch.
   */
  prepareDemo(serverUrl: string, token: string): PreparedSettings {
    return { ...this.state, serverUrl, token, encryptedToken: null, demo: true }
  }

  private tokenFields(token: string | null): Pick<SettingsState, 'token' | 'encryptedToken'> {
    if (token === null) return { token: null, encryptedToken: null }
    if (!this.encryptionAvailable()) return { token, encryptedToken: null }
    try {
      return { token, encryptedToken: this.vault!.encrypt(token).toString('base64') }
    } catch {
      throw new ServiceError('INTERNAL', 'The Plex token could not be encrypted by the system keychain.')
    }
  }

  private encryptionAvailable(): boolean {
    try {
      return this.vault !== null && this.vault.isEncryptionAvailable()
    } catch {
      return false
    }
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
    const state = stateFromStored(parsed.data)
    state.token = this.decryptToken(state.encryptedToken)
    return state
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

  private decryptToken(encrypted: string | null): string | null {
    if (encrypted === null) return null
    if (this.encryptionAvailable()) {
      try {
        return this.vault!.decrypt(Buffer.from(encrypted, 'base64'))
      } catch {
        // Falls through to the notice; the stored copy is kept in case the keychain comes back.
      }
    }
    this.notices.emit({
      level: 'warning',
      message:
        'The saved Plex token could not be decrypted by the system keychain. Enter it again in Settings.',
    })
    return null
  }

  private save(state: SettingsState): void {
    const temporary = `${this.file}.tmp`
    try {
      fs.mkdirSync(path.dirname(this.file), { recursive: true })
      // Written aside and renamed, so a crash mid-write never leaves half a file behind.
      fs.writeFileSync(temporary, `${JSON.stringify(storedFromState(state), null, 2)}\n`, { mode: 0o600 })
      fs.renameSync(temporary, this.file)
    } catch (error) {
      throw new ServiceError('INTERNAL', `The settings could not be saved (${(error as Error).message}).`)
    }
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

export function publicSettingsOf(state: SettingsState): PublicSettings {
  const { token, encryptedToken, ...shared } = state
  const tokenStorage = token === null ? 'none' : encryptedToken === null ? 'session' : 'encrypted'
  return { ...shared, tokenSet: token !== null, tokenStorage }
}

export function serviceSettingsOf(state: SettingsState): ServiceSettings {
  // Present even when unset: CacheService.updateSettings reads an undefined serverUrl or token as "disconnect".
  return {
    serverUrl: state.serverUrl ?? undefined,
    token: state.token ?? undefined,
    libraryTtlSeconds: state.libraryTtlSeconds,
    searchTtlSeconds: state.searchTtlSeconds,
    emptySearchTtlSeconds: state.emptySearchTtlSeconds,
    sizeLimitBytes: state.sizeLimitBytes,
    pageSize: state.pageSize,
    keepWarm: state.keepWarm,
  }
}
