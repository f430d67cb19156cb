import ExcelJS from 'exceljs';
import { excelDate } from '../../src/engine/dates';
import type { CellValue } from '../../src/engine/values';
import {
  answersFromText,
  answersToValues,
  missingInputNames,
  packRefFromWorkbook,
  parseAnswers,
  parseAnswersText,
  valuesFromWorkbook,
} from '../../src/io/answers';
import { packInputs } from '../../src/pack/inputs';
import { inputReason, type ReasonKey } from '../../src/i18n/inputReasons';
import { readWorkbookBuffer, type WorkbookData } from '../../src/io/xlsx';
import { getBuiltinPack } from '../../src/pack/registry';
import type { Pack } from '../../src/pack/schema';

/** The problems as the Vietnamese lines the CLI prints. */
const said = (problems: readonly ReasonKey[]): string[] => problems.map((p) => inputReason('vi', p));

const xa = getBuiltinPack('xa') as Pack;

function normalised(id: string, v: unknown): CellValue | undefined {
  const r = answersToValues(parseAnswers({ pack: 'xa', values: { [id]: v } }, 'a.json'), xa);
  expect(r.problems).toEqual([]);
  return r.values[id];
}

describe('answers JSON normalisation', () => {
  test('the pack has the ids this table uses', () => {
    const inputs = packInputs(xa);
    expect(inputs.get('tc1_quan_triet')?.type).toBe('bool');
    expect(inputs.get('tc2_nghi_quyet_ngay')?.type).toBe('date');
    expect(inputs.get('tc3_cach_lam_hay')?.type).toBe('count');
    expect(inputs.get('tc6_dang_bo')?.type).toBe('choice');
    expect(inputs.get('ten_don_vi')?.type).toBe('text');
    expect(inputs.get('tc1_minh_chung')?.type).toBe('text');
    expect(inputs.get('ngay_danh_gia')?.type).toBe('date');
  });

  test.each<[string, unknown, CellValue]>([
    // bool
    ['tc1_quan_triet', true, 'Có'],
    ['tc1_quan_triet', false, 'Không'],
    ['tc1_quan_triet', 1, 'Có'],
    ['tc1_quan_triet', 0, 'Không'],
    ['tc1_quan_triet', 'Có', 'Có'],
    ['tc1_quan_triet', 'có', 'Có'],
    ['tc1_quan_triet', 'CÓ', 'Có'],
    ['tc1_quan_triet', 'Co\u0301', 'Có'], // decomposed (NFD) input
    ['tc1_quan_triet', 'co', 'Có'],
    ['tc1_quan_triet', ' Không ', 'Không'],
    ['tc1_quan_triet', 'khong', 'Không'],
    ['tc1_quan_triet', 'KHONG', 'Không'],
    ['tc1_quan_triet', 'true', 'Có'],
    ['tc1_quan_triet', '0', 'Không'],
    ['tc1_quan_triet', 'có lẽ', 'có lẽ'], // stays, the engine reports invalid
    ['tc1_quan_triet', 2, 2],
    ['tc1_quan_triet', null, null],
    // count
    ['tc3_cach_lam_hay', 3, 3],
    ['tc3_cach_lam_hay', 0, 0],
    ['tc3_cach_lam_hay', 2.5, 2.5],
    ['tc3_cach_lam_hay', -1, -1],
    ['tc3_cach_lam_hay', '5', 5],
    ['tc3_cach_lam_hay', ' 12 ', 12],
    ['tc3_cach_lam_hay', '-2', -2],
    ['tc3_cach_lam_hay', '1.000', '1.000'], // ambiguous (thousands or decimal): stays text
    ['tc3_cach_lam_hay', 'năm', 'năm'],
    ['tc3_cach_lam_hay', true, true],
    // date
    ['tc2_nghi_quyet_ngay', '2025-03-31', excelDate(2025, 3, 31)],
    ['tc2_nghi_quyet_ngay', '31/03/2025', excelDate(2025, 3, 31)],
    ['tc2_nghi_quyet_ngay', '5/1/2025', excelDate(2025, 1, 5)],
    ['tc2_nghi_quyet_ngay', '2025-02-30', '2025-02-30'],
    ['tc2_nghi_quyet_ngay', '31/02/2025', '31/02/2025'],
    ['tc2_nghi_quyet_ngay', 'hôm qua', 'hôm qua'],
    ['tc2_nghi_quyet_ngay', 45000, 45000],
    ['ngay_danh_gia', '2025-06-15', excelDate(2025, 6, 15)],
    // choice
    ['tc6_dang_bo', 'Hoàn thành tốt nhiệm vụ', 'Hoàn thành tốt nhiệm vụ'],
    ['tc6_dang_bo', '  hoàn thành TỐT nhiệm vụ ', 'Hoàn thành tốt nhiệm vụ'],
    ['tc6_dang_bo', 'Hoa\u0300n tha\u0300nh tô\u0301t nhiê\u0323m vu\u0323', 'Hoàn thành tốt nhiệm vụ'],
    ['tc6_dang_bo', 'Tốt', 'Tốt'],
    ['loai_don_vi', 'phường', 'Phường'],
    // text
    ['ten_don_vi', 'Xa\u0303 An Bi\u0300nh', 'Xã An Bình'],
    ['tc1_minh_chung', 'NQ số 01-NQ/ĐU ngày 05/01/2025', 'NQ số 01-NQ/ĐU ngày 05/01/2025'],
    ['nam', '2025', 2025],
  ])('%s = %j → %j', (id, input, expected) => {
    expect(normalised(id, input)).toEqual(expected);
  });

  test('a missing key is blank; unknown ids and extra keys are problems, not errors', () => {
    const r = answersFromText(
      JSON.stringify({ pack: 'xa', values: { tc1_quan_triet: 'Có', tc99_khong_co: 1 }, ghi_chu: 'x' }),
      'a.json',
      xa,
    );
    expect(r.packId).toBe('xa');
    expect(r.values).toEqual({ tc1_quan_triet: 'Có' });
    expect(r.values.tc3_cach_lam_hay).toBeUndefined();
    expect(said(r.problems)).toEqual([
      'trường "ghi_chu" không được dùng (chỉ dùng "pack" và "values"), bỏ qua',
      'không có chỉ số "tc99_khong_co" trong bộ tiêu chí "xa" (bỏ qua)',
    ]);
  });

  test('nested objects become a problem and an invalid value', () => {
    const r = answersToValues(
      parseAnswers({ pack: 'xa', values: { tc3_cach_lam_hay: { n: 1 } } }, 'a.json'),
      xa,
    );
    expect(said(r.problems)).toEqual([
      'giá trị của "tc3_cach_lam_hay" phải là số, chuỗi, true/false hoặc null',
    ]);
    expect(r.values.tc3_cach_lam_hay).toBe('{"n":1}');
  });

  test('a pack mismatch is reported', () => {
    const r = answersToValues(parseAnswers({ pack: 'coquan', values: {} }, 'a.json'), xa);
    expect(said(r.problems)).toEqual(['tệp khai báo bộ tiêu chí "coquan" nhưng đang đánh giá theo bộ "xa"']);
  });

  test.each<[string, string]>([
    ['[]', 'tệp trả lời phải là một đối tượng JSON dạng {"pack": "xa", "values": {…}}'],
    ['{"values":{}}', 'thiếu trường "pack" (mã bộ tiêu chí, ví dụ "xa")'],
    ['{"pack":5}', 'trường "pack" phải là mã bộ tiêu chí dạng chuỗi, ví dụ "xa"'],
    ['{"pack":"xa","values":[1]}', 'trường "values" phải là một đối tượng {"mã chỉ số": giá trị}'],
    ['{"pack":"xa",}', 'JSON không hợp lệ ở dòng 1, cột 14: dấu phẩy thừa trước “}”'],
    [
      '{"pack":"xa"\n "values":{}}',
      'JSON không hợp lệ ở dòng 2, cột 2: thiếu dấu phẩy “,” hoặc dấu đóng “}” (gặp ký tự “"”)',
    ],
  ])('bad answers %j', (text, reason) => {
    expect(() => parseAnswersText(text, 'tra_loi.json')).toThrow(
      new Error(`Không đọc được tệp "tra_loi.json": ${reason}`),
    );
  });
});

describe('values from a workbook', () => {
  async function workbook(cells: Record<string, ExcelJS.CellValue>, date1904 = false): Promise<WorkbookData> {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = date1904;
    const ws = wb.addWorksheet('Tiêu chí');
    let row = 1;
    for (const [id, v] of Object.entries(cells)) {
      ws.getCell(`C${row}`).value = v;
      wb.definedNames.add(`'Tiêu chí'!$C$${row}`, id);
      row++;
    }
    return readWorkbookBuffer(new Uint8Array(await wb.xlsx.writeBuffer()), 'dv.xlsx');
  }

  test('picks the pack inputs from the names as the cells hold them (the engine reads them like the sheet)', async () => {
    const data = await workbook({
      goi_tieu_chi: 'xa',
      phien_ban_goi: '1.0',
      ten_don_vi: 'Xa\u0303 An Bi\u0300nh',
      tc1_quan_triet: true,
      tc3_cach_lam_hay: '4',
      tc6_dang_bo: 'hoàn thành tốt nhiệm vụ',
      tc2_nghi_quyet_ngay: new Date(Date.UTC(2025, 0, 15)),
      tc2_ke_hoach_ngay: '20/01/2025',
      kq_tc1: 'Đạt',
      tc5_thang_tiep_dan: null,
    });
    const values = valuesFromWorkbook(xa, data);
    // nothing is "fixed" on the way in: a reader that did would disagree with the sheet's formulas
    expect(values).toEqual({
      ten_don_vi: 'Xa\u0303 An Bi\u0300nh',
      tc1_quan_triet: true,
      tc3_cach_lam_hay: '4',
      tc6_dang_bo: 'hoàn thành tốt nhiệm vụ',
      tc2_nghi_quyet_ngay: excelDate(2025, 1, 15),
      tc2_ke_hoach_ngay: '20/01/2025',
      tc5_thang_tiep_dan: null,
    });
    expect(packRefFromWorkbook(data)).toEqual({ id: 'xa', version: '1.0' });
    const missing = missingInputNames(xa, data);
    expect(missing).toContain('tc18_nam_nay');
    expect(missing).not.toContain('tc1_quan_triet');
  });

  test('1904 date-system workbooks are converted to 1900 serials', async () => {
    const data = await workbook({ tc2_nghi_quyet_ngay: 43_000 }, true);
    expect(data.date1904).toBe(true);
    expect(valuesFromWorkbook(xa, data).tc2_nghi_quyet_ngay).toBe(43_000 + 1462);
  });

  test('pack reference: numbers become strings, blanks are absent', async () => {
    expect(packRefFromWorkbook(await workbook({ goi_tieu_chi: ' xa ', phien_ban_goi: 2 }))).toEqual({
      id: 'xa',
      version: '2',
    });
    expect(packRefFromWorkbook(await workbook({ goi_tieu_chi: '', ten_don_vi: 'x' }))).toEqual({});
  });
});
