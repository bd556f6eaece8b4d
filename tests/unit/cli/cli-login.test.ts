import fs from 'node:fs'
import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { fakeServerResource } from '../../../src/fake-plex/plextv'
import { fakePlex } from '../../support/fake-plex'
import { fakePlexTv } from '../../support/fake-plextv'
import { tempDir } from '../../support/temp-dir'
import { json, REPO_ROOT, runCli } from './run-cli'

// The built CLI, as a user runs it (npm run build makes it).
const BUILT_CLI = path.join(REPO_ROOT, 'out/cli/index.cjs')
const DATASET = { movies: 4, shows: 0, artists: 0, photos: 0 }

interface ServerJson {
  name: string
  chosen: boolean
  connections: Array<{ uri: string; kind: string; protocol: string; reachable: boolean; chosen: boolean }>
}

async function setup(
  options: { approveAfterPolls?: number | null; pinLifetimeSeconds?: number; two?: boolean } = {},
) {
  const pms = await fakePlex({ dataset: DATASET, token: 'home-server-token-0123456789' })
  const servers = [await fakeServerResource(pms, { name: 'Home' })]
  if (options.two) {
    const cabin = await fakePlex({
      dataset: DATASET,
      token: 'cabin-token-0123456789',
      machineIdentifier: 'c'.repeat(40),
    })
    servers.push(await fakeServerResource(cabin, { name: 'Cabin' }))
  }
  const tv = await fakePlexTv({
    approveAfterPolls: options.approveAfterPolls === undefined ? 2 : options.approveAfterPolls,
    ...(options.pinLifetimeSeconds ? { pinLifetimeSeconds: options.pinLifetimeSeconds } : {}),
    servers,
  })
  const dataDir = tempDir('plex-cache-cli-login-')
  const cli = (args: string[]) =>
    runCli([...args, '--data-dir', dataDir], {
      command: [BUILT_CLI],
      env: { PLEX_CACHE_PLEX_TV_URL: tv.url },
    })
  return { pms, tv, dataDir, cli, secrets: [pms.token, tv.accountToken] }
}

function expectNoSecrets(text: string, secrets: string[]): void {
  for (const secret of secrets) expect(text).not.toContain(secret)
}

describe('plex-cache login, servers and logout', () => {
  beforeAll(() => {
    if (!fs.existsSync(BUILT_CLI))
      throw new Error('Run npm run build first: this test spawns out/cli/index.cjs.')
  })

  it('signs in end to end, lists the servers, reads with the saved token and signs out', async () => {
    const { pms, tv, dataDir, cli, secrets } = await setup()
    const login = await cli(['login'])
    expect(login.status, login.stderr).toBe(0)
    const code = tv.pins()[0]!.code
    expect(login.stdout).toContain(`Open this page to sign in with Plex: ${tv.authUrl}#?clientID=`)
    expect(login.stdout).toContain(`Code: ${code}`)
    expect(login.stdout).toContain(`Signed in. Using Home at ${pms.url}.`)
    expect(login.stderr).toMatch(/Waiting for approval: the code expires in 1[45]:\d\d \(Ctrl\+C cancels\)/)
    expect(tv.pins()[0]!.polls).toBe(2)
    // The same client identifier the app uses for this data folder.
    const clientId = fs.readFileSync(path.join(dataDir, 'client-id'), 'utf8').trim()
    expect(tv.requestLog()[0]!.plexHeaders['x-plex-client-identifier']).toBe(clientId)

    const settings = JSON.parse(fs.readFileSync(path.join(dataDir, 'settings.json'), 'utf8'))
    expect(settings.serverUrl).toBe(pms.url)
    expect(settings.plexServer.connections).toHaveLength(4)

    const servers = await cli(['servers', '--json'])
    expect(servers.status, servers.stderr).toBe(0)
    const listed = json<ServerJson[]>(servers)
    expect(listed).toHaveLength(1)
    expect(listed[0]).toMatchObject({ name: 'Home', chosen: true })
    const chosen = listed[0]!.connections.filter((c) => c.chosen)
    expect(chosen).toEqual([expect.objectContaining({ uri: pms.url, kind: 'local', reachable: true })])
    expect(listed[0]!.connections.map((c) => c.kind)).toEqual(['local', 'local', 'local', 'relay'])
    expect(listed[0]!.connections.filter((c) => !c.reachable)).toHaveLength(2)
    const text = await cli(['servers'])
    expect(text.stdout).toMatch(
      new RegExp(`\\* ${pms.url.replace(/\./g, '\\.')} +local +http +reachable, \\d+ ms`),
    )

    const libraries = await cli(['libraries', '--json'])
    expect(libraries.status, libraries.stderr).toBe(0)
    expect(json<Array<{ title: string }>>(libraries).map((row) => row.title)).toContain('Movies')

    const logout = await cli(['logout'])
    expect(logout.status, logout.stderr).toBe(0)
    const afterLogout = await cli(['servers'])
    expect(afterLogout.status).toBe(1)
    expect(afterLogout.stderr).toContain('not signed in with Plex; run plex-cache login first.')
    expect(fs.existsSync(path.join(dataDir, 'token'))).toBe(false)
    expect(fs.existsSync(path.join(dataDir, 'plex-account-token'))).toBe(false)

    for (const run of [login, servers, text, libraries, logout, afterLogout])
      expectNoSecrets(run.stdout + run.stderr, secrets)
    for (const request of tv.requestLog()) {
      expectNoSecrets(request.url, secrets)
      expect(request.url.toLowerCase()).not.toContain('token')
    }
    for (const entry of pms.controls.requestLog()) expect(entry.query['X-Plex-Token']).toBeUndefined()
  })

  it('lists several servers, then picks one by name without a new code', async () => {
    const { tv, cli, secrets } = await setup({ approveAfterPolls: 1, two: true })
    const first = await cli(['login'])
    expect(first.status).toBe(1)
    expect(first.stderr).toContain('this Plex account has 2 servers:')
    expect(first.stderr).toMatch(/ {2}Home\n {2}Cabin\n/)
    expect(first.stderr).toContain('plex-cache login --server-name NAME')
    const second = await cli(['login', '--server-name', 'cabin'])
    expect(second.status, second.stderr).toBe(0)
    expect(second.stdout).toContain('Signed in. Using Cabin at')
    expect(tv.pins()).toHaveLength(1)
    expectNoSecrets(first.stdout + first.stderr + second.stdout + second.stderr, [
      ...secrets,
      'cabin-token-0123456789',
    ])
  })

  it('fails clearly when the code expires', async () => {
    const { cli } = await setup({ approveAfterPolls: null, pinLifetimeSeconds: 2 })
    const run = await cli(['login'])
    expect(run.status).toBe(1)
    expect(run.stderr).toContain('The sign-in code expired before it was approved.')
  })
})
