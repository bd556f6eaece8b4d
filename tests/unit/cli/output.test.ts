import { describe, expect, it } from 'vitest'
import { UsageError } from '../../../src/cli/args'
import { CliFailure, describeFailure } from '../../../src/cli/failure'
import { Output } from '../../../src/cli/output'

describe('CLI output', () => {
  it('never prints a token, whether known or echoed in a URL', () => {
    const stdout: string[] = []
    const stderr: string[] = []
    const output = new Output(
      { stdout: { write: (t: string) => stdout.push(t) }, stderr: { write: (t: string) => stderr.push(t) } },
      ['s3cret-token', undefined, ''],
    )
    output.out('token s3cret-token here')
    output.err('GET http://plex:32400/library?X-Plex-Token=abc123&x=1 failed')
    output.json({ token: 's3cret-token' })
    expect(stdout.join('')).not.toContain('s3cret-token')
    expect(stderr.join('')).toBe('GET http://plex:32400/library?X-Plex-Token=<redacted>&x=1 failed\n')
  })

  it('redacts a short token where it stands alone, not inside ordinary words', () => {
    const output = new Output({ stdout: { write: () => true }, stderr: { write: () => true } }, ['tok'])
    expect(output.redact('Check the token "tok" (tok). Plex got tok.')).toBe(
      'Check the token "<redacted>" (<redacted>). Plex got <redacted>.',
    )
  })
})

describe('a secret learned after start-up', () => {
  it('is kept out of every later line, like the ones given at start', () => {
    const stderr: string[] = []
    const output = new Output({
      stdout: { write: () => true },
      stderr: { write: (t: string) => stderr.push(t) },
    })
    output.err('before: saved-app-token-1234567890')
    output.protect('saved-app-token-1234567890')
    output.err('after: saved-app-token-1234567890')
    expect(stderr).toEqual(['before: saved-app-token-1234567890\n', 'after: <redacted>\n'])
  })
})

describe('describeFailure', () => {
  it('maps usage errors to 2 and everything else to 1, always on one line', () => {
    expect(describeFailure(new UsageError('bad'))).toEqual({ exitCode: 2, reason: 'bad' })
    expect(describeFailure(new CliFailure('nothing\nfound'))).toEqual({
      exitCode: 1,
      reason: 'nothing found',
    })
    const auth = Object.assign(new Error('x'), { info: { code: 'AUTH', message: 'The token was refused.' } })
    expect(describeFailure(auth)).toEqual({
      exitCode: 1,
      reason:
        'The token was refused. The token comes from --token, PLEX_TOKEN or the one the desktop app saved.',
    })
    const unconfigured = { info: { code: 'NOT_CONFIGURED', message: 'No Plex server is set up.' } }
    expect(describeFailure(unconfigured).reason).toContain(
      'Connect the desktop app to your server, or pass --server URL and --token TOKEN',
    )
    expect(describeFailure({ info: { code: 'INVALID_ARGUMENT', message: 'bad limit' } }).exitCode).toBe(2)
    expect(describeFailure(new TypeError('boom'))).toEqual({ exitCode: 1, reason: 'unexpected error: boom' })
  })
})
