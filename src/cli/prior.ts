/** `tieuchi template --prior LAST.xlsx`: last year's workbook → this year's prefilled inputs and notes. */
import type { Values } from '../engine/values';
import { packRefFromWorkbook, valuesFromWorkbook } from '../io/answers';
import { InputError } from '../io/errors';
import { readWorkbookFile } from '../io/files';
import type { Pack } from '../pack/schema';
import { prefillFromPrior, priorNotes } from '../sheet/prior';

export interface PriorPrefill {
  /** this year's inputs taken from last year (pack.priorYear) */
  values: Values;
  /** "Năm trước: x" beside this year's inputs */
  notes: Record<string, string>;
  /** last year's `nam`, when filled */
  lastYear?: number;
}

export async function loadPrior(file: string, pack: Pack): Promise<PriorPrefill> {
  const data = await readWorkbookFile(file);
  const ref = packRefFromWorkbook(data);
  if (ref.id !== undefined && ref.id !== pack.id) {
    throw new InputError(file, `là bảng tính của bộ tiêu chí "${ref.id}", không phải "${pack.id}"`);
  }
  if (!pack.profile.some((p) => data.names.has(p.id))) {
    throw new InputError(file, `bảng tính không có ô nào mang tên chỉ số của bộ tiêu chí "${pack.id}"`);
  }
  const last = valuesFromWorkbook(pack, data);
  const nam = last.nam;
  return {
    values: prefillFromPrior(pack, last),
    notes: priorNotes(pack, last),
    lastYear: typeof nam === 'number' && Number.isInteger(nam) ? nam : undefined,
  };
}
