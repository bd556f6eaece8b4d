import { describe, expect, it } from 'vitest'
import { fake, get, getJson } from './support'

describe('fake Plex: shared users and edits', () => {
  it('a shared token sees only its sections and gets 401 for the others; the log names the holder', async () => {
    const server = await fake({
      sharedUsers: [{ name: 'alice', token: 'alice-token', sections: ['1', '3'] }],
    })
    const owner = await getJson(server, '/library/sections')
    expect((owner.Directory as { key: string }[]).map((d) => d.key)).toEqual(['1', '2', '3', '4'])
    const shared = await getJson(server, '/library/sections', { token: 'alice-token' })
    expect((shared.Directory as { key: string }[]).map((d) => d.key)).toEqual(['1', '3'])
    expect((await get(server, '/library/sections/1/all', { token: 'alice-token' })).status).toBe(200)
    const hidden = await get(server, '/library/sections/2/all', { token: 'alice-token' })
    expect(hidden.status).toBe(401)
    expect(await hidden.text()).toContain('401 Unauthorized')
    await get(server, '/library/sections', { token: null })
    const holders = server.controls.requestLog().map((entry) => entry.tokenHolder)
    expect(holders).toEqual(['owner', 'alice', 'alice', 'alice', 'none'])
    expect(JSON.stringify(server.controls.requestLog())).not.toContain('alice-token')
  })

  it('PUT /library/metadata/{ratingKey}?title.value= renames the item with an empty 200', async () => {
    const server = await fake({ dataset: { movies: 3 } })
    const [first] = (await getJson(server, '/library/sections/1/all')).Metadata ?? []
    const rk = String(first!.ratingKey)
    const edit = await fetch(`${server.url}/library/metadata/${rk}?title.value=Renamed`, {
      method: 'PUT',
      headers: { 'X-Plex-Token': server.token },
    })
    expect(edit.status).toBe(200)
    const item = (await getJson(server, `/library/metadata/${rk}`)).Metadata?.[0]
    expect(item?.title).toBe('Renamed')
    const unknown = await fetch(`${server.url}/library/metadata/999999?title.value=X`, {
      method: 'PUT',
      headers: { 'X-Plex-Token': server.token },
    })
    expect(unknown.status).toBe(404)
  })
})
