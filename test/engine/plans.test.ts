/**
 * Time follows the plan (spec amendment 2026-11-30): for every built-in plan, answers evaluated at
 * or after the plan's period end have no `not_due` criterion and never the verdict `on_track`; what
 * is short on that day is `fail` or `missing`, while earlier in the period the same shortfall is
 * still `not_due`. Also: a frozen as-of date replaces today, and gating prerequisites.
 */
import fc from 'fast-check';
import { PERIOD_END_DUE, compilePack, effectiveParameters } from '../../src/engine/compile';
import { excelDate, parseDayMonth } from '../../src/engine/dates';
import { evaluate } from '../../src/engine/evaluate';
import type { Pack } from '../../src/pack/schema';
import { builtinPlans, defaultPlan } from '../../src/plan/registry';
import type { Plan } from '../../src/plan/schema';
import { builtinPacksForTests, caseArb } from '../helpers/cases';
import { fullPassValues } from '../helpers/samples';
import { FROZEN_AS_OF_ID } from '../../src/pack/workbookNames';

const packs = builtinPacksForTests();
const packById = (id: string): Pack => (id === 'xa' ? packs.xa : packs.coquan);

function periodEnd(plan: Plan, year: number): number {
  const { m, d } = parseDayMonth(plan.period.end.dayMonth);
  return excelDate(year + plan.period.end.yearOffset, m, d);
}

const cases = builtinPlans().flatMap((plan) => plan.packs.map((id) => [plan.id, id, plan] as const));

describe.each(cases)('plan %s, pack %s', (_planId, packId, plan) => {
  const pack = packById(packId);

  it('at or after the period end: no criterion is not yet due and the verdict is never on track', () => {
    fc.assert(
      fc.property(caseArb(pack), fc.integer({ min: 0, max: 60 }), (c, after) => {
        // a valid evaluation year (an invalid `nam` falls back to the year of the as-of date)
        const year = [2023, 2024, 2025, 2026].includes(Number(c.values.nam)) ? Number(c.values.nam) : 2025;
        const values = { ...c.values, nam: year, ngay_danh_gia: periodEnd(plan, year) + after };
        const ev = evaluate(pack, values, { today: c.today, plan });
        expect(ev.criteria.filter((x) => x.status === 'not_due').map((x) => x.id)).toEqual([]);
        expect(ev.verdict.code).not.toBe('on_track');
      }),
      { numRuns: 150 },
    );
  });

  it('a yearly shortfall is not yet due the day before the period end, and fails on it', () => {
    const year = 2025;
    const full = fullPassValues(pack, { year });
    const compiled = compilePack(pack, plan);
    const accruing = compiled.criteria.flatMap(({ criterion }) =>
      criterion.requirements
        .filter((r) => r.kind === 'atLeast' && r.due === PERIOD_END_DUE)
        .map((r) => ({ criterion: criterion.id, indicator: 'indicator' in r ? r.indicator : '' })),
    );
    expect(accruing.length).toBeGreaterThan(0);
    const end = periodEnd(plan, year);
    for (const a of accruing) {
      const short = { ...full, nam: year, [a.indicator]: 0 };
      const before = evaluate(pack, { ...short, ngay_danh_gia: end - 1 }, { today: end, plan });
      const on = evaluate(pack, { ...short, ngay_danh_gia: end }, { today: end, plan });
      const status = (ev: typeof on): string => ev.criteria.find((x) => x.id === a.criterion)?.status ?? '?';
      expect([a.indicator, status(before)]).toEqual([a.indicator, 'not_due']);
      expect([a.indicator, status(on)]).toEqual([a.indicator, 'fail']);
    }
  });

  it('applies its parameter overrides', () => {
    const params = effectiveParameters(pack, plan);
    for (const [k, v] of Object.entries(plan.parameters[pack.id] ?? {})) expect(params[k]).toBe(v);
  });
});

describe('the frozen as-of date and eligibility', () => {
  const pack = packs.xa;
  const plan = defaultPlan();
  const full = fullPassValues(pack, { year: 2026 });
  const blankAsOf = { ...full, nam: 2026, ngay_danh_gia: null };

  it('a blank ngay_danh_gia means the frozen date when there is one, else today', () => {
    const review = excelDate(2026, 11, 20);
    const nextYear = excelDate(2027, 11, 20);
    const frozen = evaluate(pack, { ...blankAsOf, [FROZEN_AS_OF_ID]: review }, { today: nextYear, plan });
    expect(frozen.asOf).toBe(review);
    expect(evaluate(pack, blankAsOf, { today: nextYear, plan }).asOf).toBe(nextYear);
    // ngay_danh_gia typed by the official wins over the frozen date
    const typed = excelDate(2026, 11, 1);
    expect(
      evaluate(
        pack,
        { ...blankAsOf, ngay_danh_gia: typed, [FROZEN_AS_OF_ID]: review },
        { today: nextYear, plan },
      ).asOf,
    ).toBe(typed);
    // a frozen date that is not a date (an old stamp's text) is ignored, like in the sheet
    expect(
      evaluate(pack, { ...blankAsOf, [FROZEN_AS_OF_ID]: '20/11/2026' }, { today: nextYear, plan }).asOf,
    ).toBe(nextYear);
  });

  it('never eligible: every criterion met but a gating prerequisite not → ineligible, naming it', () => {
    const never = { ...full, an_toan_nam_truoc: 'Không', phan_loai_nam_truoc: 'Trung bình' };
    const ev = evaluate(pack, never, { today: excelDate(2026, 11, 20), plan });
    expect(ev.verdict.code).toBe('ineligible');
    expect(ev.verdict.label).toMatch(/^Chưa đủ điều kiện lựa chọn: Năm trước được công nhận/);
    expect(ev.verdict.label).toContain('; Phân loại phong trào');
    expect(ev.passed).toBe(ev.applicable);
    const blankPre = evaluate(
      pack,
      { ...full, an_toan_nam_truoc: null },
      { today: excelDate(2026, 11, 20), plan },
    );
    expect(blankPre.verdict.code).toBe('incomplete');
    // a failing criterion still reads "Chưa đạt"
    const failing = evaluate(pack, { ...never, tc16_tu_diem: 2 }, { today: excelDate(2026, 11, 20), plan });
    expect(failing.verdict.code).toBe('fail');
  });

  it('Đồng Tháp asks Xuất sắc the year before (a plan parameter)', () => {
    const dt = builtinPlans().find((p) => p.id === 'dong-thap-2023');
    if (!dt) throw new Error('no dong-thap-2023');
    const kha = { ...fullPassValues(pack, { year: 2023 }), phan_loai_nam_truoc: 'Khá' };
    expect(evaluate(pack, kha, { today: excelDate(2023, 10, 20), plan: dt }).verdict.code).toBe('ineligible');
    expect(evaluate(pack, kha, { today: excelDate(2023, 10, 20), plan }).verdict.code).toBe('pass');
  });
});
