/** `tieuchi pack validate FILE.json`: is a user pack file usable? */
import { formatIssues } from '../pack/issues';
import { UsageError, type Parsed } from './args';
import { EXIT_NOT_MET, EXIT_OK, type Ctx } from './context';
import { criteriaCount, indent, validatePackFile } from './packs';
import { terminalSafe } from './text';

export async function runPackCommand(args: Parsed, ctx: Ctx): Promise<number> {
  const [sub, file, unexpected] = args.positionals;
  if (sub !== 'validate')
    throw new UsageError(ctx.m.unknownCommand(sub === undefined ? 'pack' : `pack ${sub}`));
  if (file === undefined) throw new UsageError(ctx.m.missingFile);
  if (unexpected !== undefined) throw new UsageError(ctx.m.unexpectedArgument(unexpected));
  const r = await validatePackFile(file);
  if (!r.ok) {
    ctx.out(terminalSafe(`${ctx.m.packInvalid(file, r.issues.length)}\n${indent(formatIssues(r.issues))}\n`));
    return EXIT_NOT_MET;
  }
  const p = r.pack;
  const indicators = p.groups.reduce(
    (n, g) => n + g.criteria.reduce((k, c) => k + c.indicators.length, 0),
    0,
  );
  ctx.out(ctx.m.packValid(file, p.id, p.version, p.groups.length, criteriaCount(p), indicators) + '\n');
  return EXIT_OK;
}
