/**
 * The requirement-kind registry (./registry.ts) and lookups by name. No zod here or in any kind
 * file: the engine and the sheet read this table on the pane's first load.
 */
import { KINDS } from './registry';
import type { AnyRequirement, RequirementKind } from './types';

export { KINDS } from './registry';
export { KindMismatchError } from './define';
export { PERIOD_END_DUE } from './shared';
export type * from './types';

/** An unknown kind reached code after validation: a bug, never a user's mistake. */
export class UnknownKindError extends Error {
  constructor(kind: string) {
    super(`unknown requirement kind “${kind}”`);
    this.name = 'UnknownKindError';
  }
}

/** The kind called `name`, or undefined (the validator reports it). */
export function findKind(name: string): RequirementKind | undefined {
  const kinds: readonly RequirementKind[] = KINDS;
  return kinds.find((k) => k.kind === name);
}

/** The kind of a validated requirement. */
export function kindOf(r: AnyRequirement): RequirementKind {
  const k = findKind(r.kind);
  if (!k) throw new UnknownKindError(r.kind);
  return k;
}

/** The day a requirement falls due ("DD/MM" or `het_ky`), when its kind has one. */
export function deadlineOf(r: AnyRequirement): string | undefined {
  return kindOf(r).deadline(r);
}
