'use strict';
// Preloaded (`node -r`) into the CLI by the hostile-input tests: on exit, writes the process's peak
// resident memory (kB) to the file named by TIEUCHI_TEST_MAXRSS. Test code only.
const fs = require('fs');
const out = process.env.TIEUCHI_TEST_MAXRSS;
if (out) process.on('exit', () => fs.writeFileSync(out, String(process.resourceUsage().maxRSS)));
