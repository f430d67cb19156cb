/**
 * Reading a criteria sheet (src/excel/officeHost.ts uses it for every operation): names,
 * protection and the workbook's date system first, then only the rectangle the layout's names
 * span — never the used range, which on a large data sheet exceeds the 5 MB payload limit of
 * Excel on the web (docs/real-excel.md). One round trip when the sheet is named (its rectangle
 * from the last read or the built-in layouts' extent is loaded with the names), two when it is found
 * from the active sheet or its layout grew beyond the guess.
 */
import type { CellValue, Values } from '../engine/values';
import type { Pack } from '../pack/schema';
import { builtinPacks } from '../pack/registry';
import {
  FROZEN_AS_OF_ID,
  isStatusName,
  PACK_ID_NAME,
  PACK_VERSION_NAME,
  PLAN_ID_NAME,
  statusName,
} from '../pack/workbookNames';
import { inputIds } from '../pack/inputs';
import { CRITERIA_COLUMNS, criteriaGeometry, EXPLANATION_OFFSET } from '../sheet/geometry';
import { defaultPlan } from '../plan/registry';
import type { Plan } from '../plan/schema';
import { parseReference, rectAddress, type Rect } from '../sheet/address';
import type {
  XlConditionalFormat,
  XlContext,
  XlFunctionResult,
  XlNamedItem,
  XlNamedItemCollection,
  XlRange,
  XlWorksheet,
} from './officeTypes';
import { HostError, type SheetProtection } from './protection';
import { codeOf } from '../engine/thrown';
import { dateIds, DAYS_1900_TO_1904, fromWorkbookDate } from './dateSystem';

const toCell = (v: unknown): CellValue => {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  // Office.js returns only primitives for cell values; anything else is shown as JSON, never "[object Object]"
  return JSON.stringify(v) ?? '';
};

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

export interface SheetRead {
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

export interface ReadOptions {
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

/** The rectangle a criteria sheet's layout spans: from A1 to every name and explanation cell. */
function layoutRect(names: ReadonlyMap<string, Rect>): Rect {
  let bottom = 1;
  let right = 1;
  for (const [n, r] of names) {
    bottom = Math.max(bottom, r.row + r.rows - 1);
    right = Math.max(right, r.col + r.cols - 1 + (isStatusName(n) ? EXPLANATION_OFFSET : 0));
  }
  return { row: 1, col: 1, rows: bottom, cols: right };
}

/** The built-in layouts' largest extent: the first guess for a sheet known to be a criteria sheet. */
let builtinGuess: Rect | undefined;
function builtinExtent(): Rect {
  if (!builtinGuess) {
    const rows = Math.max(1, ...builtinPacks().map((p) => criteriaGeometry(p).lastTableRow));
    builtinGuess = { row: 1, col: 1, rows: rows + GUESS_SPARE_ROWS, cols: CRITERIA_COLUMNS.explanation };
  }
  return builtinGuess;
}

function queueFirst(
  ctx: XlContext,
  sheetName: string | undefined,
  opts: ReadOptions,
  api: (version: string) => boolean,
  known: Rect | undefined,
): FirstRead {
  const wb = ctx.workbook;
  const ws = sheetName === undefined ? wb.worksheets.getActiveWorksheet() : wb.worksheets.getItem(sheetName);
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
  const rect = sheetName === undefined ? undefined : (known ?? builtinExtent());
  const range = rect ? ws.getRange(rectAddress(rect)) : undefined;
  range?.load('values');
  return { ws, sheetNames, probe, cfColl, guess: rect && range ? { rect, range } : undefined };
}

/** A grid of values read from `rect`, as a cell lookup (null outside it). */
function cellsOf(rect: Rect, values: unknown[][]): (row: number, col: number) => CellValue {
  return (row, col) => {
    const line = values[row - rect.row];
    if (!line || col < rect.col) return null;
    return toCell(line[col - rect.col]);
  };
}

// ---------------------------------------------------------------------------------------------

export interface SheetReaderDeps {
  getPack: (id: string) => Pack | undefined;
  /** a plan by id: the official's loaded plan files first, then the built-in ones */
  getPlan: (id: string) => Plan | undefined;
  /** is this ExcelApi version supported */
  api: (version: string) => boolean;
}

export interface SheetReader {
  /** the sheet named, or the active sheet (else the workbook's criteria sheet); undefined: none */
  readIn: (
    ctx: XlContext,
    sheetName: string | undefined,
    opts: ReadOptions,
  ) => Promise<SheetRead | undefined>;
  /** a sheet just written: its next read takes one round trip */
  remember(sheetName: string, names: ReadonlyMap<string, Rect>): void;
}

export function createSheetReader(deps: SheetReaderDeps): SheetReader {
  /** Layout rectangles of the criteria sheets seen, by sheet name (lower case). */
  const seenRects = new Map<string, Rect>();

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
    const known = sheetName === undefined ? undefined : seenRects.get(sheetName.toLowerCase());
    const q = queueFirst(ctx, sheetName, opts, deps.api, known);
    try {
      await ctx.sync();
    } catch (e) {
      if (sheetName !== undefined && codeOf(e) === 'ItemNotFound') return undefined;
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
    let at: (row: number, col: number) => CellValue;
    if (q.guess && covers(q.guess.rect, need)) at = cellsOf(q.guess.rect, q.guess.range.values);
    else {
      // a second round trip: exactly the layout's rectangle
      const range = q.ws.getRange(rectAddress(need));
      range.load('values');
      await ctx.sync();
      at = cellsOf(need, range.values);
    }
    seenRects.set(name.toLowerCase(), need);
    const packCell = names.get(PACK_ID_NAME);
    const packId = String((packCell && at(packCell.row, packCell.col)) ?? '').trim();
    const pack = deps.getPack(packId);
    if (!pack) {
      throw new HostError(
        `Trang “${name}” dùng gói tiêu chí “${packId}”, add-in này không có gói đó. Hãy cập nhật add-in hoặc dùng lệnh tieuchi.`,
      );
    }
    const dateOffset = q.probe && q.probe.value === 0 ? DAYS_1900_TO_1904 : 0;
    return finishRead({ q, name, names, pack, at, dateOffset }, deps.getPlan);
  }

  return {
    readIn,
    remember: (sheetName, names) => seenRects.set(sheetName.toLowerCase(), layoutRect(names)),
  };
}

/** The sheet's contents by its names: plan, inputs (dates in the 1900 system), the sheet's statuses. */
function finishRead(
  read: {
    q: FirstRead;
    name: string;
    names: Map<string, Rect>;
    pack: Pack;
    at: (row: number, col: number) => CellValue;
    dateOffset: number;
  },
  getPlan: (id: string) => Plan | undefined,
): SheetRead {
  const { q, name, names, pack, at, dateOffset } = read;
  const named = (id: string): CellValue | undefined => {
    const r = names.get(id.toLowerCase());
    return r ? at(r.row, r.col) : undefined;
  };
  const planId = String(named(PLAN_ID_NAME) ?? '').trim();
  const plan = planId ? getPlan(planId) : defaultPlan();
  if (!plan) {
    throw new HostError(
      `Trang “${name}” được lập theo kế hoạch “${planId}”, add-in chưa có kế hoạch đó. Hãy tải tệp kế hoạch (Chèn bảng tiêu chí › Tải tệp kế hoạch hoặc bộ tiêu chí) hoặc dùng lệnh tieuchi với --plan.`,
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
