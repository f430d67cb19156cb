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
import { HostError } from './errors';
import { STATUS_LABELS } from '../engine/status';
import { isBlank, type CellValue, type Values } from '../engine/values';
import type { Pack } from '../pack/schema';
import { statusName } from '../pack/schema';
import { getBuiltinPack } from '../pack/registry';
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
  XlNamedItem,
  XlNamedItemCollection,
  XlRange,
  XlRun,
  XlWorksheet,
} from './officeTypes';
import {
  ALL_FEATURES,
  needsTextFormat,
  queueSheetSpec,
  rectangles,
  SHEET_PROTECTION,
  type WriteFeatures,
} from './writeSpec';

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

export interface OfficeHostDeps {
  run: XlRun;
  isSetSupported: (name: string, version: string) => boolean;
  /** clock for the stamp time */
  now: () => Date;
  getPack: (id: string) => Pack | undefined;
}

export { HostError };

function officeRun(): XlRun {
  const contexts = new WeakMap<XlContext, Excel.RequestContext>();
  return async <T>(batch: (context: XlContext) => Promise<T>, reuse?: XlContext): Promise<T> => {
    if (reuse) {
      const real = contexts.get(reuse);
      if (!real) throw new Error('officeHost: unknown request context');
      return await Excel.run(real, async (ctx: Excel.RequestContext) => await batch(ctx));
    }
    return await Excel.run(async (ctx: Excel.RequestContext) => {
      contexts.set(ctx, ctx);
      return await batch(ctx);
    });
  };
}

function errorCode(e: unknown): string | undefined {
  if (typeof e === 'object' && e !== null && 'code' in e) {
    const c = (e as { code: unknown }).code;
    return typeof c === 'string' ? c : undefined;
  }
  return undefined;
}

function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

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
  values: Values;
  sheetStatuses: Record<string, string>;
  protected: boolean;
  /** conditional formats of the sheet (when requested) */
  cfs: XlConditionalFormat[];
  /** current content of a cell (from the used range) */
  at(row: number, col: number): CellValue;
}

interface QueuedRead {
  finish(): SheetRead | undefined;
  /** the sheet of the workbook-level `goi_tieu_chi`, when the read sheet was not a criteria sheet */
  fallbackSheet(): string | undefined;
}

interface ReadOptions {
  /** also load the sheet's conditional formats */
  cfs: boolean;
}

// ---------------------------------------------------------------------------------------------

export function createOfficeHost(overrides: Partial<OfficeHostDeps> = {}): ExcelHost {
  const deps: OfficeHostDeps = {
    run: overrides.run ?? officeRun(),
    isSetSupported:
      overrides.isSetSupported ??
      ((name, version) => Office.context.requirements.isSetSupported(name, version)),
    now: overrides.now ?? (() => new Date()),
    getPack: overrides.getPack ?? getBuiltinPack,
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

  function queueRead(ctx: XlContext, sheetName: string | undefined, opts: ReadOptions): QueuedRead {
    const wb = ctx.workbook;
    const ws =
      sheetName === undefined ? wb.worksheets.getActiveWorksheet() : wb.worksheets.getItem(sheetName);
    ws.load('name');
    wb.names.load('items/name,items/type,items/value');
    const sheetNames: XlNamedItemCollection | undefined = api('1.4') ? ws.names : undefined;
    sheetNames?.load('items/name,items/type,items/value,items/comment');
    ws.protection.load('protected');
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('address,values');
    const cfColl = opts.cfs && api('1.6') ? ws.getRange().conditionalFormats : undefined;
    cfColl?.load('items/type,items/customOrNullObject/rule/formula');

    return {
      fallbackSheet(): string | undefined {
        const n = wb.names.items.find((x) => x.name.toLowerCase() === PACK_ID_NAME);
        const ref = n && typeof n.value === 'string' ? parseReference(n.value) : undefined;
        return ref && ref.sheet.toLowerCase() !== ws.name.toLowerCase() ? ref.sheet : undefined;
      },
      finish(): SheetRead | undefined {
        const name = ws.name;
        const names = namesOnSheet(name, wb.names, sheetNames);
        const blank = used.isNullObject;
        const usedRef = blank ? undefined : parseReference(used.address);
        const grid = blank ? [] : used.values;
        const at = (row: number, col: number): CellValue => {
          if (!usedRef) return null;
          const i = row - usedRef.rect.row;
          const j = col - usedRef.rect.col;
          if (i < 0 || j < 0 || i >= grid.length || j >= (grid[i]?.length ?? 0)) return null;
          return toCell(grid[i][j]);
        };
        const named = (id: string): CellValue | undefined => {
          const r = names.get(id.toLowerCase());
          return r ? at(r.row, r.col) : undefined;
        };
        if (!names.has(PACK_ID_NAME)) return undefined;
        const packId = String(named(PACK_ID_NAME) ?? '').trim();
        const pack = deps.getPack(packId);
        if (!pack) {
          throw new HostError(
            `Trang “${name}” dùng gói tiêu chí “${packId}”, add-in này không có gói đó. Hãy cập nhật add-in hoặc dùng lệnh tieuchi.`,
          );
        }
        const planId = String(named(PLAN_ID_NAME) ?? '').trim();
        const plan = planId ? getBuiltinPlan(planId) : defaultPlan();
        if (!plan) {
          throw new HostError(
            `Trang “${name}” được lập theo kế hoạch “${planId}”, add-in này không có kế hoạch đó. Hãy cập nhật add-in hoặc dùng lệnh tieuchi với --plan.`,
          );
        }
        const values: Record<string, CellValue | undefined> = {};
        // the inputs and the as-of date an earlier evaluation froze (the sheet's formulas read it too)
        for (const id of [...inputIds(pack), FROZEN_AS_OF_ID]) {
          const v = named(id);
          if (v !== undefined) values[id] = v;
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
          ws,
          pack,
          plan,
          packVersion: String(named(PACK_VERSION_NAME) ?? ''),
          names,
          values,
          sheetStatuses,
          protected: ws.protection.protected,
          cfs: cfColl ? cfColl.items : [],
          at,
        };
      },
    };
  }

  /** One sync; a second one only when no sheet was named and the active sheet is not a criteria sheet. */
  async function readIn(
    ctx: XlContext,
    sheetName: string | undefined,
    opts: ReadOptions,
  ): Promise<SheetRead | undefined> {
    const q = queueRead(ctx, sheetName, opts);
    try {
      await ctx.sync();
    } catch (e) {
      if (sheetName !== undefined && errorCode(e) === 'ItemNotFound') return undefined;
      throw e;
    }
    const r = q.finish();
    if (r || sheetName !== undefined) return r;
    const other = q.fallbackSheet();
    return other === undefined ? undefined : await readIn(ctx, other, opts);
  }

  const toState = (r: SheetRead): SheetState => ({
    sheetName: r.sheetName,
    packId: r.pack.id,
    packVersion: r.packVersion,
    planId: r.plan.id,
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
  function queueClear(r: SheetRead, keepExplanationsAt: ReadonlySet<string> = new Set()): void {
    for (const cf of r.cfs) if (isOurRule(cf)) cf.delete();
    const off = explanationOffset(r.pack);
    for (const g of r.pack.groups) {
      for (const c of g.criteria) {
        const kq = r.names.get(statusName(c));
        if (!kq) continue;
        const row = kq.row;
        const col = kq.col + off;
        const address = cellAddress(row, col);
        if (keepExplanationsAt.has(address)) continue;
        if (isOurExplanation(r.at(row, col))) r.ws.getRange(address).values = [['']];
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

  function queueRestoreFills(r: SheetRead, reg: ReturnType<typeof registry>): void {
    for (const e of reg) {
      const fill = r.ws.getRange(rectAddress(e.rect)).format.fill;
      if (e.previous === '' || e.previous.toUpperCase() === '#FFFFFF') fill.clear();
      else fill.color = e.previous;
      e.item.delete();
    }
  }

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
      return await deps.run(async (ctx) => {
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
      return await deps.run(async (ctx) => {
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
        return { kind: 'inserted', sheetName: name };
      });
    },

    async activateSheet(sheetName: string) {
      await deps.run(async (ctx) => {
        ctx.workbook.worksheets.getItem(sheetName).activate();
        await ctx.sync();
      });
    },

    async readState(sheetName?: string) {
      return await deps.run(async (ctx) => {
        const r = await readIn(ctx, sheetName, { cfs: false });
        return r ? toState(r) : undefined;
      });
    },

    async evaluateAndHighlight(today: number, sheetName?: string): Promise<EvaluateResult | undefined> {
      const caps = capabilities();
      return await deps.run(async (ctx) => {
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
        if (r.protected) ws.protection.unprotect();

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
          const cell = ws.getRange(address);
          cell.numberFormat = [['@']];
          cell.values = [[explanationText(ev, c)]];
          written.add(address);
        }
        queueClear(r, written);

        // stamp
        // (the as-of date is written as a date so that the sheet keeps using it: FROZEN_AS_OF_ID)
        for (const [name, v] of Object.entries(stampValues(r.pack, r.values, ev, deps.now()))) {
          const rect = r.names.get(name);
          if (!rect) continue;
          const cell = ws.getRange(cellAddress(rect.row, rect.col));
          cell.numberFormat = [[typeof v === 'number' ? 'dd/mm/yyyy' : '@']];
          cell.values = [[v]];
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
              const cf = ws.getRange(rectAddress(rect)).conditionalFormats.add('Custom');
              cf.custom.rule.formula = highlightFormula(kqName);
              cf.custom.format.fill.color = HIGHLIGHT_FILL;
              cf.custom.format.font.color = HIGHLIGHT_FONT;
              cf.custom.format.font.bold = true;
              cf.priority = 0;
            } else fills.push({ rect, kq: kqName });
          }
        }
        if (!caps.conditionalFormats && api('1.4')) {
          // fallback: remember previous fills, then fill directly (one more round trip)
          const sheetNames = ws.names;
          sheetNames.load('items/name,items/type,items/value,items/comment');
          await ctx.sync();
          queueRestoreFills(r, registry(r, sheetNames.items));
          const before = fills.map((f) => {
            const fill = ws.getRange(rectAddress(f.rect)).format.fill;
            fill.load('color');
            return { ...f, fill };
          });
          await ctx.sync();
          before.forEach((f, i) => {
            const prev = typeof f.fill.color === 'string' ? f.fill.color : '';
            ws.getRange(rectAddress(f.rect)).format.fill.color = HIGHLIGHT_FILL;
            const address = `=${quoteSheet(r.sheetName)}!${absoluteAddress(f.rect)}`;
            ws.names.add(`${FILL_REGISTRY_PREFIX}${i + 1}`, address, prev).visible = false;
          });
        }

        ws.activate();
        if (selected !== undefined) {
          const rect = r.names.get(selected.toLowerCase());
          if (rect) ws.getRange(cellAddress(rect.row, rect.col)).select();
        }
        if (r.protected) ws.protection.protect(SHEET_PROTECTION);
        await ctx.sync();
        return { evaluation: ev, disagreements, ...(selected !== undefined ? { selected } : {}) };
      });
    },

    async clearHighlights(sheetName?: string) {
      await deps.run(async (ctx) => {
        const r = await readIn(ctx, sheetName, { cfs: true });
        if (!r) return;
        const ws = r.ws;
        if (r.protected) ws.protection.unprotect();
        queueClear(r);
        if (!capabilities().conditionalFormats && api('1.4')) {
          const sheetNames = ws.names;
          sheetNames.load('items/name,items/type,items/value,items/comment');
          await ctx.sync();
          queueRestoreFills(r, registry(r, sheetNames.items));
        }
        if (r.protected) ws.protection.protect(SHEET_PROTECTION);
        await ctx.sync();
      });
    },

    async goTo(id: string, sheetName?: string) {
      await deps.run(async (ctx) => {
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
      if (!capabilities().events) return async () => undefined;
      const sheets = await host.findCriteriaSheets();
      if (sheets.length === 0) return async () => undefined;
      const ignoreOwn = capabilities().triggerSource;
      let handlers: XlEventHandlerResult[] = [];
      let context: XlContext | undefined;
      await deps.run(async (ctx) => {
        handlers = sheets.map((s) =>
          ctx.workbook.worksheets.getItem(s.sheetName).onChanged.add(async (args) => {
            if (ignoreOwn && args.triggerSource === 'ThisLocalAddin') return;
            listener();
          }),
        );
        await ctx.sync();
        context = ctx;
      });
      let removed = false;
      return async () => {
        if (removed || !context) return;
        removed = true;
        await deps.run(async (ctx) => {
          for (const h of handlers) h.remove();
          await ctx.sync();
        }, context);
      };
    },

    async insertSummarySheet(result: ConsolidationResult): Promise<AddedSheets> {
      const spec = summarySheet(result);
      return await deps.run(async (ctx) => {
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
      return await deps.run(async (ctx) => {
        const sheets = ctx.workbook.worksheets;
        sheets.load('items/name');
        const r = await readIn(ctx, sheetName, { cfs: false });
        if (!r) return undefined;
        const evaluation = evaluate(r.pack, r.values, { today, plan: r.plan });
        // a dossier travels upward: it must carry the verdict that was checked, not today's
        if (evaluation.asOfSource === 'today') {
          throw new HostError(
            'Chưa có ngày đánh giá đã chốt: hãy bấm Đánh giá (hoặc nhập Ngày đánh giá) rồi lập hồ sơ, để hồ sơ giữ đúng kết luận đã kiểm tra.',
          );
        }
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
      return await deps.run(async (ctx) => {
        const r = await readIn(ctx, sheetName, { cfs: false });
        if (!r) return undefined;
        const ws = r.ws;
        const fill = prefillFromPrior(r.pack, lastYear);
        const notes = priorNotes(r.pack, lastYear);
        const result: PriorResult = { sheetName: r.sheetName, written: [], skipped: [], notes: [] };
        if (r.protected) ws.protection.unprotect();
        for (const [id, v] of Object.entries(fill)) {
          const rect = r.names.get(id.toLowerCase());
          if (!rect || v === undefined || v === null) continue;
          const current = r.at(rect.row, rect.col);
          if (!isBlank(current)) {
            // the user's own input wins: never overwritten
            result.skipped.push({ id, value: current, lastYear: v });
            continue;
          }
          const cell = ws.getRange(cellAddress(rect.row, rect.col));
          if (typeof v === 'string' && needsTextFormat(v)) cell.numberFormat = [['@']];
          cell.values = [[v]];
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
          if (current !== where.text) ws.getRange(cellAddress(row, col)).values = [[where.text]];
          result.notes.push(id);
        }
        if (r.protected) ws.protection.protect(SHEET_PROTECTION);
        await ctx.sync();
        return result;
      });
    },
  };
  return host;
}
