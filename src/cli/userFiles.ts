/**
 * What `tieuchi pack validate`, `tieuchi plan validate` and the `--pack FILE` / `--plan FILE` options
 * share: reading a user's JSON file, the `validate FILE` arguments, and the text listing every
 * problem of an invalid file (made safe for the terminal: it quotes the file's own strings).
 */
import { toInputError } from '../io/errors';
import { readJsonFile } from '../io/files';
import { formatIssues, type PackIssue } from '../pack/issues';
import { UsageError, type Parsed } from './args';
import { CliFailure, EXIT_NOT_MET, EXIT_OK, type Ctx } from './context';
import { terminalSafe } from './text';

export function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((l) => by + l)
    .join('\n');
}

/** A user's file checked: its value, or every problem with its path. */
export type FileCheck<T> = { ok: true; value: T } | { ok: false; issues: readonly PackIssue[] };

/** The value of a valid file; an invalid one → CliFailure (exit 2) listing every problem. */
export function validOrFail<T>(r: FileCheck<T>, path: string, ctx: Ctx): T {
  if (r.ok) return r.value;
  throw new CliFailure(invalidFileText(path, r.issues, ctx));
}

/**
 * `tieuchi <command> validate FILE`: checks the file, prints the line `valid` makes of it (exit 0)
 * or every problem (exit 1).
 */
export async function runValidate<T>(
  args: Parsed,
  command: 'pack' | 'plan',
  ctx: Ctx,
  check: (file: string) => Promise<FileCheck<T>>,
  valid: (file: string, value: T) => string,
): Promise<number> {
  const file = validateCommandFile(args, command, ctx);
  const r = await check(file);
  ctx.out(`${r.ok ? valid(file, r.value) : invalidFileText(file, r.issues, ctx)}\n`);
  return r.ok ? EXIT_OK : EXIT_NOT_MET;
}

/** The parsed JSON of a user's file; unreadable or not JSON → InputError (exit 2, one line). */
export async function readUserJson(path: string): Promise<unknown> {
  try {
    return await readJsonFile(path);
  } catch (e) {
    throw toInputError(e, path);
  }
}

/** "FILE is not valid (N problems)" and the problems, one a line. */
export function invalidFileText(file: string, issues: readonly PackIssue[], ctx: Ctx): string {
  return terminalSafe(`${ctx.m.packInvalid(file, issues.length)}\n${indent(formatIssues(issues, ctx.lang))}`);
}

/** The FILE of `tieuchi <command> validate FILE`; a usage error for anything else. */
export function validateCommandFile(args: Parsed, command: 'pack' | 'plan', ctx: Ctx): string {
  const [sub, file, ...extra] = args.positionals;
  if (sub !== 'validate')
    throw new UsageError(ctx.m.unknownCommand(sub === undefined ? command : `${command} ${sub}`));
  if (file === undefined) throw new UsageError(ctx.m.missingFile);
  if (extra[0] !== undefined) throw new UsageError(ctx.m.unexpectedArgument(extra[0]));
  return file;
}
