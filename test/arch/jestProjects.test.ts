/**
 * The jest projects (jest.config.js) stay honest: a suite that starts LibreOffice (`soffice`),
 * directly or through a test helper it imports, is a `*.libreoffice.test.ts` file (project
 * "libreoffice"); a suite that drives Chromium (playwright-core) lives in test/browser/ (project
 * "chromium"); and neither project holds a suite that needs no real part. Everything else is "unit".
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { at } from '../helpers/at';

const TEST = resolve(__dirname, '..');

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...walk(p));
    else if (/\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

/** The test-tree modules a file imports (relative imports that stay inside test/). */
function localImports(file: string): string[] {
  const out: string[] = [];
  for (const m of readFileSync(file, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
    const base = resolve(dirname(file), at(m, 1));
    const found = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((c) => existsSync(c));
    if (found && found.startsWith(TEST + sep)) out.push(found);
  }
  return out;
}

/** Does the file, or a test module it reaches, contain `pattern`? */
function reaches(file: string, pattern: RegExp, seen = new Set<string>()): boolean {
  if (seen.has(file)) return false;
  seen.add(file);
  if (pattern.test(readFileSync(file, 'utf8'))) return true;
  return localImports(file).some((f) => reaches(f, pattern, seen));
}

const suites = walk(TEST).filter((f) => /\.test\.tsx?$/.test(f));
const SOFFICE = /['"]soffice['"]/;
const PLAYWRIGHT = /from ['"]playwright-core['"]/;

describe('jest projects', () => {
  it('finds the suites', () => {
    expect(suites.length).toBeGreaterThan(30);
  });

  it('every suite that starts soffice, and only such a suite, is named *.libreoffice.test.ts', () => {
    const wrong = suites
      .filter((f) => reaches(f, SOFFICE) !== f.endsWith('.libreoffice.test.ts'))
      .map((f) => relative(TEST, f));
    expect(wrong).toEqual([]);
  });

  it('every suite that drives Chromium, and only such a suite, is in test/browser/', () => {
    const wrong = suites
      .filter((f) => reaches(f, PLAYWRIGHT) !== relative(TEST, f).startsWith(`browser${sep}`))
      .map((f) => relative(TEST, f));
    expect(wrong).toEqual([]);
  });
});
