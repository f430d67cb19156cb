import { getBuiltinPlan } from '../../src/plan/registry';
import type { Plan } from '../../src/plan/schema';
import { planTargets } from '../../src/sheet/targets';
import {
  aggregate,
  chartsSheet,
  criteriaSheet,
  CRITERIA_TABLE_ROW,
  mostFailed,
  summarySheet,
  SUMMARY_HEADERS,
  SUMMARY_TABLE_ROW,
  type UnitRecord,
} from '../../src/sheet/summary';
import { at } from '../helpers/at';

function rec(file: string, unit: string, over: Partial<UnitRecord> = {}): UnitRecord {
  return {
    file,
    unit,
    unitType: 'Xã',
    pack: { id: 'xa', version: '1.0.0' },
    verdict: { code: 'pass', label: 'Đạt — đủ điều kiện đề nghị công nhận điển hình' },
    passed: 34,
    applicable: 34,
    failing: [],
    stamp: 'fresh',
    year: 2025,
    mtimeMs: 1000,
    fields: { an_toan_nam_truoc: 'Có', tc15_phan_loai: 'Xuất sắc', tc13_mo_hinh: 2 },
    ...over,
  };
}

const bacQuang = getBuiltinPlan('bac-quang-2024') as Plan;
const result = aggregate(
  [
    rec('a.xlsx', 'Xã A', { stampTime: 10 }),
    rec('b.xlsx', 'Xã B', {
      verdict: { code: 'fail', label: 'Chưa đạt: TC16' },
      passed: 33,
      failing: ['TC16'],
      stamp: 'edited',
    }),
    rec('a2.xlsx', 'XÃ  A', { stampTime: 20, mtimeMs: 1 }),
    rec('c.xlsx', '', { stamp: 'none' }),
    rec('d.xlsx', '', { stamp: 'none' }),
  ],
  [{ file: 'x.xlsx', message: 'Không đọc được tệp "x.xlsx": không phải tệp Excel (.xlsx) hợp lệ' }],
  { plan: { id: bacQuang.id, version: bacQuang.version }, targets: planTargets(bacQuang) },
);

test('duplicates: newest stamp wins over a newer file time; nameless units are never merged', () => {
  // sorted by type then name: the nameless units first
  expect(result.units.map((u) => u.file)).toEqual(['c.xlsx', 'd.xlsx', 'a2.xlsx', 'b.xlsx']);
  expect(result.duplicates).toEqual([
    { unit: 'XÃ  A', unitType: 'Xã', year: 2025, kept: 'a2.xlsx', dropped: ['a.xlsx'] },
  ]);
  // the JSON rows carry exactly the public fields (a counted unit: no `excluded`)
  expect(Object.keys(at(result.units, 2)).sort()).toEqual(
    [
      'applicable',
      'asOf',
      'failing',
      'file',
      'pack',
      'passed',
      'plan',
      'stamp',
      'unit',
      'unitType',
      'verdict',
      'year',
    ].sort(),
  );
});

test('the "Tổng hợp" sheet: header, one row per unit (numbers as numbers), targets, duplicates and errors', () => {
  const s = summarySheet(result);
  const cell = (a: string) => s.cells.find((c) => c.address === a);
  const v = (a: string) => cell(a)?.value;
  expect(s.name).toBe('Tổng hợp');
  const col = (h: string): string => String.fromCharCode(65 + SUMMARY_HEADERS.indexOf(h));
  expect(SUMMARY_HEADERS.map((_, i) => v(`${String.fromCharCode(65 + i)}${SUMMARY_TABLE_ROW}`))).toEqual(
    SUMMARY_HEADERS,
  );
  const r = SUMMARY_TABLE_ROW + 4; // Xã B, after the two nameless units and Xã A
  const at = (h: string) => v(`${col(h)}${r}`);
  expect([
    at('STT'),
    at('Đơn vị'),
    at('Năm'),
    at('Kết luận'),
    at('Số tiêu chí đạt'),
    at('Số tiêu chí áp dụng'),
  ]).toEqual([4, 'Xã B', 2025, 'Chưa đạt: TC16', 33, 34]);
  expect(at('Tỷ lệ đạt')).toBeCloseTo(33 / 34);
  expect(cell(`${col('Tỷ lệ đạt')}${r}`)?.style?.numFmt).toBe('0.0%');
  expect(at('Dấu đánh giá')).toBe('Đã sửa sau khi đánh giá');
  expect(at('Tính vào số liệu')).toBe('Không — đã sửa sau lần đánh giá');
  expect(at('Tệp')).toBe('b.xlsx');
  expect(v(`B${SUMMARY_TABLE_ROW + 1}`)).toBe('(chưa nhập tên)');
  const texts = s.cells.map((c) => String(c.value ?? ''));
  expect(texts).toContain('Chỉ tiêu thi đua');
  expect(texts.some((t) => t.startsWith('Chỉ tiêu theo: Kế hoạch phát động phong trào thi đua'))).toBe(true);
  expect(
    texts.some((t) =>
      t.startsWith('Không tính 3 bảng tính vào số liệu: 1 đã sửa sau lần đánh giá, 2 chưa đánh giá'),
    ),
  ).toBe(true);
  expect(texts.some((t) => t.startsWith('XÃ  A (Xã, năm 2025): giữ “a2.xlsx”; bỏ qua “a.xlsx”'))).toBe(true);
  expect(texts).toContain('Không đọc được tệp "x.xlsx": không phải tệp Excel (.xlsx) hợp lệ');
  const dh = s.cells.find((c) => String(c.value).startsWith('Tỷ lệ đơn vị đạt đủ các tiêu chí'));
  const row = dh?.address.slice(1);
  // only Xã A is counted (fresh stamp): 1 of 1
  expect([v(`H${row}`), v(`I${row}`), v(`J${row}`), v(`K${row}`), v(`L${row}`)]).toEqual([
    1,
    0.2,
    'Đạt',
    1,
    1,
  ]);
  expect(cell(`I${row}`)?.style?.numFmt).toBe('"≥ "0.0%');
  const nd = s.cells.find((c) => String(c.value).startsWith('Tỷ lệ hộ dân'));
  expect(v(`H${nd?.address.slice(1)}`)).toBe('không có số liệu trong bảng tính');
  expect(s.print).toMatchObject({ orientation: 'landscape', paper: 'A4', fitToWidth: true });
  expect(s.freeze).toEqual({ rows: SUMMARY_TABLE_ROW, columns: 2 });
  expect(s.autoFilter).toBe(`A${SUMMARY_TABLE_ROW}:${col('Tệp')}${SUMMARY_TABLE_ROW + 4}`);
});

test('a plan without targets: no targets table, said plainly', () => {
  const r = aggregate([rec('a.xlsx', 'Xã A')], [], { plan: { id: 'mac-dinh', version: '1.0' } });
  expect(r.targets).toEqual([]);
  const texts = summarySheet(r).cells.map((c) => String(c.value ?? ''));
  expect(texts).toContain('Kế hoạch “mac-dinh” không đặt chỉ tiêu thi đua: không có bảng chỉ tiêu.');
});

test('the per-criterion table and the charts sheet', () => {
  const crit = (id: string, status: 'pass' | 'fail' | 'missing' | 'na') => ({ id, status });
  const r = aggregate(
    [
      rec('a.xlsx', 'Xã A', {
        criteria: [crit('TC1', 'pass'), crit('TC2', 'fail')],
        titles: { TC1: 'Một', TC2: 'Hai' },
      }),
      rec('b.xlsx', 'Xã B', { criteria: [crit('TC1', 'missing'), crit('TC2', 'fail')] }),
      rec('c.xlsx', 'Xã C', { criteria: [crit('TC1', 'na'), crit('TC2', 'pass')], stamp: 'edited' }),
    ],
    [],
  );
  expect(r.criteria).toEqual([
    { pack: 'xa', id: 'TC1', title: 'Một', pass: 1, fail: 0, missing: 1, invalid: 0, na: 0, notDue: 0 },
    { pack: 'xa', id: 'TC2', title: 'Hai', pass: 0, fail: 2, missing: 0, invalid: 0, na: 0, notDue: 0 },
  ]);
  expect(mostFailed(r)).toEqual([{ label: 'TC2', fail: 2 }]);
  const c = criteriaSheet(r);
  expect(c.cells.find((x) => x.address === `E${CRITERIA_TABLE_ROW + 2}`)?.value).toBe(2);
  const charts = chartsSheet(r);
  expect(charts.charts?.map((x) => [x.type, x.categories, x.values])).toEqual([
    ['pie', 'A5:A9', 'B5:B9'],
    ['bar', 'A13:A13', 'B13:B13'],
  ]);
});
