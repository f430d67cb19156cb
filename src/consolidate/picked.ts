/**
 * Consolidation of files the user picked in the add-in (browser-safe: no Node built-ins). The same
 * pure steps as `tieuchi consolidate` — `readWorkbookBuffer` under the same limits (size checked
 * before reading, zip directory, ratio, entry count, time), `unitRecordFromData`, `aggregate` — but
 * one file after another on the page, with progress, and each failure listed with its reason.
 */
import { describeError, fmtBytes, InputError } from '../io/errors';
import { resolveLimits, type Limits } from '../io/limits';
import { readWorkbookBuffer } from '../io/xlsx';
import type { Pack } from '../pack/schema';
import { aggregate, type ConsolidationResult, type FileError, type UnitRecord } from '../sheet/summary';
import { builtinTargets, targetFieldIds, type TargetDef } from '../sheet/targets';
import { unitRecordFromData } from './record';

/** What the page knows of a picked file (a DOM `File` fits). */
export interface PickedFile {
  name: string;
  size: number;
  /** ms since the epoch; orders duplicates with the same stamp time */
  lastModified?: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export interface PickedOptions {
  packs: readonly Pack[];
  /** today as an Excel serial */
  today: number;
  targets?: readonly TargetDef[];
  limits?: Partial<Limits>;
  /** before each file: (1-based index, total, file name); awaited so the page can paint */
  onProgress?: (index: number, total: number, name: string) => void | Promise<void>;
}

/** Read one picked file → its bytes, refusing a file larger than the limit before reading it. */
export async function readPickedBytes(file: PickedFile, limits?: Partial<Limits>): Promise<Uint8Array> {
  const lim = resolveLimits(limits);
  if (file.size > lim.maxFileBytes) {
    throw new InputError(
      file.name,
      `tệp quá lớn (${fmtBytes(file.size)}; tối đa ${fmtBytes(lim.maxFileBytes)})`,
    );
  }
  return new Uint8Array(await file.arrayBuffer());
}

export async function consolidatePicked(
  files: readonly PickedFile[],
  opts: PickedOptions,
): Promise<ConsolidationResult> {
  const defs = opts.targets ?? builtinTargets().targets;
  const fieldIds = targetFieldIds(defs);
  const records: UnitRecord[] = [];
  const errors: FileError[] = [];
  for (let i = 0; i < files.length; i++) {
    const f = files[i];
    await opts.onProgress?.(i + 1, files.length, f.name);
    try {
      const bytes = await readPickedBytes(f, opts.limits);
      const data = readWorkbookBuffer(bytes, f.name, opts.limits);
      records.push(
        unitRecordFromData(
          f.name,
          data,
          { packs: opts.packs, today: opts.today, fieldIds },
          f.lastModified ?? 0,
        ),
      );
    } catch (e) {
      // one bad file never stops the batch: it is listed with its reason
      errors.push({ file: f.name, message: describeError(e, f.name) });
    }
  }
  return aggregate(records, errors, defs);
}
