/**
 * The heavy half of the pane (built-in packs, zod validation, the engine), loaded with a dynamic
 * import() so the first paint only needs React and Fluent UI.
 */
import { evaluate, type Evaluation } from '../engine/evaluate';
import type { SheetState } from '../excel/host';
import { BUILTIN_PACK_IDS, getBuiltinPack } from '../pack/registry';
import type { Guidance, Pack } from '../pack/schema';
import type { Plan } from '../plan/schema';
import { validatePlan } from '../plan/validate';
import { validatePack } from '../pack/validate';
import { issueLine, issueMsg, issueText, type PackIssue } from '../pack/issueTexts';
import type { Lang } from '../i18n/lang';
import { inputReason, reason } from '../i18n/inputReasons';
import { toInputError } from '../io/errors';
import { parseJsonText } from '../io/json';
import { builtinPlans, defaultPlan, getBuiltinPlan } from '../plan/registry';
import { upcomingDeadlines, type Deadline } from './deadlines';

/** Plans and packs the official loaded from files (validated), looked up before the built-in ones. */
let custom: { plans: readonly Plan[]; packs: readonly Pack[] } = { plans: [], packs: [] };

const packById = (id: string): Pack | undefined =>
  custom.packs.find((p) => p.id === id) ?? getBuiltinPack(id);
const planById = (id: string): Plan | undefined =>
  custom.plans.find((p) => p.id === id) ?? getBuiltinPlan(id);

export type Scored =
  { kind: 'evaluated'; evaluation: Evaluation } | { kind: 'unknownPack'; sheet: string; pack: string };

/** The live summary: the engine under the plan the sheet records, like Đánh giá and the readers. */
export function scoreSheet(state: SheetState, today: number): Scored {
  // the host has resolved the sheet's pack and plan (built in, or loaded from a file)
  return { kind: 'evaluated', evaluation: evaluate(state.pack, state.values, { today, plan: state.plan }) };
}

/** The pack's guidance (evidence that counts, how to fix) by criterion id; empty for an unknown pack. */
export function guidanceOf(packId: string): Record<string, Guidance> {
  const out: Record<string, Guidance> = {};
  const pack = packById(packId);
  for (const c of pack?.groups.flatMap((g) => g.criteria) ?? []) {
    if (c.guidance) out[c.id] = c.guidance;
  }
  return out;
}

/** The next deadlines of an evaluated sheet under the plan it records (see ./deadlines.ts). */
export function deadlinesOf(evaluation: Evaluation, today: number): Deadline[] {
  const pack = packById(evaluation.pack.id);
  const plan = planById(evaluation.plan.id) ?? defaultPlan();
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

/** The plans a new sheet can follow: the built-in ones (the default first), then those loaded. */
export function planChoices(): Array<{ id: string; title: string }> {
  const loaded = new Set(custom.plans.map((p) => p.id));
  return [...builtinPlans().filter((p) => !loaded.has(p.id)), ...custom.plans].map((p) => ({
    id: p.id,
    title: p.title,
  }));
}

/** The packs loaded from files (the built-in ones are offered by the pane itself). */
export function loadedPacks(): Array<{ id: string; title: string; criteria: number }> {
  return custom.packs.map((p) => ({
    id: p.id,
    title: p.shortTitle,
    criteria: p.groups.reduce((n, g) => n + g.criteria.length, 0),
  }));
}

export type ParsedFile =
  { kind: 'plan'; plan: Plan } | { kind: 'pack'; pack: Pack } | { kind: 'error'; message: string };

/**
 * A plan or pack file the official picked: JSON under the same limits as the CLI's, then the
 * schema; a pack has `groups`, a plan `period`. Every problem is said with its path, and why the
 * file cannot be read, in the pane's language.
 */
export function parseFile(text: string, name: string, lang: Lang = 'vi'): ParsedFile {
  let data: unknown;
  try {
    data = parseJsonText(text, name);
  } catch (e) {
    return { kind: 'error', message: toInputError(e, name).line(lang) };
  }
  const obj = typeof data === 'object' && data !== null ? data : undefined;
  if (obj && 'groups' in obj) {
    const r = validatePack(data);
    return r.ok
      ? { kind: 'pack', pack: r.pack }
      : { kind: 'error', message: issuesText(name, r.issues, lang) };
  }
  if (obj && 'period' in obj) {
    const r = validatePlan(data);
    return r.ok
      ? { kind: 'plan', plan: r.plan }
      : { kind: 'error', message: issuesText(name, r.issues, lang) };
  }
  return {
    kind: 'error',
    message: `${name}: ${inputReason(lang, reason('json.notPackOrPlan'))}`,
  };
}

/** The file's first five problems in one line, in `lang`. */
function issuesText(name: string, issues: readonly PackIssue[], lang: Lang): string {
  const list = issues
    .slice(0, 5)
    .map((i) => issueLine(lang, i))
    .join('; ');
  const n = issues.length;
  const said =
    n > 5
      ? issueMsg('file.invalidMore', { name, n, list, more: n - 5 })
      : issueMsg('file.invalid', { name, n, list });
  return issueText(lang, said);
}

/** The files kept with the workbook, validated again (they travel with an emailed workbook). */
export function useStoredFiles(stored: { plans: unknown[]; packs: unknown[] }): {
  plans: Plan[];
  packs: Pack[];
} {
  const plans = stored.plans.flatMap((d) => {
    const r = validatePlan(d);
    return r.ok ? [r.plan] : [];
  });
  const packs = stored.packs.flatMap((d) => {
    const r = validatePack(d);
    return r.ok ? [r.pack] : [];
  });
  custom = { plans, packs };
  return { plans, packs };
}

/** Add a validated file to the lookups of this chunk (the host keeps it with the workbook). */
export function addLoaded(item: { kind: 'plan'; plan: Plan } | { kind: 'pack'; pack: Pack }): void {
  custom =
    item.kind === 'plan'
      ? { ...custom, plans: [...custom.plans.filter((p) => p.id !== item.plan.id), item.plan] }
      : { ...custom, packs: [...custom.packs.filter((p) => p.id !== item.pack.id), item.pack] };
}
