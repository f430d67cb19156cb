/**
 * Last year's workbook (already read) → its values, normalised like `tieuchi check` reads them, after
 * checking that it belongs to the same pack. Pure (no Node built-ins): used by `tieuchi template
 * --prior` (src/cli/prior.ts) and by the add-in's "Số liệu năm trước" action on a picked file.
 */
import type { Values } from '../engine/values';
import type { Pack } from '../pack/schema';
import { packRefFromWorkbook, valuesFromWorkbook } from './answers';
import { InputError, noIndicatorCells } from './errors';
import { checkInputCells } from './inputCells';
import type { WorkbookData } from './xlsx';

/** Throws InputError (naming `file`) when the workbook is of another pack or not a criteria workbook. */
export function lastYearValues(file: string, data: WorkbookData, pack: Pack): Values {
  const ref = packRefFromWorkbook(data);
  if (ref.id !== undefined && ref.id !== pack.id) {
    throw new InputError(file, 'record.otherPack', { pack: ref.id, want: pack.id });
  }
  if (!pack.profile.some((p) => data.names.has(p.id))) {
    throw noIndicatorCells(file, pack.id);
  }
  checkInputCells(pack, data, file);
  return valuesFromWorkbook(pack, data);
}
