// Free of `electron` imports, so the wording and the decision are tested under Node.
import type { EventPayloads } from '../shared/contract'

/**
 * The notice for a window running without Chromium's sandbox, or null when the sandbox is on.
 * electron-builder's AppImage start script adds --no-sandbox by itself where the system blocks user
 * namespaces (Ubuntu 23.10+ AppArmor); the user must hear of it rather than run unprotected unawares.
 */
export function noSandboxNotice(sandboxDisabled: boolean): EventPayloads['notice'] | null {
  if (!sandboxDisabled) return null
  return {
    level: 'warning',
    message:
      "Plex Cache is running without Chromium's sandbox (--no-sandbox), because this system does not let it " +
      'start one. Install the deb package, or see "Linux: the sandbox will not start" in the README for safe ' +
      'ways to enable it.',
  }
}
