#!/usr/bin/env node
'use strict';
// Entry point of the `tieuchi` command. The CLI itself is bundled into dist/cli.js by
// scripts/build-cli.mjs (npm run build:cli).
const fs = require('fs');
const path = require('path');

const cli = path.join(__dirname, '..', 'dist', 'cli.js');
if (!fs.existsSync(cli)) {
  process.stderr.write(
    'tieuchi: chưa có bản dựng của công cụ dòng lệnh (dist/cli.js). Hãy chạy: npm run build:cli\n',
  );
  process.exit(2);
}
// `npm run tieuchi -- check FILE` runs in the package folder; resolve FILE from where the user typed it.
if (process.env.npm_lifecycle_event === 'tieuchi' && process.env.INIT_CWD) {
  try {
    process.chdir(process.env.INIT_CWD);
  } catch {
    // keep the package folder when INIT_CWD is gone
  }
}
// with V8's code cache of this build when there is one (bin/loadCli.js); the build's own run of
// `check` sets TIEUCHI_WRITE_CODE_CACHE to the file it makes (scripts/build-cli.mjs)
require('./loadCli').loadCli(cli, process.env.TIEUCHI_WRITE_CODE_CACHE).cliMain(process.argv.slice(2));
