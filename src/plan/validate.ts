/**
 * Plan validation: the zod shape (with the packs' Vietnamese messages and paths) plus the date
 * rules, every problem collected. Never throws; either `{ ok: true, plan }` or the issues.
 */
import { packIssue } from '../pack/issueTexts';
import { ROOT_PATH, dayMonth, viMessage, zodIssues, type PackIssue } from '../pack/validate';
import { planSchema, type Plan, type PlanDay } from './schema';

export type PlanValidation = { ok: true; plan: Plan } | { ok: false; issues: PackIssue[] };

/** Day number of a plan day relative to 01/01 of `nam` (a 365-day calendar: enough for ordering). */
export function planDayOrdinal(d: PlanDay): number {
  const [day = 0, m = 1] = d.dayMonth.split('/').map(Number);
  const before = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334][m - 1] ?? 0;
  return d.yearOffset * 365 + before + day;
}

const PLAN_DAYS = [
  'period.start',
  'period.end',
  'reviewDate',
  'midYearDate',
  'dossierDeadline',
  'selectionDeadline',
] as const;

function dayOf(plan: Plan, path: (typeof PLAN_DAYS)[number]): PlanDay | undefined {
  switch (path) {
    case 'period.start':
      return plan.period.start;
    case 'period.end':
      return plan.period.end;
    default:
      return plan[path];
  }
}

function dateIssues(plan: Plan): PackIssue[] {
  const out: PackIssue[] = [];
  // a day that does not exist every year (31/02, 29/02) would silently roll over in Excel's DATE()
  for (const path of PLAN_DAYS) {
    const d = dayOf(plan, path);
    const r = d ? dayMonth(d.dayMonth) : undefined;
    if (d && r && !r.ok)
      out.push(packIssue(`${path}.dayMonth`, 'pack.badDay', { day: d.dayMonth, why: r.why }));
  }
  if (out.length) return out;
  const start = planDayOrdinal(plan.period.start);
  const end = planDayOrdinal(plan.period.end);
  if (end <= start) out.push(packIssue('period.end', 'plan.endBeforeStart'));
  else if (end - start > 366) out.push(packIssue('period.end', 'plan.periodLong'));
  else if (end - start < 28) out.push(packIssue('period.end', 'plan.periodShort'));
  if (plan.period.end.yearOffset !== 0) out.push(packIssue('period.end.yearOffset', 'plan.endYear'));
  if (planDayOrdinal(plan.reviewDate) < end) out.push(packIssue('reviewDate', 'plan.reviewBeforeEnd'));
  if (plan.dossierDeadline && planDayOrdinal(plan.dossierDeadline) < planDayOrdinal(plan.reviewDate))
    out.push(packIssue('dossierDeadline', 'plan.dossierBeforeReview'));
  if (plan.midYearDate) {
    const mid = planDayOrdinal(plan.midYearDate);
    if (mid <= start || mid >= end) out.push(packIssue('midYearDate', 'plan.midYearOutside'));
  }
  for (const pack of Object.keys(plan.roles.signer)) {
    if (!plan.packs.includes(pack))
      out.push(packIssue(`roles.signer.${pack}`, 'plan.packNotCovered', { pack }));
  }
  for (const pack of plan.packs) {
    if (!plan.roles.signer[pack]) out.push(packIssue('roles.signer', 'plan.noSigner', { pack }));
    if (!plan.roles.proposer[pack]) out.push(packIssue('roles.proposer', 'plan.noProposer', { pack }));
  }
  for (const pack of Object.keys(plan.parameters)) {
    if (!plan.packs.includes(pack))
      out.push(packIssue(`parameters.${pack}`, 'plan.packNotCovered', { pack }));
  }
  return out;
}

export function validatePlan(data: unknown): PlanValidation {
  try {
    const issues: PackIssue[] = [];
    const parsed = planSchema.safeParse(data, {
      error: viMessage,
      // the final issues keep the value received: the English line is worked out again from them
      // (fromZod); without it, most issues would pass through as their Vietnamese text
      reportInput: true,
    });
    if (!parsed.success) {
      zodIssues(parsed.error.issues, [], issues);
      return {
        ok: false,
        issues: issues.length ? issues : [packIssue(ROOT_PATH, 'plan.invalid')],
      };
    }
    issues.push(...dateIssues(parsed.data));
    return issues.length ? { ok: false, issues } : { ok: true, plan: parsed.data };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { ok: false, issues: [packIssue(ROOT_PATH, 'plan.unreadable', { why })] };
  }
}
