/**
 * Aggregate emulation targets (chỉ tiêu thi đua) over consolidated units. The thresholds, the
 * fields they read and the document they come from are the plan's data (`targets` of a plan,
 * src/plan/builtin/*.json — the Bắc Quang 2024 preset carries seed 003's); this file only computes
 * them. A target the workbook holds no field for (`noData`) is listed, never computed.
 */
import type { VerdictCode } from '../engine/status';
import type { CellValue } from '../engine/values';
import type { Plan, PlanTarget } from '../plan/schema';

export type TargetDef = PlanTarget;

/** The targets of one plan and the document that sets them. */
export interface TargetSet {
  planId: string;
  planVersion: string;
  source: string;
  defs: readonly TargetDef[];
}

/** The plan's targets, or undefined when the plan sets none. */
export function planTargets(plan: Plan): TargetSet | undefined {
  if (!plan.targets || !plan.targets.items.length) return undefined;
  return {
    planId: plan.id,
    planVersion: plan.version,
    source: plan.targets.source,
    defs: plan.targets.items,
  };
}

/** What a target needs to know about one unit. */
export interface TargetUnit {
  packId: string;
  verdict: VerdictCode;
  /** input values by id (only the ids `targetFieldIds` lists are needed) */
  fields: Readonly<Record<string, CellValue | undefined>>;
}

/** Why units were left out of the figures. */
/** `unstamped`: never evaluated (stamp state `none`) */
export type ExclusionCode = 'other_year' | 'edited' | 'unstamped' | 'other_version';

export const EXCLUSION_LABELS: Record<ExclusionCode, string> = {
  other_year: 'bảng tính của năm khác',
  edited: 'đã sửa sau lần đánh giá',
  unstamped: 'chưa đánh giá (không có dấu đánh giá)',
  other_version: 'đánh giá bằng phiên bản bộ tiêu chí khác',
};

export interface Exclusions {
  count: number;
  reasons: Array<{ code: ExclusionCode; label: string; count: number }>;
}

export interface TargetResult {
  id: string;
  label: string;
  measure: 'share' | 'count';
  op: '>=' | '<=';
  /** share: 0..1 rounded to 4 decimals; count: a whole number; null when no unit applies or no data */
  value: number | null;
  target: number;
  met: boolean;
  /** units that meet it */
  hits: number;
  /** units it was computed over (with a roster: including the roster's units without a result) */
  over: number;
  /** the workbook holds no field to count it */
  noData?: boolean;
  note?: string;
  /** units left out of the figures (not fresh, other year), with the reasons */
  excluded: Exclusions;
  /** last year's value (from `--prior-summary`), when known */
  prior?: number | null;
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

export interface ComputeOptions {
  excluded?: Exclusions;
  /** units of the roster without a counted result: they count in every share's denominator */
  rosterOutside?: number;
}

const NO_EXCLUSIONS: Exclusions = { count: 0, reasons: [] };

export function computeTargets(
  defs: readonly TargetDef[],
  units: readonly TargetUnit[],
  opts: ComputeOptions = {},
): TargetResult[] {
  const excluded = opts.excluded ?? NO_EXCLUSIONS;
  return defs.map((def) => {
    const base = {
      id: def.id,
      label: def.label,
      measure: def.measure,
      op: def.op,
      target: def.target,
      excluded,
      ...(def.note ? { note: def.note } : {}),
    };
    if (def.noData) return { ...base, value: null, met: false, hits: 0, over: 0, noData: true };
    const pool = def.verdict ? units : units.filter((u) => def.field?.[u.packId] !== undefined);
    const hits = pool.filter((u) => counts(def, u)).length;
    const over = pool.length + (def.measure === 'share' ? (opts.rosterOutside ?? 0) : 0);
    let value: number | null;
    if (!over) value = null;
    else if (def.measure === 'count') value = hits;
    else value = Math.round((hits / over) * 10_000) / 10_000;
    const met = value !== null && (def.op === '>=' ? value >= def.target : value <= def.target);
    return { ...base, value, met, hits, over };
  });
}
