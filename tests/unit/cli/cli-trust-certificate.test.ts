import { describe, expect, it } from 'vitest'
import { parseCli } from '../../../src/cli/args'
import { CliFailure, describeFailure } from '../../../src/cli/failure'
import { Output } from '../../../src/cli/output'
import { runTrustCertificate, type AskYesNo } from '../../../src/cli/trust-certificate-command'
import { CertificatePins } from '../../../src/main/settings/certificate-pins'
import { fakePlex } from '../../support/fake-plex'
import { tempDir } from '../../support/temp-dir'
import { createSelfSigned } from '../../support/test-certificates'

async function run(argv: string[], ask: AskYesNo | null) {
  const dataDir = tempDir('plex-cache-cli-trust-')
  const parsed = parseCli([...argv, '--data-dir', dataDir], {})
  if (parsed.command.name !== 'trust-certificate') throw new Error('not parsed as trust-certificate')
  const lines: string[] = []
  const output = new Output({
    stdout: { write: (text: string) => lines.push(text) },
    stderr: { write: (text: string) => lines.push(text) },
  })
  const result = await runTrustCertificate(parsed.command, parsed.options, output, ask).catch(
    (error: unknown) => error,
  )
  return { result, text: lines.join(''), pins: new CertificatePins(dataDir) }
}

describe('plex-cache trust-certificate', () => {
  it('shows the names and fingerprint, asks, and pins the certificate only on yes', async () => {
    const self = createSelfSigned(['DNS:plex.home'])
    const server = await fakePlex({ tls: { cert: self.cert, key: self.key } })
    const questions: string[] = []
    const no = await run(['trust-certificate', server.url], async (question) => {
      questions.push(question)
      return false
    })
    expect(no.text).toContain('names:       plex.home')
    expect(no.text).toContain(`SHA-256:     ${self.fingerprint256}`)
    expect(questions).toEqual([`Trust this certificate for ${server.url}? [y/N] `])
    expect(no.result).toBe(1)
    expect(no.pins.list()).toEqual([])

    const yes = await run(['trust-certificate', server.url], async () => true)
    expect(yes.result).toBe(0)
    expect(yes.pins.fingerprintFor(server.url)).toBe(self.fingerprint256)
  })

  it('takes --fingerprint without a terminal, and refuses one the server does not present', async () => {
    const self = createSelfSigned(['DNS:plex.home'])
    const other = createSelfSigned(['DNS:plex.home'])
    const server = await fakePlex({ tls: { cert: self.cert, key: self.key } })
    const wrong = await run(['trust-certificate', server.url, '--fingerprint', other.fingerprint256], null)
    expect(describeFailure(wrong.result).reason).toMatch(/not the .* that was confirmed; nothing was trusted/)
    expect(wrong.pins.list()).toEqual([])
    const lowerNoColons = self.fingerprint256.replace(/:/g, '').toLowerCase()
    const right = await run(['trust-certificate', server.url, '--fingerprint', lowerNoColons], null)
    expect(right.result).toBe(0)
    expect(right.pins.fingerprintFor(server.url)).toBe(self.fingerprint256)
  })

  it('without a terminal or --fingerprint, trusts nothing and says how', async () => {
    const self = createSelfSigned(['DNS:plex.home'])
    const server = await fakePlex({ tls: { cert: self.cert, key: self.key } })
    const { result, pins } = await run(['trust-certificate', server.url], null)
    expect(result).toBeInstanceOf(CliFailure)
    expect((result as Error).message).toMatch(/pass it with --fingerprint/)
    expect(pins.list()).toEqual([])
  })

  it('refuses a plain http address and a fingerprint given with --remove', async () => {
    const { result } = await run(['trust-certificate', 'http://127.0.0.1:32400'], null)
    expect((result as Error).message).toMatch(/Only an https/)
    expect(() =>
      parseCli(['trust-certificate', 'https://h:1', '--remove', '--fingerprint', 'AB'], {}),
    ).toThrow(/do not go together/)
  })
})
