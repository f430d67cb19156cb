/**
 * The checked workbook written by `tieuchi check --out`: the pack's template filled with the values
 * that were evaluated, so its formulas give the same statuses as the CLI.
 *
 * Extension point: the "Đánh giá gần nhất" stamp block (defined names `dg_*`, see STAMP_NAMES in
 * src/sheet/layout.ts) is filled by `stampValues` below; the stamp code plugs in there.
 */
import type { Evaluation } from '../engine/evaluate';
import type { CellValue, Values } from '../engine/values';
import type { Pack } from '../pack/schema';
import type { Plan } from '../plan/schema';
import { writeBook } from './lazy';
import { buildCriteriaSheet } from '../sheet/layout';
import { stampValues as stampCells } from '../sheet/stampState';
import { dossierSheets } from '../dossier/sheets';

/** Values for the stamp cells (`dg_*`) after an evaluation (see src/sheet/stampState.ts). */
export function stampValues(pack: Pack, values: Values, evaluation: Evaluation): Record<string, CellValue> {
  return stampCells(pack, values, evaluation, new Date());
}

/** The checked workbook as bytes (.xlsx). */
export async function checkedWorkbookBytes(
  pack: Pack,
  plan: Plan,
  values: Values,
  evaluation: Evaluation,
): Promise<Buffer> {
  // the stamp freezes the as-of date: the sheet's formulas keep this verdict when recalculated later
  const sheet = buildCriteriaSheet(pack, {
    plan,
    values: { ...values, ...stampValues(pack, values, evaluation) },
  });
  // the recognition dossier (báo cáo, biên bản họp xét, tờ trình): what `tieuchi dossier` writes as
  // Word files, from the same data
  return writeBook([sheet, ...dossierSheets(pack, plan, values, evaluation)]);
}

/**
 * Writes the checked workbook to `out`. `write` decides how the bytes reach the disk (the CLI
 * passes its no-overwrite writer); by default the file is simply written.
 */
export async function writeCheckedWorkbook(
  pack: Pack,
  plan: Plan,
  values: Values,
  evaluation: Evaluation,
  out: string,
  write?: (path: string, bytes: Buffer) => Promise<void>,
): Promise<void> {
  const bytes = await checkedWorkbookBytes(pack, plan, values, evaluation);
  if (write) await write(out, bytes);
  else {
    const { writeFile } = await import('node:fs/promises');
    await writeFile(out, bytes);
  }
}
