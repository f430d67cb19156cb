/**
 * What `tieuchi pack validate`, `tieuchi plan validate` and the `--pack FILE` / `--plan FILE` options
 * share: reading a user's JSON file, the `validate FILE` arguments, and the text listing every
 * problem of an invalid file (made safe for the terminal: it quotes the file's own strings).
 */
import { describeError } from '../io/errors';
import { readJsonFile } from '../io/files';
import { formatIssues, type PackIssue } from '../pack/issues';
import { UsageError, type Parsed } from './args';
import { CliFailure, type Ctx } from './context';
import { terminalSafe } from './text';

export function indent(text: string, by = '  '): string {
  return text
    .split('\n')
    .map((l) => by + l)
    .join('\n');
}

/** The parsed JSON of a user's file; unreadable or not JSON → CliFailure (exit 2, one line). */
export async function readUserJson(path: string): Promise<unknown> {
  try {
    return await readJsonFile(path);
  } catch (e) {
    throw new CliFailure(describeError(e, path));
  }
}

/** "FILE is not valid (N problems)" and the problems, one a line. */
export function invalidFileText(file: string, issues: readonly PackIssue[], ctx: Ctx): string {
  return terminalSafe(`${ctx.m.packInvalid(file, issues.length)}\n${indent(formatIssues(issues))}`);
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
