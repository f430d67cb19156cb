/**
 * Consolidation, the pure part shared by the CLI (`tieuchi consolidate`) and the add-in: per-unit
 * records → one row per unit (duplicates flagged, newest kept), sorted by unit type then name; the
 * batch's year (workbooks of another year flagged and kept out of the figures); the figures —
 * targets, per-criterion counts, verdict distribution — over the units whose stamp is fresh, with
 * what was left out and why; against a roster, the units that sent nothing; against last year's
 * summary, the change per unit and per target.
 */
import type { StatusCode, VerdictCode } from '../engine/status';
import type { CellValue } from '../engine/values';
import type { StampState } from './stampState';
import { warningText, type WarningArgs } from './warningTexts';
import {
  computeTargets,
  EXCLUSION_LABELS,
  type ExclusionCode,
  type Exclusions,
  type TargetResult,
  type TargetSet,
} from './targets';

/** One unit as printed by `--json` (a public contract: keep the field names, only add). */
export interface UnitRow {
  file: string;
  unit: string;
  unitType: string;
  pack: { id: string; version: string };
  verdict: { code: VerdictCode; label: string };
  passed: number;
  applicable: number;
  failing: string[];
  stamp: StampState;
  /** the evaluation year */
  year: number;
  /** the as-of date of the evaluation (YYYY-MM-DD) */
  asOf: string | null;
  /** the plan the unit was scored under */
  plan: { id: string; version: string } | null;
  /** left out of the figures, and why (absent: counted) */
  excluded?: ExclusionCode;
  /** last year's result of the same unit (with a prior summary; null: not in it) */
  prior?: { verdict: string; passed: number; applicable: number } | null;
}

/** A criterion's result in one unit (what the per-criterion table counts). */
export interface UnitCriterion {
  id: string;
  status: StatusCode;
}

/** A unit as read from its file, with what deduplication and the figures need. */
export interface UnitRecord extends Omit<UnitRow, 'asOf' | 'plan' | 'excluded' | 'prior'> {
  plan?: { id: string; version: string };
  asOf?: string;
  /** stamp time (ms since epoch) when stamped */
  stampTime?: number;
  /** file modification time (ms since epoch) */
  mtimeMs: number;
  /** the few input values the targets read */
  fields: Record<string, CellValue>;
  /** each criterion's status (absent in records from older readers: not counted) */
  criteria?: UnitCriterion[];
  /** criterion titles by id (for the per-criterion table) */
  titles?: Record<string, string>;
}

export interface DuplicateGroup {
  unit: string;
  unitType: string;
  year: number;
  /** the file kept (newest by stamp time, else by modification time) */
  kept: string;
  /** the other files of the same unit, newest first */
  dropped: string[];
}

export interface FileError {
  file: string;
  /** one Vietnamese line naming the file and the reason */
  message: string;
  /** the same line in English (the CLI's `--lang en`, the pane in English) */
  messageEn?: string;
}

/** How the counted units fare on one criterion. */
export interface CriterionCount {
  pack: string;
  id: string;
  title: string;
  pass: number;
  fail: number;
  missing: number;
  invalid: number;
  na: number;
  /** not due yet at the as-of date */
  notDue: number;
}

/** A unit of the area as listed in the roster. */
export interface RosterUnit {
  unit: string;
  /** empty when the roster gives no type */
  unitType: string;
}

/** Last year's consolidation (its `--json` output or its summary workbook), for the change. */
export interface PriorSummary {
  file: string;
  year: number | null;
  units: ReadonlyArray<Pick<UnitRow, 'unit' | 'unitType' | 'passed' | 'applicable'> & { verdict: string }>;
  /** by id (a `--json` output) or, from a summary workbook, by label */
  targets: ReadonlyArray<{ id?: string; label?: string; value: number | null }>;
}

export interface ConsolidationResult {
  /** the batch's year (most units'; null without units) */
  year: number | null;
  /** the plan whose targets were computed, with the document that sets them */
  plan: { id: string; version: string; targetsSource: string | null } | null;
  units: UnitRow[];
  duplicates: DuplicateGroup[];
  errors: FileError[];
  targets: TargetResult[];
  /** per criterion, over the counted units */
  criteria: CriterionCount[];
  /** verdict distribution over the counted units */
  verdicts: Record<VerdictCode, number>;
  /** units counted in the figures, and those left out with the reasons */
  counted: number;
  excluded: Exclusions;
  /** with a roster: its units that sent no workbook of the batch's year */
  missingUnits?: RosterUnit[];
  rosterSize?: number;
  /** with a prior summary: its file and year */
  prior?: { file: string; year: number | null };
  /** one line each: mixed years, units outside the roster, … */
  /** in Vietnamese (the summary sheet, the JSON's `warnings`) */
  warnings: string[];
  /** the same warnings in English, in the same order (`--lang en`, the pane in English) */
  warningsEn: string[];
}

export interface AggregateOptions {
  /** the batch's plan (its targets: `targets`) */
  plan?: { id: string; version: string };
  targets?: TargetSet;
  /** the batch's year (default: the year most units record, the latest on a tie) */
  year?: number;
  roster?: readonly RosterUnit[];
  prior?: PriorSummary;
}

const fold = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');

/** Case-, space- and Unicode-form-insensitive key of a unit in a year. */
export function unitKey(unit: string, unitType: string, year: number): string {
  return `${fold(unit)}\u0000${fold(unitType)}\u0000${year}`;
}

const newest = (r: UnitRecord): [number, number] => [r.stampTime ?? -Infinity, r.mtimeMs];
function newerFirst(a: UnitRecord, b: UnitRecord): number {
  const [as, am] = newest(a);
  const [bs, bm] = newest(b);
  if (as !== bs) return bs - as;
  if (am !== bm) return bm - am;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

const collator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
/** Unit type, then name, then year (latest first), then file. */
export function unitOrder(a: UnitRow, b: UnitRow): number {
  return (
    collator.compare(a.unitType, b.unitType) ||
    collator.compare(a.unit, b.unit) ||
    b.year - a.year ||
    (a.file < b.file ? -1 : a.file > b.file ? 1 : 0)
  );
}

export function toRow(r: UnitRecord): UnitRow {
  return {
    file: r.file,
    unit: r.unit,
    unitType: r.unitType,
    pack: { id: r.pack.id, version: r.pack.version },
    verdict: { code: r.verdict.code, label: r.verdict.label },
    passed: r.passed,
    applicable: r.applicable,
    failing: [...r.failing],
    stamp: r.stamp,
    year: r.year,
    asOf: r.asOf ?? null,
    plan: r.plan ? { id: r.plan.id, version: r.plan.version } : null,
  };
}

/** Records → kept records (newest of each unit + type + year; nameless units never merged). */
function dedupe(records: readonly UnitRecord[]): { kept: UnitRecord[]; duplicates: DuplicateGroup[] } {
  const groups = new Map<string, UnitRecord[]>();
  const order: Array<string | UnitRecord> = [];
  for (const r of records) {
    if (!r.unit.trim()) {
      order.push(r);
      continue;
    }
    const k = unitKey(r.unit, r.unitType, r.year);
    const g = groups.get(k);
    if (g) g.push(r);
    else {
      groups.set(k, [r]);
      order.push(k);
    }
  }
  const kept: UnitRecord[] = [];
  const duplicates: DuplicateGroup[] = [];
  for (const o of order) {
    if (typeof o !== 'string') {
      kept.push(o);
      continue;
    }
    const [newest, ...older] = [...(groups.get(o) ?? [])].sort(newerFirst);
    if (newest === undefined) continue;
    kept.push(newest);
    if (older.length > 0) {
      duplicates.push({
        unit: newest.unit,
        unitType: newest.unitType,
        year: newest.year,
        kept: newest.file,
        dropped: older.map((r) => r.file),
      });
    }
  }
  return { kept, duplicates };
}

/** The year most records carry (the latest on a tie). */
export function batchYear(records: readonly { year: number }[]): number | null {
  const n = new Map<number, number>();
  for (const r of records) n.set(r.year, (n.get(r.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, c] of n) {
    const bc = best === null ? -1 : (n.get(best) ?? 0);
    if (c > bc || (c === bc && best !== null && y > best)) best = y;
  }
  return best;
}

function exclusionOf(r: UnitRecord, year: number | null): ExclusionCode | undefined {
  if (year !== null && r.year !== year) return 'other_year';
  if (r.stamp === 'fresh') return undefined;
  return r.stamp === 'none' ? 'unstamped' : r.stamp;
}

function exclusions(rows: readonly UnitRow[]): Exclusions {
  const order: ExclusionCode[] = ['other_year', 'edited', 'unstamped', 'other_version'];
  const reasons = order
    .map((code) => ({
      code,
      label: EXCLUSION_LABELS[code],
      count: rows.filter((u) => u.excluded === code).length,
    }))
    .filter((r) => r.count > 0);
  return { count: reasons.reduce((s, r) => s + r.count, 0), reasons };
}

function criterionCounts(records: readonly UnitRecord[]): CriterionCount[] {
  const byKey = new Map<string, CriterionCount>();
  for (const r of records) {
    for (const c of r.criteria ?? []) {
      const k = `${r.pack.id}\u0000${c.id}`;
      let e = byKey.get(k);
      if (!e) {
        e = {
          pack: r.pack.id,
          id: c.id,
          title: r.titles?.[c.id] ?? '',
          pass: 0,
          fail: 0,
          missing: 0,
          invalid: 0,
          na: 0,
          notDue: 0,
        };
        byKey.set(k, e);
      }
      if (c.status === 'not_due') e.notDue++;
      else e[c.status]++;
    }
  }
  return [...byKey.values()];
}

const yearsText = (years: number[]): string => years.join(', ');

function rosterMatch(
  roster: readonly RosterUnit[],
  rows: readonly UnitRow[],
): { missing: RosterUnit[]; outside: number; strangers: UnitRow[] } {
  const matches = (ru: RosterUnit, u: UnitRow): boolean =>
    fold(ru.unit) === fold(u.unit) && (!ru.unitType || fold(ru.unitType) === fold(u.unitType));
  const inYear = rows.filter((u) => u.excluded !== 'other_year');
  const missing = roster.filter((ru) => !inYear.some((u) => matches(ru, u)));
  const counted = rows.filter((u) => !u.excluded);
  const outside = roster.filter((ru) => !counted.some((u) => matches(ru, u))).length;
  const strangers = inYear.filter((u) => !roster.some((ru) => matches(ru, u)));
  return { missing, outside, strangers };
}

function applyPrior(rows: UnitRow[], targets: TargetResult[], prior: PriorSummary): void {
  for (const u of rows) {
    const p = prior.units.find((q) => fold(q.unit) === fold(u.unit) && fold(q.unitType) === fold(u.unitType));
    u.prior = p ? { verdict: p.verdict, passed: p.passed, applicable: p.applicable } : null;
  }
  for (const t of targets) {
    const p =
      prior.targets.find((q) => q.id !== undefined && q.id === t.id) ??
      prior.targets.find((q) => q.label !== undefined && fold(q.label) === fold(t.label));
    t.prior = p ? p.value : null;
  }
}

/**
 * Records (in input order) → result: duplicates grouped by unit name + type + year, the newest
 * kept; rows sorted by unit type then name; figures over the counted units (fresh stamp, the
 * batch's year).
 */
export function aggregate(
  records: readonly UnitRecord[],
  errors: readonly FileError[],
  opts: AggregateOptions = {},
): ConsolidationResult {
  const { kept, duplicates } = dedupe(records);
  const year = opts.year ?? batchYear(kept);
  const warnings: string[] = [];
  const warningsEn: string[] = [];
  const warn = (...args: WarningArgs): void => {
    warnings.push(warningText('vi', ...args));
    warningsEn.push(warningText('en', ...args));
  };
  const years = [...new Set(kept.map((r) => r.year))].sort((a, b) => a - b);
  if (years.length > 1 && year !== null) {
    const other = kept.filter((r) => r.year !== year).length;
    warn('years', { years: yearsText(years), year, other });
  }
  const pairs = kept.map((r) => ({ r, row: toRow(r) }));
  for (const p of pairs) {
    const x = exclusionOf(p.r, year);
    if (x) p.row.excluded = x;
  }
  pairs.sort((a, b) => unitOrder(a.row, b.row));
  const rows = pairs.map((p) => p.row);
  const counted = pairs.filter((p) => !p.row.excluded).map((p) => p.r);
  const excluded = exclusions(rows);
  let rosterOutside: number | undefined;
  let missingUnits: RosterUnit[] | undefined;
  if (opts.roster) {
    const m = rosterMatch(opts.roster, rows);
    missingUnits = m.missing;
    rosterOutside = m.outside;
    if (m.strangers.length) {
      const names = m.strangers
        .slice(0, 5)
        .map((u) => `“${u.unit || u.file}”`)
        .join(', ');
      warn('strangers', { n: m.strangers.length, names, more: m.strangers.length > 5 ? ', …' : '' });
    }
  }
  const targets = opts.targets
    ? computeTargets(
        opts.targets.defs,
        counted.map((r) => ({ packId: r.pack.id, verdict: r.verdict.code, fields: r.fields })),
        { excluded, rosterOutside },
      )
    : [];
  const verdicts: Record<VerdictCode, number> = {
    pass: 0,
    fail: 0,
    incomplete: 0,
    on_track: 0,
    ineligible: 0,
  };
  for (const r of counted) verdicts[r.verdict.code]++;
  if (opts.prior) {
    applyPrior(rows, targets, opts.prior);
    if (opts.prior.year !== null && year !== null && opts.prior.year !== year - 1) {
      warn('priorYear', { prior: opts.prior.year, expected: year - 1, year });
    }
  }
  return {
    year,
    plan: opts.plan
      ? { id: opts.plan.id, version: opts.plan.version, targetsSource: opts.targets?.source ?? null }
      : null,
    units: rows,
    duplicates,
    errors: [...errors],
    targets,
    criteria: criterionCounts(counted),
    verdicts,
    counted: counted.length,
    excluded,
    ...(missingUnits ? { missingUnits, rosterSize: opts.roster?.length ?? 0 } : {}),
    ...(opts.prior ? { prior: { file: opts.prior.file, year: opts.prior.year } } : {}),
    warnings,
    warningsEn,
  };
}
