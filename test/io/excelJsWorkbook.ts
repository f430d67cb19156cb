/**
 * A workbook written by ExcelJS with one defined name per value type (and formulas, with or without
 * cached results), and the values `readWorkbookBuffer` must read from it. Shared by the reader's
 * unit tests and its LibreOffice test.
 */
import ExcelJS from 'exceljs';
import { excelDate } from '../../src/engine/dates';

export const SHEET = 'Tiêu chí đánh giá';
export const SHEET2 = "Năm 'trước' (cũ)";

export async function excelJsWorkbook(withResults: boolean): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  const ws2 = wb.addWorksheet(SHEET2);
  ws.getCell('E12').value = 'Xã An Bình & "Phú Lộc" <1>';
  ws.getCell('E13').value = 42;
  ws.getCell('E14').value = 2.5;
  ws.getCell('E15').value = true;
  ws.getCell('E16').value = false;
  ws.getCell('E17').value = new Date(Date.UTC(2025, 2, 31));
  ws.getCell('E17').numFmt = 'dd/mm/yyyy';
  ws.getCell('E18').value = withResults ? { formula: 'E13*2', result: 84 } : { formula: 'E13*2' };
  ws.getCell('E19').value = withResults
    ? { formula: 'IF(E13>1,"Đạt","Không đạt")', result: 'Đạt' }
    : { formula: 'IF(E13>1,"Đạt","Không đạt")' };
  ws.getCell('E20').value = withResults ? { formula: 'E13>100', result: false } : { formula: 'E13>100' };
  ws.getCell('E21').value = withResults
    ? { formula: 'NA()', result: { error: '#N/A' } }
    : { formula: 'NA()' };
  ws.getCell('E22').value = {
    richText: [{ text: 'Số ' }, { text: '12/QĐ-UBND', font: { bold: true } }, { text: ' ngày 05/01/2025' }],
  };
  ws2.getCell('B3').value = 1234;
  for (const [addr, name] of [
    ['E12', 'ten_don_vi'],
    ['E13', 'so_nguyen'],
    ['E14', 'so_le'],
    ['E15', 'dung'],
    ['E16', 'sai'],
    ['E17', 'ngay'],
    ['E18', 'cong_thuc_so'],
    ['E19', 'cong_thuc_chu'],
    ['E20', 'cong_thuc_bool'],
    ['E21', 'loi'],
    ['E22', 'giau'],
    ['E30', 'trong'],
  ] as const) {
    wb.definedNames.add(`'${SHEET}'!$${addr.slice(0, 1)}$${addr.slice(1)}`, name);
  }
  wb.definedNames.add(`'${SHEET2.replace(/'/g, "''")}'!$B$3`, 'nam_truoc');
  wb.definedNames.add(`'${SHEET}'!$E$12:$E$13`, 'vung');
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

export const EXPECTED: Record<string, unknown> = {
  ten_don_vi: 'Xã An Bình & "Phú Lộc" <1>',
  so_nguyen: 42,
  so_le: 2.5,
  dung: true,
  sai: false,
  ngay: excelDate(2025, 3, 31),
  cong_thuc_so: 84,
  cong_thuc_chu: 'Đạt',
  cong_thuc_bool: false,
  loi: '#N/A',
  giau: 'Số 12/QĐ-UBND ngày 05/01/2025',
  trong: null,
  nam_truoc: 1234,
};
