/**
 * One unit workbook file → one consolidation record: read the defined-name cells under limits, then
 * ./record.ts (pick the declared pack, evaluate like `tieuchi check`, classify the stamp).
 * Runs inside a worker thread (./worker.ts); throws InputError with a Vietnamese reason.
 */
import { stat } from 'node:fs/promises';
import type { Limits } from '../io/limits';
import { readWorkbookFile } from '../io/files';
import type { UnitRecord } from '../sheet/summary';
import { unitRecordFromData, type RecordOptions } from './record';

export { declaredPack } from './record';

export interface ReadUnitOptions extends RecordOptions {
  limits?: Partial<Limits>;
}

export async function readUnit(file: string, opts: ReadUnitOptions): Promise<UnitRecord> {
  const data = await readWorkbookFile(file, opts.limits);
  let mtimeMs = 0;
  try {
    mtimeMs = (await stat(file)).mtimeMs;
  } catch {
    mtimeMs = 0; // the file was read a moment ago; a vanished mtime only weakens duplicate ordering
  }
  return unitRecordFromData(file, data, opts, mtimeMs);
}
