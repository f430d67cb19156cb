/**
 * Sample answer sets derived from a pack's data (not from a hand list), so they stay right when a
 * pack changes: for every requirement kind, a value that satisfies it.
 *
 * - `fullPassValues(pack)`: every criterion met (verdict `pass` at 31/12 of the year).
 * - `onTrackValues(pack, asOf)`: everything met that is already due at `asOf`; everything that
 *   accrues until a later due date is left not yet met (verdict `on_track`).
 */
import { excelDate, monthOf, parseDayMonth } from '../../src/engine/dates';
import { scaleOf } from '../../src/engine/compile';
import { packIndicators } from '../../src/pack/inputs';
import type { CellValue } from '../../src/engine/values';
import {
  BOOL_YES,
  evidenceId,
  type Indicator,
  type LabelOrParam,
  type NumberOrParam,
  type Pack,
  type Requirement,
} from '../../src/pack/schema';

export type SampleValues = Record<string, CellValue>;

export interface SampleOptions {
  /** evaluation year `nam` (default 2025) */
  year?: number;
  /** `ngay_danh_gia` as an Excel serial (default 31/12 of the year) */
  asOf?: number;
}

function paramNum(pack: Pack, v: NumberOrParam): number {
  if (typeof v === 'number') return v;
  const p = pack.parameters[v.param];
  return typeof p === 'number' ? p : 0;
}

function paramLabel(pack: Pack, v: LabelOrParam): string {
  if (typeof v === 'string') return v;
  const p = pack.parameters[v.param];
  return typeof p === 'string' ? p : '';
}

/** A whole number inside the indicator's [min, max], as close to `want` as allowed. */
function countWithin(ind: Indicator | undefined, want: number): number {
  let v = Math.max(0, Math.round(want));
  if (ind?.min !== undefined) v = Math.max(v, ind.min);
  if (ind?.max !== undefined) v = Math.min(v, ind.max);
  return v;
}

/** A plausible value of the indicator's type, used for fields no requirement constrains. */
function filler(pack: Pack, ind: Indicator, year: number): CellValue {
  switch (ind.type) {
    case 'text':
      return `${ind.label} — mẫu`;
    case 'bool':
      return BOOL_YES;
    case 'choice':
      return scaleOf(ind, pack)[0] ?? null;
    case 'count':
      return countWithin(ind, 1);
    case 'date':
      return excelDate(year, 1, 15);
  }
}

function requirementsOf(pack: Pack): Requirement[] {
  return pack.groups.flatMap((g) => g.criteria.flatMap((c) => c.requirements));
}

/** Every criterion of `pack` met, with evidence filled and the selection prerequisites met. */
export function fullPassValues(pack: Pack, options: SampleOptions = {}): SampleValues {
  const year = options.year ?? 2025;
  const inds = packIndicators(pack);
  const v: SampleValues = {};
  const count = (id: string, want: number): number => countWithin(inds.get(id), want);

  for (const ind of pack.profile) v[ind.id] = filler(pack, ind, year);
  v.ten_don_vi = 'Đơn vị mẫu';
  v.nam = year;
  v.ngay_danh_gia = options.asOf ?? excelDate(year, 12, 31);
  for (const p of pack.prerequisites) {
    const ind = inds.get(p.indicator);
    if (p.anyOf?.[0] !== undefined) v[p.indicator] = p.anyOf[0];
    else if (ind) v[p.indicator] = scaleOf(ind, pack)[0] ?? null;
  }

  const reqs = requirementsOf(pack);
  // Single-indicator kinds first, then the kinds comparing a part with a whole another one may have set.
  for (const r of reqs) {
    switch (r.kind) {
      case 'equals':
        v[r.indicator] = r.value;
        break;
      case 'zero':
        v[r.indicator] = 0;
        break;
      case 'atLeast':
        v[r.indicator] = count(r.indicator, Math.max(paramNum(pack, r.min), 1));
        break;
      case 'datedDocument': {
        const { m, d } = parseDayMonth(r.from);
        v[r.indicator] = excelDate(year, m, d);
        break;
      }
      case 'datedEvent':
        v[r.indicator] = BOOL_YES;
        break;
      case 'monthly':
        v[r.indicator] = count(r.indicator, 12);
        break;
      case 'rating': {
        const ind = inds.get(r.indicator);
        const scale = ind ? scaleOf(ind, pack) : [];
        v[r.indicator] = scale[0] ?? paramLabel(pack, r.atLeast);
        break;
      }
      case 'reduction': {
        const p = count(r.previous, 40);
        v[r.previous] = p;
        v[r.current] = count(r.current, Math.floor((p * (100 - paramNum(pack, r.percent))) / 100));
        break;
      }
      case 'addicts':
        v[r.previous] = count(r.previous, paramNum(pack, r.threshold) + 2);
        v[r.current] = count(r.current, 0);
        break;
      default:
        break;
    }
  }
  for (const r of reqs) {
    if (r.kind === 'complete' || r.kind === 'rateBelow') {
      const whole = typeof v[r.whole] === 'number' ? (v[r.whole] as number) : count(r.whole, 10);
      v[r.whole] = whole;
      v[r.part] = r.kind === 'complete' ? whole : count(r.part, 0);
    }
  }

  for (const g of pack.groups) {
    for (const c of g.criteria) {
      for (const ind of c.indicators) if (!(ind.id in v)) v[ind.id] = filler(pack, ind, year);
      v[evidenceId(c)] = `Số ${c.number}/BC-UBND ngày 15/01/${year}`;
    }
  }
  return v;
}

/** The due day in `year`; `het_ky` (end of the period) is read as 31/12, the calendar-year test plan's end. */
function dueSerial(year: number, dm: string): number {
  if (dm === 'het_ky') return excelDate(year, 12, 31);
  const { m, d } = parseDayMonth(dm);
  return excelDate(year, m, d);
}

/**
 * The state of a unit that is on track at `asOf` (inside `year`): what is due by then is met;
 * everything still accruing is not met yet, ratings are not out yet, monthly counts are just enough.
 */
export function onTrackValues(
  pack: Pack,
  asOf: number,
  options: Omit<SampleOptions, 'asOf'> = {},
): SampleValues {
  const year = options.year ?? 2025;
  const v = fullPassValues(pack, { year, asOf });
  const monthsBefore = monthOf(asOf) - 1;
  for (const r of requirementsOf(pack)) {
    switch (r.kind) {
      case 'atLeast':
        if (r.due && asOf <= dueSerial(year, r.due)) v[r.indicator] = 0;
        break;
      case 'datedEvent':
        if (asOf <= dueSerial(year, r.due)) v[r.indicator] = 'Không';
        break;
      case 'monthly':
        v[r.indicator] = monthsBefore;
        break;
      case 'rating':
        v[r.indicator] = null;
        break;
      case 'complete':
        if (r.timing === 'rating') v[r.part] = null;
        else if (r.timing === 'accruing' && asOf <= dueSerial(year, r.due ?? 'het_ky')) {
          v[r.part] = Math.max(0, (v[r.whole] as number) - 1);
        }
        break;
      default:
        break;
    }
  }
  return v;
}
