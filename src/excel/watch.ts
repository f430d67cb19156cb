/**
 * The live summary's trigger: change events on every criteria sheet (ExcelApi 1.7; the add-in's
 * own writes ignored with 1.14) plus the periodic check of ./polling.ts while the pane is visible.
 */
import type { HostCore } from './hostCore';
import type { XlContext, XlEventHandlerResult } from './officeTypes';
import { startPolling } from './polling';
import type { SheetState } from './host';

const sameValue = (a: unknown, b: unknown): boolean => a === b || (a ?? '') === (b ?? '');

export async function watchInputs(
  core: HostCore,
  sheets: ReadonlyArray<{ sheetName: string }>,
  readState: (sheetName: string) => Promise<SheetState | undefined>,
  listener: () => void,
): Promise<() => Promise<void>> {
  if (sheets.length === 0) return () => Promise.resolve();
  const ignoreOwn = core.capabilities().triggerSource;
  let handlers: XlEventHandlerResult[] = [];
  let context: XlContext | undefined;
  if (core.capabilities().events) {
    await core.run(async (ctx) => {
      handlers = sheets.map((s) =>
        ctx.workbook.worksheets.getItem(s.sheetName).onChanged.add((args) => {
          // a single cell whose value did not change: a format-only change (`details`,
          // ExcelApi 1.9, is given for single-cell changes only)
          const own = ignoreOwn && args.triggerSource === 'ThisLocalAddin';
          if (!own && !(args.details && sameValue(args.details.valueBefore, args.details.valueAfter)))
            listener();
          return Promise.resolve();
        }),
      );
      await ctx.sync();
      context = ctx;
    });
  }
  const stopPolling = startPolling(
    sheets.map((s) => s.sheetName),
    listener,
    readState,
    core,
  );
  let removed = false;
  return async () => {
    if (removed) return;
    removed = true;
    stopPolling();
    if (!context) return;
    await core.rawRun(async (ctx) => {
      for (const h of handlers) h.remove();
      await ctx.sync();
    }, context);
  };
}
