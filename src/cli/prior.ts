/** `tieuchi template --prior LAST.xlsx`: last year's workbook → this year's prefilled inputs and notes. */
import type { Values } from '../engine/values';
import { readWorkbookFile } from '../io/files';
import { lastYearValues } from '../io/prior';
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
  const last = lastYearValues(file, await readWorkbookFile(file), pack);
  const nam = last.nam;
  return {
    values: prefillFromPrior(pack, last),
    notes: priorNotes(pack, last),
    lastYear: typeof nam === 'number' && Number.isInteger(nam) ? nam : undefined,
  };
}
