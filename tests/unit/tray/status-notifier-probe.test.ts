import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import fs from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { statusNotifierWatcherHasOwner } from '../../../src/main/tray/status-notifier-probe'
import { argumentsGiven, busClientsPath, type StandInBehaviour } from './stand-in-bus-clients'

const probeWith = (clients: Partial<Record<'dbus-send' | 'gdbus', StandInBehaviour>>, timeoutMs = 2000) => {
  const PATH = busClientsPath(clients)
  return { PATH, answer: statusNotifierWatcherHasOwner({ env: { PATH }, timeoutMs }) }
}

describe('statusNotifierWatcherHasOwner with stand-in clients', () => {
  it('asks dbus-send whether org.kde.StatusNotifierWatcher has an owner, and reads its answer', async () => {
    const owned = probeWith({ 'dbus-send': { reply: true } })
    await expect(owned.answer).resolves.toBe(true)
    expect(argumentsGiven(owned.PATH, 'dbus-send')).toMatch(
      /^--session --print-reply --reply-timeout=2000 --dest=org\.freedesktop\.DBus \/org\/freedesktop\/DBus org\.freedesktop\.DBus\.NameHasOwner string:org\.kde\.StatusNotifierWatcher$/,
    )
    await expect(probeWith({ 'dbus-send': { reply: false } }).answer).resolves.toBe(false)
  })

  it('falls back to gdbus where dbus-send is not installed', async () => {
    const owned = probeWith({ gdbus: { reply: true } })
    await expect(owned.answer).resolves.toBe(true)
    expect(argumentsGiven(owned.PATH, 'gdbus')).toContain(
      'org.freedesktop.DBus.NameHasOwner org.kde.StatusNotifierWatcher',
    )
    await expect(probeWith({ gdbus: { reply: false } }).answer).resolves.toBe(false)
  })

  it('does not ask gdbus when dbus-send ran and failed: the bus itself is the problem', async () => {
    const failed = probeWith({
      'dbus-send': { exitCode: 1, stderr: 'Failed to open connection to "session" message bus' },
      gdbus: { reply: true },
    })
    await expect(failed.answer).resolves.toBeUndefined()
    expect(argumentsGiven(failed.PATH, 'gdbus')).toBeNull()
  })

  it('cannot tell when no client is installed, one fails, or the answer is not a boolean', async () => {
    await expect(probeWith({}).answer).resolves.toBeUndefined()
    await expect(
      probeWith({ gdbus: { exitCode: 1, stderr: 'Error: timeout' } }).answer,
    ).resolves.toBeUndefined()
    await expect(probeWith({ 'dbus-send': { output: '   string "yes"\n' } }).answer).resolves.toBeUndefined()
    await expect(probeWith({ gdbus: { output: 'true' } }).answer).resolves.toBeUndefined()
  })

  it('cannot tell when the environment cannot even start a process', async () => {
    // A NUL byte in an environment value makes spawn throw instead of failing asynchronously.
    const env = { PATH: busClientsPath({ 'dbus-send': { reply: true } }), BROKEN: 'a\0b' }
    await expect(statusNotifierWatcherHasOwner({ env })).resolves.toBeUndefined()
  })

  it('gives up on a client that hangs, within the timeout', async () => {
    const started = Date.now()
    await expect(probeWith({ 'dbus-send': { hang: true } }, 300).answer).resolves.toBeUndefined()
    expect(Date.now() - started).toBeLessThan(2000)
  })
})

// A real session bus (dbus-daemon) and the real dbus-send, where this machine has them.
const hasRealBus = ['dbus-daemon', 'dbus-send'].every(
  (command) => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0,
)
const canOwnNames = hasRealBus && spawnSync('/usr/bin/python3', ['-c', 'import dbus']).status === 0

describe.skipIf(!hasRealBus)('statusNotifierWatcherHasOwner on a real session bus', () => {
  const started: ChildProcess[] = []
  afterEach(() => {
    for (const child of started.splice(0)) child.kill()
  })

  async function startBus(): Promise<string> {
    const daemon = spawn('dbus-daemon', ['--session', '--nofork', '--print-address=1'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    started.push(daemon)
    const [line] = (await once(daemon.stdout, 'data')) as [Buffer]
    return line.toString().trim()
  }

  it('hears "no owner" from a bus without a tray host', async () => {
    const address = await startBus()
    const env = { PATH: process.env.PATH, DBUS_SESSION_BUS_ADDRESS: address }
    await expect(statusNotifierWatcherHasOwner({ env })).resolves.toBe(false)
  })

  it.skipIf(!canOwnNames)('hears "owned" once something holds the watcher name', async () => {
    const address = await startBus()
    const env = { PATH: process.env.PATH, DBUS_SESSION_BUS_ADDRESS: address }
    const watcher = spawn(
      '/usr/bin/python3',
      [
        '-c',
        "import dbus, sys; dbus.SessionBus().request_name('org.kde.StatusNotifierWatcher'); print('owned', flush=True); sys.stdin.read()",
      ],
      { env, stdio: ['pipe', 'pipe', 'inherit'] },
    )
    started.push(watcher)
    await once(watcher.stdout, 'data')
    await expect(statusNotifierWatcherHasOwner({ env })).resolves.toBe(true)
  })

  it('cannot tell when the bus address leads nowhere', async () => {
    const env = { PATH: process.env.PATH, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/bus' }
    expect(fs.existsSync('/nonexistent/bus')).toBe(false)
    await expect(statusNotifierWatcherHasOwner({ env })).resolves.toBeUndefined()
  })
})
