import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'

const run = promisify(execFile)

/**
 * Runs a deb maintainer script the way dpkg does when it installs into another root: with
 * $DPKG_ROOT naming that root (our scripts and update-alternatives write under it). The tools that
 * would touch the real system's desktop, MIME and AppArmor databases are stubbed to do nothing.
 * Without update-alternatives, PATH holds only the few tools the fallback branch needs.
 */
export async function runMaintainerScript(
  root: string,
  script: string,
  argument: 'configure' | 'remove',
  { updateAlternatives }: { updateAlternatives: boolean },
): Promise<void> {
  const tools = path.join(root, '.test-tools', updateAlternatives ? 'with' : 'without')
  if (!fs.existsSync(tools)) {
    fs.mkdirSync(tools, { recursive: true })
    for (const name of ['update-mime-database', 'update-desktop-database', 'apparmor_status']) {
      fs.writeFileSync(path.join(tools, name), '#!/bin/sh\nexit 1\n', { mode: 0o755 })
    }
    if (!updateAlternatives) {
      for (const name of ['ln', 'readlink', 'rm', 'chmod', 'unshare']) {
        const found = ['/usr/bin', '/bin']
          .map((dir) => path.join(dir, name))
          .find((file) => fs.existsSync(file))
        if (found) fs.symlinkSync(found, path.join(tools, name))
      }
    }
  }
  const file = path.join(root, '.test-tools', `${argument}.sh`)
  fs.writeFileSync(file, script)
  const PATH = updateAlternatives ? `${tools}:${process.env.PATH}` : tools
  await run('/bin/bash', [file, argument], { env: { ...process.env, PATH, DPKG_ROOT: root } })
}

/** An empty root with the packed app installed where the deb puts it. */
export function makeFakeRoot(root: string, appDir: string): void {
  for (const dir of ['opt', 'usr/bin', 'etc/alternatives', 'var/lib/dpkg/alternatives']) {
    fs.mkdirSync(path.join(root, dir), { recursive: true })
  }
  fs.symlinkSync(appDir, path.join(root, 'opt', 'Plex Cache'))
}

/** Where a path inside the root leads, following symlinks as they would resolve on that system. */
export function resolveInRoot(root: string, file: string): string | undefined {
  let current = file
  for (let hops = 0; hops < 10; hops++) {
    const stat = fs.lstatSync(path.join(root, current), { throwIfNoEntry: false })
    if (!stat) return undefined
    if (!stat.isSymbolicLink() || current.startsWith('/opt/')) return current
    const target = fs.readlinkSync(path.join(root, current))
    current = path.isAbsolute(target) ? target : path.join(path.dirname(current), target)
  }
  throw new Error(`${file}: too many symlinks`)
}
