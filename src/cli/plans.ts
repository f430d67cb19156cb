/** `tieuchi plans`, `tieuchi plan validate FILE`, and choosing the plan of a command or a workbook. */
import type { WorkbookData } from '../io/xlsx';
import { describeError } from '../io/errors';
import { readJsonFile } from '../io/files';
import type { Pack } from '../pack/schema';
import { formatIssues } from '../pack/issues';
import { DEFAULT_PLAN_ID, builtinPlans, defaultPlan, getBuiltinPlan } from '../plan/registry';
import type { Plan, PlanDay } from '../plan/schema';
import type { PlanValidation } from '../plan/validate';
import { planForWorkbook } from '../io/answers';
import { optFlag, optString, UsageError, type Parsed } from './args';
import { CliFailure, EXIT_NOT_MET, EXIT_OK, type Ctx } from './context';
import { indent, isPackFile } from './packs';
import { table } from './text';

export function knownPlanIds(): string {
  return builtinPlans()
    .map((p) => p.id)
    .join(', ');
}

/** "16/11 (năm trước)", "15/11" */
export function planDayText(d: PlanDay): string {
  return d.yearOffset < 0
    ? `${d.dayMonth} năm trước`
    : d.yearOffset > 0
      ? `${d.dayMonth} năm sau`
      : d.dayMonth;
}

async function validatePlanFile(path: string): Promise<PlanValidation> {
  let data: unknown;
  try {
    data = await readJsonFile(path);
  } catch (e) {
    throw new CliFailure(describeError(e, path));
  }
  const { validatePlan } = await import('../plan/validate'); // zod, only for a user's file
  return validatePlan(data);
}

/** Loads a user plan file; unreadable or invalid → CliFailure (exit 2) listing every problem. */
export async function planFromFile(path: string, ctx: Ctx): Promise<Plan> {
  const r = await validatePlanFile(path);
  if (r.ok) return r.plan;
  throw new CliFailure(`${ctx.m.packInvalid(path, r.issues.length)}\n${indent(formatIssues(r.issues))}`);
}

/** `--plan ID|FILE` → the plan; undefined when the option is absent. */
export async function planOption(args: Parsed, ctx: Ctx): Promise<Plan | undefined> {
  const ref = optString(args, 'plan');
  if (ref === undefined) return undefined;
  if (isPackFile(ref)) return planFromFile(ref, ctx);
  const plan = getBuiltinPlan(ref);
  if (!plan) throw new CliFailure(ctx.m.unknownPlan(ref, knownPlanIds()));
  return plan;
}

/** The plan must apply to the pack (a plan lists the packs it is for). */
export function checkPlanForPack(plan: Plan, pack: Pack, ctx: Ctx): void {
  if (!plan.packs.includes(pack.id)) throw new CliFailure(ctx.m.planNotForPack(plan.id, pack.id));
}

/** The plan for a workbook (see `planForWorkbook` in src/io/answers.ts); exit 2 when it is not here. */
export function workbookPlan(file: string, data: WorkbookData, override: Plan | undefined): Plan {
  return planForWorkbook(file, data, builtinPlans(), defaultPlan(), override);
}

export function runPlans(args: Parsed, ctx: Ctx): number {
  const plans = builtinPlans();
  if (optFlag(args, 'json')) {
    ctx.out(JSON.stringify(plans, null, 2) + '\n');
    return EXIT_OK;
  }
  const rows = plans.map((p) => [
    p.id + (p.id === DEFAULT_PLAN_ID ? ' *' : ''),
    p.version,
    `${planDayText(p.period.start)} – ${planDayText(p.period.end)}`,
    planDayText(p.reviewDate),
    p.title,
  ]);
  ctx.out(table(ctx.m.plansHeader, rows, 120) + '\n');
  return EXIT_OK;
}

export async function runPlanCommand(args: Parsed, ctx: Ctx): Promise<number> {
  const [sub, file, unexpected] = args.positionals;
  if (sub !== 'validate')
    throw new UsageError(ctx.m.unknownCommand(sub === undefined ? 'plan' : `plan ${sub}`));
  if (file === undefined) throw new UsageError(ctx.m.missingFile);
  if (unexpected !== undefined) throw new UsageError(ctx.m.unexpectedArgument(unexpected));
  const r = await validatePlanFile(file);
  if (!r.ok) {
    ctx.out(`${ctx.m.packInvalid(file, r.issues.length)}\n${indent(formatIssues(r.issues))}\n`);
    return EXIT_NOT_MET;
  }
  const p = r.plan;
  ctx.out(
    ctx.m.planValid(file, p.id, p.version, planDayText(p.period.start), planDayText(p.period.end)) + '\n',
  );
  return EXIT_OK;
}
