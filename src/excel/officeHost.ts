/**
 * The Office.js implementation of ExcelHost. Thin: it reads and writes through the structural
 * subset in ./officeTypes.ts (the real `Excel.RequestContext` is checked against it at compile
 * time), scores with the engine, and keeps to the round-trip budgets:
 *   insert ≤ 2 syncs · readState (live refresh) 1 sync · Evaluate ≤ 2 syncs · Xóa đánh dấu ≤ 2 syncs
 * when the caller passes the sheet name; the ribbon, which starts from whatever sheet is active,
 * needs one more to find the criteria sheet by its names (./readSheet.ts).
 *
 * This file only puts the parts together (./hostCore.ts is what they share), one job each:
 * ./readSheet.ts reads a criteria sheet, ./lookups.ts finds criteria sheets and reads a roster,
 * ./insertSheets.ts adds sheets, ./evaluateSheet.ts is Đánh giá and Xóa đánh dấu (what it writes:
 * ./highlights.ts), ./priorYear.ts brings last year's values, ./dossierSheets.ts the dossier,
 * ./watch.ts and ./polling.ts the live summary's triggers; ./protection.ts decides whether a write
 * needs the sheet's protection lifted, ./dateSystem.ts converts dates of 1904 workbooks.
 * docs/real-excel.md has why.
 *
 * What the add-in owns on a criteria sheet, and nothing else is ever changed:
 * - the stamp cells `dg_*` (src/pack/workbookNames.ts);
 * - its highlight rules: custom conditional formats whose formula carries the tag
 *   `N("tieuchi:danh_dau")` (Office.js cannot tag rules, so the formula is the tag);
 * - explanation cells: the first column right of the layout (src/sheet/geometry.ts), on each
 *   criterion's status row, text starting with "[Đánh giá "; a cell there with anything else in
 *   it is left alone;
 * - without the conditional-format API (ExcelApi < 1.6): direct fills, each recorded in a hidden
 *   sheet-scoped name `tc_danh_dau_N` whose comment holds the previous fill, so that Xóa đánh dấu
 *   restores exactly those cells.
 */
import type { Pack } from '../pack/schema';
import { getBuiltinPack } from '../pack/registry';
import { getBuiltinPlan } from '../plan/registry';
import type { Plan } from '../plan/schema';
import { CustomFiles, officeSettings, storedFiles, type DocumentSettings } from './customFiles';
import type { Capabilities, ExcelHost, SheetState } from './host';
import type { XlContext, XlRun, XlRunOptions } from './officeTypes';
import { HostError } from './protection';
import { ALL_FEATURES, type WriteFeatures } from './writeSpec';
import { createSheetReader, type SheetRead } from './readSheet';
import type { PollTimers } from './polling';
import type { HostCore } from './hostCore';
import { findCriteriaSheets, goTo, readRosterSheet } from './lookups';
import { insertCriteriaSheet, insertSummarySheet } from './insertSheets';
import { clearHighlights, evaluateAndHighlight } from './evaluateSheet';
import { applyPriorYear } from './priorYear';
import { dossierDocuments, insertDossier } from './dossierSheets';
import { watchInputs } from './watch';

export { HostError, PasswordProtectedError } from './protection';
export {
  EXPLANATION_PREFIX,
  FILL_REGISTRY_PREFIX,
  HIGHLIGHT_FILL,
  HIGHLIGHT_FONT,
  HIGHLIGHT_TAG,
} from './highlights';
export { POLL_MS, type PollTimers } from './polling';
export { freeSheetName } from '../sheet/sheetName';
export { ROSTER_SHEET_ROWS } from './lookups';

export interface OfficeHostDeps {
  run: XlRun;
  isSetSupported: (name: string, version: string) => boolean;
  /** clock for the stamp time */
  now: () => Date;
  getPack: (id: string) => Pack | undefined;
  /** timers for the periodic check while the pane is visible */
  timers: PollTimers;
  /** is the pane visible (no periodic check when hidden) */
  visible: () => boolean;
  /** where loaded plan and pack files are kept with the workbook (Office document settings) */
  settings: DocumentSettings | undefined;
}

/**
 * The requirement set every operation needs: defined names are added with
 * `NamedItemCollection.add` (ExcelApi 1.4, src/excel/apiSets.generated.ts). Members of later sets
 * are used only behind their own checks (`api(…)` below); test/excel/apiSets.test.ts runs every
 * operation on every version to prove it.
 */
export const MIN_EXCEL_API = '1.4';

export const TOO_OLD = `Phiên bản Excel này quá cũ cho add-in Tiêu chí (cần Excel JavaScript API ${MIN_EXCEL_API} trở lên: Excel 2016 bản cập nhật mới, Microsoft 365 hoặc Excel trên web). Hãy cập nhật Office.`;

/**
 * Every batch waits for the user to leave cell-edit mode instead of failing: Excel.RunOptions
 * `delayForCellEdit` (learn.microsoft.com/javascript/api/excel/excel.runoptions). No requirement
 * set is documented for the option; a host without it ignores it and the batch fails as before,
 * which the pane reports and the next change or periodic check retries.
 */
export const RUN_OPTIONS: XlRunOptions = { delayForCellEdit: true };

function officeRun(): XlRun {
  const contexts = new WeakMap<XlContext, Excel.RequestContext>();
  return async <T>(
    batch: (context: XlContext) => Promise<T>,
    reuse?: XlContext,
    options?: XlRunOptions,
  ): Promise<T> => {
    if (reuse) {
      const real = contexts.get(reuse);
      if (!real) throw new Error('officeHost: unknown request context');
      return await Excel.run(real, async (ctx: Excel.RequestContext) => await batch(ctx));
    }
    const body = async (ctx: Excel.RequestContext): Promise<T> => {
      contexts.set(ctx, ctx);
      return await batch(ctx);
    };
    return options ? await Excel.run(options, body) : await Excel.run(body);
  };
}

const toState = (r: SheetRead): SheetState => ({
  sheetName: r.sheetName,
  packId: r.pack.id,
  packVersion: r.packVersion,
  planId: r.plan.id,
  pack: r.pack,
  plan: r.plan,
  values: r.values,
  sheetStatuses: r.sheetStatuses,
});

function defaultDeps(overrides: Partial<OfficeHostDeps>): OfficeHostDeps {
  return {
    run: overrides.run ?? officeRun(),
    isSetSupported:
      overrides.isSetSupported ??
      ((name, version) => Office.context.requirements.isSetSupported(name, version)),
    now: overrides.now ?? (() => new Date()),
    getPack: overrides.getPack ?? getBuiltinPack,
    timers: overrides.timers ?? {
      setInterval: (f, ms) => setInterval(f, ms),
      clearInterval: (h) => clearInterval(h as ReturnType<typeof setInterval>),
    },
    visible:
      overrides.visible ?? (() => typeof document === 'undefined' || document.visibilityState !== 'hidden'),
    settings: 'settings' in overrides ? overrides.settings : officeSettings(),
  };
}

/** What every part shares: plans and packs the official loaded from files come before the built-in ones. */
function hostCore(deps: OfficeHostDeps, custom: CustomFiles): HostCore {
  const getPack = (id: string): Pack | undefined => custom.pack(id) ?? deps.getPack(id);
  const getPlan = (id: string): Plan | undefined => custom.plan(id) ?? getBuiltinPlan(id);
  const api = (v: string): boolean => deps.isSetSupported('ExcelApi', v);
  return {
    /** every batch: the baseline requirement set first, said plainly when it is missing */
    run: async <T>(batch: (context: XlContext) => Promise<T>): Promise<T> => {
      if (!deps.isSetSupported('ExcelApi', MIN_EXCEL_API)) throw new HostError(TOO_OLD);
      return await deps.run(batch, undefined, RUN_OPTIONS);
    },
    rawRun: deps.run,
    api,
    capabilities: (): Capabilities => ({
      events: api('1.7'),
      triggerSource: api('1.14'),
      conditionalFormats: api('1.6'),
    }),
    features: (): WriteFeatures => ({
      ...ALL_FEATURES,
      sheetNames: api('1.4'),
      conditionalFormats: api('1.6'),
      freezePanes: api('1.7'),
      dataValidation: api('1.8'),
      pageLayout: api('1.9'),
      autoFilter: api('1.9'),
      charts: api('1.1'),
      chartAxisOrder: api('1.7'),
    }),
    reader: createSheetReader({ getPack, getPlan, api }),
    undoable: (touchedProtection) => !touchedProtection && deps.isSetSupported('ExcelUndoApiAll', '1.0'),
    getPack,
    getPlan,
    now: deps.now,
    timers: deps.timers,
    visible: deps.visible,
  };
}

export function createOfficeHost(overrides: Partial<OfficeHostDeps> = {}): ExcelHost {
  const deps = defaultDeps(overrides);
  const custom = new CustomFiles(deps.settings);
  const core = hostCore(deps, custom);
  const host: ExcelHost = {
    capabilities: core.capabilities,
    storedFiles: () => storedFiles(deps.settings),
    useFiles: (files) => custom.use(files),
    addFile: (item) => custom.add(item),
    loadedFiles: () => custom.list(),
    findCriteriaSheets: () => findCriteriaSheets(core),
    insertCriteriaSheet: (options) => insertCriteriaSheet(core, options),
    async activateSheet(sheetName: string) {
      await core.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(sheetName).activate();
        await ctx.sync();
      });
    },
    async readState(sheetName?: string) {
      return await core.run(async (ctx) => {
        const r = await core.reader.readIn(ctx, sheetName, { cfs: false });
        return r ? toState(r) : undefined;
      });
    },
    evaluateAndHighlight: (today, sheetName) => evaluateAndHighlight(core, today, sheetName),
    clearHighlights: (sheetName) => clearHighlights(core, sheetName),
    goTo: (id, sheetName) => goTo(core, id, sheetName),
    async onInputsChanged(listener: () => void) {
      const sheets = await host.findCriteriaSheets();
      return await watchInputs(core, sheets, (name) => host.readState(name), listener);
    },
    insertSummarySheet: (result) => insertSummarySheet(core, result),
    readRosterSheet: (sheetName) => readRosterSheet(core, sheetName),
    insertDossier: (today, sheetName) => insertDossier(core, today, sheetName),
    dossierDocuments: (today, sheetName) => dossierDocuments(core, today, sheetName),
    applyPriorYear: (lastYear, sheetName) => applyPriorYear(core, lastYear, sheetName),
  };
  return host;
}
