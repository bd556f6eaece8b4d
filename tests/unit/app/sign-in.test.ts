import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { fakeServerResource } from '../../../src/fake-plex/plextv'
import { allowedSignInUrl } from '../../../src/main/external-links'
import { fileTokenStore } from '../../../src/main/settings/token-store'
import type { EventMessage } from '../../../src/shared/contract'
import type { SignInState } from '../../../src/shared/sign-in-types'
import { fakePlex } from '../../support/fake-plex'
import { fakePlexTv } from '../../support/fake-plextv'
import { tempDir } from '../../support/temp-dir'
import { openController } from './support'

function signInStates(events: EventMessage[]): SignInState[] {
  return events
    .filter((message) => message.event === 'signIn')
    .map((message) => message.payload as SignInState)
}

async function signInSetup(options: { approveAfterPolls?: number | null; servers?: number } = {}) {
  const pms = await fakePlex({ token: 'home-server-token-0123456789' })
  const resource = await fakeServerResource(pms, { name: 'Home' })
  const servers = [resource]
  if ((options.servers ?? 1) > 1) {
    const other = await fakePlex({
      token: 'other-server-token-0123456789',
      machineIdentifier: 'c'.repeat(40),
    })
    servers.push(await fakeServerResource(other, { name: 'Cabin' }))
  }
  const tv = await fakePlexTv({ approveAfterPolls: options.approveAfterPolls ?? 3, servers })
  const opened: string[] = []
  const dataDir = tempDir('plex-cache-sign-in-')
  const accountFile = path.join(dataDir, 'plex-account-token')
  const app = await openController({
    dataDir,
    plexTv: { apiUrl: tv.url, authUrl: tv.authUrl },
    openExternal: (url) => {
      opened.push(url)
      return true
    },
    accountTokens: async () => fileTokenStore(accountFile),
    signInTuning: { pollIntervalMs: 20, probeTimeoutMs: 1000 },
  })
  return { pms, resource, tv, opened, accountFile, ...app }
}

describe('Sign in with Plex (app controller)', () => {
  it('signs in: PIN approved after a few polls, the working local connection chosen and saved with the alternatives', async () => {
    const { controller, events, tv, pms, resource, opened, store, accountFile, dataDir } = await signInSetup()
    const waiting = await controller.run('signInStart', undefined)
    expect(waiting).toMatchObject({ step: 'waiting', browserOpened: true })
    if (waiting.step !== 'waiting') throw new Error('not waiting')
    expect(opened).toEqual([waiting.authUrl])
    expect(waiting.authUrl.startsWith(`${tv.authUrl}#?clientID=`)).toBe(true)
    expect(waiting.authUrl).toContain(`code=${waiting.code}`)
    expect(waiting.expiresAt).toBeGreaterThan(Date.now())

    await vi.waitFor(() => expect(signInStates(events).at(-1)?.step).toBe('connections'), { timeout: 5000 })
    const tested = signInStates(events).at(-1)!
    if (tested.step !== 'connections') throw new Error('not tested')
    expect(tv.pins()[0]!.polls).toBe(3)
    expect(tested.chosen).toBe(pms.url)
    expect(tested.connections.filter((c) => c.reachable).map((c) => c.uri)).toEqual([
      pms.url,
      resource.connections[2]!.uri,
    ])

    const settings = await controller.run('signInUseConnection', {
      clientIdentifier: pms.machineIdentifier,
      uri: tested.chosen!,
    })
    expect(settings).toMatchObject({ serverUrl: pms.url, tokenSet: true })
    // The window learns only that the server came from signing in (a rejected token then offers to sign in again).
    expect(settings.signedInWithPlex).toBe(true)
    expect(store.serviceSettings().token).toBe(pms.token)
    expect(store.serviceSettings().serverConnections).toEqual({
      machineIdentifier: pms.machineIdentifier,
      urls: tested.connections.map((c) => c.uri),
    })
    const saved = JSON.parse(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8'))
    expect(saved.plexServer.connections).toHaveLength(4)
    expect(JSON.stringify(saved)).not.toContain(pms.token)
    expect(fs.readFileSync(accountFile, 'utf8').trim()).toBe(tv.accountToken)
    expect(signInStates(events).at(-1)).toEqual({ step: 'done', serverName: 'Home', url: pms.url })
    // The server now answers reads with its own token.
    expect((await controller.run('listLibraries', undefined)).length).toBeGreaterThan(0)

    // No token ever reached the window, and none travelled in a URL.
    const everything = JSON.stringify(events)
    for (const token of [pms.token, tv.accountToken]) expect(everything).not.toContain(token)
    for (const request of tv.requestLog()) {
      expect(request.url).not.toContain(tv.accountToken)
      expect(request.url.toLowerCase()).not.toContain('x-plex-token')
    }
    for (const entry of pms.controls.requestLog()) expect(entry.query['X-Plex-Token']).toBeUndefined()
  })

  it('signs out: the token and the account token are forgotten, the URL stays', async () => {
    const { controller, events, pms, store, accountFile } = await signInSetup({ approveAfterPolls: 1 })
    await controller.run('signInStart', undefined)
    await vi.waitFor(() => expect(signInStates(events).at(-1)?.step).toBe('connections'), { timeout: 5000 })
    await controller.run('signInUseConnection', { clientIdentifier: pms.machineIdentifier, uri: pms.url })
    const settings = await controller.run('signOut', undefined)
    expect(settings).toMatchObject({ serverUrl: pms.url, tokenSet: false })
    expect(store.serviceSettings().serverConnections).toBeUndefined()
    expect(fs.existsSync(accountFile)).toBe(false)
  })

  it('lists the servers when the account has several, and tests the one picked', async () => {
    const { controller, events, pms } = await signInSetup({ approveAfterPolls: 1, servers: 2 })
    await controller.run('signInStart', undefined)
    await vi.waitFor(() => expect(signInStates(events).at(-1)?.step).toBe('servers'), { timeout: 5000 })
    const listed = signInStates(events).at(-1)!
    if (listed.step !== 'servers') throw new Error('no server list')
    expect(listed.servers.map((s) => s.name)).toEqual(['Home', 'Cabin'])
    const tested = await controller.run('signInChooseServer', { clientIdentifier: pms.machineIdentifier })
    expect(tested).toMatchObject({ step: 'connections', chosen: pms.url, canGoBack: true })
  })

  it('reports an expired code', async () => {
    const { controller, events, tv } = await signInSetup({ approveAfterPolls: null })
    await controller.run('signInStart', undefined)
    tv.expire(tv.pins()[0]!.id)
    await vi.waitFor(() => expect(signInStates(events).at(-1)?.step).toBe('failed'), { timeout: 5000 })
    expect(signInStates(events).at(-1)).toMatchObject({
      reason: 'expired',
      message: expect.stringMatching(/expired/),
    })
  })

  it('cancels: the polling stops and nothing is saved', async () => {
    const { controller, tv, store } = await signInSetup({ approveAfterPolls: null })
    await controller.run('signInStart', undefined)
    expect(await controller.run('signInCancel', undefined)).toMatchObject({
      step: 'failed',
      reason: 'cancelled',
    })
    const polls = tv.pins()[0]!.polls
    tv.claim(tv.pins()[0]!.id)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(tv.pins()[0]!.polls).toBe(polls)
    expect(store.publicSettings()).toMatchObject({ serverUrl: null, tokenSet: false })
    await expect(
      controller.run('signInUseConnection', { clientIdentifier: 'x', uri: 'http://127.0.0.1:1' }),
    ).rejects.toMatchObject({ info: { code: 'INVALID_ARGUMENT' } })
  })

  it('refuses to save an address plex.tv did not list for that server', async () => {
    const { controller, events, pms } = await signInSetup({ approveAfterPolls: 1 })
    const stranger = await fakePlex({ token: 'stranger-token-0123456789' })
    await controller.run('signInStart', undefined)
    await vi.waitFor(() => expect(signInStates(events).at(-1)?.step).toBe('connections'), { timeout: 5000 })
    await expect(
      controller.run('signInUseConnection', { clientIdentifier: pms.machineIdentifier, uri: stranger.url }),
    ).rejects.toMatchObject({ info: { code: 'INVALID_ARGUMENT' } })
    expect(stranger.controls.requestLog()).toEqual([])
  })

  it('opens only the sign-in page’s origin in the browser', async () => {
    const { tv } = await signInSetup()
    const opened: string[] = []
    const { controller } = await openController({
      plexTv: { apiUrl: tv.url, authUrl: 'https://app.plex.tv/auth' },
      openExternal: (url) => {
        opened.push(url)
        return true
      },
    })
    const state = await controller.run('signInStart', undefined)
    expect(state).toMatchObject({ step: 'waiting', browserOpened: true })
    expect(new URL(opened[0]!).origin).toBe('https://app.plex.tv')
    await controller.run('signInCancel', undefined)
  })

  it('allows the browser only at the sign-in page’s origin', () => {
    const page = 'https://app.plex.tv/auth'
    expect(allowedSignInUrl('https://app.plex.tv/auth#?code=1', page)).toBe(
      'https://app.plex.tv/auth#?code=1',
    )
    expect(allowedSignInUrl('https://evil.example/auth#?code=1', page)).toBeNull()
    expect(allowedSignInUrl('http://app.plex.tv/auth', page)).toBeNull()
    expect(allowedSignInUrl('https://user:pw@app.plex.tv/auth', page)).toBeNull()
    expect(allowedSignInUrl('file:///etc/passwd', page)).toBeNull()
  })

  it('says so when plex.tv fails', async () => {
    const { controller, tv } = await signInSetup()
    tv.failNext(503)
    await expect(controller.run('signInStart', undefined)).rejects.toMatchObject({
      info: { code: 'UNREACHABLE', message: expect.stringContaining('503') },
    })
  })
})
