/**
 * One unit workbook file → one consolidation record: read the defined-name cells under limits
 * (regular files only, size capped), then ./record.ts (pick the declared pack, evaluate like
 * `tieuchi check`, classify the stamp). Runs inside a worker thread (./worker.ts); throws
 * InputError with a Vietnamese reason.
 */
import type { Limits } from '../io/limits';
import { readWorkbookFileWithTime } from '../io/files';
import type { UnitRecord } from '../sheet/summary';
import { unitRecordFromData, type RecordOptions } from './record';

export { declaredPack } from './record';

export interface ReadUnitOptions extends RecordOptions {
  limits?: Partial<Limits>;
}

export async function readUnit(file: string, opts: ReadUnitOptions): Promise<UnitRecord> {
  const { data, mtimeMs } = await readWorkbookFileWithTime(file, opts.limits);
  return unitRecordFromData(file, data, opts, mtimeMs);
}
