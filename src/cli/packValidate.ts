/** `tieuchi pack validate FILE.json`: is a user pack file usable? */
import type { Parsed } from './args';
import type { Ctx } from './context';
import { checkPackFile, criteriaCount } from './packs';
import { runValidate } from './userFiles';

export async function runPackCommand(args: Parsed, ctx: Ctx): Promise<number> {
  return runValidate(args, 'pack', ctx, checkPackFile, (file, p) => {
    const indicators = p.groups.reduce(
      (n, g) => n + g.criteria.reduce((k, c) => k + c.indicators.length, 0),
      0,
    );
    return ctx.m.packValid(file, p.id, p.version, p.groups.length, criteriaCount(p), indicators);
  });
}
