/** `tieuchi template --pack xa|coquan`: a blank workbook to fill in. */
import { buildCriteriaSheet } from '../sheet/layout';
import { UNIT_NAME_ID } from '../pack/workbookNames';
import { writeBook } from './lazy';
import { optFlag, optString, UsageError, type Parsed } from './args';
import { CliFailure, EXIT_OK, type Ctx } from './context';
import { isOneOf, writeOutput } from './files';
import { resolvePack } from './packs';
import { planOption } from './plans';
import { loadPrior } from './prior';

export function parseYear(v: string | undefined, ctx: Ctx): number | undefined {
  if (v === undefined) return undefined;
  const t = v.trim();
  if (!/^[0-9]{4}$/.test(t) || Number(t) < 1900) throw new UsageError(ctx.m.badYear(v));
  return Number(t);
}

export async function runTemplate(args: Parsed, ctx: Ctx): Promise<number> {
  const [unexpected] = args.positionals;
  if (unexpected !== undefined) throw new UsageError(ctx.m.unexpectedArgument(unexpected));
  const ref = optString(args, 'pack');
  if (ref === undefined) throw new UsageError(ctx.m.missingPackOption);
  const year = parseYear(optString(args, 'year'), ctx);
  const unitName = optString(args, 'unit')?.normalize('NFC');
  const pack = await resolvePack(ref, ctx);
  const plan = await planOption(args, ctx);
  if (plan && !plan.packs.includes(pack.id)) throw new CliFailure(ctx.m.planNotForPack(plan.id, pack.id));
  const out = optString(args, 'out') ?? `tieu-chi-${pack.id}.xlsx`;
  const priorFile = optString(args, 'prior');
  if (priorFile !== undefined && (await isOneOf(out, [priorFile]))) {
    throw new CliFailure(ctx.m.outIsInput(out));
  }
  const prior = priorFile !== undefined ? await loadPrior(priorFile, pack) : undefined;
  const sheet = buildCriteriaSheet(pack, {
    ...(plan ? { plan } : {}),
    unitName,
    year: year ?? (prior?.lastYear !== undefined ? prior.lastYear + 1 : undefined),
    values: prior ? { ...prior.values, ...(unitName ? { [UNIT_NAME_ID]: unitName } : {}) } : undefined,
    priorNotes: prior?.notes,
  });
  const bytes = await writeBook([sheet]);
  await writeOutput(out, bytes, optFlag(args, 'force'), ctx);
  ctx.out(ctx.m.templateWritten(out) + '\n');
  return EXIT_OK;
}
