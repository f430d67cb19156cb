/** `tieuchi pack validate FILE.json`: is a user pack file usable? */
import type { Parsed } from './args';
import { EXIT_NOT_MET, EXIT_OK, type Ctx } from './context';
import { criteriaCount, validatePackFile } from './packs';
import { invalidFileText, validateCommandFile } from './userFiles';

export async function runPackCommand(args: Parsed, ctx: Ctx): Promise<number> {
  const file = validateCommandFile(args, 'pack', ctx);
  const r = await validatePackFile(file);
  if (!r.ok) {
    ctx.out(`${invalidFileText(file, r.issues, ctx)}\n`);
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
