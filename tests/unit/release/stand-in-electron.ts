import fs from 'node:fs'
import path from 'node:path'

/**
 * The fuse wire as Electron binaries carry it and @electron/fuses finds it: this sentinel, then the
 * wire version (1), the number of fuses, and one byte per fuse, '0' (off) or '1' (on).
 */
export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'

/**
 * Electron's own fuse defaults, in wire order (RunAsNode, cookie encryption, NODE_OPTIONS,
 * --inspect, embedded asar integrity, only load from asar, browser V8 snapshot, file:// privileges),
 * so the packaging has real work to do: five of the eight change.
 */
export const ELECTRON_DEFAULT_FUSES = '10110001'

/**
 * A stand-in for the Linux Electron binary: a shell script that carries the fuse wire in a comment,
 * so electron-builder flips real fuses in it, and that behaves like Electron in Node mode: with
 * ELECTRON_RUN_AS_NODE=1 it runs the given script with Node.
 *
 * Plain Node cannot read inside app.asar, so a script path inside the archive is run from
 * STAND_IN_ASAR_ROOT, an extraction of it (app.asar.unpacked included) that the test makes. It first
 * checks that the path names the very archive the test packed (STAND_IN_ARCHIVE), which proves the
 * launcher found it. STAND_IN_NODE is the Node binary to run.
 */
export function writeElectronStandIn(dir: string, fuses = ELECTRON_DEFAULT_FUSES): string {
  const wire = `${FUSE_SENTINEL}\x01${String.fromCharCode(fuses.length)}${fuses}`
  const script = `#!/bin/sh
# Stand-in Electron. Fuse wire: ${wire}
if [ "$ELECTRON_RUN_AS_NODE" != 1 ]; then
  echo "stand-in Electron: only Node mode (ELECTRON_RUN_AS_NODE=1) is implemented" >&2
  exit 70
fi
script=$1
shift
case $script in
  */app.asar/*)
    archive="\${script%%/app.asar/*}/app.asar"
    if [ ! "$archive" -ef "$STAND_IN_ARCHIVE" ]; then
      echo "stand-in Electron: $archive is not the packed app.asar" >&2
      exit 71
    fi
    script="$STAND_IN_ASAR_ROOT/\${script#*/app.asar/}"
    ;;
esac
exec "$STAND_IN_NODE" "$script" "$@"
`
  fs.mkdirSync(dir, { recursive: true })
  const binary = path.join(dir, 'electron')
  fs.writeFileSync(binary, script, { encoding: 'latin1', mode: 0o755 })
  return binary
}
