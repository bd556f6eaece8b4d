import { z } from 'zod'
import { settingsChangeSchema, type PublicSettings } from '../../shared/contract'
import { SETTING_DEFAULTS } from '../../shared/settings-table'

/**
 * What settings.json holds. The numeric bounds are the contract's, so a hand-edited file cannot
 * hold a value the renderer could not have set. Fields a newer version adds are ignored, fields an
 * older version lacks fall back to the defaults.
 */
export const storedSettingsSchema = z.object({
  ...settingsChangeSchema.omit({ token: true }).shape,
  version: z.literal(1).optional(),
  demo: z.boolean().optional(),
  /** The token encrypted by the OS keychain (safeStorage), base64. Never the plain token. */
  encryptedToken: z.base64().max(16_384).nullable().optional(),
  /**
   * After Disconnect with the token kept: the server that token was given for. Only reconnecting to
   * it keeps the token; any other address drops it (a token is never sent to another server).
   */
  disconnectedFrom: z
    .url({ protocol: /^https?$/ })
    .max(2048)
    .nullable()
    .optional(),
  /** The server chosen by signing in with Plex, and every address plex.tv listed for it. */
  plexServer: z
    .strictObject({
      name: z.string().max(256),
      machineIdentifier: z.string().min(1).max(128),
      connections: z
        .array(
          z.strictObject({
            uri: z.url({ protocol: /^https?$/ }).max(2048),
            local: z.boolean(),
            relay: z.boolean(),
          }),
        )
        .max(64),
    })
    .nullable()
    .optional(),
})

export type SavedPlexServer = NonNullable<z.infer<typeof storedSettingsSchema>['plexServer']>

export type StoredSettings = z.infer<typeof storedSettingsSchema>

/** Everything the store knows; `token` lives in memory only, `encryptedToken` is what is written. */
export type SettingsState = Omit<
  PublicSettings,
  'tokenSet' | 'tokenStorage' | 'signedInWithPlex' | 'disconnectedFrom'
> & {
  token: string | null
  encryptedToken: string | null
  /** Set only by signing in with Plex; dropped when the server changes any other way. */
  plexServer: SavedPlexServer | null
  /** See storedSettingsSchema: set only while disconnected with the token kept. */
  disconnectedFrom: string | null
}

export const DEFAULT_STATE: SettingsState = {
  serverUrl: null,
  demo: false,
  ...SETTING_DEFAULTS,
  token: null,
  encryptedToken: null,
  plexServer: null,
  disconnectedFrom: null,
}

/** Merges a validated file over the defaults; the token is decrypted separately. */
export function stateFromStored(stored: StoredSettings): SettingsState {
  const state: SettingsState = { ...DEFAULT_STATE }
  for (const [name, value] of Object.entries(stored)) {
    if (value !== undefined && name !== 'version' && Object.hasOwn(DEFAULT_STATE, name)) {
      ;(state as unknown as Record<string, unknown>)[name] = value
    }
  }
  return state
}

export function storedFromState(state: SettingsState): StoredSettings {
  // Everything but the plain token, which must never reach the disk.
  const { token: _token, plexServer, disconnectedFrom, ...stored } = state
  // Left out unless set (JSON drops an undefined), so files written before these existed stay as they were.
  return {
    version: 1,
    ...stored,
    plexServer: plexServer ?? undefined,
    disconnectedFrom: disconnectedFrom || undefined,
  }
}
