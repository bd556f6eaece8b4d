import fs from 'node:fs'
import path from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { contentTypeFor, resolveRendererFile, serveRendererFile } from '../../../src/main/renderer-files'
import { tempDir } from '../../support/temp-dir'

/** An install folder holding out/renderer with a few built files, and a secret beside it. */
function installedRenderer(folderName = 'Plex Cache') {
  const install = path.join(tempDir('plex-cache-protocol-'), folderName)
  const root = path.join(install, 'out', 'renderer')
  const files: Record<string, string> = {
    'index.html': '<!doctype html><title>Plex Cache</title>',
    'assets/index-Dah7HGYc.js': 'export const answer = 42',
    'assets/index-x-MFoUnI.css': 'body{margin:0}',
    'assets/logo.svg': '<svg xmlns="http://www.w3.org/2000/svg"/>',
    'assets/icon-CVcn6Ti0.png': 'png bytes',
    'assets/font.woff2': 'font bytes',
    'assets/manifest.json': '{}',
    'assets/notes.ts': 'source the renderer never ships',
  }
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true })
    fs.writeFileSync(path.join(root, name), text)
  }
  fs.writeFileSync(path.join(install, 'out', 'secret.txt'), 'SECRET')
  fs.writeFileSync(path.join(install, 'secret.txt'), 'SECRET')
  return { install, root }
}

const get = (url: string, root: string, init?: RequestInit) => serveRendererFile(new Request(url, init), root)

describe('resolveRendererFile', () => {
  const root = path.resolve('/opt/plex-cache/out/renderer')

  it('maps app://plex-cache paths to files under the renderer folder', () => {
    expect(resolveRendererFile('app://plex-cache/index.html', root)).toBe(path.join(root, 'index.html'))
    expect(resolveRendererFile('app://plex-cache/', root)).toBe(path.join(root, 'index.html'))
    expect(resolveRendererFile('app://plex-cache', root)).toBe(path.join(root, 'index.html'))
    expect(resolveRendererFile('app://plex-cache/assets/index-Dah7HGYc.js?v=1#top', root)).toBe(
      path.join(root, 'assets', 'index-Dah7HGYc.js'),
    )
  })

  it('refuses other origins, dot segments, encoded separators and anything else that could leave the folder', () => {
    const refused = [
      'app://evil/index.html',
      'app://PLEX-CACHE/index.html',
      'app://plex-cache:8080/index.html',
      'app://user@plex-cache/index.html',
      'file:///opt/plex-cache/out/renderer/index.html',
      'https://plex-cache/index.html',
      'not a url',
      'app://plex-cache/..%2f..%2fsecret.txt',
      'app://plex-cache/..%2F..%2Fsecret.txt',
      'app://plex-cache/%2Fetc%2Fpasswd',
      'app://plex-cache/..%5c..%5csecret.txt',
      'app://plex-cache/..\\..\\secret.txt',
      'app://plex-cache/assets/..%252f..%252fsecret.txt',
      'app://plex-cache//etc/passwd',
      'app://plex-cache/assets//index.js',
      'app://plex-cache/assets/',
      'app://plex-cache/C:/Windows/win.ini',
      'app://plex-cache/C%3A%5CWindows%5Cwin.ini',
      'app://plex-cache/index.html%00.png',
      'app://plex-cache/%zz',
      'app://plex-cache/...',
      'app://plex-cache/%2e%2e%2e',
    ]
    for (const url of refused) expect(resolveRendererFile(url, root), url).toBeNull()
  })

  it('never names a file outside the renderer folder, whatever the path', () => {
    const segment = fc.oneof(
      fc.constantFrom('..', '.', '%2e%2e', '%2e', '%2f', '%5c', '\\', '', 'assets', 'index.html', 'C:'),
      fc.string(),
    )
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 6 }), (segments) => {
        const file = resolveRendererFile(`app://plex-cache/${segments.join('/')}`, root)
        if (file === null) return
        expect(file.startsWith(root + path.sep)).toBe(true)
      }),
      { numRuns: 2_000 },
    )
  })
})

describe('serveRendererFile', () => {
  it('serves built files with their content types', async () => {
    const { root } = installedRenderer()
    const expected: Array<[string, string]> = [
      ['index.html', 'text/html; charset=utf-8'],
      ['assets/index-Dah7HGYc.js', 'text/javascript; charset=utf-8'],
      ['assets/index-x-MFoUnI.css', 'text/css; charset=utf-8'],
      ['assets/logo.svg', 'image/svg+xml'],
      ['assets/icon-CVcn6Ti0.png', 'image/png'],
      ['assets/font.woff2', 'font/woff2'],
      ['assets/manifest.json', 'application/json'],
    ]
    for (const [name, type] of expected) {
      const response = await get(`app://plex-cache/${name}`, root)
      expect(response.status, name).toBe(200)
      expect(response.headers.get('content-type'), name).toBe(type)
      expect(response.headers.get('x-content-type-options')).toBe('nosniff')
      expect(await response.text()).toBe(fs.readFileSync(path.join(root, name), 'utf8'))
    }
  })

  it('answers 404 for missing files, folders and kinds of file the renderer never ships', async () => {
    const { root } = installedRenderer()
    for (const url of [
      'app://plex-cache/missing.js',
      'app://plex-cache/assets',
      'app://plex-cache/assets/notes.ts',
      'app://other/index.html',
    ]) {
      expect((await get(url, root)).status, url).toBe(404)
    }
    expect(contentTypeFor('notes.ts')).toBeNull()
  })

  it('never serves a file from outside the folder', async () => {
    const { root } = installedRenderer()
    const attempts = [
      'app://plex-cache/../secret.txt',
      'app://plex-cache/../../secret.txt',
      'app://plex-cache/%2e%2e/secret.txt',
      'app://plex-cache/..%2fsecret.txt',
      'app://plex-cache/..%5csecret.txt',
      'app://plex-cache/..\\secret.txt',
      `app://plex-cache/${encodeURIComponent(path.join(root, '..', 'secret.txt'))}`,
    ]
    for (const url of attempts) {
      const response = await get(url, root)
      expect(response.status, url).toBe(404)
      expect(await response.text()).not.toContain('SECRET')
    }
  })

  it('serves from an install path holding %, [, ] and spaces', async () => {
    const { root } = installedRenderer('Plex Cache [100%] %41 %2e%2e')
    const response = await get('app://plex-cache/index.html', root)
    expect(response.status).toBe(200)
    expect(await response.text()).toContain('<title>Plex Cache</title>')
  })

  it('answers HEAD without a body and refuses other methods', async () => {
    const { root } = installedRenderer()
    const head = await get('app://plex-cache/index.html', root, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(await head.text()).toBe('')
    const post = await get('app://plex-cache/index.html', root, { method: 'POST', body: 'x' })
    expect(post.status).toBe(405)
    expect(post.headers.get('allow')).toBe('GET, HEAD')
  })
})
