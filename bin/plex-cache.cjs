#!/usr/bin/env node
// The `plex-cache` command from a checkout or an npm install: the prebuilt CLI (npm run build makes
// out/cli/index.cjs), after a Node.js version check. Paths come from this file, not the working directory.
'use strict'

var path = require('path')
var fs = require('fs')

require('../scripts/check-node.cjs').requireSupportedNode(process.version)

var cli = path.join(__dirname, '..', 'out', 'cli', 'index.cjs')
if (!fs.existsSync(cli)) {
  process.stderr.write(
    'plex-cache: the command is not built yet; run `npm run build` in ' +
      path.dirname(__dirname) +
      ' first.\n',
  )
  process.exit(1)
}
require(cli)
