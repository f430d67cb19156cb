'use strict';
/**
 * Loads dist/cli.js the way `require` would, but with V8's code cache (dist/cli.js.cache) when one
 * was made for exactly this build: compiling the 700 KB bundle is a good part of a one-shot
 * `tieuchi check` (issue 10: `check` ≤ 2× `node -e 0`). scripts/build-cli.mjs stamps each bundle
 * with a build id (a hash of its text, in the banner) and writes the cache after one real `check`;
 * the cache file starts with that id. V8 checks only the source's length, the V8 version and the
 * flags, so the id is what keeps a cache from another build from being used; with no cache, a
 * cache of another build, or a cache V8 rejects (another Node), the bundle is compiled as usual.
 */
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const Module = require('module');

const ID = /\bbuild ([0-9a-f]{16}) \*\//;

/** The build id in a bundle's first line, or undefined. */
function buildId(source) {
  const m = ID.exec(source.slice(0, 400));
  return m ? m[1] : undefined;
}

/**
 * The bundle's exports. `writeCacheTo` (the build's own run only): at exit, write this build's id
 * and V8's cache of every function compiled so far to that file.
 */
function loadCli(cli, writeCacheTo) {
  const source = fs.readFileSync(cli, 'utf8');
  const id = buildId(source);
  let cachedData;
  if (id !== undefined && writeCacheTo === undefined) {
    try {
      const buf = fs.readFileSync(`${cli}.cache`);
      if (buf.subarray(0, id.length).toString('latin1') === id) cachedData = buf.subarray(id.length);
    } catch {
      // no cache: compile as usual
    }
  }
  const script = new vm.Script(Module.wrap(source), { filename: cli, cachedData });
  const mod = new Module(cli, module);
  mod.filename = cli;
  mod.loaded = true;
  script
    .runInThisContext()
    .call(mod.exports, mod.exports, Module.createRequire(cli), mod, cli, path.dirname(cli));
  if (writeCacheTo !== undefined && id !== undefined) {
    process.on('exit', () => {
      fs.writeFileSync(writeCacheTo, Buffer.concat([Buffer.from(id, 'latin1'), script.createCachedData()]));
    });
  }
  return mod.exports;
}

module.exports = { loadCli, buildId };
