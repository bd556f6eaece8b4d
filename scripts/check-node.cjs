// Runs before anything loads better-sqlite3, which crashes older Node.js with a bare segfault.
// Written in the plainest JavaScript so that even a very old Node can parse it and say why it stops.
'use strict'

var MINIMUM = { major: 22, minor: 12 }

function isSupported(version) {
  var parts = String(version).replace(/^v/, '').split('.')
  var major = Number(parts[0])
  var minor = Number(parts[1])
  return major > MINIMUM.major || (major === MINIMUM.major && minor >= MINIMUM.minor)
}

function requireSupportedNode(version) {
  if (isSupported(version)) return
  process.stderr.write(
    'Plex Cache needs Node.js ' +
      MINIMUM.major +
      '.' +
      MINIMUM.minor +
      ' or newer; this is ' +
      version +
      '.\n',
  )
  process.exit(1)
}

module.exports = { MINIMUM: MINIMUM, isSupported: isSupported, requireSupportedNode: requireSupportedNode }

// `node scripts/check-node.cjs` in front of an npm script; require() from the bin launcher.
if (require.main === module) requireSupportedNode(process.version)
