/**
 * Test helpers for the `tieuchi` command. `tieuchi` runs it in-process through the CLI's entry
 * `run(argv, ctx)` (src/cli/main.ts) with a context of its own — output buffers, and the language
 * taken from argv and TIEUCHI_LANG by the CLI's own `extractLang` — the same code the bundle runs,
 * without starting Node. `tieuchiBin` starts the built bundle (bin/tieuchi.js → dist/cli.js) as a
 * child process, for the few smoke tests of the real command; `ensureCliBuilt` builds it only when
 * sources are newer (`npm test` has just built it).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Ctx } from '../../src/cli/context';
import { messages } from '../../src/i18n/cli';
import { extractLang, run } from '../../src/cli/main';
import { serialFromJsDate } from '../../src/engine/dates';

export const ROOT = resolve(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'tieuchi.js');

export function ensureCliBuilt(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-cli.mjs'), '--if-stale'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
}

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `tieuchi …` in-process; `lang` stands for TIEUCHI_LANG. Paths in `args` should be absolute (the
 * process's working folder is jest's).
 */
export async function tieuchi(args: readonly string[], opts: { lang?: string } = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const { lang } = extractLang(args, opts.lang ?? '');
  const ctx: Ctx = {
    lang,
    m: messages(lang),
    out: (t) => void (stdout += t),
    err: (t) => void (stderr += t),
    today: () => serialFromJsDate(new Date()),
  };
  const status = await run(args, ctx);
  return { status, stdout, stderr };
}

/** `node bin/tieuchi.js …` as a child process (the built bundle). */
export function tieuchiBin(
  args: readonly string[],
  opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    env: { ...process.env, TIEUCHI_LANG: '', TIEUCHI_DEBUG: '', ...opts.env },
    // hang detection only
    timeout: 60_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'tieuchi-cli-'));
}

/** stderr is exactly one non-empty line, without any stack-trace line. */
export function oneLine(stderr: string): string {
  const lines = stderr.split('\n').filter((l) => l !== '');
  expect(lines).toHaveLength(1);
  expect(stderr).not.toMatch(/^\s+at /m);
  return lines[0] ?? '';
}
