/**
 * A consolidation a province can act on (issue 9, item 3), end to end through `tieuchi consolidate`:
 * a batch with workbooks of two years, a workbook edited after its evaluation, a roster (CSV with a
 * BOM and a header) naming a unit that sent nothing, and last year's summary (its `--json`).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { getBuiltinPack } from '../../src/pack/registry';
import type { Pack } from '../../src/pack/schema';
import type { Values } from '../../src/engine/values';
import { fullPassValues } from '../helpers/samples';
import { writeUnitWorkbook } from './fixtures';
import { tieuchi } from '../cli/run';
import { displayWidth } from '../../src/cli/text';
import { at, entry } from '../helpers/at';

const xa = getBuiltinPack('xa') as Pack;
let dir: string;

const unit = (name: string, year: number, extra: Values = {}): Values => ({
  ...fullPassValues(xa, { year }),
  ten_don_vi: name,
  loai_don_vi: 'Xã',
  ...extra,
});

interface JsonOut {
  year: number;
  units: Array<{
    unit: string;
    year: number;
    asOf: string | null;
    plan: { id: string } | null;
    excluded?: string;
    stamp: string;
    passed: number;
    prior?: { passed: number } | null;
  }>;
  criteria: Array<{
    pack: string;
    id: string;
    pass: number;
    fail: number;
    missing: number;
    invalid: number;
    na: number;
  }>;
  missingUnits: Array<{ unit: string }>;
  targets: Array<{
    id: string;
    value: number | null;
    over: number;
    noData?: boolean;
    prior?: number | null;
    excluded: { count: number; reasons: Array<{ code: string; count: number }> };
  }>;
  warnings: string[];
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tieuchi-province-'));
  const units = join(dir, 'don-vi');
  mkdirSync(units);
  await writeUnitWorkbook(join(units, 'an-phu.xlsx'), xa, unit('Xã An Phú', 2025));
  // last year's workbook of the same unit: flagged, kept out, not a duplicate
  await writeUnitWorkbook(join(units, 'an-phu-2024.xlsx'), xa, unit('Xã An Phú', 2024, { tc16_tu_diem: 1 }));
  await writeUnitWorkbook(join(units, 'binh-minh.xlsx'), xa, unit('Xã Bình Minh', 2025, { tc16_tu_diem: 2 }));
  // passes as stamped, then edited: must not count as "Đạt" in the targets
  await writeUnitWorkbook(join(units, 'cam-le.xlsx'), xa, unit('Xã Cẩm Lệ', 2025), {
    editAfterStamp: { tc17_vu_viec: 3 },
  });
  writeFileSync(
    join(dir, 'roster.csv'),
    '\uFEFFTên đơn vị,Loại\r\nXã Bình Minh,Xã\r\nXã An Phú,Xã\r\nXã Cẩm Lệ,Xã\r\n"Xã Đông Hòa",Xã\r\n',
  );
  writeFileSync(
    join(dir, 'nam-truoc.json'),
    JSON.stringify({
      year: 2024,
      units: [
        { unit: 'Xã Bình Minh', unitType: 'Xã', verdict: { label: 'Đạt' }, passed: 34, applicable: 34 },
      ],
      targets: [{ id: 'dien_hinh', value: 0.5 }],
    }),
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const args = (): string[] => [
  'consolidate',
  join(dir, 'don-vi'),
  '--plan',
  'bac-quang-2024',
  '--roster',
  join(dir, 'roster.csv'),
  '--prior-summary',
  join(dir, 'nam-truoc.json'),
];

test('mixed years, edited stamps, roster and last year: the JSON a province can act on', async () => {
  const r = await tieuchi([...args(), '--json']);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const j = JSON.parse(r.stdout) as JsonOut;
  expect(j.year).toBe(2025);
  expect(j.warnings.join('\n')).toMatch(/nhiều năm \(2024, 2025\).*năm 2025.*1 bảng tính của năm khác/);
  // sorted by type then name (last year's file after this year's), each with year, as-of, plan
  expect(j.units.map((u) => [u.unit, u.year, u.excluded ?? 'counted'])).toEqual([
    ['Xã An Phú', 2025, 'counted'],
    ['Xã An Phú', 2024, 'other_year'],
    ['Xã Bình Minh', 2025, 'counted'],
    ['Xã Cẩm Lệ', 2025, 'edited'],
  ]);
  expect(at(j.units, 0).asOf).toMatch(/^2025-\d\d-\d\d$/);
  expect(at(j.units, 0).plan?.id).toBe('mac-dinh');
  expect(j.missingUnits.map((m) => m.unit)).toEqual(['Xã Đông Hòa']);
  const byId = Object.fromEntries(j.targets.map((t) => [t.id, t]));
  // over the whole roster of 4: An Phú passes; Bình Minh fails; Cẩm Lệ (edited) and Đông Hòa count as not reached
  expect(byId.dien_hinh).toMatchObject({ value: 0.25, over: 4, prior: 0.5 });
  expect(entry(byId, 'dien_hinh').excluded).toEqual({
    count: 2,
    reasons: [
      { code: 'other_year', label: 'bảng tính của năm khác', count: 1 },
      { code: 'edited', label: 'đã sửa sau lần đánh giá', count: 1 },
    ],
  });
  // the seed's targets the workbook holds no field for are listed, never computed
  expect(byId.tuyen_truyen_ho_dan).toMatchObject({ value: null, noData: true });
  expect(byId.phan_loai_trung_binh).toMatchObject({ value: 0.5, over: 4 });
  // per criterion, over the two counted units only
  const tc16 = j.criteria.find((c) => c.pack === 'xa' && c.id === 'TC16');
  expect(tc16).toMatchObject({ pass: 1, fail: 1, missing: 0, invalid: 0, na: 0 });
  const tc17 = j.criteria.find((c) => c.id === 'TC17');
  expect(tc17).toMatchObject({ pass: 2, fail: 0 });
  expect(j.units.find((u) => u.unit === 'Xã Bình Minh')?.prior).toMatchObject({ passed: 34 });
  expect(j.units.find((u) => u.unit === 'Xã Cẩm Lệ')?.prior).toBeNull();
});

test('the summary workbook: numbers as numbers, autofilter, frozen header, three sheets', async () => {
  const out = join(dir, 'tong-hop.xlsx');
  const r = await tieuchi([...args(), '--out', out]);
  expect(r.status).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
  expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Theo tiêu chí', 'Biểu đồ']);
  const ws = wb.getWorksheet('Tổng hợp');
  if (!ws) throw new Error('no summary sheet');
  const header = (ws.getRow(5).values as unknown[]).slice(1);
  const col = (h: string): number => header.indexOf(h) + 1;
  expect(col('Năm')).toBeGreaterThan(0);
  const bm = ws.getRow(8);
  expect(bm.getCell(col('Đơn vị')).value).toBe('Xã Bình Minh');
  expect(bm.getCell(col('Số tiêu chí đạt')).value).toBe(33);
  expect(bm.getCell(col('Tỷ lệ đạt')).numFmt).toBe('0.0%');
  expect(typeof bm.getCell(col('Tỷ lệ đạt')).value).toBe('number');
  expect(bm.getCell(col('Năm')).value).toBe(2025);
  expect(ws.autoFilter).toBe(`A5:${String.fromCharCode(64 + header.length)}9`);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 5 });
  const texts = ws
    .getSheetValues()
    .flat()
    .filter((v): v is string => typeof v === 'string');
  expect(texts.some((t) => t.includes('Ban Chỉ đạo 138 huyện Bắc Quang'))).toBe(true);
  expect(texts).toContain('không có số liệu trong bảng tính');
  expect(texts.some((t) => t.includes('Xã Đông Hòa'))).toBe(true);
  expect(r.stdout).toContain('Chưa gửi bảng tính (1/4');
});

test('last year’s summary workbook (as written by --out) serves as --prior-summary too', async () => {
  const prior = join(dir, 'tong-hop-nam-truoc.xlsx');
  const base = ['consolidate', join(dir, 'don-vi'), '--plan', 'bac-quang-2024'];
  expect((await tieuchi([...base, '--out', prior])).status).toBe(0);
  const r = await tieuchi([...base, '--prior-summary', prior, '--json']);
  expect(r.stderr).toBe('');
  const j = JSON.parse(r.stdout) as JsonOut;
  // matched by unit name and type; last year's other-year row is not taken for this year's unit
  expect(j.units.find((u) => u.unit === 'Xã Bình Minh')?.prior).toMatchObject({ passed: 33, applicable: 34 });
  expect(j.units.find((u) => u.unit === 'Xã An Phú' && u.year === 2025)?.prior).toMatchObject({ passed: 34 });
  // targets matched by label: the same figures, so no change
  const dh = j.targets.find((t) => t.id === 'dien_hinh');
  expect(dh?.prior).toBe(dh?.value);
  expect(dh?.value).toBe(0.5);
  expect(j.targets.find((t) => t.id === 'tuyen_truyen_ho_dan')?.prior).toBeNull();
  // this year's summary given as last year's: said so
  expect(j.warnings).toContain(
    'Bảng tổng hợp dùng để so sánh là của năm 2025, không phải năm 2024 (năm trước năm tổng hợp 2025).',
  );
  // a workbook that is not a summary is refused with the file and the reason (exit 2)
  const bad = await tieuchi([...base, '--prior-summary', join(dir, 'don-vi', 'an-phu.xlsx')]);
  expect(bad.status).toBe(2);
  expect(bad.stderr).toMatch(/an-phu\.xlsx.*không phải bảng tổng hợp/);
});

test('a folder that does not exist: exit 2 with the reason, nothing on stdout', async () => {
  const r = await tieuchi(['consolidate', join(dir, 'khong-co')]);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toContain('khong-co');
  expect(r.stderr).toMatch(/không tìm thấy/);
});

test('text output fits the terminal width (110 columns when not a terminal); nothing on stderr', async () => {
  const r = await tieuchi(args());
  expect(r.stderr).toBe('');
  const lines = r.stdout.trimEnd().split('\n');
  expect(lines.some((l) => displayWidth(l) > 100)).toBe(true); // long lines exist, and are wrapped
  for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(110);
  expect(r.stdout).toContain(
    'Không tính 2 bảng tính vào số liệu: 1 bảng tính của năm khác, 1 đã sửa sau lần đánh giá.',
  );
  expect(r.stdout).toContain('không: năm khác');
});

test('with --lang en the line of the workbooks left out of the figures is English', async () => {
  const r = await tieuchi([...args(), '--lang', 'en']);
  expect(r.stdout.replace(/\s+/g, ' ')).toContain(
    '2 workbooks not counted in the figures: 1 of another year, 1 edited after the evaluation.',
  );
  expect(r.stdout).not.toContain('Không tính');
});
