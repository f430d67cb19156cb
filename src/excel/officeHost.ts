/**
 * The Office.js implementation of ExcelHost. Thin: it reads and writes through the structural
 * subset in ./officeTypes.ts (the real `Excel.RequestContext` is checked against it at compile
 * time), scores with the engine, and keeps to the round-trip budgets:
 *   insert ≤ 2 syncs · readState (live refresh) 1 sync · Evaluate ≤ 2 syncs · Xóa đánh dấu ≤ 2 syncs
 * when the caller passes the sheet name (or the active sheet is the criteria sheet).
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
import { evaluate, type CriterionResult, type Evaluation } from '../engine/evaluate';
import { STATUS_LABELS } from '../engine/status';
import { isBlank, type CellValue, type Values } from '../engine/values';
import type { Pack } from '../pack/schema';
import { statusName } from '../pack/schema';
import { builtinPacks, getBuiltinPack } from '../pack/registry';
import {
  buildCriteriaSheet,
  CRITERIA_SHEET_NAME,
  inputIds,
  PACK_ID_NAME,
  PACK_VERSION_NAME,
  PLAN_ID_NAME,
} from '../sheet/layout';
import { FROZEN_AS_OF_ID } from '../engine/compile';
import { defaultPlan, getBuiltinPlan } from '../plan/registry';
import type { Plan } from '../plan/schema';
import { stampValues } from '../sheet/stampState';
import { dossierSheets } from '../sheet/dossier';
import { prefillFromPrior, priorNotes } from '../sheet/prior';
import type { SheetSpec } from '../sheet/spec';
import { summarySheet, type ConsolidationResult } from '../sheet/summary';
import { serialToVi } from '../engine/dates';
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
  DossierResult,
  EvaluateResult,
  ExcelHost,
  InsertOptions,
  InsertResult,
  PriorResult,
  SheetState,
} from './host';
import type {
  XlConditionalFormat,
  XlContext,
  XlEventHandlerResult,
  XlFunctionResult,
  XlNamedItem,
  XlNamedItemCollection,
  XlRange,
  XlRun,
  XlRunOptions,
  XlWorksheet,
} from './officeTypes';
import { commitPlan, errorCode, errorText, HostError, WritePlan, type SheetProtection } from './protection';
import { dateIds, DAYS_1900_TO_1904, fromWorkbookDate, toWorkbookDate } from './dateSystem';

export { HostError, PasswordProtectedError } from './protection';
import { ALL_FEATURES, needsTextFormat, queueSheetSpec, rectangles, type WriteFeatures } from './writeSpec';

/** The tag inside the formula of every highlight rule the add-in adds. */
export const HIGHLIGHT_TAG = 'N("tieuchi:danh_dau")';
const HIGHLIGHT_TAG_RE = /N\(\s*"tieuchi:danh_dau"\s*\)/i;
/** Prefix of the explanation texts the add-in writes. */
export const EXPLANATION_PREFIX = '[Đánh giá ';
/** Hidden names recording direct fills (fallback without conditional formats). */
export const FILL_REGISTRY_PREFIX = 'tc_danh_dau_';
/** Highlight colours: light red fill, dark red bold text. */
export const HIGHLIGHT_FILL = '#FFC7CE';
export const HIGHLIGHT_FONT = '#9C0006';
/** Statuses the add-in highlights and explains ("needs fixing"). */
const FAILING: ReadonlySet<string> = new Set(['fail', 'invalid']);

/** Timers for the periodic check of the live summary (injected: tests drive them). */
export interface PollTimers {
  setInterval(f: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

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
}

/**
 * The requirement set every operation needs: defined names are added with
 * `NamedItemCollection.add` (ExcelApi 1.4, src/excel/apiSets.generated.ts). Members of later sets
 * are used only behind their own checks (`api(…)` below); test/excel/apiSets.test.ts runs every
 * operation on every version to prove it.
 */
export const MIN_EXCEL_API = '1.4';
export const TOO_OLD = `Phiên bản Excel này quá cũ cho add-in Tiêu chí (cần Excel JavaScript API ${MIN_EXCEL_API} trở lên: Excel 2016 bản cập nhật mới, Microsoft 365 hoặc Excel trên web). Hãy cập nhật Office.`;

/** How often the live summary checks for changes Excel sends no event for. */
export const POLL_MS = 5000;

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

const toCell = (v: unknown): CellValue => {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
};

/** Excel's limit on sheet names. */
const MAX_SHEET_NAME = 31;

/** `base`, or `base (2)`, `base (3)` … — the first name no sheet has (case-insensitive). */
export function freeSheetName(base: string, taken: ReadonlySet<string>): string {
  const fits = (suffix: string): string => `${base.slice(0, MAX_SHEET_NAME - suffix.length)}${suffix}`;
  if (!taken.has(fits('').toLowerCase())) return fits('');
  for (let i = 2; ; i++) {
    const name = fits(` (${i})`);
    if (!taken.has(name.toLowerCase())) return name;
  }
}

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

// ---------------------------------------------------------------------------------------------
// Reading a criteria sheet in one sync

interface NameListing {
  items: XlNamedItem[];
}

/** Defined names visible on `sheetName`: workbook names pointing there, sheet names override. */
function namesOnSheet(
  sheetName: string,
  workbook: NameListing,
  sheet: NameListing | undefined,
): Map<string, Rect> {
  const out = new Map<string, Rect>();
  const add = (items: XlNamedItem[], requireSheet: boolean): void => {
    for (const n of items) {
      if (n.type !== 'Range' || typeof n.value !== 'string') continue;
      const ref = parseReference(n.value);
      if (!ref) continue;
      if (requireSheet && ref.sheet.toLowerCase() !== sheetName.toLowerCase()) continue;
      out.set(n.name.toLowerCase(), ref.rect);
    }
  };
  add(workbook.items, true);
  if (sheet) add(sheet.items, true);
  return out;
}

interface SheetRead {
  sheetName: string;
  ws: XlWorksheet;
  pack: Pack;
  /** the plan the sheet records (the default plan for sheets made before plans existed) */
  plan: Plan;
  packVersion: string;
  names: Map<string, Rect>;
  /** inputs, dates converted to the 1900 system the engine uses */
  values: Values;
  sheetStatuses: Record<string, string>;
  protection: SheetProtection;
  /** days to add to a workbook date serial for the 1900 system (1462 in a 1904 workbook) */
  dateOffset: number;
  dateIds: ReadonlySet<string>;
  /** conditional formats of the sheet (when requested; their ids loaded) */
  cfs: XlConditionalFormat[];
  /** current content of a cell of the layout's rectangle (null outside it) */
  at(row: number, col: number): CellValue;
}

interface ReadOptions {
  /** also load the sheet's conditional formats */
  cfs: boolean;
}

/** What the first round trip of a read queues: names, protection, date probe, maybe a guess. */
interface FirstRead {
  ws: XlWorksheet;
  sheetNames: XlNamedItemCollection | undefined;
  probe: XlFunctionResult<number> | undefined;
  cfColl: { items: XlConditionalFormat[] } | undefined;
  guess: { rect: Rect; range: XlRange } | undefined;
}

const covers = (outer: Rect, inner: Rect): boolean =>
  inner.row >= outer.row &&
  inner.col >= outer.col &&
  inner.row + inner.rows <= outer.row + outer.rows &&
  inner.col + inner.cols <= outer.col + outer.cols;

/** Rows added to the built-in layouts' extent in a first guess (rows the user inserted). */
const GUESS_SPARE_ROWS = 40;

// ---------------------------------------------------------------------------------------------

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
  };
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

  const features = (): WriteFeatures => ({
    ...ALL_FEATURES,
    sheetNames: api('1.4'),
    conditionalFormats: api('1.6'),
    freezePanes: api('1.7'),
    dataValidation: api('1.8'),
    pageLayout: api('1.9'),
  });

  const explanationOffsets = new Map<string, number>();
  /** columns from the status cell to the explanation column (first column right of the layout) */
  const explanationOffset = (pack: Pack): number => {
    let off = explanationOffsets.get(pack.id);
    if (off === undefined) {
      const spec = buildCriteriaSheet(pack);
      const first = pack.groups[0]?.criteria[0];
      const n = first && spec.names.find((x) => x.name === statusName(first));
      const ref = n && parseReference(`x!${n.address}`);
      off = ref ? spec.columns.length + 1 - ref.rect.col : 4;
      explanationOffsets.set(pack.id, off);
    }
    return off;
  };

  /** widest distance from a status cell to the explanation column over the built-in packs */
  let offsetMax: number | undefined;
  const explanationOffsetMax = (): number =>
    (offsetMax ??= Math.max(1, ...builtinPacks().map((p) => explanationOffset(p))));

  /** The rectangle a criteria sheet's layout spans: from A1 to every name and explanation cell. */
  function layoutRect(names: ReadonlyMap<string, Rect>): Rect {
    let bottom = 1;
    let right = 1;
    for (const [n, r] of names) {
      bottom = Math.max(bottom, r.row + r.rows - 1);
      right = Math.max(right, r.col + r.cols - 1 + (n.startsWith('kq_') ? explanationOffsetMax() : 0));
    }
    return { row: 1, col: 1, rows: bottom, cols: right };
  }

  /** The built-in layouts' largest extent: the first guess for a sheet known to be a criteria sheet. */
  let defaultGuess: Rect | undefined;
  const builtinExtent = (): Rect => {
    if (!defaultGuess) {
      let rows = 1;
      let cols = 1;
      for (const p of builtinPacks()) {
        const spec = buildCriteriaSheet(p);
        for (const c of spec.cells) {
          const a = parseArea(c.address);
          if (a) rows = Math.max(rows, a.row + a.rows - 1);
        }
        cols = Math.max(cols, spec.columns.length + 1);
      }
      defaultGuess = { row: 1, col: 1, rows: rows + GUESS_SPARE_ROWS, cols };
    }
    return defaultGuess;
  };

  /** Layout rectangles of the criteria sheets seen, by sheet name (lower case). */
  const seenRects = new Map<string, Rect>();

  function queueFirst(ctx: XlContext, sheetName: string | undefined, opts: ReadOptions): FirstRead {
    const wb = ctx.workbook;
    const ws =
      sheetName === undefined ? wb.worksheets.getActiveWorksheet() : wb.worksheets.getItem(sheetName);
    ws.load('name');
    wb.names.load('items/name,items/type,items/value');
    const sheetNames: XlNamedItemCollection | undefined = api('1.4') ? ws.names : undefined;
    sheetNames?.load('items/name,items/type,items/value');
    ws.protection.load('protected,options');
    const probe = api('1.2') ? wb.functions.date(1904, 1, 1) : undefined;
    probe?.load('value');
    const cfColl = opts.cfs && api('1.6') ? ws.getRange().conditionalFormats : undefined;
    // ids loaded: an item not addressed by id is addressed by its position, which deletes shift
    cfColl?.load('items/id,items/type,items/customOrNullObject/rule/formula');
    // a sheet known to be a criteria sheet: read its layout's rectangle in the same round trip
    const rect =
      sheetName === undefined ? undefined : (seenRects.get(sheetName.toLowerCase()) ?? builtinExtent());
    const range = rect ? ws.getRange(rectAddress(rect)) : undefined;
    range?.load('values');
    return { ws, sheetNames, probe, cfColl, guess: rect && range ? { rect, range } : undefined };
  }

  /**
   * Read a criteria sheet: names, protection and date system first (never the used range, which
   * on a large data sheet exceeds the web's 5 MB payload limit), then only the rectangle the
   * layout's names span. One round trip for a sheet read before; two otherwise.
   */
  async function readIn(
    ctx: XlContext,
    sheetName: string | undefined,
    opts: ReadOptions,
  ): Promise<SheetRead | undefined> {
    const q = queueFirst(ctx, sheetName, opts);
    try {
      await ctx.sync();
    } catch (e) {
      if (sheetName !== undefined && errorCode(e) === 'ItemNotFound') return undefined;
      throw e;
    }
    const wb = ctx.workbook;
    const name = q.ws.name;
    const names = namesOnSheet(name, wb.names, q.sheetNames);
    if (!names.has(PACK_ID_NAME)) {
      if (sheetName !== undefined) return undefined;
      // the active sheet is not a criteria sheet: the workbook's one, by its names
      const n = wb.names.items.find((x) => x.name.toLowerCase() === PACK_ID_NAME);
      const ref = n && typeof n.value === 'string' ? parseReference(n.value) : undefined;
      return ref && ref.sheet.toLowerCase() !== name.toLowerCase()
        ? await readIn(ctx, ref.sheet, opts)
        : undefined;
    }
    const need = layoutRect(names);
    let grid: { rect: Rect; values: unknown[][] };
    if (q.guess && covers(q.guess.rect, need)) grid = { rect: q.guess.rect, values: q.guess.range.values };
    else {
      // a second round trip: exactly the layout's rectangle
      const range = q.ws.getRange(rectAddress(need));
      range.load('values');
      await ctx.sync();
      grid = { rect: need, values: range.values };
    }
    seenRects.set(name.toLowerCase(), need);
    const at = (row: number, col: number): CellValue => {
      const i = row - grid.rect.row;
      const j = col - grid.rect.col;
      if (i < 0 || j < 0 || i >= grid.values.length || j >= (grid.values[i]?.length ?? 0)) return null;
      return toCell(grid.values[i][j]);
    };
    const packCell = names.get(PACK_ID_NAME);
    const packId = String((packCell && at(packCell.row, packCell.col)) ?? '').trim();
    const pack = deps.getPack(packId);
    if (!pack) {
      throw new HostError(
        `Trang “${name}” dùng gói tiêu chí “${packId}”, add-in này không có gói đó. Hãy cập nhật add-in hoặc dùng lệnh tieuchi.`,
      );
    }
    const dateOffset = q.probe && q.probe.value === 0 ? DAYS_1900_TO_1904 : 0;
    return finishRead(q, name, names, pack, at, dateOffset);
  }

  function finishRead(
    q: FirstRead,
    name: string,
    names: Map<string, Rect>,
    pack: Pack,
    at: (row: number, col: number) => CellValue,
    dateOffset: number,
  ): SheetRead {
    const named = (id: string): CellValue | undefined => {
      const r = names.get(id.toLowerCase());
      return r ? at(r.row, r.col) : undefined;
    };
    const planId = String(named(PLAN_ID_NAME) ?? '').trim();
    const plan = planId ? getBuiltinPlan(planId) : defaultPlan();
    if (!plan) {
      throw new HostError(
        `Trang “${name}” được lập theo kế hoạch “${planId}”, add-in này không có kế hoạch đó. Hãy cập nhật add-in hoặc dùng lệnh tieuchi với --plan.`,
      );
    }
    const dates = dateIds(pack);
    const values: Record<string, CellValue | undefined> = {};
    // the inputs and the as-of date an earlier evaluation froze (the sheet's formulas read it too)
    for (const id of [...inputIds(pack), FROZEN_AS_OF_ID]) {
      const v = named(id);
      if (v === undefined) continue;
      values[id] = typeof v === 'number' && dates.has(id) ? fromWorkbookDate(v, dateOffset) : v;
    }
    const sheetStatuses: Record<string, string> = {};
    for (const g of pack.groups) {
      for (const c of g.criteria) {
        const v = named(statusName(c));
        if (v !== undefined && v !== null) sheetStatuses[c.id] = String(v);
      }
    }
    return {
      sheetName: name,
      ws: q.ws,
      pack,
      plan,
      packVersion: String(named(PACK_VERSION_NAME) ?? ''),
      names,
      values,
      sheetStatuses,
      protection: { protected: q.ws.protection.protected, options: q.ws.protection.options },
      dateOffset,
      dateIds: dates,
      cfs: q.cfColl ? q.cfColl.items : [],
      at,
    };
  }

  const toState = (r: SheetRead): SheetState => ({
    sheetName: r.sheetName,
    packId: r.pack.id,
    packVersion: r.packVersion,
    values: r.values,
    sheetStatuses: r.sheetStatuses,
  });

  const isOurRule = (cf: XlConditionalFormat): boolean =>
    cf.type === 'Custom' &&
    !cf.customOrNullObject.isNullObject &&
    HIGHLIGHT_TAG_RE.test(cf.customOrNullObject.rule.formula);

  const isOurExplanation = (v: CellValue): boolean =>
    typeof v === 'string' && v.startsWith(EXPLANATION_PREFIX);

  /** Queue the removal of everything the add-in highlighted or explained on the sheet. */
  function queueClear(
    r: SheetRead,
    plan: WritePlan,
    keepExplanationsAt: ReadonlySet<string> = new Set(),
  ): void {
    // by id: an item addressed by position would shift as earlier ones are deleted
    const coll = r.cfs.length ? r.ws.getRange().conditionalFormats : undefined;
    for (const cf of r.cfs) if (coll && isOurRule(cf)) plan.other(() => coll.getItem(cf.id).delete());
    const off = explanationOffset(r.pack);
    for (const g of r.pack.groups) {
      for (const c of g.criteria) {
        const kq = r.names.get(statusName(c));
        if (!kq) continue;
        const row = kq.row;
        const col = kq.col + off;
        const address = cellAddress(row, col);
        if (keepExplanationsAt.has(address)) continue;
        if (isOurExplanation(r.at(row, col))) plan.other(() => (r.ws.getRange(address).values = [['']]));
      }
    }
  }

  /** Fallback registry: names `tc_danh_dau_N` on the sheet, comment = previous fill. */
  function registry(
    r: SheetRead,
    sheetNames: XlNamedItem[],
  ): Array<{ item: XlNamedItem; rect: Rect; previous: string }> {
    const out: Array<{ item: XlNamedItem; rect: Rect; previous: string }> = [];
    for (const n of sheetNames) {
      if (!n.name.toLowerCase().startsWith(FILL_REGISTRY_PREFIX) || typeof n.value !== 'string') continue;
      const ref = parseReference(n.value);
      if (ref) out.push({ item: n, rect: ref.rect, previous: n.comment });
    }
    void r;
    return out;
  }

  function queueRestoreFills(r: SheetRead, reg: ReturnType<typeof registry>, plan: WritePlan): void {
    for (const e of reg) {
      plan.other(() => {
        const fill = r.ws.getRange(rectAddress(e.rect)).format.fill;
        if (e.previous === '' || e.previous.toUpperCase() === '#FFFFFF') fill.clear();
        else fill.color = e.previous;
        e.item.delete();
      });
    }
  }

  /**
   * Excel sends no change event for some edits (a list pick in Excel on the web:
   * OfficeDev/office-js#3888, #4066; recalculation; Text to Columns): while the pane is visible,
   * read the criteria sheets every POLL_MS (one round trip each, the layout's rectangle only)
   * and call `listener` when their inputs or statuses differ from the last check.
   */
  function startPolling(sheetNames: readonly string[], listener: () => void): () => void {
    const last = new Map<string, string>();
    let busy = false;
    const check = async (): Promise<void> => {
      for (const name of sheetNames) {
        const state = await host.readState(name);
        const print = state ? JSON.stringify([state.values, state.sheetStatuses]) : '';
        const before = last.get(name);
        last.set(name, print);
        if (before !== undefined && before !== print) {
          listener();
          return;
        }
      }
    };
    const tick = (): void => {
      if (busy || !deps.visible()) return;
      busy = true;
      check()
        .catch((err: unknown) => console.warn('Tiêu chí: kiểm tra định kỳ', err))
        .finally(() => {
          busy = false;
        });
    };
    tick();
    const handle = deps.timers.setInterval(tick, POLL_MS);
    return () => deps.timers.clearInterval(handle);
  }

  /** Can the user undo what was just written? (Excel's API undo needs ExcelUndoApiAll 1.0.) */
  const undoable = (touchedProtection: boolean): boolean =>
    !touchedProtection && deps.isSetSupported('ExcelUndoApiAll', '1.0');

  /** The cells to highlight for a failing criterion: its status cell and the inputs that fail. */
  function targetsOf(c: CriterionResult): string[] {
    const failingReqs = c.requirements.filter((q) => q.status === c.status);
    const ids = new Set(failingReqs.flatMap((q) => [...q.indicators]));
    const inputs = c.indicators.filter((id) => ids.has(id) && id !== c.evidence);
    return inputs.length ? inputs : c.indicators.filter((id) => id !== c.evidence);
  }

  function highlightFormula(kqName: string): string {
    const fail = STATUS_LABELS.fail;
    const invalid = STATUS_LABELS.invalid;
    return `=AND(${HIGHLIGHT_TAG}=0,OR(${kqName}="${fail}",${kqName}="${invalid}"))`;
  }

  function explanationText(ev: Evaluation, c: CriterionResult): string {
    const text = `${EXPLANATION_PREFIX}${serialToVi(ev.asOf)}] ${c.id} ${c.label}: ${c.reasons.join('; ')}`;
    return text.length > 1000 ? `${text.slice(0, 999)}…` : text;
  }

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
      const pack = deps.getPack(options.packId);
      if (!pack) throw new HostError(`Không có gói tiêu chí “${options.packId}”.`);
      if (options.sheetName !== undefined) {
        const n = options.sheetName.trim();
        if (n === '' || n.length > 31 || /[\\/?*[\]:]/.test(n) || /^'|'$/.test(n)) {
          throw new HostError(
            `Tên trang “${options.sheetName}” không hợp lệ: tối đa 31 ký tự, không chứa \\ / ? * [ ] : và không bắt đầu hay kết thúc bằng dấu '.`,
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
        const plan = options.planId ? getBuiltinPlan(options.planId) : undefined;
        if (options.planId && !plan) throw new HostError(`Không có kế hoạch “${options.planId}”.`);
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
        seenRects.set(name.toLowerCase(), layoutRect(rects));
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
        queueClear(r, plan, written);

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
          const reg = registry(r, sheetNames.items);
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
        queueClear(r, plan);
        if (!capabilities().conditionalFormats && api('1.4')) {
          const sheetNames = ws.names;
          sheetNames.load('items/name,items/type,items/value,items/comment');
          await ctx.sync();
          queueRestoreFills(r, registry(r, sheetNames.items), plan);
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
      if (sheets.length === 0) return async () => undefined;
      const ignoreOwn = capabilities().triggerSource;
      let handlers: XlEventHandlerResult[] = [];
      let context: XlContext | undefined;
      if (capabilities().events) {
        await run(async (ctx) => {
          handlers = sheets.map((s) =>
            ctx.workbook.worksheets.getItem(s.sheetName).onChanged.add(async (args) => {
              if (ignoreOwn && args.triggerSource === 'ThisLocalAddin') return;
              // a single cell whose value did not change: a format-only change (`details`,
              // ExcelApi 1.9, is given for single-cell changes only)
              if (args.details && sameValue(args.details.valueBefore, args.details.valueAfter)) return;
              listener();
            }),
          );
          await ctx.sync();
          context = ctx;
        });
      }
      const stopPolling = startPolling(
        sheets.map((s) => s.sheetName),
        listener,
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
      const spec = summarySheet(result);
      return await run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load('items/name');
        await ctx.sync();
        const sheetNames = await addSheets(
          ctx,
          [spec],
          sheets.items.map((s) => s.name),
        );
        return { sheetNames };
      });
    },

    async insertDossier(today: number, sheetName?: string): Promise<DossierResult | undefined> {
      return await run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load('items/name');
        const r = await readIn(ctx, sheetName, { cfs: false });
        if (!r) return undefined;
        const evaluation = evaluate(r.pack, r.values, { today, plan: r.plan });
        const specs = dossierSheets(r.pack, r.values, evaluation);
        const sheetNames = await addSheets(
          ctx,
          specs,
          sheets.items.map((s) => s.name),
        );
        return { sheetNames, evaluation, source: r.sheetName };
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
