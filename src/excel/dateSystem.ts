/**
 * The workbook's date system. Office.js has no flag for it in the API sets the add-in targets
 * (@types/office-js has none), but `workbook.functions.date` (ExcelApi 1.2) answers "a number from
 * 1900 or 1904 (depending on the workbook's date system)" (the type definitions' doc comment of
 * Functions.date): DATE(1904,1,1) is 0 in a 1904 workbook and 1462 in a 1900 one. It is queued
 * with the read, so it costs no round trip.
 *
 * The engine works in 1900-system serials throughout; a 1904 workbook's serials are 1462 days
 * smaller. Every date read from a cell is converted up, every date written is converted down.
 */
import type { Pack } from '../pack/schema';
import { packIndicators } from '../pack/inputs';
import { FROZEN_AS_OF_ID } from '../pack/workbookNames';

export const DAYS_1900_TO_1904 = 1462;

/** The input ids whose values are dates, and the frozen as-of date (dg_ngay_tinh). */
export function dateIds(pack: Pack): Set<string> {
  const out = new Set<string>([FROZEN_AS_OF_ID]);
  for (const ind of packIndicators(pack).values()) if (ind.type === 'date') out.add(ind.id);
  return out;
}

/** A workbook serial → a 1900-system serial (the engine's). */
export function fromWorkbookDate(v: number, offset: number): number {
  return v + offset;
}

/** A 1900-system serial → the workbook's. */
export function toWorkbookDate(v: number, offset: number): number {
  return v - offset;
}
