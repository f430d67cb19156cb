/**
 * The plan a consolidation's targets come from: the one given (`--plan ID|FILE`), else the plan
 * most units were scored under (the default plan on a tie or without units), and the input ids any
 * candidate plan's targets read (the readers keep only those values).
 */
import { builtinPlans, defaultPlan, getBuiltinPlan } from '../plan/registry';
import type { Plan } from '../plan/schema';
import type { AggregateOptions, UnitRecord } from '../sheet/summary';
import { planTargets, targetFieldIds } from '../sheet/targets';

export function batchFieldIds(plan?: Plan): string[] {
  const plans = plan ? [plan] : builtinPlans();
  return [...new Set(plans.flatMap((p) => targetFieldIds(p.targets?.items ?? [])))].sort();
}

/** The plan most records name (ties: the default plan if among them, else the first id by name). */
export function commonPlanId(records: readonly Pick<UnitRecord, 'plan'>[]): string | undefined {
  const n = new Map<string, number>();
  for (const r of records) if (r.plan) n.set(r.plan.id, (n.get(r.plan.id) ?? 0) + 1);
  const max = Math.max(0, ...n.values());
  const top = [...n.keys()].filter((id) => n.get(id) === max).sort();
  if (!top.length) return undefined;
  return top.includes(defaultPlan().id) ? defaultPlan().id : top[0];
}

export function batchPlan(
  records: readonly Pick<UnitRecord, 'plan'>[],
  given?: Plan,
): Pick<AggregateOptions, 'plan' | 'targets'> {
  const id = commonPlanId(records);
  const plan = given ?? (id !== undefined ? getBuiltinPlan(id) : undefined) ?? defaultPlan();
  return { plan: { id: plan.id, version: plan.version }, targets: planTargets(plan) };
}
