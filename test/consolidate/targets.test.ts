import { getBuiltinPlan, builtinPlans } from '../../src/plan/registry';
import { planTargetSchema, type Plan } from '../../src/plan/schema';
import { computeTargets, planTargets, targetFieldIds } from '../../src/sheet/targets';

const bacQuang = getBuiltinPlan('bac-quang-2024') as Plan;
const defs = planTargets(bacQuang)?.defs ?? [];

test('the Bắc Quang targets are the plan’s data, with seed 003’s thresholds (mục IV)', () => {
  expect(planTargets(bacQuang)?.source).toMatch(/Ban Chỉ đạo 138 huyện Bắc Quang/);
  const t = Object.fromEntries(defs.map((d) => [d.id, [d.op, d.target, d.noData ? 'no data' : 'computed']]));
  expect(t).toEqual({
    tuyen_truyen_ho_dan: ['>=', 0.9, 'no data'],
    tuyen_truyen_can_bo: ['>=', 1, 'no data'],
    dang_ky: ['>=', 1, 'no data'],
    an_toan_antt: ['>=', 0.95, 'computed'],
    phan_loai_trung_binh: ['>=', 1, 'computed'],
    xuat_sac: ['>=', 0.3, 'computed'],
    khong_yeu: ['<=', 0, 'computed'],
    ntm_19_2: ['>=', 0.95, 'no data'],
    mo_hinh: ['>=', 1, 'computed'],
    mo_hinh_xep_loai: ['>=', 1, 'no data'],
    dang_ky_dien_hinh: ['>=', 0.3, 'no data'],
    dien_hinh: ['>=', 0.2, 'computed'],
  });
  expect(targetFieldIds(defs)).toEqual([
    'an_toan_nam_truoc',
    'tc13_mo_hinh',
    'tc15_phan_loai',
    'tc3_chuyen_de',
    'tc8_phan_loai',
  ]);
});

test('a plan without targets has none (no table, said plainly by the sheet)', () => {
  const without = builtinPlans().find((p) => p.id === 'mac-dinh');
  if (!without) throw new Error('no built-in plan mac-dinh');
  expect(without.targets).toBeUndefined();
  expect(planTargets(without)).toBeUndefined();
});

test('a target reads exactly one source: a field, the verdict or noData', () => {
  const base = { id: 'x', label: 'X', measure: 'share', op: '>=', target: 1 };
  expect(planTargetSchema.safeParse({ ...base, noData: true }).success).toBe(true);
  expect(planTargetSchema.safeParse({ ...base, verdict: ['pass'] }).success).toBe(true);
  expect(planTargetSchema.safeParse({ ...base, field: { xa: 'a' }, atLeast: 1 }).success).toBe(true);
  expect(planTargetSchema.safeParse(base).success).toBe(false);
  expect(planTargetSchema.safeParse({ ...base, noData: true, verdict: ['pass'] }).success).toBe(false);
  expect(planTargetSchema.safeParse({ ...base, field: { xa: 'a' } }).success).toBe(false);
  expect(planTargetSchema.safeParse({ ...base, anyOf: ['Có'] }).success).toBe(false);
});

test('no data targets are listed, never computed', () => {
  const units = [{ packId: 'xa', verdict: 'pass' as const, fields: {} }];
  const r = computeTargets(defs, units).find((x) => x.id === 'tuyen_truyen_ho_dan');
  expect(r).toMatchObject({ value: null, met: false, noData: true });
});

test('over a roster, the units without a result count in every share’s denominator', () => {
  const units = [{ packId: 'xa', verdict: 'pass' as const, fields: {} }];
  const byId = Object.fromEntries(computeTargets(defs, units, { rosterOutside: 3 }).map((t) => [t.id, t]));
  expect(byId.dien_hinh).toMatchObject({ value: 0.25, hits: 1, over: 4, met: true });
  expect(byId.khong_yeu).toMatchObject({ value: 0, over: 1 }); // counts are not shares
});

test('no units: no value and not met, for shares and counts alike', () => {
  const r = computeTargets(
    defs.filter((d) => !d.noData),
    [],
  );
  expect(r.every((x) => x.value === null && x.met === false)).toBe(true);
});

test('thresholds are inclusive and units of packs without a mapped field are left out', () => {
  const units = [
    ...Array.from({ length: 19 }, () => ({
      packId: 'xa',
      verdict: 'pass' as const,
      fields: { an_toan_nam_truoc: 'Có' },
    })),
    { packId: 'xa', verdict: 'fail' as const, fields: { an_toan_nam_truoc: 'không' } },
    { packId: 'other', verdict: 'fail' as const, fields: {} },
  ];
  const byId = Object.fromEntries(computeTargets(defs, units).map((t) => [t.id, t]));
  expect(byId.an_toan_antt).toMatchObject({ value: 0.95, met: true }); // 19/20, the "other" unit left out
  expect(byId.dien_hinh).toMatchObject({ value: 0.9048, met: true }); // 19/21: verdicts count every unit
});
