/**
 * One production build of the add-in shared by the add-in tests: built into out/addin-test once per
 * change of the sources (a hash stamp), guarded by a lock directory so parallel jest workers wait
 * for one build instead of racing; webpack's filesystem cache (out/webpack-cache) keeps rebuilds
 * after a change short.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const OUT = join(ROOT, 'out', 'addin-test');
const LOCK = `${OUT}.lock`;
const STAMP = join(OUT, '.build-stamp');
const CACHE = join(ROOT, 'out', 'webpack-cache');

const INPUTS = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'tsconfig.json', 'package-lock.json'];

function walk(path: string, out: string[]): void {
  if (!existsSync(path)) return;
  const st = statSync(path);
  if (st.isDirectory()) for (const e of readdirSync(path).sort()) walk(join(path, e), out);
  else out.push(path);
}

function inputsHash(): string {
  const h = createHash('sha256');
  const files: string[] = [];
  for (const i of INPUTS) walk(join(ROOT, i), files);
  for (const f of files) {
    h.update(relative(ROOT, f));
    h.update(readFileSync(f));
  }
  return h.digest('hex');
}

function fileHash(files: readonly string[]): string {
  const h = createHash('sha256');
  for (const f of files) h.update(readFileSync(join(ROOT, f)));
  return h.digest('hex').slice(0, 16);
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Build (or reuse) the production add-in; returns the output directory. */
export async function ensureBuild(): Promise<string> {
  const hash = inputsHash();
  const deadline = Date.now() + 10 * 60_000;
  for (;;) {
    if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) return OUT;
    mkdirSync(dirname(LOCK), { recursive: true });
    try {
      mkdirSync(LOCK, { recursive: false });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      // someone else is building; a lock older than 10 minutes is stale
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 10 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        // the lock vanished meanwhile: loop and look again
      }
      if (Date.now() > deadline) throw new Error('timed out waiting for the add-in build lock');
      await sleep(500);
      continue;
    }
    try {
      if (existsSync(STAMP) && readFileSync(STAMP, 'utf8') === hash) return OUT;
      execFileSync(
        process.execPath,
        [
          join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js'),
          '--mode',
          'production',
          '--output-path',
          OUT,
          // webpack's persistent cache: after a change only the changed modules are compiled and
          // minified again (a cold production build takes ~35 s here, a warm one ~5 s)
          '--cache-type',
          'filesystem',
          '--cache-cache-directory',
          CACHE,
          // what webpack does not track itself: the TypeScript options and the installed packages
          '--cache-version',
          fileHash(['tsconfig.json', 'package-lock.json']),
        ],
        { cwd: ROOT, stdio: 'pipe', env: { ...process.env, OFFICE_JS: 'cdn', ADDIN_URL: '' } },
      );
      writeFileSync(STAMP, hash);
      return OUT;
    } finally {
      rmSync(LOCK, { recursive: true, force: true });
    }
  }
}
