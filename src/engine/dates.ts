/**
 * Excel 1900 date system, serial numbers, exactly as Excel computes them (including the fictitious
 * 29/02/1900, serial 60), so that the TS engine and the worksheet formulas agree on every date.
 */

const MS_PER_DAY = 86_400_000;
const EPOCH = Date.UTC(1899, 11, 30);

/** DATE(y, m, d) for integer y ≥ 1900 (month/day overflow rolls over like Excel). */
export function excelDate(y: number, m: number, d: number): number {
  const utc = Date.UTC(y, m - 1, d);
  let serial = Math.round((utc - EPOCH) / MS_PER_DAY);
  // Excel counts 29/02/1900 as a real day: serials before 01/03/1900 are one less.
  if (serial < 61) serial -= 1;
  return serial;
}

export interface Ymd {
  y: number;
  m: number;
  d: number;
}

/** Calendar parts of a serial (its integer part); serial 60 is Excel's 29/02/1900. */
export function serialToYmd(serial: number): Ymd {
  const s = Math.floor(serial);
  if (s === 60) return { y: 1900, m: 2, d: 29 };
  const shifted = s < 60 ? s + 1 : s;
  const dt = new Date(EPOCH + shifted * MS_PER_DAY);
  return { y: dt.getUTCFullYear(), m: dt.getUTCMonth() + 1, d: dt.getUTCDate() };
}

export function yearOf(serial: number): number {
  return serialToYmd(serial).y;
}
export function monthOf(serial: number): number {
  return serialToYmd(serial).m;
}
export function dayOf(serial: number): number {
  return serialToYmd(serial).d;
}

/** Smallest and largest valid Excel date serials (01/01/1900 .. 31/12/9999). */
export const MIN_DATE_SERIAL = 1;
export const MAX_DATE_SERIAL = 2958465;

/** Serial of a local calendar date (year, month, day) — use for "today". */
export function serialFromJsDate(date: Date): number {
  return excelDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** ISO YYYY-MM-DD → serial, or undefined when it is not a real calendar date. */
export function isoToSerial(iso: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return undefined;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || mo < 1 || mo > 12 || d < 1 || d > 31) return undefined;
  const back = new Date(Date.UTC(y, mo - 1, d));
  if (back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return excelDate(y, mo, d);
}

/**
 * "dd/mm/yyyy" (or "d/m/yyyy"; with `anySeparator` also "-" or ".") → serial, or undefined when it
 * is not that form or not a real calendar date.
 */
export function viToSerial(s: string, anySeparator = false): number | undefined {
  const re = anySeparator ? /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/ : /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
  const [, d, mo, y] = re.exec(s) ?? [];
  if (d === undefined || mo === undefined || y === undefined) return undefined;
  return isoToSerial(`${y}-${mo.padStart(2, '0')}-${d.padStart(2, '0')}`);
}

export function serialToIso(serial: number): string {
  const { y, m, d } = serialToYmd(serial);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** dd/mm/yyyy, the Vietnamese display format. */
export function serialToVi(serial: number): string {
  const { y, m, d } = serialToYmd(serial);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

/** "31/03" → { m: 3, d: 31 } */
export function parseDayMonth(dm: string): { m: number; d: number } {
  const [d = NaN, m = NaN] = dm.split('/').map(Number);
  return { m, d };
}
