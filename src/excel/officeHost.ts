/**
 * The Office.js implementation of ExcelHost. Thin: it reads and writes through the structural
 * subset in ./officeTypes.ts (the real `Excel.RequestContext` is checked against it at compile
 * time), scores with the engine, and keeps to the round-trip budgets:
 *   insert ≤ 2 syncs · readState (live refresh) 1 sync · Evaluate ≤ 2 syncs · Xóa đánh dấu ≤ 2 syncs
 * when the caller passes the sheet name; the ribbon, which starts from whatever sheet is active,
 * needs one more to find the criteria sheet by its names (./readSheet.ts).
 *
 * Split by concern: ./readSheet.ts reads, ./highlights.ts is what Đánh giá writes, ./protection.ts
 * decides whether a write needs the sheet's protection lifted, ./dateSystem.ts converts dates of
 * 1904 workbooks, ./polling.ts is the live summary's periodic check. docs/real-excel.md has why.
 *
 * What the add-in owns on a criteria sheet, and nothing else is ever changed:
 * - the stamp cells `dg_*`;
 * - its highlight rules: custom conditional formats whose formula carries the tag
 *   `N("tieuchi:danh_dau")` (Office.js cannot tag rules, so the formula is the tag);
 * - explanation cells: the first column right of the layout, on each criterion's status row, text
 *   starting with "[Đánh giá "; a cell there with anything else in it is left alone;
 * - without the conditional-format API (ExcelApi < 1.6): direct fills, each recorded in a hidden
 *   sheet-scoped name `tc_danh_dau_N` whose comment holds the previous fill, so that Xóa đánh dấu
 *   restores exactly those cells.
 */
import { evaluate, type Evaluation } from '../engine/evaluate';
import { isBlank, type Values } from '../engine/values';
import type { Pack } from '../pack/schema';
import { statusName } from '../pack/names';
import { getBuiltinPack } from '../pack/registry';
import { buildCriteriaSheet, CRITERIA_SHEET_NAME, PACK_ID_NAME } from '../sheet/layout';
import { getBuiltinPlan } from '../plan/registry';
import type { Plan } from '../plan/schema';
import { CustomFiles, officeSettings, storedFiles, type DocumentSettings } from './customFiles';
import { stampValues } from '../sheet/stampState';
import { prefillFromPrior, priorNotes } from '../sheet/prior';
import type { SheetSpec } from '../sheet/spec';
import { dossierDocuments } from '../dossier/documents';
import { SIGNED_DOCUMENTS, type DocModel } from '../dossier/model';
import { sheetsOfDocuments } from '../dossier/sheets';
import { summarySheets, type ConsolidationResult } from '../sheet/summary';
import { freeSheetName, SHEET_NAME_PROBLEM_VI, sheetNameProblem } from '../sheet/sheetName';
import {
  absoluteAddress,
  cellAddress,
  parseArea,
  parseReference,
  quoteSheet,
  rectAddress,
  type Rect,
} from '../sheet/address';
import type {
  AddedSheets,
  Capabilities,
  DossierDocuments,
  DossierResult,
  EvaluateResult,
  ExcelHost,
  InsertOptions,
  InsertResult,
  PriorResult,
  SheetState,
} from './host';
import type {
  XlContext,
  XlEventHandlerResult,
  XlRange,
  XlRun,
  XlRunOptions,
  XlWorksheet,
} from './officeTypes';
import { commitPlan, errorText, HostError, WritePlan } from './protection';
import { toWorkbookDate } from './dateSystem';
import { ALL_FEATURES, needsTextFormat, queueSheetSpec, rectangles, type WriteFeatures } from './writeSpec';
import { createSheetReader, type SheetRead } from './readSheet';
import {
  explanationText,
  FAILING,
  FILL_REGISTRY_PREFIX,
  HIGHLIGHT_FILL,
  HIGHLIGHT_FONT,
  highlightFormula,
  isOurExplanation,
  queueClear,
  queueRestoreFills,
  registry,
  targetsOf,
} from './highlights';
import { startPolling, type PollTimers } from './polling';

export { HostError, PasswordProtectedError } from './protection';
export {
  EXPLANATION_PREFIX,
  FILL_REGISTRY_PREFIX,
  HIGHLIGHT_FILL,
  HIGHLIGHT_FONT,
  HIGHLIGHT_TAG,
} from './highlights';
export { POLL_MS, type PollTimers } from './polling';

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

/** Rows of a roster sheet the add-in reads (a district or province has far fewer units). */
export const ROSTER_SHEET_ROWS = 2000;
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

const sameValue = (a: unknown, b: unknown): boolean => a === b || (a ?? '') === (b ?? '');

/**
 * Where "Năm trước: x" goes for each input id: the product's own requirement cell on the input's
 * row (the same text the CLI template writes with `priorNotes`), as a column offset from the input,
 * with the text without and with the note.
 */
function priorNoteCells(
  pack: Pack,
  notes: Readonly<Record<string, string>>,
): Map<string, { colOffset: number; base: string; text: string }> {
  const out = new Map<string, { colOffset: number; base: string; text: string }>();
  const ids = Object.keys(notes);
  if (ids.length === 0) return out;
  const plain = buildCriteriaSheet(pack);
  const noted = buildCriteriaSheet(pack, { priorNotes: notes });
  const textAt = (spec: SheetSpec): Map<string, string> => {
    const m = new Map<string, string>();
    for (const c of spec.cells) if (typeof c.value === 'string') m.set(c.address.replace(/\$/g, ''), c.value);
    return m;
  };
  const before = textAt(plain);
  const after = textAt(noted);
  for (const id of ids) {
    const n = noted.names.find((x) => x.name === id);
    const input = n && parseArea(n.address);
    if (!input) continue;
    for (const [address, text] of after) {
      const at = parseArea(address);
      if (!at || at.row !== input.row || !text.endsWith(`\n${notes[id]}`)) continue;
      const base = before.get(address);
      if (base === undefined) continue;
      out.set(id, { colOffset: at.col - input.col, base, text });
      break;
    }
  }
  return out;
}

/**
 * The dossier of a criteria sheet just read. A dossier travels upward: it must carry the verdict
 * that was checked, not today's, so an as-of date that follows TODAY() is refused.
 */
function frozenDossier(r: SheetRead, today: number): { documents: DocModel[]; evaluation: Evaluation } {
  const evaluation = evaluate(r.pack, r.values, { today, plan: r.plan });
  if (evaluation.asOfSource === 'today') {
    throw new HostError(
      'Chưa có ngày đánh giá đã chốt: hãy bấm Đánh giá (hoặc nhập Ngày đánh giá) rồi lập hồ sơ, để hồ sơ giữ đúng kết luận đã kiểm tra.',
    );
  }
  return { documents: dossierDocuments(r.pack, r.plan, r.values, evaluation), evaluation };
}

export function createOfficeHost(overrides: Partial<OfficeHostDeps> = {}): ExcelHost {
  const deps: OfficeHostDeps = {
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
  // plans and packs the official loaded from files: looked up before the built-in ones
  const custom = new CustomFiles(deps.settings);
  const getPack = (id: string): Pack | undefined => custom.pack(id) ?? deps.getPack(id);
  const getPlan = (id: string): Plan | undefined => custom.plan(id) ?? getBuiltinPlan(id);
  /** every batch: the baseline requirement set first, said plainly when it is missing */
  const run = async <T>(batch: (context: XlContext) => Promise<T>): Promise<T> => {
    if (!deps.isSetSupported('ExcelApi', MIN_EXCEL_API)) throw new HostError(TOO_OLD);
    return await deps.run(batch, undefined, RUN_OPTIONS);
  };
  const api = (v: string): boolean => deps.isSetSupported('ExcelApi', v);

  const capabilities = (): Capabilities => ({
    events: api('1.7'),
    triggerSource: api('1.14'),
    conditionalFormats: api('1.6'),
  });

  const reader = createSheetReader({ getPack, getPlan, api });
  const readIn = reader.readIn;
  const explanationOffset = reader.explanationOffset;

  const features = (): WriteFeatures => ({
    ...ALL_FEATURES,
    sheetNames: api('1.4'),
    conditionalFormats: api('1.6'),
    freezePanes: api('1.7'),
    dataValidation: api('1.8'),
    pageLayout: api('1.9'),
    autoFilter: api('1.9'),
    charts: api('1.1'),
    chartAxisOrder: api('1.7'),
  });

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

  /** Can the user undo what was just written? (Excel's API undo needs ExcelUndoApiAll 1.0.) */
  const undoable = (touchedProtection: boolean): boolean =>
    !touchedProtection && deps.isSetSupported('ExcelUndoApiAll', '1.0');

  /**
   * Queue new sheets (names made free: " (2)" …), activate the first, sync once. On failure the
   * half-written sheets are removed and a HostError explains. Existing sheets are never touched.
   */
  async function addSheets(ctx: XlContext, specs: readonly SheetSpec[], existing: readonly string[]) {
    const taken = new Set(existing.map((n) => n.toLowerCase()));
    const f = features();
    const added: Array<{ name: string; ws: XlWorksheet }> = [];
    for (const spec of specs) {
      const name = freeSheetName(spec.name, taken);
      taken.add(name.toLowerCase());
      const ws = queueSheetSpec(ctx, spec, {
        sheetName: name,
        nameScope: f.sheetNames ? 'sheet' : 'workbook',
        features: f,
      });
      added.push({ name, ws });
    }
    added[0]?.ws.activate();
    try {
      await ctx.sync();
    } catch (e) {
      for (const a of added) a.ws.delete();
      try {
        await ctx.sync();
      } catch (cleanup) {
        throw new HostError(
          `Không ghi được trang mới (${errorText(e)}); các trang dở dang (${added.map((a) => `“${a.name}”`).join(', ')}) chưa xoá được (${errorText(cleanup)}), hãy xoá chúng.`,
        );
      }
      throw new HostError(`Không ghi được trang mới: ${errorText(e)}`);
    }
    return added.map((a) => a.name);
  }

  // -------------------------------------------------------------------------------------------

  const host: ExcelHost = {
    capabilities,
    storedFiles: () => storedFiles(deps.settings),
    useFiles: (files) => custom.use(files),
    addFile: (item) => custom.add(item),
    loadedFiles: () => custom.list(),

    async findCriteriaSheets() {
      return await run(async (ctx) => {
        const wb = ctx.workbook;
        wb.worksheets.load('items/name');
        wb.names.load('items/name,items/type,items/value');
        await ctx.sync();
        const sheets = wb.worksheets.items.map((s) => s.name);
        const found = new Map<string, XlRange>();
        const wbPack = wb.names.items.find((n) => n.name.toLowerCase() === PACK_ID_NAME);
        const wbRef = wbPack && typeof wbPack.value === 'string' ? parseReference(wbPack.value) : undefined;
        if (wbRef && sheets.some((s) => s.toLowerCase() === wbRef.sheet.toLowerCase())) {
          const r = wb.worksheets.getItem(wbRef.sheet).getRange(wbRef.address);
          r.load('values');
          found.set(wbRef.sheet.toLowerCase(), r);
        }
        if (api('1.4')) {
          const colls = sheets.map((s) => {
            const c = wb.worksheets.getItem(s).names;
            c.load('items/name,items/type,items/value');
            return { sheet: s, c };
          });
          await ctx.sync();
          let more = false;
          for (const { sheet, c } of colls) {
            const n = c.items.find((x) => x.name.toLowerCase() === PACK_ID_NAME);
            const ref = n && typeof n.value === 'string' ? parseReference(n.value) : undefined;
            if (!ref || ref.sheet.toLowerCase() !== sheet.toLowerCase()) continue;
            const r = wb.worksheets.getItem(sheet).getRange(ref.address);
            r.load('values');
            found.set(sheet.toLowerCase(), r);
            more = true;
          }
          if (more || found.size) await ctx.sync();
        } else if (found.size) await ctx.sync();
        const out: Array<{ sheetName: string; packId: string }> = [];
        for (const s of sheets) {
          const r = found.get(s.toLowerCase());
          if (r) out.push({ sheetName: s, packId: String(r.values[0]?.[0] ?? '').trim() });
        }
        return out;
      });
    },

    async insertCriteriaSheet(options: InsertOptions): Promise<InsertResult> {
      const pack = getPack(options.packId);
      if (!pack) throw new HostError(`Không có gói tiêu chí “${options.packId}”.`);
      if (options.sheetName !== undefined) {
        const problem = sheetNameProblem(options.sheetName.trim());
        if (problem) {
          throw new HostError(
            `Tên trang “${options.sheetName}” không hợp lệ: ${SHEET_NAME_PROBLEM_VI[problem]}.`,
          );
        }
      }
      return await run(async (ctx) => {
        const wb = ctx.workbook;
        wb.worksheets.load('items/name');
        wb.names.load('items/name,items/type,items/value');
        await ctx.sync();
        const sheets = wb.worksheets.items.map((s) => s.name);
        const has = (n: string): string | undefined =>
          sheets.find((s) => s.toLowerCase() === n.toLowerCase());
        const wbNames = new Map(wb.names.items.map((n) => [n.name.toLowerCase(), n]));
        const packName = wbNames.get(PACK_ID_NAME);
        const existingRef =
          packName && typeof packName.value === 'string' ? parseReference(packName.value) : undefined;
        const existing = existingRef ? has(existingRef.sheet) : undefined;
        if (options.sheetName === undefined && existing) return { kind: 'exists', sheetName: existing };
        let name = options.sheetName?.trim() ?? CRITERIA_SHEET_NAME;
        const taken = has(name);
        if (taken) {
          if (options.sheetName !== undefined) return { kind: 'exists', sheetName: taken };
          let i = 2;
          while (has(`${CRITERIA_SHEET_NAME} (${i})`)) i++;
          name = `${CRITERIA_SHEET_NAME} (${i})`;
        }
        const plan = options.planId ? getPlan(options.planId) : undefined;
        if (options.planId && !plan) throw new HostError(`Không có kế hoạch “${options.planId}”.`);
        if (plan && !plan.packs.includes(pack.id))
          throw new HostError(`Kế hoạch “${plan.id}” không áp dụng cho bộ tiêu chí “${pack.id}”.`);
        const spec = buildCriteriaSheet(pack, {
          ...(plan ? { plan } : {}),
          sheetName: name,
          unitName: options.unitName,
          year: options.year,
        });
        const clash = spec.names.some((n) => wbNames.has(n.name.toLowerCase()));
        const f = features();
        if (clash && !f.sheetNames) {
          throw new HostError(
            'Phiên bản Excel này không hỗ trợ thêm bảng tiêu chí thứ hai trong cùng sổ tính. Hãy dùng một sổ tính khác.',
          );
        }
        const ws = queueSheetSpec(ctx, spec, {
          sheetName: name,
          nameScope: clash ? 'sheet' : 'workbook',
          features: f,
        });
        try {
          await ctx.sync();
        } catch (e) {
          ws.delete();
          try {
            await ctx.sync();
          } catch (cleanup) {
            throw new HostError(
              `Không chèn được bảng tiêu chí (${errorText(e)}); trang “${name}” dở dang chưa xoá được (${errorText(cleanup)}), hãy xoá nó.`,
            );
          }
          throw new HostError(`Không chèn được bảng tiêu chí: ${errorText(e)}`);
        }
        // the next read of this sheet needs one round trip
        const rects = new Map<string, Rect>();
        for (const n of spec.names) {
          const a = parseArea(n.address.replace(/\$/g, ''));
          if (a) rects.set(n.name.toLowerCase(), a);
        }
        reader.remember(name, rects);
        return { kind: 'inserted', sheetName: name };
      });
    },

    async activateSheet(sheetName: string) {
      await run(async (ctx) => {
        ctx.workbook.worksheets.getItem(sheetName).activate();
        await ctx.sync();
      });
    },

    async readState(sheetName?: string) {
      return await run(async (ctx) => {
        const r = await readIn(ctx, sheetName, { cfs: false });
        return r ? toState(r) : undefined;
      });
    },

    async evaluateAndHighlight(today: number, sheetName?: string): Promise<EvaluateResult | undefined> {
      const caps = capabilities();
      return await run(async (ctx) => {
        const r = await readIn(ctx, sheetName, { cfs: true });
        if (!r) return undefined;
        const ev = evaluate(r.pack, r.values, { today, plan: r.plan });
        const disagreements: EvaluateResult['disagreements'] = [];
        for (const c of ev.criteria) {
          const s = r.sheetStatuses[c.id];
          if (s !== undefined && s !== c.label)
            disagreements.push({ criterion: c.id, sheet: s, engine: c.label });
        }
        const ws = r.ws;
        const plan = new WritePlan();

        // explanations: write ours, never over someone else's text
        const off = explanationOffset(r.pack);
        const failing = ev.criteria.filter((c) => FAILING.has(c.status));
        const written = new Set<string>();
        for (const c of failing) {
          const kq = r.names.get(statusName(c).toLowerCase());
          if (!kq) continue;
          const row = kq.row;
          const col = kq.col + off;
          const cur = r.at(row, col);
          if (cur !== null && !isOurExplanation(cur)) continue;
          const address = cellAddress(row, col);
          plan.other(() => {
            const cell = ws.getRange(address);
            cell.numberFormat = [['@']];
            cell.values = [[explanationText(ev, c)]];
          });
          written.add(address);
        }
        queueClear(r, plan, explanationOffset(r.pack), written);

        // stamp
        // (the as-of date is written as a date so that the sheet keeps using it: FROZEN_AS_OF_ID)
        for (const [name, v] of Object.entries(stampValues(r.pack, r.values, ev, deps.now()))) {
          const rect = r.names.get(name);
          if (!rect) continue;
          // a date serial in the workbook's own date system
          const value = typeof v === 'number' ? toWorkbookDate(v, r.dateOffset) : v;
          plan.other(() => {
            const cell = ws.getRange(cellAddress(rect.row, rect.col));
            cell.numberFormat = [[typeof v === 'number' ? 'dd/mm/yyyy' : '@']];
            cell.values = [[value]];
          });
        }

        // highlights
        let selected: string | undefined;
        const fills: Array<{ rect: Rect; kq: string }> = [];
        for (const c of failing) {
          const kqName = statusName(c);
          const kq = r.names.get(kqName);
          const cells = targetsOf(c)
            .map((id) => ({ id, rect: r.names.get(id.toLowerCase()) }))
            .filter((x): x is { id: string; rect: Rect } => x.rect !== undefined);
          if (selected === undefined && cells.length) selected = cells[0].id;
          const all = [...cells.map((x) => x.rect), ...(kq ? [kq] : [])];
          for (const rect of rectangles(all.map((x) => ({ row: x.row, col: x.col })))) {
            if (caps.conditionalFormats) {
              plan.other(() => {
                const cf = ws.getRange(rectAddress(rect)).conditionalFormats.add('Custom');
                cf.custom.rule.formula = highlightFormula(kqName);
                cf.custom.format.fill.color = HIGHLIGHT_FILL;
                cf.custom.format.font.color = HIGHLIGHT_FONT;
                cf.custom.format.font.bold = true;
                cf.priority = 0;
              });
            } else fills.push({ rect, kq: kqName });
          }
        }
        if (!caps.conditionalFormats && api('1.4')) {
          // fallback: remember previous fills, then fill directly (one more round trip)
          const sheetNames = ws.names;
          sheetNames.load('items/name,items/type,items/value,items/comment');
          await ctx.sync();
          const reg = registry(sheetNames.items);
          queueRestoreFills(r, reg, plan);
          const before = fills.map((f) => {
            const fill = ws.getRange(rectAddress(f.rect)).format.fill;
            fill.load('color');
            return { ...f, fill };
          });
          await ctx.sync();
          before.forEach((f, i) => {
            // a cell we highlighted before: its fill before that (restored in this same batch)
            const ours = reg.find((e) => rectAddress(e.rect) === rectAddress(f.rect));
            const prev = ours ? ours.previous : typeof f.fill.color === 'string' ? f.fill.color : '';
            plan.other(() => {
              ws.getRange(rectAddress(f.rect)).format.fill.color = HIGHLIGHT_FILL;
              const address = `=${quoteSheet(r.sheetName)}!${absoluteAddress(f.rect)}`;
              ws.names.add(`${FILL_REGISTRY_PREFIX}${i + 1}`, address, prev).visible = false;
            });
          });
        }

        const { touchedProtection } = await commitPlan(ctx, ws, r.sheetName, r.protection, plan, () => {
          ws.activate();
          const rect = selected === undefined ? undefined : r.names.get(selected.toLowerCase());
          if (rect) ws.getRange(cellAddress(rect.row, rect.col)).select();
        });
        return {
          evaluation: ev,
          disagreements,
          undoable: undoable(touchedProtection),
          ...(selected !== undefined ? { selected } : {}),
        };
      });
    },

    async clearHighlights(sheetName?: string) {
      return await run(async (ctx) => {
        const r = await readIn(ctx, sheetName, { cfs: true });
        if (!r) return { undoable: true };
        const ws = r.ws;
        const plan = new WritePlan();
        queueClear(r, plan, explanationOffset(r.pack));
        if (!capabilities().conditionalFormats && api('1.4')) {
          const sheetNames = ws.names;
          sheetNames.load('items/name,items/type,items/value,items/comment');
          await ctx.sync();
          queueRestoreFills(r, registry(sheetNames.items), plan);
        }
        // nothing of ours on the sheet: nothing written, the undo stack untouched
        if (plan.empty) return { undoable: true };
        const { touchedProtection } = await commitPlan(ctx, ws, r.sheetName, r.protection, plan);
        return { undoable: undoable(touchedProtection) };
      });
    },

    async goTo(id: string, sheetName?: string) {
      await run(async (ctx) => {
        const r = await readIn(ctx, sheetName, { cfs: false });
        if (!r) throw new HostError('Không tìm thấy bảng tiêu chí trong sổ tính này.');
        const rect = r.names.get(id.toLowerCase());
        if (!rect) throw new HostError(`Không tìm thấy ô “${id}” trên trang “${r.sheetName}”.`);
        r.ws.activate();
        r.ws.getRange(cellAddress(rect.row, rect.col)).select();
        await ctx.sync();
      });
    },

    async onInputsChanged(listener: () => void) {
      const sheets = await host.findCriteriaSheets();
      if (sheets.length === 0) return () => Promise.resolve();
      const ignoreOwn = capabilities().triggerSource;
      let handlers: XlEventHandlerResult[] = [];
      let context: XlContext | undefined;
      if (capabilities().events) {
        await run(async (ctx) => {
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
        (name) => host.readState(name),
        deps,
      );
      let removed = false;
      return async () => {
        if (removed) return;
        removed = true;
        stopPolling();
        if (!context) return;
        await deps.run(async (ctx) => {
          for (const h of handlers) h.remove();
          await ctx.sync();
        }, context);
      };
    },

    async insertSummarySheet(result: ConsolidationResult): Promise<AddedSheets> {
      const specs = summarySheets(result);
      return await run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load('items/name');
        await ctx.sync();
        const sheetNames = await addSheets(
          ctx,
          specs,
          sheets.items.map((s) => s.name),
        );
        return { sheetNames };
      });
    },

    async readRosterSheet(sheetName: string): Promise<string[][] | undefined> {
      return await run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load('items/name');
        await ctx.sync();
        // sheet names are case-insensitive in Excel
        const ws = sheets.items.find((w) => w.name.toLowerCase() === sheetName.toLowerCase());
        if (!ws) return undefined;
        // a bounded rectangle, never the used range (the web's 5 MB payload limit)
        const range = ws.getRange(`A1:B${ROSTER_SHEET_ROWS}`);
        range.load('values');
        await ctx.sync();
        return range.values.map((row) => row.map((v) => (v === null || v === undefined ? '' : String(v))));
      });
    },

    async insertDossier(today: number, sheetName?: string): Promise<DossierResult | undefined> {
      return await run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load('items/name');
        const r = await readIn(ctx, sheetName, { cfs: false });
        if (!r) return undefined;
        const { documents, evaluation } = frozenDossier(r, today);
        const sheetNames = await addSheets(
          ctx,
          sheetsOfDocuments(documents),
          sheets.items.map((s) => s.name),
        );
        return { sheetNames, evaluation, source: r.sheetName };
      });
    },

    async dossierDocuments(today: number, sheetName?: string): Promise<DossierDocuments | undefined> {
      return await run(async (ctx) => {
        const r = await readIn(ctx, sheetName, { cfs: false });
        if (!r) return undefined;
        const { documents, evaluation } = frozenDossier(r, today);
        return {
          documents: documents.filter((d) => SIGNED_DOCUMENTS.includes(d.id)),
          evaluation,
          source: r.sheetName,
        };
      });
    },

    async applyPriorYear(lastYear: Values, sheetName?: string): Promise<PriorResult | undefined> {
      return await run(async (ctx) => {
        const r = await readIn(ctx, sheetName, { cfs: false });
        if (!r) return undefined;
        const ws = r.ws;
        const fill = prefillFromPrior(r.pack, lastYear);
        const notes = priorNotes(r.pack, lastYear);
        const result: PriorResult = {
          sheetName: r.sheetName,
          written: [],
          skipped: [],
          notes: [],
          undoable: true,
        };
        const plan = new WritePlan();
        for (const [id, v] of Object.entries(fill)) {
          const rect = r.names.get(id.toLowerCase());
          if (!rect || v === undefined || v === null) continue;
          const current = r.at(rect.row, rect.col);
          if (!isBlank(current)) {
            // the user's own input wins: never overwritten
            result.skipped.push({ id, value: current, lastYear: v });
            continue;
          }
          // an input cell: unlocked by the layout, written without lifting the protection
          const value = typeof v === 'number' && r.dateIds.has(id) ? toWorkbookDate(v, r.dateOffset) : v;
          plan.input(() => {
            const cell = ws.getRange(cellAddress(rect.row, rect.col));
            if (typeof v === 'string' && needsTextFormat(v)) cell.numberFormat = [['@']];
            cell.values = [[value]];
          });
          result.written.push(id);
        }
        for (const [id, where] of priorNoteCells(r.pack, notes)) {
          const rect = r.names.get(id.toLowerCase());
          if (!rect) continue;
          const row = rect.row;
          const col = rect.col + where.colOffset;
          const current = r.at(row, col);
          // only the product's requirement text (with or without an older note) is replaced
          if (typeof current !== 'string' || !current.startsWith(where.base)) continue;
          if (current !== where.text)
            plan.other(() => (ws.getRange(cellAddress(row, col)).values = [[where.text]]));
          result.notes.push(id);
        }
        if (plan.empty) return { ...result, undoable: true };
        const { touchedProtection } = await commitPlan(ctx, ws, r.sheetName, r.protection, plan);
        return { ...result, undoable: undoable(touchedProtection) };
      });
    },
  };
  return host;
}
