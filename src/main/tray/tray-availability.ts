/**
 * Whether the tray icon is really on screen, which decides if closing the window may hide the app
 * (and if it may start hidden) or must quit it: an app hidden behind an icon nobody can see is lost.
 */
import { statusNotifierWatcherHasOwner, type ProbeOptions } from './status-notifier-probe'

/**
 * macOS and Windows always show tray icons. Linux and the other free desktops show them only through
 * a StatusNotifier host; `watcherHasOwner` is the bus's answer, undefined when it could not be asked,
 * which counts as no tray because quitting on close is the safe mistake.
 */
export function trayShownOn(platform: NodeJS.Platform, watcherHasOwner: boolean | undefined): boolean {
  if (platform === 'darwin' || platform === 'win32') return true
  return watcherHasOwner === true
}

/** Asks the session bus only where the answer matters. */
export async function isTrayShown(
  platform: NodeJS.Platform = process.platform,
  probe: ProbeOptions = {},
): Promise<boolean> {
  if (trayShownOn(platform, undefined)) return true
  return trayShownOn(platform, await statusNotifierWatcherHasOwner(probe))
}
