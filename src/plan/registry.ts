/**
 * The built-in plans: the current default for the two-tier local government and presets that
 * reproduce each seed plan (docs/plans.md traces every field). Validated at build time, not at
 * every start: test/pack/builtinValidated.test.ts proves that the validator (src/plan/validate.ts)
 * accepts each file and returns it unchanged, so zod is loaded only for user-supplied plans.
 */
import { BUILTIN_PLAN_SOURCES } from './builtin';
import type { Plan } from './schema';

/** The shipped JSON as the `Plan` it was proven to be (see the module comment). */
function validatedAtBuild(data: object): Plan {
  return data as Plan;
}

import { DEFAULT_PLAN_ID } from './ids';

export { DEFAULT_PLAN_ID };

let loaded: readonly Plan[] | undefined;

export function builtinPlans(): Plan[] {
  loaded ??= BUILTIN_PLAN_SOURCES.map(({ data }) => validatedAtBuild(data));
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
