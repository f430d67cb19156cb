/**
 * Aggregate emulation targets (chỉ tiêu thi đua) over consolidated units. The thresholds and the
 * fields they read are data (src/pack/builtin/targets.json, from the Bắc Quang 2024 plan, seed 003);
 * this file only validates and computes them.
 */
import { z } from 'zod';
import { VERDICT_CODES, type VerdictCode } from '../engine/status';
import type { CellValue } from '../engine/values';
import targetsData from '../pack/builtin/targets.json';

export const targetSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9_]*$/),
    label: z.string().min(1),
    note: z.string().optional(),
    /** share: fraction of the units the target applies to; count: number of units */
    measure: z.enum(['share', 'count']),
    /** pack id → input id read for this target; units of packs not listed are left out */
    field: z.record(z.string(), z.string()).optional(),
    /** the field counts when its text is one of these (case-insensitive) … */
    anyOf: z.array(z.string()).optional(),
    /** … or when it is a number ≥ this */
    atLeast: z.number().optional(),
    /** instead of a field: the unit's verdict is one of these */
    verdict: z.array(z.enum(VERDICT_CODES)).optional(),
    op: z.enum(['>=', '<=']),
    target: z.number(),
  })
  .strict()
  .refine((t) => (t.field ? !t.verdict && (t.anyOf || t.atLeast !== undefined) : !!t.verdict), {
    message: 'chỉ tiêu phải đọc một trường (field + anyOf/atLeast) hoặc kết luận (verdict)',
  });

export const targetsFileSchema = z
  .object({ source: z.string(), targets: z.array(targetSchema).min(1) })
  .strict();

export type TargetDef = z.infer<typeof targetSchema>;
export type TargetsFile = z.infer<typeof targetsFileSchema>;

let cached: TargetsFile | undefined;
/** The built-in targets (Bắc Quang 2024), validated once. */
export function builtinTargets(): TargetsFile {
  if (!cached) {
    const r = targetsFileSchema.safeParse(targetsData);
    if (!r.success)
      throw new Error(`src/pack/builtin/targets.json is invalid (programmer error): ${r.error.message}`);
    cached = r.data;
  }
  return cached;
}

/** What a target needs to know about one unit. */
export interface TargetUnit {
  packId: string;
  verdict: VerdictCode;
  /** input values by id (only the ids `targetFieldIds` lists are needed) */
  fields: Readonly<Record<string, CellValue | undefined>>;
}

export interface TargetResult {
  id: string;
  label: string;
  /** share: 0..1 rounded to 4 decimals; count: a whole number; null when no unit applies */
  value: number | null;
  target: number;
  met: boolean;
}

/** Every input id any target reads (for readers that only keep a few values per unit). */
export function targetFieldIds(defs: readonly TargetDef[]): string[] {
  const ids = new Set<string>();
  for (const d of defs) for (const id of Object.values(d.field ?? {})) ids.add(id);
  return [...ids].sort();
}

const fold = (s: string): string => s.normalize('NFC').trim().toLocaleLowerCase('vi');

function counts(def: TargetDef, u: TargetUnit): boolean {
  if (def.verdict) return def.verdict.includes(u.verdict);
  const id = def.field?.[u.packId];
  const v = id === undefined ? undefined : u.fields[id];
  if (def.anyOf && typeof v === 'string' && def.anyOf.some((a) => fold(a) === fold(v))) return true;
  if (def.atLeast !== undefined && typeof v === 'number' && Number.isFinite(v) && v >= def.atLeast)
    return true;
  return false;
}

export function computeTargets(defs: readonly TargetDef[], units: readonly TargetUnit[]): TargetResult[] {
  return defs.map((def) => {
    const pool = def.verdict ? units : units.filter((u) => def.field?.[u.packId] !== undefined);
    const hits = pool.filter((u) => counts(def, u)).length;
    let value: number | null;
    if (!pool.length) value = null;
    else if (def.measure === 'count') value = hits;
    else value = Math.round((hits / pool.length) * 10_000) / 10_000;
    const met = value !== null && (def.op === '>=' ? value >= def.target : value <= def.target);
    return { id: def.id, label: def.label, value, target: def.target, met };
  });
}
