/**
 * Asks the session bus whether a StatusNotifier host is there to show tray icons. Electron makes a
 * Tray on Linux even where nothing displays it (GNOME without the AppIndicator extension), so
 * only the bus can tell. Uses the desktop's own command-line clients: no native D-Bus binding to
 * ship, and both clients are part of every desktop that can show such icons.
 */
import { spawn, type ChildProcessByStdio } from 'node:child_process'
import type { Readable } from 'node:stream'

const WATCHER = 'org.kde.StatusNotifierWatcher'
const DEFAULT_TIMEOUT_MS = 2000
/** A NameHasOwner reply is a few hundred bytes; anything much longer is not one. */
const MAX_OUTPUT_CHARS = 4096

export interface ProbeOptions {
  /** The environment to run the clients in: PATH finds them, DBUS_SESSION_BUS_ADDRESS the bus. */
  env?: NodeJS.ProcessEnv
  timeoutMs?: number
}

/** True or false as the bus answers; undefined when it could not be asked (no client, no bus, no answer). */
export async function statusNotifierWatcherHasOwner(
  options: ProbeOptions = {},
): Promise<boolean | undefined> {
  const env = options.env ?? process.env
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const viaDbusSend = await runClient(
    'dbus-send',
    [
      '--session',
      '--print-reply',
      `--reply-timeout=${timeoutMs}`,
      '--dest=org.freedesktop.DBus',
      '/org/freedesktop/DBus',
      'org.freedesktop.DBus.NameHasOwner',
      `string:${WATCHER}`,
    ],
    env,
    timeoutMs,
  )
  if (viaDbusSend !== 'not installed') return parseAnswer(viaDbusSend, /^\s*boolean (true|false)\s*$/m)
  // GNOME installs gdbus but not always dbus-send.
  const viaGdbus = await runClient(
    'gdbus',
    [
      'call',
      '--session',
      '--dest',
      'org.freedesktop.DBus',
      '--object-path',
      '/org/freedesktop/DBus',
      '--method',
      'org.freedesktop.DBus.NameHasOwner',
      WATCHER,
      '--timeout',
      String(Math.max(1, Math.ceil(timeoutMs / 1000))),
    ],
    env,
    timeoutMs,
  )
  return viaGdbus === 'not installed' ? undefined : parseAnswer(viaGdbus, /^\((true|false),\)\s*$/)
}

function parseAnswer(output: string | undefined, answer: RegExp): boolean | undefined {
  const match = output === undefined ? null : answer.exec(output)
  return match === null ? undefined : match[1] === 'true'
}

/** The client's standard output when it exits with 0; undefined when it fails or takes too long. */
function runClient(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<string | undefined | 'not installed'> {
  return new Promise((resolve) => {
    let child: ChildProcessByStdio<null, Readable, null>
    try {
      child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'ignore'] })
    } catch {
      // A malformed environment, say: the bus cannot be asked either way.
      resolve(undefined)
      return
    }
    let output = ''
    let settled = false
    const finish = (result: string | undefined | 'not installed') => {
      if (settled) return
      settled = true
      clearTimeout(timer)
      // Not waiting for a hung client: whatever it still holds open is dropped with it.
      child.stdout.destroy()
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      resolve(result)
    }
    const timer = setTimeout(() => finish(undefined), timeoutMs)
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (text: string) => {
      output += text
      if (output.length > MAX_OUTPUT_CHARS) finish(undefined)
    })
    child.on('error', (error: NodeJS.ErrnoException) =>
      finish(error.code === 'ENOENT' ? 'not installed' : undefined),
    )
    child.on('close', (code) => finish(code === 0 ? output : undefined))
  })
}
