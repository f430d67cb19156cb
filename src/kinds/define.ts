/**
 * `defineKind`: turns one kind's typed functions (./types.ts `KindSpec`) into a registry entry
 * whose functions take any requirement, so that the compiler, the validator and the sheet can call
 * a kind without knowing its type.
 */
import type { AnyRequirement, KindSchema, KindSpec, RequirementData, RequirementKind } from './types';
import type { IndicatorType } from '../pack/schema';

/** A requirement handed to the wrong kind: a bug in the caller, never a user's mistake. */
export class KindMismatchError extends Error {
  constructor(kind: string, got: string) {
    super(`requirement of kind “${got}” handed to kind “${kind}”`);
    this.name = 'KindMismatchError';
  }
}

export function defineKind<K extends string, S extends KindSchema<K>>(
  spec: KindSpec<K, S>,
): RequirementKind<K, S> {
  type R = AnyRequirement & RequirementData<S>;
  // the discriminant is the whole proof: validation (or the build-time test of the built-in packs)
  // has checked that a requirement of this kind has this kind's shape
  const own = (r: AnyRequirement): r is R => r.kind === spec.kind;
  const mine = (r: AnyRequirement): R => {
    if (!own(r)) throw new KindMismatchError(spec.kind, r.kind);
    return r;
  };
  const refs: Array<readonly [string, IndicatorType]> = [];
  const table: Readonly<Partial<Record<string, IndicatorType>>> = spec.refs;
  for (const [field, type] of Object.entries(table)) {
    if (type !== undefined) refs.push([field, type]);
  }
  return {
    kind: spec.kind,
    doc: spec.doc,
    schema: spec.schema,
    refs,
    fieldReading(r, id) {
      const values = new Map<string, unknown>(Object.entries(mine(r)));
      return refs.find(([field]) => values.get(field) === id)?.[0];
    },
    check: (v) => spec.check?.(v),
    compile: (c, r) => spec.compile(c, mine(r)),
    expectation: (x, r, field, ind) => spec.expectation(x, mine(r), field, ind),
    deadline: (r) => spec.deadline?.(mine(r)),
  };
}
