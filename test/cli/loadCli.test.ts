/**
 * bin/loadCli.js: dist/cli.js loaded with V8's code cache of exactly its build, and compiled as
 * usual with no cache, another build's cache or a cache V8 refuses.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve, sep } from 'path';

interface Loader {
  loadCli: (cli: string, writeCacheTo?: string) => Record<string, unknown>;
  buildId: (source: string) => string | undefined;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the plain-JS entry point under test
const { loadCli, buildId } = require('../../bin/loadCli.js') as Loader;

const ROOT = resolve(__dirname, '../..');
const ID = 'abcdef0123456789';
const bundle = (id: string, answer: number): string =>
  `/* test bundle. build ${id} */\n"use strict";\nexports.answer = () => ${answer};\nexports.file = __filename;\nexports.sep = require('path').sep;\n`;

describe('loadCli', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tieuchi-loadcli-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads a bundle like require does: exports, __filename, require', () => {
    const cli = join(dir, 'cli.js');
    writeFileSync(cli, bundle(ID, 42));
    const m = loadCli(cli);
    expect((m.answer as () => number)()).toBe(42);
    expect(m.file).toBe(cli);
    expect(m.sep).toBe(sep);
  });

  it('ignores a cache of another build, and survives a cache V8 refuses', () => {
    const cli = join(dir, 'cli.js');
    writeFileSync(cli, bundle(ID, 7));
    // another build's cache (its id differs): not even offered to V8
    writeFileSync(`${cli}.cache`, Buffer.concat([Buffer.from('0123456789abcdef'), Buffer.alloc(64, 1)]));
    expect((loadCli(cli).answer as () => number)()).toBe(7);
    // this build's id but garbage after it: V8 rejects the data and compiles as usual
    writeFileSync(`${cli}.cache`, Buffer.concat([Buffer.from(ID), Buffer.alloc(64, 1)]));
    expect((loadCli(cli).answer as () => number)()).toBe(7);
  });

  it('reads the build id from the banner only', () => {
    expect(buildId(bundle(ID, 1))).toBe(ID);
    expect(buildId('"use strict";\n')).toBeUndefined();
  });

  it('the built CLI carries a build id, and its cache (when made) belongs to that build', () => {
    const source = readFileSync(join(ROOT, 'dist', 'cli.js'), 'utf8');
    const id = buildId(source);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(id).not.toBe('0000000000000000');
    let cache: Buffer | undefined;
    try {
      cache = readFileSync(join(ROOT, 'dist', 'cli.js.cache'));
    } catch {
      cache = undefined; // the build warns and goes on without one
    }
    if (cache) expect(cache.subarray(0, 16).toString('latin1')).toBe(id);
  });
});
