/**
 * Input cells that cannot be read as the spreadsheet shows them (pure; used by every reader of a
 * criteria workbook: `tieuchi check`, consolidation, last year's workbook). Such a workbook is
 * refused with one line naming the file and the indicator, rather than scored on a guess:
 * - a name that points at a deleted cell (`#REF!`, e.g. its row was deleted): the indicator's cell
 *   is gone, which is not the same as "not filled in";
 * - an input cell holding a formula whose cached value cannot be trusted (none was saved, or the
 *   workbook asks to recalculate on load): the file must be opened in Excel/LibreOffice and saved.
 */
import type { Pack } from '../pack/schema';
import { PACK_ID_NAME, PACK_VERSION_NAME } from '../pack/workbookNames';
import { inputIds } from '../pack/inputs';
import { InputError, reason, type ReasonParam } from './errors';
import type { WorkbookData } from './xlsx';

/** Names of the pack's inputs (and of the pack declaration) in the order of the pack. */
function checkedIds(pack: Pack): string[] {
  return [...inputIds(pack), PACK_ID_NAME, PACK_VERSION_NAME];
}

const list = (ids: readonly string[]): ReasonParam => {
  const shown = ids
    .slice(0, 5)
    .map((id) => `“${id}”`)
    .join(', ');
  return ids.length > 5 ? reason('cells.more', { shown, more: String(ids.length - 5) }) : shown;
};

/** Throws InputError naming `file` and the indicators when an input cell is deleted or stale. */
export function checkInputCells(pack: Pack, data: WorkbookData, file: string): void {
  const ids = checkedIds(pack);
  const broken = ids.filter((id) => data.brokenNames?.has(id));
  if (broken.length) {
    throw new InputError(file, 'cells.deleted', { cells: list(broken) });
  }
  const stale = ids.filter((id) => data.stale?.has(id));
  if (stale.length) {
    const why = reason(data.fullCalcOnLoad ? 'cells.recalc' : 'cells.noCache');
    throw new InputError(file, 'cells.formula', { cells: list(stale), why });
  }
}
