import { InputError, describeError, fmtBytes, fmtInt, reasonOf, toInputError } from '../../src/io/errors';
import { readWorkbookBuffer } from '../../src/io/xlsx';
import { buildXlsx } from './zipBuilder';

describe('InputError and describeError', () => {
  test('one Vietnamese line naming the file and the reason', () => {
    const e = new InputError('x.xlsx', 'zip.noDirectory');
    expect(e.message).toBe(
      'Không đọc được tệp "x.xlsx": không phải tệp Excel (.xlsx) hợp lệ — thiếu thư mục zip',
    );
    expect(e.file).toBe('x.xlsx');
    expect(e).toBeInstanceOf(Error);
    expect(describeError(e, 'other.xlsx')).toBe(e.message);
    expect(toInputError(e, 'other.xlsx')).toBe(e);
  });

  test.each<[unknown, string]>([
    [Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT' }), 'không tìm thấy tệp'],
    [Object.assign(new Error('EACCES'), { code: 'EACCES' }), 'không có quyền đọc tệp'],
    [Object.assign(new Error('EISDIR'), { code: 'EISDIR' }), 'đây là một thư mục, không phải tệp'],
    [
      new RangeError('Invalid typed array length: 99999999999'),
      'tệp quá lớn hoặc cấu trúc bất thường, không xử lý được',
    ],
    [new TypeError('boom\n    at foo (x.js:1:1)\n    at bar'), 'lỗi không mong đợi (boom)'],
    ['chuỗi', 'lỗi không mong đợi (chuỗi)'],
    [42, 'lỗi không mong đợi'],
    [null, 'lỗi không mong đợi'],
  ])('%p', (err, reason) => {
    expect(reasonOf(err)).toBe(reason);
    const line = describeError(err, 'd/x.xlsx');
    expect(line).toBe(`Không đọc được tệp "d/x.xlsx": ${reason}`);
    expect(line).not.toContain('\n');
  });

  test('number formatting', () => {
    expect(fmtInt(0)).toBe('0');
    expect(fmtInt(1234567)).toBe('1.234.567');
    expect(fmtInt(-2001)).toBe('-2.001');
    expect(fmtBytes(12)).toBe('12 byte');
    expect(fmtBytes(2048)).toBe('2 KB');
    expect(fmtBytes(20 * 1024 * 1024)).toBe('20 MB');
    expect(fmtBytes(1.5 * 1024 * 1024)).toBe('1,5 MB');
    expect(fmtBytes(1024 ** 3)).toBe('1 GB');
  });

  const wb = `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="2" r:id="rId2"/></sheets><definedNames><definedName name="x">B!$A$1</definedName></definedNames></workbook>`;
  const empty = '<worksheet><sheetData/></worksheet>';

  test('a worksheet part missing from the package is reported', () => {
    const buf = buildXlsx({ workbook: wb, sheets: [empty, empty], omit: ['xl/worksheets/sheet2.xml'] });
    expect(() => readWorkbookBuffer(buf, 'thieu.xlsx')).toThrow(
      'Không đọc được tệp "thieu.xlsx": tệp hỏng — thiếu phần "xl/worksheets/sheet2.xml" của trang tính "B"',
    );
  });

  test('a sheet without a relationship is reported', () => {
    const buf = buildXlsx({ workbook: wb, sheets: [empty] });
    expect(() => readWorkbookBuffer(buf, 'thieu.xlsx')).toThrow(
      'Không đọc được tệp "thieu.xlsx": tệp hỏng — không tìm thấy dữ liệu của trang tính "B"',
    );
  });
});
