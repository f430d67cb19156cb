/**
 * The file-reading half of the upward-flow actions (consolidation of picked unit workbooks, last
 * year's workbook), loaded with a dynamic import() only when the user picks files: the zip/xml
 * readers, the packs and the consolidation functions stay out of the pane's first load.
 * Browser-safe modules only (an architecture test checks that nothing here reaches Node built-ins).
 */
import type { Values } from '../engine/values';
import { consolidatePicked, readPickedBytes, type PickedFile } from '../consolidate/picked';
import { lastYearValues } from '../io/prior';
import { readWorkbookBuffer } from '../io/xlsx';
import { builtinPacks, getBuiltinPack } from '../pack/registry';
import type { ConsolidationResult } from '../sheet/summary';
import { InputError } from '../io/errors';

export type { PickedFile };

/** Read the picked unit workbooks one after another and consolidate them. */
export async function consolidateFiles(
  files: readonly PickedFile[],
  today: number,
  onProgress: (index: number, total: number, name: string) => Promise<void>,
): Promise<ConsolidationResult> {
  return await consolidatePicked(files, { packs: builtinPacks(), today, onProgress });
}

/** Last year's workbook → its values for the pack of the current criteria sheet (InputError if unfit). */
export async function readLastYear(file: PickedFile, packId: string): Promise<Values> {
  const pack = getBuiltinPack(packId);
  if (!pack) throw new InputError(file.name, `bộ tiêu chí "${packId}" không có trong chương trình`);
  const bytes = await readPickedBytes(file, undefined);
  return lastYearValues(file.name, readWorkbookBuffer(bytes, file.name), pack);
}
