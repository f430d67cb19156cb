import { builtinTargets, computeTargets, targetFieldIds, targetsFileSchema } from '../../src/sheet/targets';
import targetsJson from '../../src/pack/builtin/targets.json';

test('the built-in targets are valid data with the plan’s thresholds', () => {
  expect(targetsFileSchema.safeParse(targetsJson).success).toBe(true);
  const t = Object.fromEntries(builtinTargets().targets.map((d) => [d.id, [d.op, d.target]]));
  expect(t).toEqual({
    an_toan_antt: ['>=', 0.95],
    xuat_sac: ['>=', 0.3],
    khong_yeu: ['<=', 0],
    mo_hinh: ['>=', 1],
    dien_hinh: ['>=', 0.2],
  });
  expect(targetFieldIds(builtinTargets().targets)).toEqual([
    'an_toan_nam_truoc',
    'tc13_mo_hinh',
    'tc15_phan_loai',
    'tc3_chuyen_de',
    'tc8_phan_loai',
  ]);
});

test('no units: no value and not met, for shares and counts alike', () => {
  const r = computeTargets(builtinTargets().targets, []);
  expect(r.every((x) => x.value === null && x.met === false)).toBe(true);
});

test('thresholds are inclusive and units of packs without a mapped field are left out', () => {
  const defs = builtinTargets().targets;
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
