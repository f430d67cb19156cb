import { evaluate } from '../../src/engine/evaluate';
import { excelDate } from '../../src/engine/dates';
import { getBuiltinPack } from '../../src/pack/registry';
import type { Pack } from '../../src/pack/schema';
import {
  DOSSIER_FONT,
  MINUTES_SHEET,
  QUOC_HIEU,
  REPORT_SHEET,
  REPORT_TABLE_HEADERS,
  SUBMISSION_SHEET,
  TIEU_NGU,
  dossierSheets,
  unitPhrase,
  viDateLine,
} from '../../src/sheet/dossier';
import type { CellSpec, SheetSpec } from '../../src/sheet/spec';
import { fullPassValues } from '../helpers/samples';

const xa = getBuiltinPack('xa') as Pack;
const coquan = getBuiltinPack('coquan') as Pack;
const ASOF = excelDate(2025, 12, 31);

function xaDossier(extra: Record<string, string | number> = {}) {
  const values = {
    ...fullPassValues(xa, { year: 2025 }),
    ten_don_vi: 'Xã An Phú',
    loai_don_vi: 'Xã',
    ...extra,
  };
  const ev = evaluate(xa, values, { today: ASOF });
  return { values, ev, sheets: dossierSheets(xa, values, ev) };
}

const at = (s: SheetSpec, a: string): CellSpec | undefined =>
  s.cells.find((c) => c.address === a && c.value !== undefined);
const val = (s: SheetSpec, a: string) => at(s, a)?.value;
const find = (s: SheetSpec, pred: (v: string) => boolean) =>
  s.cells.find((c) => typeof c.value === 'string' && pred(c.value));

describe('Báo cáo kết quả (Nghị định 30/2020 layout)', () => {
  const { sheets, ev } = xaDossier({ tc16_tu_diem: 1, tc1_minh_chung: '' });
  const report = sheets[0];

  test('three sheets in dossier order', () => {
    expect(sheets.map((s) => s.name)).toEqual([REPORT_SHEET, MINUTES_SHEET, SUBMISSION_SHEET]);
  });

  test('header: issuing body left, Quốc hiệu and Tiêu ngữ right, number, italic place and date', () => {
    expect(val(report, 'A1')).toBe('UBND XÃ AN PHÚ');
    expect(at(report, 'A1')?.style).toMatchObject({ bold: true, hAlign: 'center' });
    expect(val(report, 'C1')).toBe(QUOC_HIEU);
    expect(at(report, 'C1')?.style).toMatchObject({ bold: true });
    expect(val(report, 'C2')).toBe(TIEU_NGU);
    expect(val(report, 'A3')).toBe('Số: …/BC-UBND');
    expect(val(report, 'C3')).toBe('An Phú, ngày 31 tháng 12 năm 2025');
    expect(at(report, 'C3')?.style?.italic).toBe(true);
    expect(report.merges).toEqual(expect.arrayContaining(['A1:B1', 'C1:E1', 'C2:E2', 'A3:B3', 'C3:E3']));
    expect(val(report, 'A5')).toBe('BÁO CÁO');
    expect(val(report, 'A6')).toBe(
      'Kết quả thực hiện Bộ tiêu chí xây dựng xã điển hình về phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2025',
    );
    expect(val(report, 'A7')).toBe('(xã An Phú; số liệu tính đến ngày 31/12/2025)');
  });

  test('criteria table: header row repeated on every page, one row per criterion with status and values', () => {
    expect(REPORT_TABLE_HEADERS.map((_, i) => val(report, `${'ABCDE'[i]}11`))).toEqual(REPORT_TABLE_HEADERS);
    expect(report.print).toMatchObject({
      orientation: 'portrait',
      paper: 'A4',
      fitToWidth: true,
      titleRows: '11:11',
      margins: { top: 20, bottom: 20, left: 30, right: 15 },
    });
    expect(val(report, 'A12')).toBe(`I. ${xa.groups[0].title}`);
    expect(val(report, 'A13')).toBe('TC1');
    expect(val(report, 'C13')).toBe('Đạt');
    expect(String(val(report, 'D13'))).toBe(`${xa.groups[0].criteria[0].indicators[0].label}: Có`);
    expect(val(report, 'E13')).toBe('…'); // evidence left blank
    const tc16 = report.cells.find((c) => c.value === 'TC16');
    const row = tc16?.address.slice(1);
    expect(val(report, `C${row}`)).toBe('Không đạt');
    expect(String(val(report, `D${row}`))).toMatch(/^Số tụ điểm .*: 1\nGhi chú: /);
    // every criterion once, in order
    const ids = report.cells
      .filter((c) => /^A\d+$/.test(c.address) && /^TC\d+$/.test(String(c.value)))
      .map((c) => c.value);
    expect(ids).toEqual(ev.criteria.map((c) => c.id));
  });

  test('summary, conclusion, Nơi nhận and signature block', () => {
    expect(find(report, (v) => v.startsWith('Tổng hợp:'))?.value).toBe(
      'Tổng hợp: đạt 33/34 tiêu chí áp dụng.',
    );
    expect(find(report, (v) => v.startsWith('Kết luận:'))?.value).toBe('Kết luận: Chưa đạt: TC16.');
    expect(find(report, (v) => v.startsWith('Lưu ý: thiếu minh chứng'))?.value).toBe(
      'Lưu ý: thiếu minh chứng ở TC1.',
    );
    const noiNhan = find(report, (v) => v === 'Nơi nhận:') as CellSpec;
    expect(noiNhan.style).toMatchObject({ bold: true, italic: true });
    const r = Number(noiNhan.address.slice(1));
    expect(val(report, `C${r}`)).toBe('TM. ỦY BAN NHÂN DÂN');
    expect(val(report, `C${r + 1}`)).toBe('CHỦ TỊCH');
    expect(val(report, `A${r + 1}`)).toBe('- Như trên;');
    expect(report.print.area).toMatch(/^A1:E\d+$/);
  });

  test('Times New Roman everywhere, explicit row heights, nothing protected', () => {
    expect(report.cells.every((c) => c.style?.font === DOSSIER_FONT)).toBe(true);
    expect(report.protect).toBe(false);
    const tableRows = report.rows.filter((r) => r.row > 11);
    expect(tableRows.length).toBeGreaterThan(34);
    expect(Math.min(...tableRows.map((r) => r.height))).toBeGreaterThan(0);
  });
});

describe('Biên bản họp xét and Tờ trình prefilled from the same evaluation', () => {
  test('a passing commune: minutes propose recognition, submission has no warning', () => {
    const { sheets } = xaDossier();
    const [, minutes, submission] = sheets;
    expect(val(minutes, 'A5')).toBe('BIÊN BẢN');
    expect(val(minutes, 'A3')).toBe('Số: …/BB-UBND');
    expect(val(minutes, 'A6')).toBe(
      'Họp xét, đề nghị công nhận xã An Phú điển hình về phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2025',
    );
    expect(find(minutes, (v) => v.startsWith('2. Kết quả đánh giá'))?.value).toBe(
      '2. Kết quả đánh giá: đạt 34/34 tiêu chí áp dụng.',
    );
    expect(find(minutes, (v) => v.startsWith('Xã An Phú đạt 34/34'))).toBeDefined();
    expect(find(minutes, (v) => v === 'CHỦ TRÌ')).toBeDefined();
    expect(val(submission, 'A5')).toBe('TỜ TRÌNH');
    expect(val(submission, 'A3')).toBe('Số: …/TTr-UBND');
    expect(find(submission, (v) => v.startsWith('Lưu ý'))).toBeUndefined();
    expect(find(submission, (v) => v.startsWith('UBND xã An Phú kính trình'))).toBeDefined();
  });

  test('a failing commune: minutes list what is missing, submission warns', () => {
    const { sheets } = xaDossier({ tc16_tu_diem: 1 });
    const [, minutes, submission] = sheets;
    expect(find(minutes, (v) => v.startsWith('- TC16 ('))?.value).toMatch(/: Không đạt — /);
    expect(find(minutes, (v) => v.startsWith('Kết luận đánh giá: Chưa đạt: TC16.'))).toBeDefined();
    expect(find(submission, (v) => v.startsWith('Lưu ý:'))?.value).toContain('chưa đạt: TC16');
  });

  test('an agency: issuer is the agency, signed by its head', () => {
    const values = {
      ...fullPassValues(coquan, { year: 2025 }),
      ten_don_vi: 'Trường THPT Bắc Quang',
      loai_don_vi: 'Cơ sở giáo dục',
      tinh: 'Tuyên Quang',
    };
    const ev = evaluate(coquan, values, { today: ASOF });
    const [report] = dossierSheets(coquan, values, ev);
    expect(val(report, 'A1')).toBe('TRƯỜNG THPT BẮC QUANG');
    expect(val(report, 'A3')).toBe('Số: …/BC');
    expect(val(report, 'C3')).toBe('Tuyên Quang, ngày 31 tháng 12 năm 2025');
    expect(find(report, (v) => v === 'THỦ TRƯỞNG ĐƠN VỊ')).toBeDefined();
  });
});

test('Nghị định 30 date line: leading zero for days below 10 and for months 1 and 2 only', () => {
  expect(viDateLine('Bắc Quang', excelDate(2024, 2, 5))).toBe('Bắc Quang, ngày 05 tháng 02 năm 2024');
  expect(viDateLine('Bắc Quang', excelDate(2024, 3, 15))).toBe('Bắc Quang, ngày 15 tháng 3 năm 2024');
});

test('unit phrase keeps or adds the type prefix', () => {
  expect(unitPhrase('Tân Lập', 'Xã')).toBe('xã Tân Lập');
  expect(unitPhrase('Xã Tân Lập', 'Xã')).toBe('xã Tân Lập');
  expect(unitPhrase('Công ty Điện lực', 'Doanh nghiệp')).toBe('Công ty Điện lực');
});

describe('a unit that meets every criterion but not a gating prerequisite', () => {
  it('the Biên bản says it is not eligible (naming why) and proposes nothing', () => {
    const { ev, sheets } = xaDossier({ an_toan_nam_truoc: 'Không' });
    expect(ev.verdict.code).toBe('ineligible');
    const minutes = sheets.find((s) => s.name === MINUTES_SHEET);
    if (!minutes) throw new Error('no minutes sheet');
    const conclusion = find(minutes, (v) => v.includes('chưa đề nghị công nhận'));
    expect(conclusion?.value).toBe(
      `Đạt ${ev.passed}/${ev.applicable} tiêu chí nhưng chưa đủ điều kiện lựa chọn: Năm trước được công nhận đạt tiêu chuẩn An toàn về an ninh, trật tự (TT 124/2021/TT-BCA); chưa đề nghị công nhận.`,
    );
    expect(find(minutes, (v) => v.includes('thống nhất đề nghị'))).toBeUndefined();
  });
});
