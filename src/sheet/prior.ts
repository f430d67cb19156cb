/**
 * Prior-year values: last year's workbook prefills this year's "năm trước" inputs, following the
 * pack's `priorYear` mapping (data: e.g. tc18_nam_nay → tc18_nam_truoc, tc15_phan_loai →
 * phan_loai_nam_truoc). Pure; the readers (CLI, add-in) hand over last year's named cells.
 */
import { formatNumber } from '../engine/numbers';
import { isBlank, type CellValue, type Values } from '../engine/values';
import type { Pack } from '../pack/schema';

export type NamedValues = ReadonlyMap<string, CellValue> | Readonly<Record<string, CellValue | undefined>>;

function get(names: NamedValues, id: string): CellValue | undefined {
  if (names instanceof Map) {
    const map: ReadonlyMap<string, CellValue> = names;
    return map.get(id) ?? map.get(id.toLowerCase());
  }
  return (names as Readonly<Record<string, CellValue | undefined>>)[id];
}

/** This year's inputs taken from last year's values (blank ones are skipped). */
export function prefillFromPrior(pack: Pack, lastYearNames: NamedValues): Values {
  const out: Record<string, CellValue> = {};
  for (const { from, to } of pack.priorYear) {
    const v = get(lastYearNames, from);
    if (v === undefined || isBlank(v)) continue;
    out[to] = typeof v === 'string' ? v.normalize('NFC').trim() : v;
  }
  return out;
}

/**
 * "Năm trước: 40" notes keyed by this year's input that last year's figure belongs to (the `from`
 * id of each mapping whose ids differ, e.g. beside `tc18_nam_nay` while the official types it).
 */
export function priorNotes(pack: Pack, lastYearNames: NamedValues): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { from, to } of pack.priorYear) {
    if (from === to) continue;
    const v = get(lastYearNames, from);
    if (v === undefined || isBlank(v)) continue;
    out[from] = `Năm trước: ${typeof v === 'number' ? formatNumber(v) : String(v).normalize('NFC').trim()}`;
  }
  return out;
}
