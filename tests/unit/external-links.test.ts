import { describe, expect, it } from 'vitest'
import { allowedExternalUrl, createExternalLinkOpener } from '../../src/main/external-links'

describe('allowedExternalUrl', () => {
  it.each(['https://support.plex.tv/articles/', 'http://example.com/path?q=1#top'])(
    'allows web link %s',
    (url) => {
      expect(allowedExternalUrl(url)).toBe(url)
    },
  )

  it('returns the normalised form, so what was checked is what gets opened', () => {
    expect(allowedExternalUrl('HTTPS://Example.COM')).toBe('https://example.com/')
  })

  it.each([
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'smb://server/share',
    'ms-settings:privacy',
    'mailto:someone@example.com',
    'plexcache://internal',
    'https://user:secret@example.com/',
    'https://user@example.com/',
    'not a url',
    '/relative/path',
    '',
  ])('refuses %s', (url) => {
    expect(allowedExternalUrl(url)).toBeNull()
  })
})

describe('createExternalLinkOpener', () => {
  function recordingOpener(result: Promise<void> = Promise.resolve()) {
    const opened: string[] = []
    const errors: unknown[] = []
    const open = createExternalLinkOpener(
      (url) => {
        opened.push(url)
        return result
      },
      (error) => errors.push(error),
    )
    return { open, opened, errors }
  }

  it('hands allowed links to the operating system', () => {
    const { open, opened } = recordingOpener()
    expect(open('https://app.plex.tv')).toBe(true)
    expect(opened).toEqual(['https://app.plex.tv/'])
  })

  it('never hands refused links to the operating system', () => {
    const { open, opened } = recordingOpener()
    expect(open('file:///C:/Windows/System32/calc.exe')).toBe(false)
    expect(opened).toEqual([])
  })

  it('reports a failure to open instead of leaving the promise rejected', async () => {
    const failure = new Error('no browser installed')
    const { open, errors } = recordingOpener(Promise.reject(failure))
    expect(open('https://example.com')).toBe(true)
    await new Promise((resolve) => setImmediate(resolve))
    expect(errors).toEqual([failure])
  })
})
