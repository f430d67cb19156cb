import {
  aggregate,
  summarySheet,
  SUMMARY_HEADERS,
  SUMMARY_TABLE_ROW,
  type UnitRecord,
} from '../../src/sheet/summary';

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
);

test('duplicates: newest stamp wins over a newer file time; nameless units are never merged', () => {
  expect(result.units.map((u) => u.file)).toEqual(['a2.xlsx', 'b.xlsx', 'c.xlsx', 'd.xlsx']);
  expect(result.duplicates).toEqual([
    { unit: 'XÃ  A', unitType: 'Xã', year: 2025, kept: 'a2.xlsx', dropped: ['a.xlsx'] },
  ]);
  // the JSON rows carry exactly the public fields
  expect(Object.keys(result.units[0]).sort()).toEqual(
    ['applicable', 'failing', 'file', 'pack', 'passed', 'stamp', 'unit', 'unitType', 'verdict'].sort(),
  );
});

test('the "Tổng hợp" sheet: header, one row per unit, targets, duplicates and errors', () => {
  const s = summarySheet(result);
  const v = (a: string) => s.cells.find((c) => c.address === a)?.value;
  expect(s.name).toBe('Tổng hợp');
  expect(SUMMARY_HEADERS.map((_, i) => v(`${String.fromCharCode(65 + i)}${SUMMARY_TABLE_ROW}`))).toEqual(
    SUMMARY_HEADERS,
  );
  const r = SUMMARY_TABLE_ROW + 2; // second unit
  expect([v(`A${r}`), v(`B${r}`), v(`E${r}`), v(`F${r}`), v(`G${r}`), v(`H${r}`), v(`I${r}`)]).toEqual([
    2,
    'Xã B',
    'Chưa đạt: TC16',
    '33/34',
    'TC16',
    'Đã sửa sau khi đánh giá',
    'b.xlsx',
  ]);
  expect(v(`B${SUMMARY_TABLE_ROW + 3}`)).toBe('(chưa nhập tên)');
  const texts = s.cells.map((c) => String(c.value ?? ''));
  expect(texts).toContain('Chỉ tiêu thi đua');
  expect(texts.some((t) => t.startsWith('XÃ  A (Xã, năm 2025): giữ “a2.xlsx”; bỏ qua “a.xlsx”'))).toBe(true);
  expect(texts).toContain('Không đọc được tệp "x.xlsx": không phải tệp Excel (.xlsx) hợp lệ');
  const dh = s.cells.find((c) => String(c.value).startsWith('Tỷ lệ đơn vị đạt đủ các tiêu chí'));
  const row = dh?.address.slice(1);
  expect([v(`F${row}`), v(`G${row}`), v(`H${row}`)]).toEqual(['75%', '≥ 20%', 'Đạt']);
  expect(s.print).toMatchObject({ orientation: 'landscape', paper: 'A4', fitToWidth: true });
  expect(s.freeze).toEqual({ rows: SUMMARY_TABLE_ROW, columns: 2 });
});
