#!/usr/bin/env node
/**
 * `ADDIN_URL=https://may-chu/tieuchi/ npm run release`: the production build of the add-in with the
 * manifest pointed at ADDIN_URL (webpack.config.js rewrites it), packed into
 * `release/tieuchi-addin-<version>.zip` — what an IT officer copies to the intranet web server, plus
 * the manifest to upload in the Microsoft 365 admin center or a shared-folder catalog
 * (docs/deploy.md). The CLI bundles in dist/ (cli.js, the worker, vendor-*.js) are not part of it.
 *
 *   --no-build        pack the dist/ that is there (tests; a build made by hand)
 *   --dist DIR        the folder to pack (default dist/)
 *   --out FILE        the zip to write (default release/tieuchi-addin-<version>.zip)
 * Refuses (exit 2, one line) a missing or non-https ADDIN_URL and a manifest that still points at
 * https://localhost:3000.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The CLI's own files in dist/ (not served to Excel). */
const CLI_FILES = /^(cli|consolidate-worker|vendor-[a-z]+)\.js(\.map)?$/;

function fail(message) {
  process.stderr.write(`release: ${message}\n`);
  process.exit(2);
}

function option(args, name) {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

/** Every file below `dir`, as paths relative to it with forward slashes. */
function filesOf(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const args = process.argv.slice(2);
const url = process.env.ADDIN_URL;
if (!url || !/^https:\/\/[^/\s]+\/(\S*\/)?$/.test(url)) {
  fail(`cần ADDIN_URL là địa chỉ https://… kết thúc bằng "/" (nhận được: ${url ?? 'không có'})`);
}
const version = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version;
const dist = resolve(option(args, '--dist') ?? join(ROOT, 'dist'));
const out = resolve(option(args, '--out') ?? join(ROOT, 'release', `tieuchi-addin-${version}.zip`));

if (!args.includes('--no-build')) {
  execFileSync('npm', ['run', '-s', 'build'], { cwd: ROOT, stdio: 'inherit', env: process.env });
}
let manifest;
try {
  manifest = readFileSync(join(dist, 'manifest.xml'), 'utf8');
} catch {
  fail(`không có ${join(dist, 'manifest.xml')}: hãy build trước (npm run build)`);
}
if (manifest.includes('https://localhost:3000')) fail('manifest.xml vẫn trỏ tới https://localhost:3000');
if (!manifest.includes(url)) fail(`manifest.xml không trỏ tới ${url}`);

const entries = {};
for (const f of filesOf(dist)) {
  if (CLI_FILES.test(f)) continue;
  entries[f] = [readFileSync(join(dist, f)), { mtime: statSync(join(dist, f)).mtime }];
}
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, zipSync(entries, { level: 9 }));
process.stdout.write(`Đã ghi ${out} (${Object.keys(entries).length} tệp, trỏ tới ${url})\n`);
