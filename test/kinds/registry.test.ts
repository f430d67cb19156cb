/**
 * The requirement-kind table: every kind's schema is a strict object of its own kind, its
 * reference fields are required indicator ids, its functions refuse a requirement of another kind,
 * and the built-in packs use every kind (so the agreement tests over them cover each one).
 */
import { z } from 'zod';
import {
  KINDS,
  KindMismatchError,
  UnknownKindError,
  deadlineOf,
  findKind,
  kindOf,
  type TextContext,
} from '../../src/kinds';
import { builtinPacks } from '../../src/pack/registry';
import { KIND_SCHEMA_PARTS, type Indicator, type Requirement } from '../../src/pack/schema';

const requirements: Requirement[] = builtinPacks().flatMap((p) =>
  p.groups.flatMap((g) => g.criteria.flatMap((c) => c.requirements)),
);

/** A built-in requirement of each kind. */
function example(kind: string): Requirement {
  const r = requirements.find((x) => x.kind === kind);
  if (!r) throw new Error(`no built-in requirement of kind ${kind}`);
  return r;
}

describe('the requirement kinds table', () => {
  it('has unique names, and the built-in packs use every kind', () => {
    const names = KINDS.map((k) => k.kind);
    expect(new Set(names).size).toBe(names.length);
    expect([...new Set(requirements.map((r) => r.kind))].sort()).toEqual([...names].sort());
  });

  it.each(KINDS.map((k) => [k.kind, k] as const))('%s: a strict schema of its own kind', (name, kind) => {
    const schema = kind.schema(z, KIND_SCHEMA_PARTS);
    const r = example(name);
    expect(schema.safeParse(r).success).toBe(true);
    expect(
      schema.safeParse({ ...r, applicability: { indicator: 'x', mode: 'only', values: ['a'] } }).success,
    ).toBe(true);
    expect(schema.safeParse({ ...r, thua: 1 }).success).toBe(false);
    expect(schema.safeParse({ ...r, kind: name === 'zero' ? 'equals' : 'zero' }).success).toBe(false);
    expect(kind.refs.length).toBeGreaterThan(0);
    for (const [field] of kind.refs) {
      const without = Object.fromEntries(Object.entries(r).filter(([k]) => k !== field));
      expect([field, schema.safeParse(without).success]).toEqual([field, false]);
      expect([field, schema.safeParse({ ...r, [field]: 3 }).success]).toEqual([field, false]);
    }
    expect(kind.doc).toMatch(/^\S.*\S$/);
  });

  it('hands a requirement only to its own kind', () => {
    const x: TextContext = {
      num: () => 0,
      bool: () => false,
      label: () => '',
      day: (d) => d,
      scale: () => [],
    };
    const ind: Indicator = { id: 'so_vu', label: 'Số vụ', type: 'count' };
    const zero = kindOf({ kind: 'zero' });
    expect(zero.expectation(x, example('zero'), 'indicator', ind)).toBe('= 0');
    expect(() => zero.expectation(x, example('equals'), 'indicator', ind)).toThrow(KindMismatchError);
    expect(() => kindOf({ kind: 'khongCo' })).toThrow(UnknownKindError);
    expect(findKind('khongCo')).toBeUndefined();
  });

  it('knows the day each requirement falls due (the pane lists the next ones)', () => {
    for (const r of requirements) {
      const want =
        r.kind === 'atLeast' || r.kind === 'datedEvent'
          ? r.due
          : r.kind === 'datedDocument'
            ? r.to
            : r.kind === 'complete' && r.timing === 'accruing'
              ? (r.due ?? 'het_ky')
              : undefined;
      expect([r.kind, deadlineOf(r)]).toEqual([r.kind, want]);
    }
    expect(requirements.some((r) => deadlineOf(r) === 'het_ky')).toBe(true);
  });
});
