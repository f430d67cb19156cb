/**
 * The built-in plans: the current default for the two-tier local government and presets that
 * reproduce each seed plan (docs/plans.md traces every field). Validated lazily once; a built-in
 * plan that fails validation is a programmer error.
 */
import { BUILTIN_PLAN_SOURCES } from './builtin';
import { formatIssues } from '../pack/validate';
import type { Plan } from './schema';
import { validatePlan } from './validate';

import { DEFAULT_PLAN_ID } from './ids';

export { DEFAULT_PLAN_ID };

let loaded: readonly Plan[] | undefined;

export function builtinPlans(): Plan[] {
  if (!loaded) {
    loaded = BUILTIN_PLAN_SOURCES.map(({ file, data }) => {
      const r = validatePlan(data);
      if (!r.ok)
        throw new Error(
          `Built-in plan src/plan/builtin/${file} is invalid (programmer error):\n${formatIssues(r.issues)}`,
        );
      return r.plan;
    });
  }
  return [...loaded];
}

export function getBuiltinPlan(id: string): Plan | undefined {
  return builtinPlans().find((p) => p.id === id);
}

/** The default plan (always present). */
export function defaultPlan(): Plan {
  const p = getBuiltinPlan(DEFAULT_PLAN_ID);
  if (!p) throw new Error(`Built-in plan ${DEFAULT_PLAN_ID} is missing (programmer error)`);
  return p;
}
