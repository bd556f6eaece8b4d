// `npm start` and `npm run dev` need Electron's binary, which the electron package no longer fetches
// at install time (and electron-vite only reads node_modules/electron/path.txt). Its own installer
// downloads it once and is a no-op afterwards. Not a postinstall step: installs must work offline.
'use strict'

var childProcess = require('child_process')
var path = require('path')

require('./check-node.cjs').requireSupportedNode(process.version)

var installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js')
var result = childProcess.spawnSync(process.execPath, [installer], { stdio: 'inherit' })
if (result.status !== 0) {
  process.stderr.write(
    '\nPlex Cache could not download Electron (the desktop runtime it needs the first time it starts).\n' +
      'Check the internet connection, or set ELECTRON_MIRROR to a mirror you trust, then run the command again.\n',
  )
  process.exit(1)
}
