/**
 * The build-time validation of the built-in packs and plans: the registries use the shipped JSON as
 * it is (no zod at start-up), which is right only if the validator accepts each file and returns it
 * unchanged — no defaults filled in, nothing stripped or transformed. `npm test` runs before a build
 * is shipped, so a change to the data or the schema that breaks this stops the build.
 */
import { isDeepStrictEqual } from 'node:util';
import { BUILTIN_PACK_SOURCES, builtinPacks } from '../../src/pack/registry';
import { formatIssues, validatePack } from '../../src/pack/validate';
import { BUILTIN_PLAN_SOURCES } from '../../src/plan/builtin';
import { builtinPlans } from '../../src/plan/registry';
import { validatePlan } from '../../src/plan/validate';
import { at } from '../helpers/at';

test.each(BUILTIN_PACK_SOURCES.map((s) => [s.file, s.data] as const))(
  'built-in pack %s is exactly what the pack validator accepts',
  (_file, data) => {
    const r = validatePack(data);
    expect(r.ok ? 'valid' : formatIssues(r.issues)).toBe('valid');
    if (r.ok) expect(isDeepStrictEqual(r.pack, data)).toBe(true);
  },
);

test.each(BUILTIN_PLAN_SOURCES.map((s) => [s.file, s.data] as const))(
  'built-in plan %s is exactly what the plan validator accepts',
  (_file, data) => {
    const r = validatePlan(data);
    expect(r.ok ? 'valid' : formatIssues(r.issues)).toBe('valid');
    if (r.ok) expect(isDeepStrictEqual(r.plan, data)).toBe(true);
  },
);

test('the registries hand out the shipped data itself', () => {
  expect(builtinPacks()).toEqual(BUILTIN_PACK_SOURCES.map((s) => s.data));
  expect(builtinPlans()).toEqual(BUILTIN_PLAN_SOURCES.map((s) => s.data));
});

test('a pack the validator changes is caught (the check can fail)', () => {
  const first = at(BUILTIN_PACK_SOURCES, 0);
  const changed = { ...first.data, extra: 'bỏ đi' };
  const r = validatePack(changed);
  expect(r.ok && isDeepStrictEqual(r.pack, changed)).toBe(false);
});
