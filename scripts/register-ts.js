'use strict';
// Minimal require hook: `node -r ./scripts/register-ts.js file.ts` runs TypeScript by transforming
// each .ts/.tsx file with esbuild (no type checking; `npm run typecheck` does that).
const fs = require('fs');
const { transformSync } = require('esbuild');

function compile(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    loader: filename.endsWith('.tsx') ? 'tsx' : 'ts',
    format: 'cjs',
    target: 'node20',
    jsx: 'automatic',
    // import() becomes require(), so dynamic imports of .ts files go through this hook too
    supported: { 'dynamic-import': false },
    sourcemap: 'inline',
    sourcefile: filename,
  });
  module._compile(code, filename);
}

require.extensions['.ts'] = compile;
require.extensions['.tsx'] = compile;
process.setSourceMapsEnabled(true);
