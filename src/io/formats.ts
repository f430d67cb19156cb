/**
 * File names by spreadsheet format (pure): which ones the readers read, and a Vietnamese
 * explanation for the spreadsheet formats they do not read, so that such a file is never skipped
 * without a word nor refused with a misleading reason.
 */

/** Workbook files the readers read (.xlsm is an .xlsx with macros; the macros are never run). */
export const READ_WORKBOOK = /\.(xlsx|xlsm)$/i;

const OTHER_FORMATS: Readonly<Record<string, string>> = {
  csv: 'tệp CSV không chứa các ô có tên của bảng tính Tiêu chí; hãy dùng bảng tính .xlsx (tieuchi template) hoặc tệp trả lời .json',
  ods: 'đây là tệp OpenDocument (.ods); hãy mở bằng LibreOffice và lưu lại dưới dạng Excel (.xlsx)',
  xls: 'đây là tệp Excel 97-2003 (.xls); hãy mở bằng Excel và lưu lại dưới dạng .xlsx',
  xlsb: 'đây là tệp Excel nhị phân (.xlsb); hãy mở bằng Excel và lưu lại dưới dạng .xlsx',
  xltx: 'đây là tệp mẫu Excel (.xltx); hãy mở, điền số liệu và lưu lại dưới dạng .xlsx',
  numbers: 'đây là tệp Numbers (.numbers); hãy xuất ra dạng Excel (.xlsx)',
};

/** Why a spreadsheet file of another format is not read; undefined for other names. */
export function otherFormatReason(name: string): string | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  return ext !== undefined && Object.prototype.hasOwnProperty.call(OTHER_FORMATS, ext)
    ? OTHER_FORMATS[ext]
    : undefined;
}

/** Office lock files (`~$báo cáo.xlsx`, `.~lock.báo cáo.xlsx#`) are never unit reports. */
export function isLockFile(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.~lock');
}
