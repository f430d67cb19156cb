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
require(cli).cliMain(process.argv.slice(2));
