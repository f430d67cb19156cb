/**
 * The xlsx writer (ExcelJS) is loaded only by the commands that write workbooks, so `check`,
 * `packs` and `--help` start fast.
 */
import type { SheetSpec } from '../sheet/spec';

export type WriteWorkbook = (sheets: SheetSpec[]) => Promise<Buffer>;

export async function loadWriter(): Promise<WriteWorkbook> {
  const mod = await import('../xlsx/write');
  return mod.writeWorkbook;
}

/** Writes sheets to .xlsx bytes, loading the writer on first use. */
export async function writeBook(sheets: SheetSpec[]): Promise<Buffer> {
  const write = await loadWriter();
  return write(sheets);
}
