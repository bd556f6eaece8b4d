/**
 * Stand-ins for the desktop's D-Bus command-line clients (dbus-send, gdbus), written as scripts
 * into a temp folder so the probe runs them for real through PATH. Also usable by main-process
 * tests that need a tray to count as shown on Linux: put `busClientsPath(...)` first on PATH.
 */
import fs from 'node:fs'
import path from 'node:path'
import { tempDir } from '../../support/temp-dir'

// The scripts run with PATH holding nothing else, so they name sleep by its full path.
const SLEEP = ['/usr/bin/sleep', '/bin/sleep'].find((file) => fs.existsSync(file)) ?? 'sleep'

export type StandInBehaviour =
  { reply: boolean } | { exitCode: number; stderr: string } | { hang: true } | { output: string }

function script(client: 'dbus-send' | 'gdbus', behaviour: StandInBehaviour): string {
  const body =
    'reply' in behaviour
      ? client === 'dbus-send'
        ? // What dbus-send --print-reply prints for NameHasOwner.
          `echo 'method return time=1.0 sender=org.freedesktop.DBus -> destination=:1.7 serial=3 reply_serial=2'\n` +
          `echo '   boolean ${behaviour.reply}'`
        : `echo '(${behaviour.reply},)'`
      : 'exitCode' in behaviour
        ? `echo '${behaviour.stderr}' >&2\nexit ${behaviour.exitCode}`
        : 'hang' in behaviour
          ? `exec ${SLEEP} 30`
          : `printf '%s' '${behaviour.output}'`
  // Records its arguments, so a test can check the question it was asked.
  return `#!/bin/sh\necho "$@" > "\${0%/*}/${client}.args"\n${body}\n`
}

/**
 * A folder holding only the given stand-ins. Used as the whole PATH, no real client in /usr/bin is
 * found behind a missing stand-in; put first on PATH, the stand-ins answer before the real ones.
 */
export function busClientsPath(clients: Partial<Record<'dbus-send' | 'gdbus', StandInBehaviour>>): string {
  const dir = tempDir('plex-cache-bus-')
  for (const [client, behaviour] of Object.entries(clients)) {
    const file = path.join(dir, client)
    fs.writeFileSync(file, script(client as 'dbus-send' | 'gdbus', behaviour))
    fs.chmodSync(file, 0o755)
  }
  return dir
}

/** The arguments the stand-in was last run with, or null if it never ran. */
export function argumentsGiven(pathValue: string, client: 'dbus-send' | 'gdbus'): string | null {
  const file = path.join(pathValue, `${client}.args`)
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim() : null
}
