/**
 * The heavy half of the pane (built-in packs, zod validation, the engine), loaded with a dynamic
 * import() so the first paint only needs React and Fluent UI.
 */
import { evaluate, type Evaluation } from '../engine/evaluate';
import type { SheetState } from '../excel/host';
import { BUILTIN_PACK_IDS, getBuiltinPack } from '../pack/registry';
import type { Guidance } from '../pack/schema';
import { builtinPlans, defaultPlan, getBuiltinPlan } from '../plan/registry';
import { upcomingDeadlines, type Deadline } from './deadlines';

export type Scored =
  { kind: 'evaluated'; evaluation: Evaluation } | { kind: 'unknownPack'; sheet: string; pack: string };

/** The live summary: the engine under the plan the sheet records, like Đánh giá and the readers. */
export function scoreSheet(state: SheetState, today: number): Scored {
  const pack = getBuiltinPack(state.packId);
  if (!pack) return { kind: 'unknownPack', sheet: state.sheetName, pack: state.packId };
  // the host refuses a sheet whose plan the add-in does not have; an absent id is an older sheet
  const plan = getBuiltinPlan(state.planId) ?? defaultPlan();
  return { kind: 'evaluated', evaluation: evaluate(pack, state.values, { today, plan }) };
}

/** The pack's guidance (evidence that counts, how to fix) by criterion id; empty for an unknown pack. */
export function guidanceOf(packId: string): Record<string, Guidance> {
  const out: Record<string, Guidance> = {};
  const pack = getBuiltinPack(packId);
  for (const c of pack?.groups.flatMap((g) => g.criteria) ?? []) {
    if (c.guidance) out[c.id] = c.guidance;
  }
  return out;
}

/** The next deadlines of an evaluated sheet under the plan it records (see ./deadlines.ts). */
export function deadlinesOf(evaluation: Evaluation, today: number): Deadline[] {
  const pack = getBuiltinPack(evaluation.pack.id);
  const plan = getBuiltinPlan(evaluation.plan.id) ?? defaultPlan();
  return pack ? upcomingDeadlines(pack, plan, evaluation, today) : [];
}

/** Number of criteria of each built-in pack, by id. */
export function packCriteriaCounts(): Record<string, number> {
  const out: Record<string, number> = {};
  for (const id of BUILTIN_PACK_IDS) {
    const pack = getBuiltinPack(id);
    if (pack) out[id] = pack.groups.reduce((n, g) => n + g.criteria.length, 0);
  }
  return out;
}

/** The built-in plans a new sheet can follow: id and title, the default first. */
export function planChoices(): Array<{ id: string; title: string }> {
  return builtinPlans().map((p) => ({ id: p.id, title: p.title }));
}
