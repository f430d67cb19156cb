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

/**
 * `listedRegular`: the folder walk typed the file as regular (one stat instead of two). The file
 * is read with blocking calls: this runs in a worker thread, one file at a time.
 */
export async function readUnit(
  file: string,
  opts: ReadUnitOptions,
  listedRegular = false,
): Promise<UnitRecord> {
  const { data, mtimeMs } = await readWorkbookFileWithTime(file, opts.limits, undefined, {
    listedRegular,
    blocking: true,
  });
  return unitRecordFromData(file, data, opts, mtimeMs);
}
