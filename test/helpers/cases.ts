/**
 * Test data for the criteria packs: the built-in packs, a fully passing answer set, and a
 * fast-check generator of random answers (blank, boundary and malformed values, random as-of
 * dates around the due dates). Shared by the agreement test, the LibreOffice test and the bench.
 */
import fc from 'fast-check';
import { getBuiltinPack } from '../../src/pack/registry';
import { evidenceId, type Indicator, type Pack } from '../../src/pack/schema';
import { excelDate, parseDayMonth, serialFromJsDate } from '../../src/engine/dates';
import { PERIOD_END_DUE, scaleOf } from '../../src/engine/compile';
import { builtinPlans } from '../../src/plan/registry';
import type { Plan } from '../../src/plan/schema';
import type { CellValue, Values } from '../../src/engine/values';
import { fullPassValues } from './samples';
import { AS_OF_ID, FROZEN_AS_OF_ID, YEAR_ID } from '../../src/pack/workbookNames';
import { entry } from './at';

let packs: { xa: Pack; coquan: Pack } | undefined;

/** The built-in packs, as the product loads them. */
export function builtinPacksForTests(): { xa: Pack; coquan: Pack } {
  if (!packs) {
    const xa = getBuiltinPack('xa');
    const coquan = getBuiltinPack('coquan');
    if (!xa || !coquan) throw new Error('built-in packs xa/coquan not found');
    packs = { xa, coquan };
  }
  return packs;
}

function allIndicators(pack: Pack): Indicator[] {
  return [...pack.profile, ...pack.groups.flatMap((g) => g.criteria.flatMap((c) => c.indicators))];
}

/** Values that make every criterion pass at the end of `year` (as-of 31/12). */
export function passingValues(pack: Pack, year: number): Record<string, CellValue> {
  return {
    ...fullPassValues(pack, { year }),
    ten_don_vi: pack.id === 'xa' ? 'Xã Mẫu' : 'Công ty Mẫu',
    loai_don_vi: pack.id === 'xa' ? 'Xã' : 'Doanh nghiệp',
    tinh: 'Đồng Tháp',
    [YEAR_ID]: year,
    [AS_OF_ID]: excelDate(year, 12, 31),
  };
}

/** Day-months the pack's rules depend on, plus the usual boundaries. */
function keyDates(pack: Pack): Array<{ m: number; d: number }> {
  const dms = new Set<string>(['01/01', '31/12', '01/02', '15/06', '31/03', '01/04', '30/06', '01/07']);
  // every built-in plan's period bounds and review day (±1 year through dateAround's `dy`)
  for (const plan of builtinPlans()) {
    for (const d of [plan.period.start, plan.period.end, plan.reviewDate]) dms.add(d.dayMonth);
  }
  for (const g of pack.groups) {
    for (const c of g.criteria) {
      for (const r of c.requirements) {
        if ('due' in r && r.due && r.due !== PERIOD_END_DUE) dms.add(r.due);
        if (r.kind === 'datedDocument') {
          dms.add(r.from);
          dms.add(r.to);
        }
      }
    }
  }
  return [...dms].map(parseDayMonth);
}

/** A date serial around a key date of year y (± a few days, sometimes further). */
function dateAround(pack: Pack, y: number): fc.Arbitrary<number> {
  const keys = keyDates(pack);
  return fc
    .record({
      k: fc.constantFrom(...keys),
      dy: fc.constantFrom(0, 0, 0, 0, -1, 1),
      delta: fc.oneof(
        { arbitrary: fc.constantFrom(0, -1, 1), weight: 3 },
        { arbitrary: fc.integer({ min: -45, max: 45 }), weight: 1 },
      ),
    })
    .map(({ k, dy, delta }) => excelDate(y + dy, k.m, k.d) + delta);
}

const BLANKS: CellValue[] = [null, null, null, '', ' ', '  '];

function malformed(ind: Indicator, pack: Pack): CellValue[] {
  switch (ind.type) {
    // values as people type them: numbers stored as text, padded, negative or decimal text, …
    case 'count':
      return [
        -1,
        -3,
        1.5,
        0.25,
        '5',
        ' 12 ',
        '007',
        '-3',
        '2,5',
        '2.5',
        '1e3',
        '１２',
        '',
        'abc',
        '3 vụ',
        true,
        'Có',
        (ind.max ?? 12) + 1,
        (ind.min ?? 0) - 1,
        String((ind.max ?? 12) + 1),
        '1234567890123456',
      ];
    // … labels with spaces, in another case, without diacritics, decomposed (NFD) …
    case 'bool':
      return [
        'có',
        'KHÔNG',
        'CÓ',
        'không',
        'Co',
        'Khong',
        'co',
        'KHONG',
        'yes',
        ' Có',
        'Có ',
        '  Có  ',
        'Có'.normalize('NFD'),
        'Không'.normalize('NFD'),
        ' KHÔNG '.normalize('NFD'),
        1,
        0,
        true,
        false,
      ];
    case 'choice': {
      const s = scaleOf(ind, pack);
      return [
        ...s.map((x) => x.toLowerCase()),
        ...s.map((x) => x.toUpperCase()),
        ...s.map((x) => x.normalize('NFD')),
        ...s.map((x) => `  ${x.replace(/ /g, '  ')} `),
        `${s[0]} `,
        'Khác',
        3,
        true,
      ];
    }
    // … and dates typed as text
    case 'date':
      return ['abc', '2024-01-01', '31/03/2024', '15/02/2026', ' 01/01/2025', -5, 0, 2958466, true, 'Có'];
    case 'text':
      return ['Số 1/KH', 12, '=1+1', '-'];
  }
}

function typed(ind: Indicator, pack: Pack, y: number): fc.Arbitrary<CellValue> {
  switch (ind.type) {
    case 'count': {
      const lo = ind.min ?? 0;
      const hi = ind.max ?? 25;
      return fc.oneof(
        { arbitrary: fc.integer({ min: 0, max: 6 }), weight: 3 },
        { arbitrary: fc.integer({ min: Math.max(0, lo - 2), max: hi + 2 }), weight: 2 },
        { arbitrary: fc.constantFrom(lo, hi, 10, 11, 12, 20, 40, 38, 100), weight: 1 },
      );
    }
    case 'bool':
      return fc.constantFrom<CellValue>('Có', 'Không');
    case 'choice':
      return fc.constantFrom<CellValue>(...scaleOf(ind, pack));
    case 'date':
      return fc.oneof(
        { arbitrary: dateAround(pack, y), weight: 4 },
        { arbitrary: dateAround(pack, y).map((s) => s + 0.5), weight: 1 },
      );
    case 'text':
      return fc.constantFrom<CellValue>('Số 12/QĐ-UBND ngày 10/01', 'Báo cáo');
  }
}

export interface AgreementCase {
  values: Record<string, CellValue>;
  /** the plan in force (default plan when absent) */
  plan?: Plan;
  /** the engine's "today" (used only when ngay_danh_gia is blank or invalid) */
  today: number;
}

/** Random answers for one pack; `pGood` is the chance that an indicator keeps its passing value. */
export function caseArb(pack: Pack): fc.Arbitrary<AgreementCase> {
  const today = serialFromJsDate(new Date());
  const inds = allIndicators(pack).filter((i) => i.id !== YEAR_ID && i.id !== AS_OF_ID);
  const evidence = pack.groups.flatMap((g) => g.criteria.map((c) => evidenceId(c)));
  const build = (y: number, pGood: number): fc.Arbitrary<Record<string, CellValue>> => {
    const good = passingValues(pack, y);
    const rec: Record<string, fc.Arbitrary<CellValue>> = {};
    const w = Math.round(pGood * 100);
    for (const ind of inds) {
      const arbs: Array<fc.WeightedArbitrary<CellValue>> = [
        { arbitrary: fc.constant(entry(good, ind.id)), weight: w },
        { arbitrary: fc.constantFrom(...BLANKS), weight: Math.max(1, Math.round((100 - w) * 0.25)) },
        { arbitrary: typed(ind, pack, y), weight: Math.max(1, Math.round((100 - w) * 0.5)) },
        {
          arbitrary: fc.constantFrom(...malformed(ind, pack)),
          weight: Math.max(1, Math.round((100 - w) * 0.25)),
        },
      ];
      rec[ind.id] = fc.oneof(...arbs);
    }
    for (const e of evidence) rec[e] = fc.constantFrom<CellValue>(entry(good, e), entry(good, e), null, ' ');
    rec[YEAR_ID] = fc.oneof(
      { arbitrary: fc.constant<CellValue>(y), weight: 12 },
      {
        arbitrary: fc.constantFrom<CellValue>(null, 2021, 2101, y + 0.5, String(y), 'năm nay', y - 1, y + 1),
        weight: 2,
      },
    );
    rec[AS_OF_ID] = fc.oneof(
      { arbitrary: dateAround(pack, y), weight: 12 },
      { arbitrary: dateAround(pack, y).map((s) => s + 0.75), weight: 1 },
      { arbitrary: fc.constantFrom<CellValue>(null, 'hôm nay', -3, 0, '2024-06-30'), weight: 2 },
    );
    // the as-of date an earlier evaluation froze (used when ngay_danh_gia is blank or invalid)
    rec[FROZEN_AS_OF_ID] = fc.oneof(
      { arbitrary: fc.constant<CellValue>(null), weight: 4 },
      { arbitrary: dateAround(pack, y), weight: 3 },
      { arbitrary: fc.constantFrom<CellValue>('15/11/2025', 'abc', true), weight: 1 },
    );
    return fc.record(rec);
  };
  return fc
    .record({
      y: fc.constantFrom(2023, 2024, 2025, 2026),
      pGood: fc.constantFrom(1, 0.98, 0.9, 0.6, 0.2),
    })
    .chain(({ y, pGood }) => build(y, pGood))
    .map((values) => ({ values, today }));
}

export type { Values };
