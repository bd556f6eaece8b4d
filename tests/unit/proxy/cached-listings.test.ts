import { gunzipSync } from 'node:zlib'
import http from 'node:http'
import { networkInterfaces } from 'node:os'
import { describe, expect, it } from 'vitest'
import { childrenNamed, parseXml, type XmlNode } from '../fake-plex/support'
import { direct, proxySetup, upstreamItemRequests } from './support'

/** The attributes the cache keeps, compared between the proxy's answer and the fake's. */
const KEPT = ['ratingKey', 'key', 'guid', 'type', 'title', 'titleSort', 'year', 'addedAt', 'updatedAt']
const CONTAINER = [
  'size',
  'totalSize',
  'offset',
  'identifier',
  'librarySectionID',
  'librarySectionTitle',
  'librarySectionUUID',
  'mediaTagPrefix',
  'title1',
  'viewGroup',
]

/** An IPv4 address of this machine that is not loopback, if it has one. */
const NETWORK_ADDRESS = Object.values(networkInterfaces())
  .flat()
  .find((entry) => entry?.family === 'IPv4' && !entry.internal)?.address

/** A GET that accepts gzip, as most tools do, with the raw bytes and headers of the answer. */
function rawGet(url: string, token: string): Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { 'X-Plex-Token': token, 'Accept-Encoding': 'gzip, deflate' } }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }))
      })
      .on('error', reject)
  })
}

function pick(node: XmlNode, names: readonly string[]): Record<string, string | undefined> {
  return Object.fromEntries(names.map((name) => [name, node.attrs[name]]))
}

function files(node: XmlNode): { file?: string; size?: string }[] {
  return childrenNamed(node, 'Media').flatMap((media) =>
    childrenNamed(media, 'Part').map((part) => ({ file: part.attrs.file, size: part.attrs.size })),
  )
}

describe('proxy: listings answered from the cache', () => {
  it('serves a warm listing page with no upstream item request, the same as Plex for the fields kept (XML)', async () => {
    const setup = await proxySetup()
    const page = '/library/sections/1/all?X-Plex-Container-Start=10&X-Plex-Container-Size=25'
    expect((await setup.get(page)).status).toBe(200) // fills the cache
    setup.fake.controls.clearRequestLog()
    const response = await setup.get(page)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/xml;charset=utf-8')
    expect(response.headers.get('x-plex-container-total-size')).toBe('120')
    const ours = parseXml(await response.text())
    expect(upstreamItemRequests(setup.fake)).toBe(0)
    const theirs = parseXml(await (await direct(setup.fake, page)).text())
    expect(pick(ours, CONTAINER)).toEqual(pick(theirs, CONTAINER))
    expect(ours.attrs).toMatchObject({ size: '25', totalSize: '120', offset: '10' })
    const ourItems = childrenNamed(ours, 'Video')
    const theirItems = childrenNamed(theirs, 'Video')
    expect(ourItems).toHaveLength(25)
    expect(ourItems.map((item) => pick(item, KEPT))).toEqual(theirItems.map((item) => pick(item, KEPT)))
    expect(ourItems.map(files)).toEqual(theirItems.map(files))
  })

  it('answers JSON with Plex structure: MediaContainer, Metadata, Media and Part with file and size', async () => {
    const setup = await proxySetup()
    const response = await setup.get('/library/sections/2/all?type=4&includeGuids=1', {
      headers: { Accept: 'application/json' },
    })
    expect(response.headers.get('content-type')).toBe('application/json')
    const body = (await response.json()) as {
      MediaContainer: Record<string, unknown> & { Metadata: Record<string, unknown>[] }
    }
    const theirs = (await (
      await direct(setup.fake, '/library/sections/2/all?type=4&includeGuids=1', {
        Accept: 'application/json',
      })
    ).json()) as { MediaContainer: Record<string, unknown> & { Metadata: Record<string, unknown>[] } }
    const container = body.MediaContainer
    expect(container).toMatchObject({ size: 6, librarySectionID: 2, viewGroup: 'episode' })
    expect(container.Metadata.map((item) => item.ratingKey)).toEqual(
      theirs.MediaContainer.Metadata.map((item) => item.ratingKey),
    )
    const [first] = container.Metadata
    const [their] = theirs.MediaContainer.Metadata
    for (const name of ['title', 'type', 'grandparentTitle', 'parentTitle', 'index', 'parentIndex', 'year'])
      expect(first?.[name], name).toEqual(their?.[name])
    const part = (first?.Media as { Part: { file: string; size: number }[] }[])[0]!.Part[0]!
    const theirPart = (their?.Media as { Part: { file: string; size: number }[] }[])[0]!.Part[0]!
    expect(part).toEqual({ file: theirPart.file, size: theirPart.size })
    expect(first?.Guid).toEqual(their?.Guid)
    expect((first?.Guid as unknown[]).length).toBeGreaterThan(0)
    // The same external ids in XML, as Guid children after the Media.
    const xml = parseXml(await (await setup.get('/library/sections/2/all?type=4&includeGuids=1')).text())
    const guids = childrenNamed(childrenNamed(xml, 'Video')[0]!, 'Guid').map((guid) => guid.attrs.id)
    expect(guids).toEqual((their?.Guid as { id: string }[]).map((guid) => guid.id))
  })

  it('pages by headers, counts with size 0, and filters by title with Plex rule (case and accents)', async () => {
    const setup = await proxySetup()
    const paged = await setup.get('/library/sections/1/all', {
      headers: { 'X-Plex-Container-Start': '115', 'X-Plex-Container-Size': '10' },
    })
    expect(parseXml(await paged.text()).attrs).toMatchObject({ size: '5', totalSize: '120', offset: '115' })
    const count = parseXml(
      await (
        await setup.get('/library/sections/1/all?X-Plex-Container-Start=0&X-Plex-Container-Size=0')
      ).text(),
    )
    expect(count.attrs).toMatchObject({ size: '0', totalSize: '120' })
    expect(count.children).toHaveLength(0)
    const all = childrenNamed(parseXml(await (await setup.get('/library/sections/1/all')).text()), 'Video')
    const word = all[7]!.attrs.title!.split(' ')[0]!
    const needle = word.toUpperCase()
    const ours = childrenNamed(
      parseXml(await (await setup.get(`/library/sections/1/all?title=${encodeURIComponent(needle)}`)).text()),
      'Video',
    )
    const theirs = childrenNamed(
      parseXml(
        await (
          await direct(setup.fake, `/library/sections/1/all?title=${encodeURIComponent(needle)}`)
        ).text(),
      ),
      'Video',
    )
    expect(ours.length).toBeGreaterThan(0)
    expect(ours.map((item) => item.attrs.ratingKey)).toEqual(theirs.map((item) => item.attrs.ratingKey))
    const legacy = childrenNamed(
      parseXml(
        await (await setup.get(`/library/sections/1/search?title=${encodeURIComponent(word)}`)).text(),
      ),
      'Video',
    )
    expect(legacy.map((item) => item.attrs.ratingKey)).toEqual(theirs.map((item) => item.attrs.ratingKey))
  })

  it('answers a tool on this computer in plain text with a length, even when it accepts gzip', async () => {
    const setup = await proxySetup()
    const page = await rawGet(`${setup.proxy.url}/library/sections/1/all`, setup.fake.token)
    expect(page.headers['content-encoding']).toBeUndefined()
    expect(Number(page.headers['content-length'])).toBe(page.body.length)
    expect(childrenNamed(parseXml(page.body.toString()), 'Video')).toHaveLength(120)
  })

  it.skipIf(NETWORK_ADDRESS === undefined)(
    'gzips for a tool on another machine (here: this machine reached by its network address)',
    async () => {
      const setup = await proxySetup({}, undefined, { host: '0.0.0.0', allowNonLoopback: true })
      const port = new URL(setup.proxy.url).port
      const page = await rawGet(`http://${NETWORK_ADDRESS}:${port}/library/sections/1/all`, setup.fake.token)
      expect(page.headers['content-encoding']).toBe('gzip')
      expect(childrenNamed(parseXml(gunzipSync(page.body).toString()), 'Video')).toHaveLength(120)
    },
  )

  it('answers the section list from what the server showed this token, counting what it spared Plex', async () => {
    const setup = await proxySetup()
    const asTool = { headers: { 'X-Plex-Product': 'Lister' } }
    const sections = parseXml(await (await setup.get('/library/sections', asTool)).text())
    const theirs = parseXml(await (await direct(setup.fake, '/library/sections')).text())
    expect(sections).toEqual(theirs)
    expect(setup.fake.controls.requestLog()).toHaveLength(2) // the proxy's token check and the direct request
    // The first answer came with the token's check; the second never reached Plex.
    expect(setup.core.service.stats().byConsumer.Lister?.plexRequestsAvoided ?? 0).toBe(0)
    const again = await (await setup.get('/library/sections', asTool)).text()
    expect(setup.fake.controls.requestLog()).toHaveLength(2)
    const lister = setup.core.service.stats().byConsumer.Lister!
    expect(lister.plexRequestsAvoided).toBe(1)
    expect(lister.bytesServed).toBe(Buffer.byteLength(again))
  })
})
