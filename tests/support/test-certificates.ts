import { execFileSync } from 'node:child_process'
import { X509Certificate } from 'node:crypto'
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Test certificates made with the openssl CLI at test time (none are committed): a test CA and leaf
 * certificates for the names a test needs, valid, expired or self-signed. EC P-256 keys keep it fast.
 */
export interface TestCertificate {
  cert: string
  key: string
  /** Colon-separated upper-case hex, as node:crypto and node:tls print it. */
  fingerprint256: string
}

export interface TestCa extends TestCertificate {
  /** Signs a leaf for these subject alternative names, e.g. ['DNS:*.abc123.plex.direct', 'IP:127.0.0.1']. */
  issue(altNames: string[], options?: { expired?: boolean }): TestCertificate
}

const CA_CONFIG = `[ca]
default_ca = test_ca
[test_ca]
database = index.txt
new_certs_dir = .
serial = serial
default_md = sha256
policy = any
unique_subject = no
copy_extensions = copy
[any]
commonName = supplied
`

/** A fresh EC P-256 key with no passphrase: fast to make, and what openssl req needs to say. */
const NEW_KEY = words('-newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes')

export function createTestCa(name = 'Plex Cache Test CA'): TestCa {
  const dir = tempDir('test-ca-')
  run(dir, [
    ...words('req -x509 -keyout ca.key -out ca.pem -days 2'),
    ...NEW_KEY,
    ...['-subj', `/CN=${name}`],
    ...words('-addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign'),
  ])
  writeFileSync(path.join(dir, 'ca.cnf'), CA_CONFIG)
  writeFileSync(path.join(dir, 'index.txt'), '')
  writeFileSync(path.join(dir, 'serial'), '01\n')
  let issued = 0
  const ca = read(dir, 'ca')
  return {
    ...ca,
    issue(altNames, options = {}) {
      const leaf = `leaf${++issued}`
      const leafDir = path.join(dir, leaf)
      mkdirSync(leafDir)
      run(dir, [
        ...words(`req -keyout ${leaf}/${leaf}.key -out ${leaf}/${leaf}.csr -subj /CN=${leaf}`),
        ...NEW_KEY,
        ...['-addext', `subjectAltName=${altNames.join(',')}`],
      ])
      // Expired: valid for one day in 2020. `openssl ca` can set both dates; `openssl x509` cannot.
      const validity = options.expired ? '-startdate 20200101000000Z -enddate 20200102000000Z' : '-days 2'
      run(dir, [
        ...words('ca -batch -notext -config ca.cnf -cert ca.pem -keyfile ca.key'),
        ...words(`-in ${leaf}/${leaf}.csr -out ${leaf}/${leaf}.pem ${validity}`),
      ])
      return read(leafDir, leaf)
    },
  }
}

/** A certificate signed by its own key, for these subject alternative names. */
export function createSelfSigned(altNames: string[]): TestCertificate {
  const dir = tempDir('self-signed-')
  run(dir, [
    ...words('req -x509 -keyout self.key -out self.pem -days 2'),
    ...NEW_KEY,
    ...['-subj', '/CN=self-signed Plex', '-addext', `subjectAltName=${altNames.join(',')}`],
  ])
  return read(dir, 'self')
}

function words(text: string): string[] {
  return text.split(' ')
}

const folders: string[] = []
// Not per test: a CA made in beforeAll still issues certificates in later tests.
process.once('exit', () => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true })
})

function tempDir(prefix: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), `plex-cache-${prefix}`))
  folders.push(folder)
  return folder
}

function read(dir: string, name: string): TestCertificate {
  const cert = readFileSync(path.join(dir, `${name}.pem`), 'utf8')
  const key = readFileSync(path.join(dir, `${name}.key`), 'utf8')
  return { cert, key, fingerprint256: new X509Certificate(cert).fingerprint256 }
}

function run(cwd: string, args: string[]): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] })
}
