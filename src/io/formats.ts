/**
 * File names by spreadsheet format (pure): which ones the readers read, and an explanation (a
 * reason of src/i18n/reasons/files.ts) for the spreadsheet formats they do not read, so that such
 * a file is never skipped without a word nor refused with a misleading reason.
 */
import type { InputReasonKey, ReasonKey } from '../i18n/inputReasons';

/** Workbook files the readers read (.xlsm is an .xlsx with macros; the macros are never run). */
export const READ_WORKBOOK = /\.(xlsx|xlsm)$/i;

const OTHER_FORMATS: Readonly<Record<string, InputReasonKey>> = {
  csv: 'format.csv',
  ods: 'format.ods',
  xls: 'format.xls',
  xlsb: 'format.xlsb',
  xltx: 'format.xltx',
  numbers: 'format.numbers',
};

/** Why a spreadsheet file of another format is not read; undefined for other names. */
export function otherFormatReason(name: string): ReasonKey | undefined {
  const ext = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  const key =
    ext !== undefined && Object.prototype.hasOwnProperty.call(OTHER_FORMATS, ext)
      ? OTHER_FORMATS[ext]
      : undefined;
  return key === undefined ? undefined : { key };
}

/** Office lock files (`~$báo cáo.xlsx`, `.~lock.báo cáo.xlsx#`) are never unit reports. */
export function isLockFile(name: string): boolean {
  return name.startsWith('~$') || name.startsWith('.~lock');
}
